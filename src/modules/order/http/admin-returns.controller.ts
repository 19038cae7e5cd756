import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { ReturnDto } from '../dto/order.dto';
import { OrderService } from '../order.service';
import { ADMIN_RETURN_LIST as LIST, ADMIN_RETURN_RETRIEVE as RETRIEVE } from './order-fields';

@ApiTags('Admin Returns')
@ApiAdminAuth()
@Controller('admin/returns')
export class AdminReturnsController {
  constructor(private readonly orders: OrderService) {}

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
}
