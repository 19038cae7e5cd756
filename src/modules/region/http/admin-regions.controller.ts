import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { deleteEnvelope, listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { runFlow } from '../../../framework/flows/flow';
import { regionFlows } from '../../../flows/region/region-payment-providers.flow';
import { RegionPaymentProviderLinks } from '../../../links/region-payment-provider.service';
import { PaymentService } from '../../payment/payment.service';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { CreateRegionDto, RegionDto, UpdateRegionDto } from '../dto/region.dto';
import { RegionService } from '../region.service';
import { AdminRegionViews } from './admin-region-views';
import { ADMIN_REGION_LIST as LIST, ADMIN_REGION_RETRIEVE as RETRIEVE } from './region-fields';

@ApiTags('Admin Regions')
@ApiAdminAuth()
@Controller('admin/regions')
export class AdminRegionsController {
  private readonly flows: ReturnType<typeof regionFlows>;

  constructor(
    private readonly regions: RegionService,
    private readonly views: AdminRegionViews,
    payments: PaymentService,
    providerLinks: RegionPaymentProviderLinks,
  ) {
    this.flows = regionFlows({ regions, payments, providerLinks });
  }

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('regions', RegionDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [regions, count] = await this.regions.list(ctx, query);
    const views = await this.views.withPaymentProviders(ctx, regions, query.fields);
    return listEnvelope('regions', views.map((r) => projectFields(r, query.fields)), { count, ...query });
  }

  @Post()
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('region', RegionDto)
  @ApiErrors(400, 401)
  async create(@Ctx() ctx: Context, @Body() body: CreateRegionDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.answer(ctx, (await runFlow(ctx, this.flows.create, body)).id, query);
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('region', RegionDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.answer(ctx, id, query);
  }

  @Post(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('region', RegionDto)
  @ApiErrors(400, 401, 404)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateRegionDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await runFlow(ctx, this.flows.update, { id, update: body });
    return this.answer(ctx, id, query);
  }

  @Delete(':id')
  @ApiDeleteResponse('region')
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await runFlow(ctx, this.flows.remove, id);
    return deleteEnvelope(id, 'region');
  }

  private async answer(ctx: Context, id: string, query: RetrieveQuery) {
    const [region] = await this.views.withPaymentProviders(ctx, [await this.regions.retrieve(ctx, id)], query.fields);
    return { region: projectFields(region, query.fields) };
  }
}
