import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { listEnvelope } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiStoreAuth } from '../../../framework/openapi/security';
import { ProductCategoryDto } from '../dto/product-category.dto';
import type { ProductAudience } from '../taxonomy/taxonomy-products';
import { StorefrontAudience } from './storefront-audience.decorator';
import { ProductCategoryReader } from '../taxonomy/product-category.reader';
import { ApiCategoryTreeQuery, categoryTreeOptions, projectCategory } from './category-params';
import { STORE_CATEGORY_LIST as LIST, STORE_CATEGORY_RETRIEVE as RETRIEVE } from './taxonomy-fields';

/** Only active, public categories whose ancestors are active and public too. */
@ApiTags('Store Product Categories')
@ApiStoreAuth()
@Controller('store/product-categories')
export class StoreProductCategoriesController {
  constructor(private readonly reader: ProductCategoryReader) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiCategoryTreeQuery()
  @ApiListResponse('product_categories', ProductCategoryDto)
  @ApiErrors(400)
  async list(@Ctx() ctx: Context, @StorefrontAudience() audience: ProductAudience, @ListParams(LIST) query: ListQuery) {
    const [categories, count] = await this.reader.list(ctx, query, categoryTreeOptions('store', query.fields, query.extra, audience));
    return listEnvelope('product_categories', categories.map((c) => projectCategory(c, query.fields)), { count, ...query });
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiCategoryTreeQuery()
  @ApiSingleResponse('product_category', ProductCategoryDto)
  @ApiErrors(400, 404)
  async retrieve(@Ctx() ctx: Context, @StorefrontAudience() audience: ProductAudience, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    const view = await this.reader.retrieve(ctx, id, categoryTreeOptions('store', query.fields, query.extra, audience));
    return { product_category: projectCategory(view, query.fields) };
  }
}
