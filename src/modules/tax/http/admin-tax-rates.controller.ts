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
import { CreateTaxRateDto, NestedTaxRegionDto, TaxRateDto, TaxRateRuleInputDto, UpdateTaxRateDto } from '../dto/tax.dto';
import { TaxService } from '../tax.service';
import { TAX_RATE_LIST as LIST, TAX_RATE_RETRIEVE as RETRIEVE } from './tax-fields';

@ApiTags('Admin Tax Rates')
@ApiAdminAuth()
@ApiExtraModels(NestedTaxRegionDto)
@Controller('admin/tax-rates')
export class AdminTaxRatesController {
  constructor(private readonly tax: TaxService) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('tax_rates', TaxRateDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [rates, count] = await this.tax.listRates(ctx, query);
    return listEnvelope('tax_rates', rates.map((r) => projectFields(r, query.fields)), { count, ...query });
  }

  @Post()
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('tax_rate', TaxRateDto)
  @ApiErrors(400, 401, 404, 422)
  async create(@Ctx() ctx: Context, @Body() body: CreateTaxRateDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.respond(ctx, await this.tax.createRate(ctx, body), query);
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('tax_rate', TaxRateDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.respond(ctx, id, query);
  }

  @Post(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('tax_rate', TaxRateDto)
  @ApiErrors(400, 401, 404, 422)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateTaxRateDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.tax.updateRate(ctx, id, body);
    return this.respond(ctx, id, query);
  }

  @Delete(':id')
  @ApiDeleteResponse('tax_rate')
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.tax.deleteRate(ctx, id);
    return deleteEnvelope(id, 'tax_rate');
  }

  @Post(':id/rules')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('tax_rate', TaxRateDto)
  @ApiErrors(400, 401, 404, 422)
  async addRule(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: TaxRateRuleInputDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.tax.addRateRule(ctx, id, body);
    return this.respond(ctx, id, query);
  }

  @Delete(':id/rules/:rule_id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiDeleteResponse('tax_rate_rule')
  @ApiErrors(400, 401, 404)
  async deleteRule(@Ctx() ctx: Context, @Param('id') id: string, @Param('rule_id') ruleId: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.tax.deleteRateRule(ctx, id, ruleId);
    return deleteEnvelope(ruleId, 'tax_rate_rule', (await this.respond(ctx, id, query)).tax_rate);
  }

  private async respond(ctx: Context, id: string, query: RetrieveQuery) {
    return { tax_rate: projectFields(await this.tax.retrieveRate(ctx, id, query.fields.relations), query.fields) };
  }
}
