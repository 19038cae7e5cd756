import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiExtraModels, ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { deleteEnvelope, listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { CreateTaxRegionDto, NestedTaxRegionDto, TaxRegionDto, UpdateTaxRegionDto } from '../dto/tax.dto';
import { TaxService } from '../tax.service';
import { TAX_REGION_LIST as LIST, TAX_REGION_RETRIEVE as RETRIEVE } from './tax-fields';

@ApiTags('Admin Tax Regions')
@ApiAdminAuth()
@ApiExtraModels(NestedTaxRegionDto)
@Controller('admin/tax-regions')
export class AdminTaxRegionsController {
  constructor(private readonly tax: TaxService) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('tax_regions', TaxRegionDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [regions, count] = await this.tax.listRegions(ctx, query);
    return listEnvelope('tax_regions', regions.map((r) => projectFields(r, query.fields)), { count, ...query });
  }

  @Post()
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('tax_region', TaxRegionDto)
  @ApiErrors(400, 401, 404, 422)
  async create(@Ctx() ctx: Context, @Body() body: CreateTaxRegionDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.respond(ctx, await this.tax.createRegion(ctx, body), query);
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('tax_region', TaxRegionDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.respond(ctx, id, query);
  }

  @Post(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('tax_region', TaxRegionDto)
  @ApiErrors(400, 401, 404, 422)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateTaxRegionDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.tax.updateRegion(ctx, id, body);
    return this.respond(ctx, id, query);
  }

  @Delete(':id')
  @ApiDeleteResponse('tax_region')
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.tax.deleteRegion(ctx, id);
    return deleteEnvelope(id, 'tax_region');
  }

  private async respond(ctx: Context, id: string, query: RetrieveQuery) {
    return { tax_region: projectFields(await this.tax.retrieveRegion(ctx, id, query.fields.relations), query.fields) };
  }
}
