import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { batchEnvelope, deleteEnvelope, listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { runFlow } from '../../../framework/flows/flow';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { removePriceListProductsFlow } from '../../../flows/pricing/remove-price-list-products.flow';
import { VariantPriceSetLinks } from '../../../links/variant-price-set.service';
import { ProductService } from '../../product/product.service';
import { PricingService } from '../pricing.service';
import {
  BatchPriceListPricesDto,
  BatchPriceListPricesResponseDto,
  PriceListProductsDto,
  CreatePriceListDto,
  PriceListDto,
  PriceListPriceDto,
  UpdatePriceListDto,
} from '../dto/price-list.dto';
import { PriceListsService } from '../price-lists.service';
import { ADMIN_PRICE_LIST_LIST as LIST, ADMIN_PRICE_LIST_PRICES as PRICES, ADMIN_PRICE_LIST_RETRIEVE as RETRIEVE } from './pricing-fields';

@ApiTags('Admin Price Lists')
@ApiAdminAuth()
@Controller('admin/price-lists')
export class AdminPriceListsController {
  constructor(
    private readonly priceLists: PriceListsService,
    private readonly pricing: PricingService,
    private readonly products: ProductService,
    private readonly priceSetLinks: VariantPriceSetLinks,
  ) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('price_lists', PriceListDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [lists, count] = await this.priceLists.list(ctx, query);
    return listEnvelope('price_lists', lists.map((l) => projectFields(l, query.fields)), { count, ...query });
  }

  @Post()
  @ApiSingleResponse('price_list', PriceListDto)
  @ApiErrors(400, 401)
  async create(@Ctx() ctx: Context, @Body() body: CreatePriceListDto) {
    return { price_list: await this.priceLists.create(ctx, body) };
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('price_list', PriceListDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { price_list: projectFields(await this.priceLists.retrieve(ctx, id), query.fields) };
  }

  @Post(':id')
  @ApiSingleResponse('price_list', PriceListDto)
  @ApiErrors(400, 401, 404)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdatePriceListDto) {
    return { price_list: await this.priceLists.update(ctx, id, body) };
  }

  @Delete(':id')
  @ApiDeleteResponse('price_list')
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.priceLists.delete(ctx, id);
    return deleteEnvelope(id, 'price_list');
  }

  @Get(':id/prices')
  @ApiListQuery(PRICES)
  @ApiListResponse('prices', PriceListPriceDto)
  @ApiErrors(400, 401, 404)
  async prices(@Ctx() ctx: Context, @Param('id') id: string, @ListParams(PRICES) query: ListQuery) {
    const [prices, count] = await this.priceLists.listPrices(ctx, id, query);
    return listEnvelope('prices', prices.map((p) => projectFields(p, query.fields)), { count, ...query });
  }

  @Post(':id/prices/batch')
  @ApiOkResponse({ type: BatchPriceListPricesResponseDto })
  @ApiErrors(400, 401, 404)
  async batchPrices(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: BatchPriceListPricesDto) {
    const { created, updated, deleted } = await this.priceLists.batchPrices(ctx, id, body);
    return batchEnvelope('price', created, updated, deleted);
  }

  @Post(':id/products')
  @ApiSingleResponse('price_list', PriceListDto)
  @ApiErrors(400, 401, 404)
  async removeProducts(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: PriceListProductsDto) {
    await this.priceLists.retrieve(ctx, id);
    const flow = removePriceListProductsFlow({ products: this.products, pricing: this.pricing, priceSetLinks: this.priceSetLinks });
    await runFlow(ctx, flow, { priceListId: id, productIds: body.remove ?? [] });
    return { price_list: await this.priceLists.retrieve(ctx, id) };
  }
}
