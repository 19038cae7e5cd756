import { Body, Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { OrderDetails } from '../../../flows/order/order-details';
import { OrderFlows } from '../../../flows/order/order-flows.service';
import { CancelOrderFulfillmentDto, CreateOrderFulfillmentDto, CreateOrderShipmentDto } from '../dto/order-actions.dto';
import { OrderDto, OrderItemsResponseDto, UpdateOrderDto } from '../dto/order.dto';
import { OrderService } from '../order.service';
import { ADMIN_ORDER_LIST as LIST, ADMIN_ORDER_RETRIEVE as RETRIEVE } from './order-fields';

@ApiTags('Admin Orders')
@ApiAdminAuth()
@Controller('admin/orders')
export class AdminOrdersController {
  constructor(
    private readonly orders: OrderService,
    private readonly details: OrderDetails,
    private readonly flows: OrderFlows,
  ) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('orders', OrderDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [orders, count] = await this.details.list(ctx, query);
    return listEnvelope('orders', orders.map((o) => projectFields(o, query.fields)), { count, ...query });
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('order', OrderDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { order: projectFields(await this.details.retrieve(ctx, id, query.fields.relations), query.fields) };
  }

  @Post(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('order', OrderDto)
  @ApiErrors(400, 401, 404)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateOrderDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.orders.update(ctx, id, body);
    return { order: projectFields(await this.details.retrieve(ctx, id), query.fields) };
  }

  @Post(':id/cancel')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('order', OrderDto)
  @ApiErrors(400, 401, 404)
  async cancel(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { order: projectFields(await this.flows.cancelOrder(ctx, id), query.fields) };
  }

  @Post(':id/complete')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('order', OrderDto)
  @ApiErrors(400, 401, 404)
  async complete(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.orders.complete(ctx, id);
    return { order: projectFields(await this.details.retrieve(ctx, id), query.fields) };
  }

  @Post(':id/archive')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('order', OrderDto)
  @ApiErrors(400, 401, 404)
  async archive(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.orders.archive(ctx, id);
    return { order: projectFields(await this.details.retrieve(ctx, id), query.fields) };
  }

  @Get(':id/line-items')
  @ApiOkResponse({ type: OrderItemsResponseDto })
  @ApiErrors(401, 404)
  async lineItems(@Ctx() ctx: Context, @Param('id') id: string) {
    return { order_items: await this.orders.listLineItems(ctx, id) };
  }

  @Post(':id/fulfillments')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('order', OrderDto)
  @ApiErrors(400, 401, 404)
  async createFulfillment(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: CreateOrderFulfillmentDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { order: projectFields(await this.flows.createFulfillment(ctx, { ...body, order_id: id }), query.fields) };
  }

  @Post(':id/fulfillments/:fulfillment_id/cancel')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('order', OrderDto)
  @ApiErrors(400, 401, 404)
  async cancelFulfillment(
    @Ctx() ctx: Context,
    @Param('id') id: string,
    @Param('fulfillment_id') fulfillmentId: string,
    @Body() body: CancelOrderFulfillmentDto,
    @RetrieveParams(RETRIEVE) query: RetrieveQuery,
  ) {
    return { order: projectFields(await this.flows.cancelFulfillment(ctx, id, fulfillmentId, body.no_notification), query.fields) };
  }

  @Post(':id/fulfillments/:fulfillment_id/shipments')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('order', OrderDto)
  @ApiErrors(400, 401, 404)
  async createShipment(
    @Ctx() ctx: Context,
    @Param('id') id: string,
    @Param('fulfillment_id') fulfillmentId: string,
    @Body() body: CreateOrderShipmentDto,
    @RetrieveParams(RETRIEVE) query: RetrieveQuery,
  ) {
    return { order: projectFields(await this.flows.createShipment(ctx, { ...body, order_id: id, fulfillment_id: fulfillmentId }), query.fields) };
  }

  @Post(':id/fulfillments/:fulfillment_id/mark-as-delivered')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('order', OrderDto)
  @ApiErrors(400, 401, 404)
  async markDelivered(@Ctx() ctx: Context, @Param('id') id: string, @Param('fulfillment_id') fulfillmentId: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { order: projectFields(await this.flows.markDelivered(ctx, id, fulfillmentId), query.fields) };
  }
}
