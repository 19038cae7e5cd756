import { Module } from '@nestjs/common';
import { ormFeature } from '../../framework/database/entity-registry';
import { OrderItem, OrderLineItem, OrderLineItemAdjustment, OrderLineItemTaxLine } from './entities/line-item.entity';
import { Order, OrderAddress, OrderCreditLine, OrderSummary, OrderTransaction } from './entities/order.entity';
import { Return, ReturnItem, ReturnReason } from './entities/return.entity';
import {
  OrderShipping,
  OrderShippingMethod,
  OrderShippingMethodAdjustment,
  OrderShippingMethodTaxLine,
} from './entities/shipping-method.entity';
import { AdminOrdersController } from './http/admin-orders.controller';
import { AdminReturnsController } from './http/admin-returns.controller';
import { AdminReturnReasonsController, StoreReturnReasonsController } from './http/return-reasons.controller';
import { StoreOrdersController } from './http/store-orders.controller';
import { OrderQuantities } from './order-quantities';
import { OrderReturns } from './order-returns';
import { OrderService } from './order.service';
import { ReturnReasonService } from './return-reasons.service';

@Module({
  imports: [
    ormFeature([
      Order,
      OrderAddress,
      OrderSummary,
      OrderTransaction,
      OrderCreditLine,
      OrderLineItem,
      OrderLineItemAdjustment,
      OrderLineItemTaxLine,
      OrderItem,
      OrderShippingMethod,
      OrderShippingMethodAdjustment,
      OrderShippingMethodTaxLine,
      OrderShipping,
      Return,
      ReturnItem,
      ReturnReason,
    ]),
  ],
  controllers: [AdminOrdersController, StoreOrdersController, AdminReturnsController, AdminReturnReasonsController, StoreReturnReasonsController],
  providers: [OrderService, OrderQuantities, OrderReturns, ReturnReasonService],
  exports: [OrderService],
})
export class OrderModule {}
