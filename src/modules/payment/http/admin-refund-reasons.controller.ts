import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { deleteEnvelope, listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { CreateRefundReasonDto, RefundReasonDto, UpdateRefundReasonDto } from '../dto/payment.dto';
import { RefundReasons } from '../refund-reasons';
import { ADMIN_REFUND_REASON_LIST as LIST, ADMIN_REFUND_REASON_RETRIEVE as RETRIEVE } from './payment-fields';

@ApiTags('Admin Refund Reasons')
@ApiAdminAuth()
@Controller('admin/refund-reasons')
export class AdminRefundReasonsController {
  constructor(private readonly reasons: RefundReasons) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('refund_reasons', RefundReasonDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [reasons, count] = await this.reasons.list(ctx, query);
    return listEnvelope('refund_reasons', reasons.map((r) => projectFields(r, query.fields)), { count, ...query });
  }

  @Post()
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('refund_reason', RefundReasonDto)
  @ApiErrors(400, 401, 422)
  async create(@Ctx() ctx: Context, @Body() body: CreateRefundReasonDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { refund_reason: projectFields(await this.reasons.create(ctx, body), query.fields) };
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('refund_reason', RefundReasonDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { refund_reason: projectFields(await this.reasons.retrieve(ctx, id), query.fields) };
  }

  @Post(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('refund_reason', RefundReasonDto)
  @ApiErrors(400, 401, 404, 422)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateRefundReasonDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { refund_reason: projectFields(await this.reasons.update(ctx, id, body), query.fields) };
  }

  @Delete(':id')
  @ApiDeleteResponse('refund_reason')
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.reasons.delete(ctx, id);
    return deleteEnvelope(id, 'refund_reason');
  }
}
