import { Module } from '@nestjs/common';
import { OrderFlowsModule } from '../../flows/order/order-flows.module';
import { LinksModule } from '../../links/links.module';
import { FulfillmentModule } from './fulfillment.module';
import { AdminFulfillmentsController } from './http/admin-fulfillments.controller';

/**
 * `/admin/fulfillments`: a fulfillment of an order is canceled and shipped through the order's flows
 * (units, stock, reservations, events move with it), so these routes need the order flows, which
 * need this module's facade: they live here, beside FulfillmentModule, to keep the imports acyclic.
 */
@Module({
  imports: [FulfillmentModule, OrderFlowsModule, LinksModule],
  controllers: [AdminFulfillmentsController],
})
export class FulfillmentAdminModule {}
