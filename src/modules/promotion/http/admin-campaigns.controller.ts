import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { LinkBodyDto } from '../../../framework/http/bodies';
import { deleteEnvelope, listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { CampaignService } from '../campaign.service';
import { CampaignDto, CreateCampaignDto, UpdateCampaignDto } from '../dto/promotion.dto';
import { ADMIN_CAMPAIGN_LIST as LIST, ADMIN_CAMPAIGN_RETRIEVE as RETRIEVE } from './promotion-fields';

@ApiTags('Admin Campaigns')
@ApiAdminAuth()
@Controller('admin/campaigns')
export class AdminCampaignsController {
  constructor(private readonly campaigns: CampaignService) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('campaigns', CampaignDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [campaigns, count] = await this.campaigns.list(ctx, query);
    return listEnvelope('campaigns', campaigns.map((c) => projectFields(c, query.fields)), { count, ...query });
  }

  @Post()
  @ApiSingleResponse('campaign', CampaignDto)
  @ApiErrors(400, 401, 422)
  async create(@Ctx() ctx: Context, @Body() body: CreateCampaignDto) {
    return { campaign: projectFields(await this.campaigns.create(ctx, body), RETRIEVE.defaults as string[]) };
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('campaign', CampaignDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { campaign: projectFields(await this.campaigns.retrieve(ctx, id), query.fields) };
  }

  @Post(':id')
  @ApiSingleResponse('campaign', CampaignDto)
  @ApiErrors(400, 401, 404, 422)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateCampaignDto) {
    return { campaign: projectFields(await this.campaigns.update(ctx, id, body), RETRIEVE.defaults as string[]) };
  }

  @Delete(':id')
  @ApiDeleteResponse('campaign')
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.campaigns.delete(ctx, id);
    return deleteEnvelope(id, 'campaign');
  }

  @Post(':id/promotions')
  @ApiSingleResponse('campaign', CampaignDto)
  @ApiErrors(400, 401, 404)
  async batchPromotions(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: LinkBodyDto) {
    return { campaign: projectFields(await this.campaigns.batchPromotions(ctx, id, body), RETRIEVE.defaults as string[]) };
  }
}
