import { Module } from '@nestjs/common';
import { LinksModule } from '../../links/links.module';
import { FulfillmentModule } from '../fulfillment/fulfillment.module';
import { InventoryModule } from '../inventory/inventory.module';
import { PricingModule } from '../pricing/pricing.module';
import { SalesChannelModule } from '../sales-channel/sales-channel.module';
import { AdminStockLocationsController } from './http/admin-stock-locations.controller';
import { StockLocationViews } from './http/stock-location-views';
import { StockLocationModule } from './stock-location.module';

/**
 * The admin stock-location routes. Deleting a location removes its inventory levels and channel
 * links, so these routes need the inventory module, which itself needs StockLocationModule to
 * check level locations: keeping the routes here lets both modules import in one direction only.
 */
@Module({
  imports: [StockLocationModule, InventoryModule, SalesChannelModule, LinksModule, FulfillmentModule, PricingModule],
  controllers: [AdminStockLocationsController],
  providers: [StockLocationViews],
})
export class StockLocationAdminModule {}
