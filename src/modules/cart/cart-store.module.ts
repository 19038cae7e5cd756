import { Module } from '@nestjs/common';
import { CartFlows } from '../../flows/cart/cart-flows.service';
import { StoreCartViews } from '../../flows/cart/store-cart-view';
import { LinksModule } from '../../links/links.module';
import { InventoryModule } from '../inventory/inventory.module';
import { PricingModule } from '../pricing/pricing.module';
import { ProductModule } from '../product/product.module';
import { RegionModule } from '../region/region.module';
import { StoreModule } from '../store/store.module';
import { CartModule } from './cart.module';
import { StoreCartsController } from './http/store-carts.controller';

/**
 * The store cart routes. They combine the cart with regions, products, prices and stock through
 * the flows, so they live beside CartModule (which must stay free of those dependencies).
 */
@Module({
  imports: [CartModule, RegionModule, StoreModule, ProductModule, PricingModule, InventoryModule, LinksModule],
  controllers: [StoreCartsController],
  providers: [CartFlows, StoreCartViews],
  exports: [CartFlows, StoreCartViews],
})
export class CartStoreModule {}
