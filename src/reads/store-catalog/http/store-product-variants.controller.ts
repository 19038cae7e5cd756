import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { listEnvelope } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiNotModified } from './pricing-query.docs';
import { ApiStoreAuth } from '../../../framework/openapi/security';
import { STORE_VARIANT_LIST as LIST, STORE_VARIANT_RETRIEVE as RETRIEVE } from '../catalog-fields';
import { StoreVariantDto } from '../dto/store-product.dto';
import { cacheableFields, StoreResponseCache } from '../response-cache';
import { StoreCatalogService, StoreScope } from '../store-catalog.service';
import { ApiPricingQuery } from './pricing-query.docs';
import { Scope } from './store-scope.decorator';

@ApiTags('Store Product Variants')
@ApiStoreAuth()
@Controller('store/product-variants')
export class StoreProductVariantsController {
  constructor(
    private readonly catalog: StoreCatalogService,
    private readonly cache: StoreResponseCache,
  ) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiPricingQuery()
  @ApiListResponse('variants', StoreVariantDto)
  @ApiErrors(400, 404)
  @ApiNotModified()
  async list(
    @Ctx() ctx: Context,
    @Scope() scope: StoreScope,
    @ListParams(LIST) query: ListQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const scoped = await this.catalog.withCustomerGroups(ctx, scope);
    return this.cache.respond(ctx, req, res, scoped, cacheableFields(query.fields, 'inventory_quantity'), async () => {
      const { items, count } = await this.catalog.listVariants(ctx, scoped, query);
      return listEnvelope('variants', items, { count, ...query });
    });
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiPricingQuery()
  @ApiSingleResponse('variant', StoreVariantDto)
  @ApiErrors(400, 404)
  @ApiNotModified()
  async retrieve(
    @Ctx() ctx: Context,
    @Scope() scope: StoreScope,
    @Param('id') id: string,
    @RetrieveParams(RETRIEVE) query: RetrieveQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const scoped = await this.catalog.withCustomerGroups(ctx, scope);
    return this.cache.respond(ctx, req, res, scoped, cacheableFields(query.fields, 'inventory_quantity'), async () => ({
      variant: await this.catalog.retrieveVariant(ctx, scoped, id, query),
    }));
  }
}
