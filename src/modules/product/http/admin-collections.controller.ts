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
import { CreateProductCollectionDto, LinkProductsDto, ProductCollectionDto, UpdateProductCollectionDto } from '../dto/product-collection.dto';
import { ProductCollectionService } from '../taxonomy/product-collection.service';
import { ADMIN_COLLECTION_LIST as LIST, ADMIN_COLLECTION_RETRIEVE as RETRIEVE } from './taxonomy-fields';

const withProducts = (query: RetrieveQuery) => (query.fields.relations.includes('products') ? ({ kind: 'admin' } as const) : null);

@ApiTags('Admin Collections')
@ApiAdminAuth()
@Controller('admin/collections')
export class AdminCollectionsController {
  constructor(private readonly collections: ProductCollectionService) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('collections', ProductCollectionDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [collections, count] = await this.collections.list(ctx, query, withProducts(query));
    return listEnvelope('collections', collections.map((c) => projectFields(c, query.fields)), { count, ...query });
  }

  @Post()
  @ApiSingleResponse('collection', ProductCollectionDto)
  @ApiErrors(400, 401, 422)
  async create(@Ctx() ctx: Context, @Body() body: CreateProductCollectionDto) {
    return { collection: await this.collections.create(ctx, body) };
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('collection', ProductCollectionDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { collection: projectFields(await this.collections.retrieve(ctx, id, withProducts(query)), query.fields) };
  }

  @Post(':id')
  @ApiSingleResponse('collection', ProductCollectionDto)
  @ApiErrors(400, 401, 404, 422)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateProductCollectionDto) {
    return { collection: await this.collections.update(ctx, id, body) };
  }

  @Delete(':id')
  @ApiDeleteResponse('collection')
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.collections.delete(ctx, id);
    return deleteEnvelope(id, 'collection');
  }

  @Post(':id/products')
  @ApiSingleResponse('collection', ProductCollectionDto, 'The collection with its products')
  @ApiErrors(400, 401, 404)
  async linkProducts(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: LinkProductsDto) {
    return { collection: await this.collections.linkProducts(ctx, id, body) };
  }
}
