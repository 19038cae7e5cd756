import { Injectable } from '@nestjs/common';
import { Context } from '../../framework/context/context';
import { findPage } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { ListQuery } from '../../framework/http/list-query';
import { TaxProvider } from './entities/tax-provider.entity';
import { CalcRate, CalcRegion, CalcRule, computeTaxLines, normalizeRegionCode, regionsForAddress } from './tax-calculator';
import { TaxRatesService } from './tax-rates.service';
import { TaxRegionsService } from './tax-regions.service';
import {
  CreateTaxRateInput,
  CreateTaxRegionInput,
  SYSTEM_TAX_PROVIDER_ID,
  SYSTEM_TAX_PROVIDER_LINE_ID,
  TaxCalculationInput,
  TaxLinesResult,
  TaxProviderView,
  TaxRateView,
  TaxRegionView,
  TaxRuleInput,
  UpdateTaxRateInput,
  UpdateTaxRegionInput,
} from './tax.types';

/** `in (…)` over a JSON array bound as one parameter (any number of ids, any characters). */
const IN_JSON = 'in (select jsonb_array_elements_text(?::jsonb))';

/**
 * The tax module's facade: tax regions per country and province, their rates and rules, the
 * providers, and the tax lines of a cart or order (`taxLinesFor`).
 */
@Injectable()
export class TaxService {
  constructor(
    private readonly regions: TaxRegionsService,
    private readonly rates: TaxRatesService,
  ) {}

  /**
   * The tax lines of each item and shipping method for an address, chosen by the system provider
   * (see tax-calculator.ts). At most three statements whatever the number of lines: the regions of
   * the country (and province), their rates, and only the rules that name one of the lines'
   * products, types or shipping options. Empty maps when no region covers the country.
   */
  async taxLinesFor(ctx: Context, input: TaxCalculationInput): Promise<TaxLinesResult> {
    const empty: TaxLinesResult = { items: new Map(), shipping_methods: new Map() };
    const country = normalizeRegionCode(input.address.country_code);
    if (!country) return empty;
    const province = normalizeRegionCode(input.address.province_code);
    const regions = await ctx.em.execute<CalcRegion[]>(
      `select id, country_code, province_code, parent_id, provider_id from tax_region
        where deleted_at is null and country_code = ? and (province_code is null or province_code = ?)`,
      [country, province ?? ''],
    );
    const scope = regionsForAddress(regions, input.address);
    if (!scope) return empty;
    const providerId = scope.country.provider_id ?? SYSTEM_TAX_PROVIDER_ID;
    if (providerId !== SYSTEM_TAX_PROVIDER_ID) {
      throw SthenoError.notFound(`Failed to resolve Tax Provider with id: ${providerId}. Make sure it's installed and configured in the Tax Module's options.`);
    }

    const regionIds = scope.province ? [scope.country.id, scope.province.id] : [scope.country.id];
    const rateRows = await ctx.em.execute<Array<Omit<CalcRate, 'rate'> & { rate: string | null }>>(
      `select id, rate, code, name, is_default, is_combinable, tax_region_id from tax_rate where deleted_at is null and tax_region_id ${IN_JSON}`,
      [JSON.stringify(regionIds)],
    );
    const rates: CalcRate[] = rateRows.map((r) => ({ ...r, rate: r.rate === null ? null : Number(r.rate) }));

    const referenceIds = new Set<string>();
    for (const item of input.items) {
      if (item.product_id) referenceIds.add(item.product_id);
      if (item.product_type_id) referenceIds.add(item.product_type_id);
    }
    for (const method of input.shipping_methods) if (method.shipping_option_id) referenceIds.add(method.shipping_option_id);
    const rules =
      rates.length && referenceIds.size
        ? await ctx.em.execute<CalcRule[]>(
            `select tax_rate_id, reference, reference_id from tax_rate_rule
              where deleted_at is null and tax_rate_id ${IN_JSON} and reference_id ${IN_JSON}`,
            [JSON.stringify(rates.map((r) => r.id)), JSON.stringify([...referenceIds])],
          )
        : [];

    return computeTaxLines({ regions, rates, rules }, input, SYSTEM_TAX_PROVIDER_LINE_ID);
  }

  // ---- providers -----------------------------------------------------------------------------

  async listProviders(ctx: Context, query: ListQuery): Promise<[TaxProviderView[], number]> {
    const [rows, count] = await findPage(ctx, TaxProvider, { ...query, filters: { ...query.filters, deleted_at: null } });
    return [rows.map((p) => ({ id: p.id, is_enabled: p.is_enabled })), count];
  }

  // ---- regions -------------------------------------------------------------------------------

  listRegions(ctx: Context, query: ListQuery): Promise<[TaxRegionView[], number]> {
    return this.regions.list(ctx, query);
  }

  /** `relations`: `tax_rates`, `tax_rates.rules`, `parent`, `children`, `children.tax_rates` … */
  retrieveRegion(ctx: Context, id: string, relations: readonly string[] = []): Promise<TaxRegionView> {
    return this.regions.retrieve(ctx, id, relations);
  }

  /** Returns the new region's id. */
  createRegion(ctx: Context, input: CreateTaxRegionInput): Promise<string> {
    return this.regions.create(ctx, input);
  }

  updateRegion(ctx: Context, id: string, input: UpdateTaxRegionInput): Promise<void> {
    return this.regions.update(ctx, id, input);
  }

  deleteRegion(ctx: Context, id: string): Promise<void> {
    return this.regions.delete(ctx, id);
  }

  // ---- rates ---------------------------------------------------------------------------------

  listRates(ctx: Context, query: ListQuery): Promise<[TaxRateView[], number]> {
    return this.rates.list(ctx, query);
  }

  /** `relations`: `rules`, `tax_region` … */
  retrieveRate(ctx: Context, id: string, relations: readonly string[] = []): Promise<TaxRateView> {
    return this.rates.retrieve(ctx, id, relations);
  }

  /** Returns the new rate's id. */
  createRate(ctx: Context, input: CreateTaxRateInput): Promise<string> {
    return this.rates.create(ctx, input);
  }

  updateRate(ctx: Context, id: string, input: UpdateTaxRateInput): Promise<void> {
    return this.rates.update(ctx, id, input);
  }

  deleteRate(ctx: Context, id: string): Promise<void> {
    return this.rates.delete(ctx, id);
  }

  addRateRule(ctx: Context, rateId: string, rule: TaxRuleInput): Promise<void> {
    return this.rates.addRule(ctx, rateId, rule);
  }

  deleteRateRule(ctx: Context, rateId: string, ruleId: string): Promise<void> {
    return this.rates.deleteRule(ctx, rateId, ruleId);
  }
}
