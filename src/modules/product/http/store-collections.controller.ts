import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiStoreAuth } from '../../../framework/openapi/security';
import { ProductCollectionDto } from '../dto/product-collection.dto';
import { ProductCollectionService } from '../taxonomy/product-collection.service';
import { STORE_COLLECTION_LIST as LIST, STORE_COLLECTION_RETRIEVE as RETRIEVE } from './taxonomy-fields';

@ApiTags('Store Collections')
@ApiStoreAuth()
@Controller('store/collections')
export class StoreCollectionsController {
  constructor(private readonly collections: ProductCollectionService) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('collections', ProductCollectionDto)
  @ApiErrors(400)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [collections, count] = await this.collections.list(ctx, query, false);
    return listEnvelope('collections', collections.map((c) => projectFields(c, query.fields)), { count, ...query });
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('collection', ProductCollectionDto)
  @ApiErrors(400, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { collection: projectFields(await this.collections.retrieve(ctx, id, false), query.fields) };
  }
}
