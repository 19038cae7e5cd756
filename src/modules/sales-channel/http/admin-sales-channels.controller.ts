import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { deleteEnvelope, listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, ListQuerySpec, RetrieveQuery, RetrieveQuerySpec } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { CreateSalesChannelDto, SalesChannelDto, UpdateSalesChannelDto } from '../dto/sales-channel.dto';
import { SalesChannelService } from '../sales-channel.service';

const FIELDS = ['id', 'name', 'description', 'is_disabled', 'metadata', 'created_at', 'updated_at', 'deleted_at'];
const RETRIEVE: RetrieveQuerySpec = { defaults: FIELDS, allowed: FIELDS };
const LIST: ListQuerySpec = {
  ...RETRIEVE,
  defaultLimit: 20,
  maxLimit: 100,
  order: { allowed: ['name', 'created_at', 'updated_at'], default: 'created_at' },
  filters: {
    id: { type: 'string' },
    name: { type: 'string' },
    is_disabled: { type: 'boolean' },
    created_at: { type: 'date' },
    updated_at: { type: 'date' },
  },
  q: true,
};

@ApiTags('Admin Sales Channels')
@ApiAdminAuth()
@Controller('admin/sales-channels')
export class AdminSalesChannelsController {
  constructor(private readonly channels: SalesChannelService) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('sales_channels', SalesChannelDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [channels, count] = await this.channels.list(ctx, query);
    return listEnvelope('sales_channels', channels.map((c) => projectFields(c, query.fields)), { count, ...query });
  }

  @Post()
  @ApiSingleResponse('sales_channel', SalesChannelDto)
  @ApiErrors(400, 401)
  async create(@Ctx() ctx: Context, @Body() body: CreateSalesChannelDto) {
    return { sales_channel: await this.channels.create(ctx, body) };
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('sales_channel', SalesChannelDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { sales_channel: projectFields(await this.channels.retrieve(ctx, id), query.fields) };
  }

  @Post(':id')
  @ApiSingleResponse('sales_channel', SalesChannelDto)
  @ApiErrors(400, 401, 404)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateSalesChannelDto) {
    return { sales_channel: await this.channels.update(ctx, id, body) };
  }

  @Delete(':id')
  @ApiDeleteResponse('sales-channel')
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.channels.delete(ctx, id);
    return deleteEnvelope(id, 'sales-channel');
  }
}
