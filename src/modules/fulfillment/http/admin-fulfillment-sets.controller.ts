import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { runFlow } from '../../../framework/flows/flow';
import { deleteEnvelope, projectFields } from '../../../framework/http/envelopes';
import { RetrieveQuery } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiRetrieveQuery, ApiSingleResponse, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { deleteFulfillmentSetsFlow, deleteServiceZoneFlow } from '../../../flows/fulfillment/fulfillment-set.flows';
import { LocationFulfillmentSetLinks, ShippingOptionPriceSetLinks } from '../../../links/fulfillment-links.service';
import { PricingService } from '../../pricing/pricing.service';
import { CreateServiceZoneDto, FulfillmentSetDto, ServiceZoneDto, UpdateServiceZoneDto } from '../dto/fulfillment-set.dto';
import { FulfillmentService } from '../fulfillment.service';
import { ADMIN_FULFILLMENT_SET_RETRIEVE as SET, ADMIN_SERVICE_ZONE_RETRIEVE as ZONE } from './fulfillment-fields';

@ApiTags('Admin Fulfillment Sets')
@ApiAdminAuth()
@Controller('admin/fulfillment-sets')
export class AdminFulfillmentSetsController {
  constructor(
    private readonly fulfillment: FulfillmentService,
    private readonly pricing: PricingService,
    private readonly priceLinks: ShippingOptionPriceSetLinks,
    private readonly setLinks: LocationFulfillmentSetLinks,
  ) {}

  @Delete(':id')
  @ApiDeleteResponse('fulfillment_set')
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await runFlow(ctx, deleteFulfillmentSetsFlow(this.services()), [id]);
    return deleteEnvelope(id, 'fulfillment_set');
  }

  @Post(':id/service-zones')
  @ApiRetrieveQuery(SET)
  @ApiSingleResponse('fulfillment_set', FulfillmentSetDto)
  @ApiErrors(400, 401, 404, 422)
  async createZone(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: CreateServiceZoneDto, @RetrieveParams(SET) query: RetrieveQuery) {
    return { fulfillment_set: projectFields(await this.fulfillment.createServiceZone(ctx, id, body), query.fields) };
  }

  @Get(':id/service-zones/:zone_id')
  @ApiRetrieveQuery(ZONE)
  @ApiSingleResponse('service_zone', ServiceZoneDto)
  @ApiErrors(400, 401, 404)
  async retrieveZone(@Ctx() ctx: Context, @Param('id') id: string, @Param('zone_id') zoneId: string, @RetrieveParams(ZONE) query: RetrieveQuery) {
    return { service_zone: projectFields(await this.fulfillment.retrieveServiceZone(ctx, id, zoneId), query.fields) };
  }

  @Post(':id/service-zones/:zone_id')
  @ApiRetrieveQuery(SET)
  @ApiSingleResponse('fulfillment_set', FulfillmentSetDto)
  @ApiErrors(400, 401, 404, 422)
  async updateZone(
    @Ctx() ctx: Context,
    @Param('id') id: string,
    @Param('zone_id') zoneId: string,
    @Body() body: UpdateServiceZoneDto,
    @RetrieveParams(SET) query: RetrieveQuery,
  ) {
    return { fulfillment_set: projectFields(await this.fulfillment.updateServiceZone(ctx, id, zoneId, body), query.fields) };
  }

  @Delete(':id/service-zones/:zone_id')
  @ApiDeleteResponse('service_zone')
  @ApiErrors(401, 404)
  async deleteZone(@Ctx() ctx: Context, @Param('id') id: string, @Param('zone_id') zoneId: string) {
    await runFlow(ctx, deleteServiceZoneFlow(this.services()), { setId: id, zoneId });
    return deleteEnvelope(zoneId, 'service_zone', await this.fulfillment.retrieveFulfillmentSet(ctx, id));
  }

  private services() {
    return { fulfillment: this.fulfillment, pricing: this.pricing, priceLinks: this.priceLinks, setLinks: this.setLinks };
  }
}
