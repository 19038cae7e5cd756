import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OrderReturnFlows } from '../../../flows/order/order-return-flows.service';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { deleteEnvelope, listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { BeginReturnDto, ReceiveReturnItemsDto, RequestReturnItemsDto, ReturnWithPreviewDto } from '../dto/order-actions.dto';
import { ReturnDto } from '../dto/order.dto';
import { OrderService } from '../order.service';
import { ADMIN_RETURN_LIST as LIST, ADMIN_RETURN_RETRIEVE as RETRIEVE } from './order-fields';

/**
 * Returns, as Medusa's order-change pattern: begin (`POST /admin/returns`, status open), add items,
 * confirm the request; then begin receiving, count items in, confirm the receipt (stock comes back).
 * Each step answers `{order_preview, return}`: the order as it will be once the step is confirmed.
 */
@ApiTags('Admin Returns')
@ApiAdminAuth()
@Controller('admin/returns')
export class AdminReturnsController {
  constructor(
    private readonly orders: OrderService,
    private readonly flows: OrderReturnFlows,
  ) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('returns', ReturnDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [returns, count] = await this.orders.listReturns(ctx, query);
    return listEnvelope('returns', returns.map((r) => projectFields(r, query.fields)), { count, ...query });
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('return', ReturnDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { return: projectFields(await this.orders.retrieveReturn(ctx, id), query.fields) };
  }

  @Post()
  @ApiOkResponse({ type: ReturnWithPreviewDto })
  @ApiErrors(400, 401, 404)
  async begin(@Ctx() ctx: Context, @Body() body: BeginReturnDto) {
    return this.flows.beginReturn(ctx, { order_id: body.order_id, location_id: body.location_id, no_notification: body.no_notification, metadata: body.metadata });
  }

  @Post(':id/request-items')
  @ApiOkResponse({ type: ReturnWithPreviewDto })
  @ApiErrors(400, 401, 404)
  async requestItems(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: RequestReturnItemsDto) {
    return this.flows.addReturnItems(ctx, id, body.items);
  }

  @Post(':id/request')
  @ApiOkResponse({ type: ReturnWithPreviewDto })
  @ApiErrors(400, 401, 404)
  async request(@Ctx() ctx: Context, @Param('id') id: string) {
    return this.flows.requestReturn(ctx, id);
  }

  @Delete(':id/request')
  @ApiDeleteResponse('return')
  @ApiErrors(400, 401, 404)
  async cancelRequest(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.flows.cancelReturnRequest(ctx, id);
    return deleteEnvelope(id, 'return');
  }

  @Post(':id/receive')
  @ApiOkResponse({ type: ReturnWithPreviewDto })
  @ApiErrors(400, 401, 404)
  async beginReceive(@Ctx() ctx: Context, @Param('id') id: string) {
    return this.flows.beginReceive(ctx, id);
  }

  @Delete(':id/receive')
  @ApiOkResponse({ type: ReturnWithPreviewDto })
  @ApiErrors(400, 401, 404)
  async cancelReceive(@Ctx() ctx: Context, @Param('id') id: string) {
    return this.flows.cancelReceive(ctx, id);
  }

  @Post(':id/receive-items')
  @ApiOkResponse({ type: ReturnWithPreviewDto })
  @ApiErrors(400, 401, 404)
  async receiveItems(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: ReceiveReturnItemsDto) {
    return this.flows.receiveItems(ctx, id, body.items);
  }

  @Post(':id/receive/confirm')
  @ApiOkResponse({ type: ReturnWithPreviewDto })
  @ApiErrors(400, 401, 404)
  async confirmReceive(@Ctx() ctx: Context, @Param('id') id: string) {
    return this.flows.confirmReceive(ctx, id);
  }

  @Post(':id/cancel')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('return', ReturnDto)
  @ApiErrors(400, 401, 404)
  async cancel(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { return: projectFields(await this.flows.cancelReturn(ctx, id), query.fields) };
  }
}
