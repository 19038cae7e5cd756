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
import { CreatePricePreferenceDto, PricePreferenceDto, UpdatePricePreferenceDto } from '../dto/price-preference.dto';
import { PricePreferencesService } from '../price-preferences.service';
import { ADMIN_PRICE_PREFERENCE_LIST as LIST, ADMIN_PRICE_PREFERENCE_RETRIEVE as RETRIEVE } from './pricing-fields';

@ApiTags('Admin Price Preferences')
@ApiAdminAuth()
@Controller('admin/price-preferences')
export class AdminPricePreferencesController {
  constructor(private readonly preferences: PricePreferencesService) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('price_preferences', PricePreferenceDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [preferences, count] = await this.preferences.list(ctx, query);
    return listEnvelope('price_preferences', preferences.map((p) => projectFields(p, query.fields)), { count, ...query });
  }

  @Post()
  @ApiSingleResponse('price_preference', PricePreferenceDto)
  @ApiErrors(400, 401, 422)
  async create(@Ctx() ctx: Context, @Body() body: CreatePricePreferenceDto) {
    return { price_preference: await this.preferences.create(ctx, body) };
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('price_preference', PricePreferenceDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { price_preference: projectFields(await this.preferences.retrieve(ctx, id), query.fields) };
  }

  @Post(':id')
  @ApiSingleResponse('price_preference', PricePreferenceDto)
  @ApiErrors(400, 401, 404, 422)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdatePricePreferenceDto) {
    return { price_preference: await this.preferences.update(ctx, id, body) };
  }

  @Delete(':id')
  @ApiDeleteResponse('price_preference')
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.preferences.delete(ctx, id);
    return deleteEnvelope(id, 'price_preference');
  }
}
