import { Module } from '@nestjs/common';
import { OrderFlowsModule } from '../../flows/order/order-flows.module';
import { AdminOrderPaymentCollectionsController, AdminPaymentActionsController } from './http/admin-payment-actions.controller';
import { PaymentWebhooksController } from './http/payment-webhooks.controller';
import { PaymentModule } from './payment.module';

/**
 * The payment routes that touch orders (capture, refund, a collection for an order, mark as paid,
 * provider webhooks). They run order flows, so they live outside PaymentModule, which the order flows import.
 */
@Module({
  imports: [PaymentModule, OrderFlowsModule],
  controllers: [AdminPaymentActionsController, AdminOrderPaymentCollectionsController, PaymentWebhooksController],
})
export class PaymentAdminModule {}
