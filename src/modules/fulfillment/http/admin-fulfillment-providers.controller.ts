import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery } from '../../../framework/http/list-query';
import { ApiListQuery, ApiListResponse, ListParams } from '../../../framework/http/route-docs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { FulfillmentOptionsResponseDto, FulfillmentProviderDto } from '../dto/shipping.dto';
import { FulfillmentService } from '../fulfillment.service';
import { idsParam } from './extra-params';
import { ADMIN_FULFILLMENT_PROVIDER_LIST as LIST } from './fulfillment-fields';

@ApiTags('Admin Fulfillment Providers')
@ApiAdminAuth()
@Controller('admin/fulfillment-providers')
export class AdminFulfillmentProvidersController {
  constructor(private readonly fulfillment: FulfillmentService) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiQuery({ name: 'stock_location_id', required: false, schema: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] } })
  @ApiListResponse('fulfillment_providers', FulfillmentProviderDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [providers, count] = await this.fulfillment.listProviders(ctx, query, idsParam(query.extra, 'stock_location_id'));
    return listEnvelope('fulfillment_providers', providers.map((p) => projectFields(p, query.fields)), { count, ...query });
  }

  @Get(':id/options')
  @ApiOkResponse({ type: FulfillmentOptionsResponseDto })
  @ApiErrors(401, 404)
  async options(@Ctx() ctx: Context, @Param('id') id: string) {
    const options = await this.fulfillment.providerOptions(ctx, id);
    return { fulfillment_options: options, count: options.length, offset: 0, limit: options.length };
  }
}
