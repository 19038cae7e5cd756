import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { batchEnvelope, deleteEnvelope, listEnvelope } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { ProductFlows } from '../../../flows/product/product-flows.service';
import { BatchProductsDto, CreateProductDto, UpdateProductDto } from '../dto/product-input.dto';
import { ProductBatchResultDto, ProductDto } from '../dto/product.dto';
import { AdminProductViews } from './admin-product-views';
import { ADMIN_PRODUCT_LIST as LIST, ADMIN_PRODUCT_RETRIEVE as RETRIEVE } from './product-fields';

@ApiTags('Admin Products')
@ApiAdminAuth()
@Controller('admin/products')
export class AdminProductsController {
  constructor(
    private readonly views: AdminProductViews,
    private readonly flows: ProductFlows,
  ) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('products', ProductDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [products, count] = await this.views.list(ctx, query);
    return listEnvelope('products', products, { count, ...query });
  }

  @Post()
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('product', ProductDto)
  @ApiErrors(400, 401, 404, 422)
  async create(@Ctx() ctx: Context, @Body() body: CreateProductDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    const [id] = await this.flows.createProducts(ctx, [body]);
    return { product: await this.views.retrieve(ctx, id, query.fields) };
  }

  @Post('batch')
  @ApiOkResponse({ type: ProductBatchResultDto })
  @ApiErrors(400, 401, 404, 422)
  async batch(@Ctx() ctx: Context, @Body() body: BatchProductsDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    const outcome = await this.flows.batchProducts(ctx, body);
    const [created, updated] = await Promise.all([this.views.byIds(ctx, outcome.created, query.fields), this.views.byIds(ctx, outcome.updated, query.fields)]);
    return batchEnvelope('product', created, updated, outcome.deleted);
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('product', ProductDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { product: await this.views.retrieve(ctx, id, query.fields) };
  }

  @Post(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('product', ProductDto)
  @ApiErrors(400, 401, 404, 422)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateProductDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.flows.updateProduct(ctx, id, body);
    return { product: await this.views.retrieve(ctx, id, query.fields) };
  }

  @Delete(':id')
  @ApiDeleteResponse('product')
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.flows.deleteProducts(ctx, [id]);
    return deleteEnvelope(id, 'product');
  }
}
