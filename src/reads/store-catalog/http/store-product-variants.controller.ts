import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { listEnvelope } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiStoreAuth } from '../../../framework/openapi/security';
import { STORE_VARIANT_LIST as LIST, STORE_VARIANT_RETRIEVE as RETRIEVE } from '../catalog-fields';
import { StoreVariantDto } from '../dto/store-product.dto';
import { StoreCatalogService, StoreScope } from '../store-catalog.service';
import { ApiPricingQuery } from './pricing-query.docs';
import { Scope } from './store-scope.decorator';

@ApiTags('Store Product Variants')
@ApiStoreAuth()
@Controller('store/product-variants')
export class StoreProductVariantsController {
  constructor(private readonly catalog: StoreCatalogService) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiPricingQuery()
  @ApiListResponse('variants', StoreVariantDto)
  @ApiErrors(400, 404)
  async list(@Ctx() ctx: Context, @Scope() scope: StoreScope, @ListParams(LIST) query: ListQuery) {
    const { items, count } = await this.catalog.listVariants(ctx, scope, query);
    return listEnvelope('variants', items, { count, ...query });
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiPricingQuery()
  @ApiSingleResponse('variant', StoreVariantDto)
  @ApiErrors(400, 404)
  async retrieve(@Ctx() ctx: Context, @Scope() scope: StoreScope, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { variant: await this.catalog.retrieveVariant(ctx, scope, id, query) };
  }
}
