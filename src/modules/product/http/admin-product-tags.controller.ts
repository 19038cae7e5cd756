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
import { CreateProductValueDto, ProductTagDto, UpdateProductValueDto } from '../dto/product-tag-type.dto';
import { ProductTagService } from '../taxonomy/product-value.service';
import { VALUE_LIST as LIST, VALUE_RETRIEVE as RETRIEVE } from './taxonomy-fields';

@ApiTags('Admin Product Tags')
@ApiAdminAuth()
@Controller('admin/product-tags')
export class AdminProductTagsController {
  constructor(private readonly tags: ProductTagService) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('product_tags', ProductTagDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [rows, count] = await this.tags.list(ctx, query);
    return listEnvelope('product_tags', rows.map((r) => projectFields(r, query.fields)), { count, ...query });
  }

  @Post()
  @ApiSingleResponse('product_tag', ProductTagDto)
  @ApiErrors(400, 401, 422)
  async create(@Ctx() ctx: Context, @Body() body: CreateProductValueDto) {
    return { product_tag: await this.tags.create(ctx, body) };
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('product_tag', ProductTagDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { product_tag: projectFields(await this.tags.retrieve(ctx, id), query.fields) };
  }

  @Post(':id')
  @ApiSingleResponse('product_tag', ProductTagDto)
  @ApiErrors(400, 401, 404, 422)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateProductValueDto) {
    return { product_tag: await this.tags.update(ctx, id, body) };
  }

  @Delete(':id')
  @ApiDeleteResponse('product_tag')
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.tags.delete(ctx, id);
    return deleteEnvelope(id, 'product_tag');
  }
}
