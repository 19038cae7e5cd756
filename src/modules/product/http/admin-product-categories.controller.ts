import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { deleteEnvelope, listEnvelope } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { LinkProductsDto } from '../dto/product-collection.dto';
import { CreateProductCategoryDto, ProductCategoryDto, UpdateProductCategoryDto } from '../dto/product-category.dto';
import { ProductCategoryReader } from '../taxonomy/product-category.reader';
import { ProductCategoryService } from '../taxonomy/product-category.service';
import { ApiCategoryTreeQuery, categoryTreeOptions, projectCategory } from './category-params';
import { ADMIN_CATEGORY_LIST as LIST, ADMIN_CATEGORY_RETRIEVE as RETRIEVE } from './taxonomy-fields';

@ApiTags('Admin Product Categories')
@ApiAdminAuth()
@Controller('admin/product-categories')
export class AdminProductCategoriesController {
  constructor(
    private readonly categories: ProductCategoryService,
    private readonly reader: ProductCategoryReader,
  ) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiCategoryTreeQuery()
  @ApiListResponse('product_categories', ProductCategoryDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [categories, count] = await this.reader.list(ctx, query, categoryTreeOptions('admin', query.fields, query.extra));
    return listEnvelope('product_categories', categories.map((c) => projectCategory(c, query.fields)), { count, ...query });
  }

  @Post()
  @ApiRetrieveQuery(RETRIEVE)
  @ApiCategoryTreeQuery()
  @ApiSingleResponse('product_category', ProductCategoryDto)
  @ApiErrors(400, 401, 404, 422)
  async create(@Ctx() ctx: Context, @Body() body: CreateProductCategoryDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.respond(ctx, await this.categories.create(ctx, body), query);
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiCategoryTreeQuery()
  @ApiSingleResponse('product_category', ProductCategoryDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.respond(ctx, id, query);
  }

  @Post(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiCategoryTreeQuery()
  @ApiSingleResponse('product_category', ProductCategoryDto)
  @ApiErrors(400, 401, 404, 422)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateProductCategoryDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.categories.update(ctx, id, body);
    return this.respond(ctx, id, query);
  }

  @Delete(':id')
  @ApiDeleteResponse('product_category')
  @ApiErrors(400, 401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.categories.delete(ctx, id);
    return deleteEnvelope(id, 'product_category');
  }

  @Post(':id/products')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiCategoryTreeQuery()
  @ApiSingleResponse('product_category', ProductCategoryDto)
  @ApiErrors(400, 401, 404)
  async linkProducts(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: LinkProductsDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.categories.linkProducts(ctx, id, body);
    return this.respond(ctx, id, query);
  }

  private async respond(ctx: Context, id: string, query: RetrieveQuery) {
    const view = await this.reader.retrieve(ctx, id, categoryTreeOptions('admin', query.fields, query.extra));
    return { product_category: projectCategory(view, query.fields) };
  }
}
