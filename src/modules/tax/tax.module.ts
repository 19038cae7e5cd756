import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ormFeature } from '../../framework/database/entity-registry';
import { ProductModule } from '../product/product.module';
import { TaxProvider } from './entities/tax-provider.entity';
import { TaxRateRule } from './entities/tax-rate-rule.entity';
import { TaxRate } from './entities/tax-rate.entity';
import { TaxRegion } from './entities/tax-region.entity';
import { AdminTaxProvidersController } from './http/admin-tax-providers.controller';
import { AdminTaxRatesController } from './http/admin-tax-rates.controller';
import { AdminTaxRegionsController } from './http/admin-tax-regions.controller';
import { TaxRatesService } from './tax-rates.service';
import { TaxRegionsService } from './tax-regions.service';
import { TaxService } from './tax.service';
import { SystemTaxProvider } from './providers/system-tax.provider';
import { TaxProviderRegistry } from './providers/tax-provider-registry';

/**
 * Tax regions, rates with rules, providers (the built-in `tp_system`, plugins' `@RegisterTaxProvider()`
 * classes and the configuration file's `modules.tax.options.providers`), and tax lines for carts and orders.
 */
@Module({
  // product rules must name existing products
  imports: [ormFeature([TaxProvider, TaxRegion, TaxRate, TaxRateRule]), ProductModule, DiscoveryModule],
  controllers: [AdminTaxRegionsController, AdminTaxRatesController, AdminTaxProvidersController],
  providers: [TaxService, TaxRegionsService, TaxRatesService, SystemTaxProvider, TaxProviderRegistry],
  exports: [TaxService],
})
export class TaxModule {}
