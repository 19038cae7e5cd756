import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { runFlow } from '../../../framework/flows/flow';
import { batchEnvelope, deleteEnvelope, listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { createShippingOptionFlow, deleteShippingOptionFlow, updateShippingOptionFlow } from '../../../flows/fulfillment/shipping-option.flows';
import { ShippingOptionPriceSetLinks } from '../../../links/fulfillment-links.service';
import { PricingService } from '../../pricing/pricing.service';
import { RegionService } from '../../region/region.service';
import { AdminRulesBatchDto, CreateShippingOptionDto, RulesBatchResponseDto, ShippingOptionDto, UpdateShippingOptionDto } from '../dto/shipping.dto';
import { FulfillmentService } from '../fulfillment.service';
import { booleanParam, idsParam } from './extra-params';
import { ADMIN_SHIPPING_OPTION_LIST as LIST, ADMIN_SHIPPING_OPTION_RETRIEVE as RETRIEVE } from './fulfillment-fields';

@ApiTags('Admin Shipping Options')
@ApiAdminAuth()
@Controller('admin/shipping-options')
export class AdminShippingOptionsController {
  constructor(
    private readonly fulfillment: FulfillmentService,
    private readonly pricing: PricingService,
    private readonly regions: RegionService,
    private readonly priceLinks: ShippingOptionPriceSetLinks,
  ) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiQuery({ name: 'stock_location_id', required: false, schema: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] } })
  @ApiQuery({ name: 'is_return', required: false, type: Boolean })
  @ApiQuery({ name: 'admin_only', required: false, type: Boolean })
  @ApiListResponse('shipping_options', ShippingOptionDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const filters = {
      stock_location_id: idsParam(query.extra, 'stock_location_id'),
      is_return: booleanParam(query.extra, 'is_return'),
      admin_only: booleanParam(query.extra, 'admin_only'),
    };
    const [options, count] = await this.fulfillment.listShippingOptions(ctx, query, filters);
    return listEnvelope('shipping_options', options.map((o) => projectFields(o, query.fields)), { count, ...query });
  }

  @Post()
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('shipping_option', ShippingOptionDto)
  @ApiErrors(400, 401, 404)
  async create(@Ctx() ctx: Context, @Body() body: CreateShippingOptionDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    const id = await runFlow(ctx, createShippingOptionFlow(this.services()), body);
    return this.answer(ctx, id, query);
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('shipping_option', ShippingOptionDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.answer(ctx, id, query);
  }

  @Post(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('shipping_option', ShippingOptionDto)
  @ApiErrors(400, 401, 404)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateShippingOptionDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await runFlow(ctx, updateShippingOptionFlow(this.services()), { id, changes: body });
    return this.answer(ctx, id, query);
  }

  @Delete(':id')
  @ApiDeleteResponse('shipping_option')
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await runFlow(ctx, deleteShippingOptionFlow(this.services()), id);
    return deleteEnvelope(id, 'shipping_option');
  }

  @Post(':id/rules/batch')
  @ApiOkResponse({ type: RulesBatchResponseDto })
  @ApiErrors(400, 401, 404)
  async batchRules(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: AdminRulesBatchDto) {
    const result = await this.fulfillment.batchShippingOptionRules(ctx, id, body);
    return batchEnvelope('shipping_option_rule', result.created, result.updated, result.deleted);
  }

  private services() {
    return { fulfillment: this.fulfillment, pricing: this.pricing, regions: this.regions, priceLinks: this.priceLinks };
  }

  private async answer(ctx: Context, id: string, query: RetrieveQuery) {
    return { shipping_option: projectFields(await this.fulfillment.retrieveShippingOption(ctx, id), query.fields) };
  }
}
