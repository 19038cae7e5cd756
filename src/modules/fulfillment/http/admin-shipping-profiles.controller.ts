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
import { CreateShippingProfileDto, ShippingProfileDto, UpdateShippingProfileDto } from '../dto/shipping.dto';
import { FulfillmentService } from '../fulfillment.service';
import { ADMIN_SHIPPING_PROFILE_LIST as LIST, ADMIN_SHIPPING_PROFILE_RETRIEVE as RETRIEVE } from './fulfillment-fields';

@ApiTags('Admin Shipping Profiles')
@ApiAdminAuth()
@Controller('admin/shipping-profiles')
export class AdminShippingProfilesController {
  constructor(private readonly fulfillment: FulfillmentService) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('shipping_profiles', ShippingProfileDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [profiles, count] = await this.fulfillment.listShippingProfiles(ctx, query);
    return listEnvelope('shipping_profiles', profiles.map((p) => projectFields(p, query.fields)), { count, ...query });
  }

  @Post()
  @ApiSingleResponse('shipping_profile', ShippingProfileDto)
  @ApiErrors(400, 401, 422)
  async create(@Ctx() ctx: Context, @Body() body: CreateShippingProfileDto) {
    return { shipping_profile: await this.fulfillment.createShippingProfile(ctx, body) };
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('shipping_profile', ShippingProfileDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { shipping_profile: projectFields(await this.fulfillment.retrieveShippingProfile(ctx, id), query.fields) };
  }

  @Post(':id')
  @ApiSingleResponse('shipping_profile', ShippingProfileDto)
  @ApiErrors(400, 401, 404, 422)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateShippingProfileDto) {
    return { shipping_profile: await this.fulfillment.updateShippingProfile(ctx, id, body) };
  }

  @Delete(':id')
  @ApiDeleteResponse('shipping_profile')
  @ApiErrors(400, 401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.fulfillment.deleteShippingProfile(ctx, id);
    return deleteEnvelope(id, 'shipping_profile');
  }
}
