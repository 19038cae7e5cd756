import { Module } from '@nestjs/common';
import { CartFlows } from '../../flows/cart/cart-flows.service';
import { StoreCartViews } from '../../flows/cart/store-cart-view';
import { LinksModule } from '../../links/links.module';
import { CustomerModule } from '../customer/customer.module';
import { FulfillmentModule } from '../fulfillment/fulfillment.module';
import { InventoryModule } from '../inventory/inventory.module';
import { PaymentModule } from '../payment/payment.module';
import { PromotionModule } from '../promotion/promotion.module';
import { TaxModule } from '../tax/tax.module';
import { PricingModule } from '../pricing/pricing.module';
import { ProductModule } from '../product/product.module';
import { RegionModule } from '../region/region.module';
import { StoreModule } from '../store/store.module';
import { CartModule } from './cart.module';
import { StoreCartsController } from './http/store-carts.controller';
import { StorePaymentCollectionsController } from './http/store-payment-collections.controller';
import { StoreShippingOptionsController } from './http/store-shipping-options.controller';

/**
 * The store cart routes. They combine the cart with regions, products, prices and stock through
 * the flows, so they live beside CartModule (which must stay free of those dependencies).
 */
@Module({
  imports: [
    CartModule,
    RegionModule,
    StoreModule,
    ProductModule,
    PricingModule,
    InventoryModule,
    LinksModule,
    TaxModule,
    PromotionModule,
    FulfillmentModule,
    PaymentModule,
    CustomerModule,
  ],
  controllers: [StoreCartsController, StoreShippingOptionsController, StorePaymentCollectionsController],
  providers: [CartFlows, StoreCartViews],
  exports: [CartFlows, StoreCartViews],
})
export class CartStoreModule {}
