import { Body, Controller, Delete, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { batchEnvelope, deleteEnvelope, listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import {
  BatchPromotionRulesDto,
  BatchPromotionRulesResponseDto,
  CreatePromotionDto,
  PromotionDto,
  PromotionRulesResponseDto,
  RuleAttributeOptionsResponseDto,
  RuleValueOptionsResponseDto,
  UpdatePromotionDto,
} from '../dto/promotion.dto';
import { PromotionService } from '../promotion.service';
import { assertRuleType, ruleAttributeOptions } from '../rule-attributes';
import { RuleValueOptionsService } from '../rule-value-options.service';
import { methodFilters, valueOptionsQuery } from './promotion-params';
import { ADMIN_PROMOTION_LIST as LIST, ADMIN_PROMOTION_RETRIEVE as RETRIEVE } from './promotion-fields';

@ApiTags('Admin Promotions')
@ApiAdminAuth()
@Controller('admin/promotions')
export class AdminPromotionsController {
  constructor(
    private readonly promotions: PromotionService,
    private readonly valueOptions: RuleValueOptionsService,
  ) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('promotions', PromotionDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [promotions, count] = await this.promotions.list(ctx, query, methodFilters(query.extra));
    return listEnvelope('promotions', promotions.map((p) => projectFields(p, query.fields)), { count, ...query });
  }

  @Post()
  @ApiSingleResponse('promotion', PromotionDto)
  @ApiErrors(400, 401, 422)
  async create(@Ctx() ctx: Context, @Body() body: CreatePromotionDto) {
    return { promotion: await this.promotions.create(ctx, body) };
  }

  // the static paths come before `:id` and `:id/:rule_type`
  @Get('rule-attribute-options/:rule_type')
  @ApiQuery({ name: 'promotion_type', required: false, enum: ['standard', 'buyget'] })
  @ApiQuery({ name: 'application_method_type', required: false, enum: ['fixed', 'percentage'] })
  @ApiOkResponse({ type: RuleAttributeOptionsResponseDto })
  @ApiErrors(400, 401)
  attributeOptions(@Param('rule_type') ruleType: string, @Query('promotion_type') promotionType?: string, @Query('application_method_type') methodType?: string) {
    return { attributes: ruleAttributeOptions(assertRuleType(ruleType), { promotion_type: promotionType, application_method_type: methodType }) };
  }

  @Get('rule-value-options/:rule_type/:rule_attribute_id')
  @ApiQuery({ name: 'q', required: false })
  @ApiQuery({ name: 'value', required: false, type: [String] })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'offset', required: false, type: Number })
  @ApiOkResponse({ type: RuleValueOptionsResponseDto })
  @ApiErrors(400, 401)
  async valueOptionsOf(@Ctx() ctx: Context, @Param('rule_type') ruleType: string, @Param('rule_attribute_id') attributeId: string, @Query() query: Record<string, unknown>) {
    return { values: await this.valueOptions.list(ctx, assertRuleType(ruleType), attributeId, valueOptionsQuery(query)) };
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('promotion', PromotionDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { promotion: projectFields(await this.promotions.retrieve(ctx, id), query.fields) };
  }

  @Post(':id')
  @ApiSingleResponse('promotion', PromotionDto)
  @ApiErrors(400, 401, 404, 422)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdatePromotionDto) {
    return { promotion: await this.promotions.update(ctx, id, body) };
  }

  @Delete(':id')
  @ApiDeleteResponse('promotion')
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.promotions.delete(ctx, id);
    return deleteEnvelope(id, 'promotion');
  }

  @Post(':id/:rule_type/batch')
  @ApiOkResponse({ type: BatchPromotionRulesResponseDto, description: 'rule_type: rules, target-rules or buy-rules' })
  @ApiErrors(400, 401, 404)
  async batchRules(@Ctx() ctx: Context, @Param('id') id: string, @Param('rule_type') ruleType: string, @Body() body: BatchPromotionRulesDto) {
    const { created, updated, deleted } = await this.promotions.batchRules(ctx, id, assertRuleType(ruleType), body);
    return batchEnvelope('promotion-rule', created, updated, deleted);
  }

  @Get(':id/:rule_type')
  @ApiOkResponse({ type: PromotionRulesResponseDto, description: 'rule_type: rules, target-rules or buy-rules' })
  @ApiErrors(400, 401, 404)
  async listRules(@Ctx() ctx: Context, @Param('id') id: string, @Param('rule_type') ruleType: string) {
    const type = assertRuleType(ruleType);
    const promotion = await this.promotions.retrieve(ctx, id);
    const rules = await this.promotions.listRules(ctx, id, type);
    const context = { promotion_type: promotion.type, application_method_type: promotion.application_method?.type };
    return { rules: await this.valueOptions.hydrate(ctx, type, rules, context) };
  }
}
