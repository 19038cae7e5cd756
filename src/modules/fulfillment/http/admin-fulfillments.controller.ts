import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { OrderFlows } from '../../../flows/order/order-flows.service';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { projectFields } from '../../../framework/http/envelopes';
import { RetrieveQuery } from '../../../framework/http/list-query';
import { ApiRetrieveQuery, ApiSingleResponse, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { CreateFulfillmentDto, CreateShipmentDto, FulfillmentDto } from '../dto/fulfillment.dto';
import { OrderFulfillmentLinks } from '../../../links/order-links.service';
import { FulfillmentService } from '../fulfillment.service';
import { ADMIN_FULFILLMENT_RETRIEVE as RETRIEVE } from './fulfillment-fields';

@ApiTags('Admin Fulfillments')
@ApiAdminAuth()
@Controller('admin/fulfillments')
export class AdminFulfillmentsController {
  constructor(
    private readonly fulfillment: FulfillmentService,
    private readonly orderFlows: OrderFlows,
    private readonly orderLinks: OrderFulfillmentLinks,
  ) {}

  @Post()
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('fulfillment', FulfillmentDto)
  @ApiErrors(400, 401, 404)
  async create(@Ctx() ctx: Context, @Body() body: CreateFulfillmentDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    const { order_id: _orderId, ...input } = body;
    return { fulfillment: projectFields(await this.fulfillment.createFulfillment(ctx, input), query.fields) };
  }

  @Post(':id/cancel')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('fulfillment', FulfillmentDto)
  @ApiErrors(400, 401, 404)
  async cancel(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    // an order's fulfillment: the order's units, stock and reservations must follow (Medusa's
    // cancelOrderFulfillmentWorkflow), so it goes through the order flow
    const orderId = await this.orderLinks.orderOfFulfillment(ctx, id);
    if (orderId) await this.orderFlows.cancelFulfillment(ctx, orderId, id);
    else await this.fulfillment.cancelFulfillment(ctx, id);
    return { fulfillment: projectFields(await this.fulfillment.retrieveFulfillment(ctx, id), query.fields) };
  }

  @Post(':id/shipment')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('fulfillment', FulfillmentDto)
  @ApiErrors(400, 401, 404)
  async shipment(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: CreateShipmentDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    const orderId = await this.orderLinks.orderOfFulfillment(ctx, id);
    if (orderId) await this.orderFlows.createShipment(ctx, { order_id: orderId, fulfillment_id: id, labels: body.labels });
    else await this.fulfillment.createShipment(ctx, id, body);
    return { fulfillment: projectFields(await this.fulfillment.retrieveFulfillment(ctx, id), query.fields) };
  }
}
