import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { deleteEnvelope, listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { CreateProductValueDto, ProductTypeDto, UpdateProductValueDto } from '../dto/product-tag-type.dto';
import { ProductTypeService } from '../taxonomy/product-value.service';
import { VALUE_LIST as LIST, VALUE_RETRIEVE as RETRIEVE } from './taxonomy-fields';

@ApiTags('Admin Product Types')
@ApiAdminAuth()
@Controller('admin/product-types')
export class AdminProductTypesController {
  constructor(private readonly types: ProductTypeService) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('product_types', ProductTypeDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [rows, count] = await this.types.list(ctx, query);
    return listEnvelope('product_types', rows.map((r) => projectFields(r, query.fields)), { count, ...query });
  }

  @Post()
  @ApiSingleResponse('product_type', ProductTypeDto)
  @ApiErrors(400, 401, 422)
  async create(@Ctx() ctx: Context, @Body() body: CreateProductValueDto) {
    return { product_type: await this.types.create(ctx, body) };
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('product_type', ProductTypeDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { product_type: projectFields(await this.types.retrieve(ctx, id), query.fields) };
  }

  @Post(':id')
  @ApiSingleResponse('product_type', ProductTypeDto)
  @ApiErrors(400, 401, 404, 422)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateProductValueDto) {
    return { product_type: await this.types.update(ctx, id, body) };
  }

  @Delete(':id')
  @ApiDeleteResponse('product_type')
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.types.delete(ctx, id);
    return deleteEnvelope(id, 'product_type');
  }
}
