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
import { CreateRegionDto, RegionDto, UpdateRegionDto } from '../dto/region.dto';
import { RegionService } from '../region.service';
import { ADMIN_REGION_LIST as LIST, ADMIN_REGION_RETRIEVE as RETRIEVE } from './region-fields';

@ApiTags('Admin Regions')
@ApiAdminAuth()
@Controller('admin/regions')
export class AdminRegionsController {
  constructor(private readonly regions: RegionService) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('regions', RegionDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [regions, count] = await this.regions.list(ctx, query);
    return listEnvelope('regions', regions.map((r) => projectFields(r, query.fields)), { count, ...query });
  }

  @Post()
  @ApiSingleResponse('region', RegionDto)
  @ApiErrors(400, 401)
  async create(@Ctx() ctx: Context, @Body() body: CreateRegionDto) {
    return { region: await this.regions.create(ctx, body) };
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('region', RegionDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { region: projectFields(await this.regions.retrieve(ctx, id), query.fields) };
  }

  @Post(':id')
  @ApiSingleResponse('region', RegionDto)
  @ApiErrors(400, 401, 404)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateRegionDto) {
    return { region: await this.regions.update(ctx, id, body) };
  }

  @Delete(':id')
  @ApiDeleteResponse('region')
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.regions.delete(ctx, id);
    return deleteEnvelope(id, 'region');
  }
}
