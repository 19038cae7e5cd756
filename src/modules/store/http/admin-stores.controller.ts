import { Body, Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, ListQuerySpec, RetrieveQuery, RetrieveQuerySpec } from '../../../framework/http/list-query';
import { ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { StoreDto, UpdateStoreDto } from '../dto/store.dto';
import { StoreService } from '../store.service';

const FIELDS = ['id', 'name', 'default_sales_channel_id', 'default_region_id', 'default_location_id', 'metadata', 'created_at', 'updated_at'];
const RETRIEVE: RetrieveQuerySpec = { defaults: [...FIELDS, 'supported_currencies.*'], allowed: [...FIELDS, 'supported_currencies'] };
const LIST: ListQuerySpec = {
  ...RETRIEVE,
  defaultLimit: 20,
  maxLimit: 100,
  order: { allowed: ['name', 'created_at', 'updated_at'], default: 'created_at' },
  filters: { id: { type: 'string' }, name: { type: 'string' }, created_at: { type: 'date' }, updated_at: { type: 'date' } },
  q: true,
};

@ApiTags('Admin Stores')
@ApiAdminAuth()
@Controller('admin/stores')
export class AdminStoresController {
  constructor(private readonly stores: StoreService) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('stores', StoreDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [stores, count] = await this.stores.list(ctx, query);
    return listEnvelope('stores', stores.map((s) => projectFields(s, query.fields)), { count, ...query });
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('store', StoreDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { store: projectFields(await this.stores.retrieve(ctx, id), query.fields) };
  }

  @Post(':id')
  @ApiSingleResponse('store', StoreDto)
  @ApiErrors(400, 401, 404)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateStoreDto) {
    return { store: await this.stores.update(ctx, id, body) };
  }
}
