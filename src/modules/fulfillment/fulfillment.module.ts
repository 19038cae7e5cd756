import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ormFeature } from '../../framework/database/entity-registry';
import { LinksModule } from '../../links/links.module';
import { PricingModule } from '../pricing/pricing.module';
import { RegionModule } from '../region/region.module';
import { StockLocationModule } from '../stock-location/stock-location.module';
import { FulfillmentAddress } from './entities/fulfillment-address.entity';
import { FulfillmentItem } from './entities/fulfillment-item.entity';
import { FulfillmentLabel } from './entities/fulfillment-label.entity';
import { FulfillmentProviderRow } from './entities/fulfillment-provider.entity';
import { FulfillmentSet } from './entities/fulfillment-set.entity';
import { Fulfillment } from './entities/fulfillment.entity';
import { GeoZone } from './entities/geo-zone.entity';
import { ServiceZone } from './entities/service-zone.entity';
import { ShippingOptionRule } from './entities/shipping-option-rule.entity';
import { ShippingOptionType } from './entities/shipping-option-type.entity';
import { ShippingOption } from './entities/shipping-option.entity';
import { ShippingProfile } from './entities/shipping-profile.entity';
import { FulfillmentSets } from './fulfillment-sets.service';
import { FulfillmentService } from './fulfillment.service';
import { Fulfillments } from './fulfillments.service';
import { AdminFulfillmentProvidersController } from './http/admin-fulfillment-providers.controller';
import { AdminFulfillmentSetsController } from './http/admin-fulfillment-sets.controller';
import { AdminShippingOptionsController } from './http/admin-shipping-options.controller';
import { AdminShippingProfilesController } from './http/admin-shipping-profiles.controller';
import { FulfillmentProviderRegistry } from './providers/provider-registry';
import { ShippingAvailability } from './shipping-availability';
import { ShippingOptions } from './shipping-options.service';

/**
 * Fulfillment: sets, service and geo zones, shipping profiles, options with rules (priced in the
 * pricing module), providers and fulfillments. The stock-location side (fulfillment sets of a
 * location, its providers) is served by the stock-location admin routes through this facade.
 */
@Module({
  imports: [
    ormFeature([
      FulfillmentSet,
      ServiceZone,
      GeoZone,
      ShippingProfile,
      ShippingOptionType,
      FulfillmentProviderRow,
      ShippingOption,
      ShippingOptionRule,
      Fulfillment,
      FulfillmentAddress,
      FulfillmentItem,
      FulfillmentLabel,
    ]),
    LinksModule,
    DiscoveryModule,
    PricingModule,
    RegionModule,
    StockLocationModule,
  ],
  controllers: [
    AdminFulfillmentSetsController,
    AdminShippingOptionsController,
    AdminShippingProfilesController,
    AdminFulfillmentProvidersController,
  ],
  providers: [FulfillmentService, FulfillmentProviderRegistry, FulfillmentSets, ShippingOptions, ShippingAvailability, Fulfillments],
  exports: [FulfillmentService],
})
export class FulfillmentModule {}
