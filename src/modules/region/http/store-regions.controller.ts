import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiStoreAuth } from '../../../framework/openapi/security';
import { RegionDto } from '../dto/region.dto';
import { RegionService } from '../region.service';
import { STORE_REGION_LIST as LIST, STORE_REGION_RETRIEVE as RETRIEVE } from './region-fields';

@ApiTags('Store Regions')
@ApiStoreAuth()
@Controller('store/regions')
export class StoreRegionsController {
  constructor(private readonly regions: RegionService) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('regions', RegionDto)
  @ApiErrors(400)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [regions, count] = await this.regions.list(ctx, query);
    return listEnvelope('regions', regions.map((r) => projectFields(r, query.fields)), { count, ...query });
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('region', RegionDto)
  @ApiErrors(400, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { region: projectFields(await this.regions.retrieve(ctx, id), query.fields) };
  }
}
