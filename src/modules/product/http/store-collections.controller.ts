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
import type { ProductAudience } from '../taxonomy/taxonomy-products';
import { StorefrontAudience } from './storefront-audience.decorator';
import { STORE_COLLECTION_LIST as LIST, STORE_COLLECTION_RETRIEVE as RETRIEVE } from './taxonomy-fields';

const withProducts = (query: RetrieveQuery, audience: ProductAudience) => (query.fields.relations.includes('products') ? audience : null);

@ApiTags('Store Collections')
@ApiStoreAuth()
@Controller('store/collections')
export class StoreCollectionsController {
  constructor(private readonly collections: ProductCollectionService) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('collections', ProductCollectionDto)
  @ApiErrors(400)
  async list(@Ctx() ctx: Context, @StorefrontAudience() audience: ProductAudience, @ListParams(LIST) query: ListQuery) {
    const [collections, count] = await this.collections.list(ctx, query, withProducts(query, audience));
    return listEnvelope('collections', collections.map((c) => projectFields(c, query.fields)), { count, ...query });
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('collection', ProductCollectionDto)
  @ApiErrors(400, 404)
  async retrieve(@Ctx() ctx: Context, @StorefrontAudience() audience: ProductAudience, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { collection: projectFields(await this.collections.retrieve(ctx, id, withProducts(query, audience)), query.fields) };
  }
}
