import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { runFlow } from '../../../framework/flows/flow';
import { LinkBodyDto } from '../../../framework/http/bodies';
import { deleteEnvelope, listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { deleteStockLocationFlow } from '../../../flows/stock-location/delete-stock-location.flow';
import { createLocationFulfillmentSetFlow, updateLocationFulfillmentProvidersFlow } from '../../../flows/fulfillment/fulfillment-set.flows';
import { linkSalesChannelsToStockLocationFlow } from '../../../flows/stock-location/link-sales-channels.flow';
import { LocationFulfillmentProviderLinks, LocationFulfillmentSetLinks, ShippingOptionPriceSetLinks } from '../../../links/fulfillment-links.service';
import { FulfillmentService } from '../../fulfillment/fulfillment.service';
import { PricingService } from '../../pricing/pricing.service';
import { SalesChannelStockLocationLinks } from '../../../links/sales-channel-stock-location.service';
import { InventoryService } from '../../inventory/inventory.service';
import { SalesChannelService } from '../../sales-channel/sales-channel.service';
import { CreateLocationFulfillmentSetDto, CreateStockLocationDto, StockLocationDto, UpdateStockLocationDto } from '../dto/stock-location.dto';
import { StockLocationService } from '../stock-location.service';
import { ADMIN_STOCK_LOCATION_LIST as LIST, ADMIN_STOCK_LOCATION_RETRIEVE as RETRIEVE } from './stock-location-fields';
import { StockLocationViews } from './stock-location-views';

@ApiTags('Admin Stock Locations')
@ApiAdminAuth()
@Controller('admin/stock-locations')
export class AdminStockLocationsController {
  constructor(
    private readonly locations: StockLocationService,
    private readonly views: StockLocationViews,
    private readonly inventory: InventoryService,
    private readonly salesChannels: SalesChannelService,
    private readonly channelLinks: SalesChannelStockLocationLinks,
    private readonly fulfillment: FulfillmentService,
    private readonly pricing: PricingService,
    private readonly priceLinks: ShippingOptionPriceSetLinks,
    private readonly setLinks: LocationFulfillmentSetLinks,
    private readonly providerLinks: LocationFulfillmentProviderLinks,
  ) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('stock_locations', StockLocationDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [locations, count] = await this.views.list(ctx, query);
    return listEnvelope('stock_locations', locations.map((l) => projectFields(l, query.fields)), { count, ...query });
  }

  @Post()
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('stock_location', StockLocationDto)
  @ApiErrors(400, 401)
  async create(@Ctx() ctx: Context, @Body() body: CreateStockLocationDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.answer(ctx, (await this.locations.create(ctx, body)).id, query);
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('stock_location', StockLocationDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.answer(ctx, id, query);
  }

  @Post(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('stock_location', StockLocationDto)
  @ApiErrors(400, 401, 404)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateStockLocationDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.answer(ctx, (await this.locations.update(ctx, id, body)).id, query);
  }

  @Delete(':id')
  @ApiDeleteResponse('stock_location')
  @ApiErrors(400, 401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await runFlow(ctx, deleteStockLocationFlow(this.fulfillmentServices()), id);
    return deleteEnvelope(id, 'stock_location');
  }

  @Post(':id/sales-channels')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('stock_location', StockLocationDto)
  @ApiErrors(400, 401, 404)
  async linkSalesChannels(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: LinkBodyDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    const services = { locations: this.locations, salesChannels: this.salesChannels, channelLinks: this.channelLinks };
    await runFlow(ctx, linkSalesChannelsToStockLocationFlow(services), { locationId: id, add: body.add, remove: body.remove });
    return this.answer(ctx, id, query);
  }

  @Post(':id/fulfillment-sets')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('stock_location', StockLocationDto)
  @ApiErrors(400, 401, 404, 422)
  async createFulfillmentSet(
    @Ctx() ctx: Context,
    @Param('id') id: string,
    @Body() body: CreateLocationFulfillmentSetDto,
    @RetrieveParams(RETRIEVE) query: RetrieveQuery,
  ) {
    await runFlow(ctx, createLocationFulfillmentSetFlow(this.fulfillmentServices()), { locationId: id, name: body.name, type: body.type });
    return this.answer(ctx, id, query);
  }

  @Post(':id/fulfillment-providers')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('stock_location', StockLocationDto)
  @ApiErrors(400, 401, 404)
  async updateFulfillmentProviders(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: LinkBodyDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await runFlow(ctx, updateLocationFulfillmentProvidersFlow(this.fulfillmentServices()), { locationId: id, add: body.add, remove: body.remove });
    return this.answer(ctx, id, query);
  }

  private fulfillmentServices() {
    return {
      locations: this.locations,
      inventory: this.inventory,
      channelLinks: this.channelLinks,
      fulfillment: this.fulfillment,
      pricing: this.pricing,
      priceLinks: this.priceLinks,
      setLinks: this.setLinks,
      providerLinks: this.providerLinks,
    };
  }

  private async answer(ctx: Context, id: string, query: RetrieveQuery) {
    return { stock_location: projectFields(await this.views.retrieve(ctx, id, query.fields), query.fields) };
  }
}
