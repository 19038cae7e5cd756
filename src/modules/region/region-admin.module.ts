import { Module } from '@nestjs/common';
import { LinksModule } from '../../links/links.module';
import { PaymentModule } from '../payment/payment.module';
import { AdminRegionsController } from './http/admin-regions.controller';
import { AdminRegionViews } from './http/admin-region-views';
import { RegionModule } from './region.module';

/**
 * The admin region routes. A region's payment providers belong to the payment module (through the
 * `region_payment_provider` link), so these routes combine both; RegionModule itself stays free of
 * the payment module, which may need regions later without a cycle.
 */
@Module({
  imports: [RegionModule, PaymentModule, LinksModule],
  controllers: [AdminRegionsController],
  providers: [AdminRegionViews],
})
export class RegionAdminModule {}
