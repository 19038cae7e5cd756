import { Module } from '@nestjs/common';
import { CompleteCartHooks } from '../../flows/cart/complete-cart.hooks';
import { CompleteCartFlows } from '../../flows/cart/complete-cart.service';
import { LinksModule } from '../../links/links.module';
import { OrderCheckoutLinksModule } from '../../links/order-checkout-links.module';
import { CustomerModule } from '../customer/customer.module';
import { FulfillmentModule } from '../fulfillment/fulfillment.module';
import { InventoryModule } from '../inventory/inventory.module';
import { OrderModule } from '../order/order.module';
import { PaymentModule } from '../payment/payment.module';
import { ProductModule } from '../product/product.module';
import { PromotionModule } from '../promotion/promotion.module';
import { CartStoreModule } from './cart-store.module';
import { CartModule } from './cart.module';
import { StoreCartCompleteController } from './http/store-cart-complete.controller';

/**
 * Checkout: `POST /store/carts/:id/complete` and the flow behind it, which combines the cart with
 * orders, payments, promotions, stock, shipping and customers. `CompleteCartHooks` is exported so
 * plugins (and tests) can register handlers.
 */
@Module({
  imports: [
    CartModule,
    CartStoreModule,
    OrderModule,
    PaymentModule,
    PromotionModule,
    InventoryModule,
    FulfillmentModule,
    CustomerModule,
    ProductModule,
    LinksModule,
    OrderCheckoutLinksModule,
  ],
  controllers: [StoreCartCompleteController],
  providers: [CompleteCartFlows, CompleteCartHooks],
  exports: [CompleteCartFlows, CompleteCartHooks],
})
export class CartCheckoutModule {}
