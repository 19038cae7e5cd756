import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { deleteEnvelope, listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { ProductService } from '../product.service';
import { OptionInputDto, UpdateOptionDto } from '../dto/product-input.dto';
import { ProductDto, ProductOptionDto, VariantDeleteDto } from '../dto/product.dto';
import { AdminProductViews } from './admin-product-views';
import { ADMIN_OPTION_LIST as LIST, ADMIN_OPTION_RETRIEVE as RETRIEVE, ADMIN_PRODUCT_RETRIEVE as PRODUCT } from './product-fields';

/** Options of a product; writes answer `{product}`, as Medusa's do. */
@ApiTags('Admin Products')
@ApiAdminAuth()
@Controller('admin/products/:id/options')
export class AdminProductOptionsController {
  constructor(
    private readonly products: ProductService,
    private readonly views: AdminProductViews,
  ) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('product_options', ProductOptionDto)
  @ApiErrors(400, 401, 404)
  async list(@Ctx() ctx: Context, @Param('id') id: string, @ListParams(LIST) query: ListQuery) {
    const options = await this.products.listOptions(ctx, id, query.filters);
    const page = options.slice(query.offset, query.offset + query.limit).map((o) => projectFields(o, query.fields));
    return listEnvelope('product_options', page, { count: options.length, ...query });
  }

  @Post()
  @ApiRetrieveQuery(PRODUCT)
  @ApiSingleResponse('product', ProductDto)
  @ApiErrors(400, 401, 404, 422)
  async create(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: OptionInputDto, @RetrieveParams(PRODUCT) query: RetrieveQuery) {
    await this.products.createOption(ctx, id, body);
    return { product: await this.views.retrieve(ctx, id, query.fields) };
  }

  @Get(':option_id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('product_option', ProductOptionDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @Param('option_id') optionId: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { product_option: projectFields(await this.products.retrieveOption(ctx, id, optionId), query.fields) };
  }

  @Post(':option_id')
  @ApiRetrieveQuery(PRODUCT)
  @ApiSingleResponse('product', ProductDto)
  @ApiErrors(400, 401, 404, 422)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Param('option_id') optionId: string, @Body() body: UpdateOptionDto, @RetrieveParams(PRODUCT) query: RetrieveQuery) {
    await this.products.updateOption(ctx, id, optionId, body);
    return { product: await this.views.retrieve(ctx, id, query.fields) };
  }

  @Delete(':option_id')
  @ApiRetrieveQuery(PRODUCT)
  @ApiOkResponse({ type: VariantDeleteDto, description: '`{id, object: "product_option", deleted: true, parent: <product>}`' })
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string, @Param('option_id') optionId: string, @RetrieveParams(PRODUCT) query: RetrieveQuery) {
    await this.products.deleteOption(ctx, id, optionId);
    return deleteEnvelope(optionId, 'product_option', await this.views.retrieve(ctx, id, query.fields));
  }
}
