import { Module } from '@nestjs/common';
import { OrderFlowsModule } from '../../flows/order/order-flows.module';
import { AdminOrdersController } from './http/admin-orders.controller';
import { AdminReturnsController } from './http/admin-returns.controller';
import { StoreOrdersController } from './http/store-orders.controller';
import { StoreReturnsController } from './http/store-returns.controller';
import { OrderModule } from './order.module';

/**
 * The order routes (admin and store). An order's detail combines the order module with its payment
 * collections and fulfillments, and its actions are flows across payment, fulfillment and
 * inventory, so the routes live in a module of their own: OrderModule stays free of those modules
 * (which may need orders later without a cycle).
 */
@Module({
  imports: [OrderModule, OrderFlowsModule],
  controllers: [AdminOrdersController, StoreOrdersController, AdminReturnsController, StoreReturnsController],
})
export class OrderAdminModule {}
