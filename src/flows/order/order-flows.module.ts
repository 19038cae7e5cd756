import { Module } from '@nestjs/common';
import { LinksModule } from '../../links/links.module';
import { CustomerModule } from '../../modules/customer/customer.module';
import { FulfillmentModule } from '../../modules/fulfillment/fulfillment.module';
import { InventoryModule } from '../../modules/inventory/inventory.module';
import { OrderModule } from '../../modules/order/order.module';
import { PaymentModule } from '../../modules/payment/payment.module';
import { ProductModule } from '../../modules/product/product.module';
import { OrderDetails } from './order-details';
import { OrderFlows } from './order-flows.service';
import { OrderLineStock } from './order-line-stock';
import { OrderReturnFlows } from './order-return-flows.service';

/**
 * The order's cross-module reads and writes (detail view, fulfilment, payments, cancel, returns),
 * shared by the admin order routes and the admin payment routes (OrderAdminModule, PaymentAdminModule).
 */
@Module({
  imports: [OrderModule, PaymentModule, FulfillmentModule, InventoryModule, ProductModule, CustomerModule, LinksModule],
  providers: [OrderDetails, OrderFlows, OrderReturnFlows, OrderLineStock],
  exports: [OrderDetails, OrderFlows, OrderReturnFlows],
})
export class OrderFlowsModule {}
