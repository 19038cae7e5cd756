import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiStoreAuth } from '../../../framework/openapi/security';
import { ProductTagDto } from '../dto/product-tag-type.dto';
import { ProductTagService } from '../taxonomy/product-value.service';
import { VALUE_LIST as LIST, VALUE_RETRIEVE as RETRIEVE } from './taxonomy-fields';

@ApiTags('Store Product Tags')
@ApiStoreAuth()
@Controller('store/product-tags')
export class StoreProductTagsController {
  constructor(private readonly tags: ProductTagService) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('product_tags', ProductTagDto)
  @ApiErrors(400)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [rows, count] = await this.tags.list(ctx, query);
    return listEnvelope('product_tags', rows.map((r) => projectFields(r, query.fields)), { count, ...query });
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('product_tag', ProductTagDto)
  @ApiErrors(400, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { product_tag: projectFields(await this.tags.retrieve(ctx, id), query.fields) };
  }
}
