import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { deleteEnvelope, listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth, ApiStoreAuth } from '../../../framework/openapi/security';
import { CreateReturnReasonDto, ReturnReasonDto, UpdateReturnReasonDto } from '../dto/return-reason.dto';
import { ReturnReasonService } from '../return-reasons.service';
import { RETURN_REASON_LIST as LIST, RETURN_REASON_RETRIEVE as RETRIEVE } from './order-fields';

@ApiTags('Admin Return Reasons')
@ApiAdminAuth()
@Controller('admin/return-reasons')
export class AdminReturnReasonsController {
  constructor(private readonly reasons: ReturnReasonService) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('return_reasons', ReturnReasonDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [reasons, count] = await this.reasons.list(ctx, query);
    return listEnvelope('return_reasons', reasons.map((r) => projectFields(r, query.fields)), { count, ...query });
  }

  @Post()
  @ApiSingleResponse('return_reason', ReturnReasonDto)
  @ApiErrors(400, 401, 422)
  async create(@Ctx() ctx: Context, @Body() body: CreateReturnReasonDto) {
    return { return_reason: await this.reasons.create(ctx, body) };
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('return_reason', ReturnReasonDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { return_reason: projectFields(await this.reasons.retrieve(ctx, id), query.fields) };
  }

  @Post(':id')
  @ApiSingleResponse('return_reason', ReturnReasonDto)
  @ApiErrors(400, 401, 404, 422)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateReturnReasonDto) {
    return { return_reason: await this.reasons.update(ctx, id, body) };
  }

  @Delete(':id')
  @ApiDeleteResponse('return_reason')
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.reasons.delete(ctx, id);
    return deleteEnvelope(id, 'return_reason');
  }
}

@ApiTags('Store Return Reasons')
@ApiStoreAuth()
@Controller('store/return-reasons')
export class StoreReturnReasonsController {
  constructor(private readonly reasons: ReturnReasonService) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('return_reasons', ReturnReasonDto)
  @ApiErrors(400)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [reasons, count] = await this.reasons.list(ctx, query);
    return listEnvelope('return_reasons', reasons.map((r) => projectFields(r, query.fields)), { count, ...query });
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('return_reason', ReturnReasonDto)
  @ApiErrors(400, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { return_reason: projectFields(await this.reasons.retrieve(ctx, id), query.fields) };
  }
}
