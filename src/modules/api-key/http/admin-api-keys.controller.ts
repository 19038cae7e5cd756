import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { LinkBodyDto } from '../../../framework/http/bodies';
import { deleteEnvelope, listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, ListQuerySpec, RetrieveQuery, RetrieveQuerySpec } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { PublishableKeySalesChannelLinks } from '../../../links/publishable-key-sales-channel.service';
import { SalesChannelService } from '../../sales-channel/sales-channel.service';
import { ApiKeyService } from '../api-key.service';
import { ApiKeyView } from '../api-key.types';
import { ApiKeyDto, CreateApiKeyDto, RevokeApiKeyDto, UpdateApiKeyDto } from '../dto/api-key.dto';

const FIELDS = ['id', 'title', 'token', 'redacted', 'type', 'last_used_at', 'created_by', 'revoked_by', 'revoked_at', 'created_at', 'updated_at', 'deleted_at'];
const RETRIEVE: RetrieveQuerySpec = { defaults: [...FIELDS, 'sales_channels.id', 'sales_channels.name'], allowed: [...FIELDS, 'sales_channels'] };
const LIST: ListQuerySpec = {
  ...RETRIEVE,
  defaultLimit: 20,
  maxLimit: 100,
  order: { allowed: ['title', 'created_at', 'updated_at', 'revoked_at'], default: 'created_at' },
  filters: { id: { type: 'string' }, title: { type: 'string' }, type: { type: 'string' }, created_at: { type: 'date' }, revoked_at: { type: 'date' } },
  q: true,
};

@ApiTags('Admin API Keys')
@ApiAdminAuth()
@Controller('admin/api-keys')
export class AdminApiKeysController {
  constructor(
    private readonly keys: ApiKeyService,
    private readonly links: PublishableKeySalesChannelLinks,
    private readonly salesChannels: SalesChannelService,
  ) {}

  /** Adds `sales_channels: [{id, name}]` to each key: two queries for the whole page. */
  private async withSalesChannels(ctx: Context, keys: ApiKeyView[]) {
    const channelIds = await this.links.channelsOf(ctx, keys.map((k) => k.id));
    const names = await this.salesChannels.namesByIds(ctx, [...channelIds.values()].flat());
    return keys.map((key) => ({
      ...key,
      sales_channels: (channelIds.get(key.id) ?? []).filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id)! })),
    }));
  }

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('api_keys', ApiKeyDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [keys, count] = await this.keys.list(ctx, query);
    const full = await this.withSalesChannels(ctx, keys);
    return listEnvelope('api_keys', full.map((k) => projectFields(k, query.fields)), { count, ...query });
  }

  @Post()
  @ApiSingleResponse('api_key', ApiKeyDto, 'A secret key\'s full token appears in this response only')
  @ApiErrors(400, 401)
  async create(@Ctx() ctx: Context, @Body() body: CreateApiKeyDto) {
    const [key] = await this.withSalesChannels(ctx, [await this.keys.create(ctx, body)]);
    return { api_key: key };
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('api_key', ApiKeyDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    const [key] = await this.withSalesChannels(ctx, [await this.keys.retrieve(ctx, id)]);
    return { api_key: projectFields(key, query.fields) };
  }

  @Post(':id')
  @ApiSingleResponse('api_key', ApiKeyDto)
  @ApiErrors(400, 401, 404)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateApiKeyDto) {
    const [key] = await this.withSalesChannels(ctx, [await this.keys.update(ctx, id, body)]);
    return { api_key: key };
  }

  @Delete(':id')
  @ApiDeleteResponse('api_key')
  @ApiErrors(400, 401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.keys.delete(ctx, id);
    return deleteEnvelope(id, 'api_key');
  }

  @Post(':id/revoke')
  @ApiSingleResponse('api_key', ApiKeyDto)
  @ApiErrors(400, 401, 404)
  async revoke(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: RevokeApiKeyDto) {
    const [key] = await this.withSalesChannels(ctx, [await this.keys.revoke(ctx, id, body.revoke_in ?? 0)]);
    return { api_key: key };
  }

  @Post(':id/sales-channels')
  @ApiSingleResponse('api_key', ApiKeyDto)
  @ApiErrors(400, 401, 404)
  async linkSalesChannels(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: LinkBodyDto) {
    await this.keys.assertPublishable(ctx, id);
    await this.salesChannels.assertExist(ctx, body.add ?? []);
    await this.links.add(ctx, id, body.add ?? []);
    await this.links.remove(ctx, id, body.remove ?? []);
    await this.keys.invalidateCache();
    const [key] = await this.withSalesChannels(ctx, [await this.keys.retrieve(ctx, id)]);
    return { api_key: key };
  }
}
