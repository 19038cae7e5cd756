import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context, systemContext } from '../../framework/context/context';
import { RUNTIME_OPTIONS, RuntimeOptions } from '../../framework/runtime/runtime';
import { findPage } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { preparedQuery } from '../../framework/database/prepared';
import { ListQuery } from '../../framework/http/list-query';
import { TaxProvider } from './entities/tax-provider.entity';
import { CalcRate, CalcRegion, CalcRule, normalizeRegionCode, regionsForAddress, selectRates } from './tax-calculator';
import { TaxProviderRegistry } from './providers/tax-provider-registry';
import { TaxRatesService } from './tax-rates.service';
import { TaxRegionsService } from './tax-regions.service';
import {
  CreateTaxRateInput,
  CreateTaxRegionInput,
  ComputedTaxLine,
  ProviderTaxLine,
  TaxCalculationInput,
  TaxLinesResult,
  TaxProviderView,
  TaxRateCandidate,
  TaxRateView,
  TaxRegionView,
  TaxRuleInput,
  UpdateTaxRateInput,
  UpdateTaxRegionInput,
} from './tax.types';

/**
 * What choosing an address's rates needs, in one statement: the tax regions of the country (and
 * its province), their rates, and only the rules of those rates that name one of the lines'
 * products, types or shipping options (a JSON array bound as one parameter).
 */
const TAX_INPUTS_SQL = `
with r as (
  select id, country_code, province_code, parent_id, provider_id from tax_region
   where deleted_at is null and country_code = ? and (province_code is null or province_code = ?)
), t as (
  select id, rate::text as rate, code, name, is_default, is_combinable, tax_region_id from tax_rate
   where deleted_at is null and tax_region_id in (select id from r)
)
select coalesce((select jsonb_agg(to_jsonb(r) order by r.id) from r), '[]'::jsonb) as regions,
  coalesce((select jsonb_agg(to_jsonb(t) order by t.id) from t), '[]'::jsonb) as rates,
  coalesce((select jsonb_agg(jsonb_build_object('tax_rate_id', x.tax_rate_id, 'reference', x.reference, 'reference_id', x.reference_id) order by x.id)
    from tax_rate_rule x where x.deleted_at is null and x.tax_rate_id in (select id from t)
      and x.reference_id in (select jsonb_array_elements_text(?::jsonb))), '[]'::jsonb) as rules`;

const candidate = ({ id, rate, code, name, is_combinable, tax_region_id }: CalcRate): TaxRateCandidate => ({ id, rate, code, name, is_combinable, tax_region_id });

/** The provider's lines by item and shipping method (every one of them present, maybe with none); a line for anything else is a provider defect. */
function linesByTarget(input: TaxCalculationInput, lines: ProviderTaxLine[], providerId: string): TaxLinesResult {
  const result: TaxLinesResult = {
    items: new Map(input.items.map((item) => [item.id, [] as ComputedTaxLine[]])),
    shipping_methods: new Map(input.shipping_methods.map((method) => [method.id, [] as ComputedTaxLine[]])),
  };
  for (const line of lines) {
    const target = 'line_item_id' in line ? result.items.get(line.line_item_id) : result.shipping_methods.get(line.shipping_line_id);
    const rate = Number(line.rate);
    if (!target || !Number.isFinite(rate) || typeof line.code !== 'string') {
      throw SthenoError.unexpectedState(`Tax provider ${providerId} returned a tax line that is not one of the calculation's lines, or has no code or numeric rate`);
    }
    target.push({ rate_id: line.rate_id ?? null, code: line.code, name: line.name, rate, provider_id: line.provider_id ?? providerId });
  }
  return result;
}

/**
 * The tax module's facade: tax regions per country and province, their rates and rules, the
 * providers, and the tax lines of a cart or order (`taxLinesFor`).
 */
@Injectable()
export class TaxService implements OnApplicationBootstrap {
  constructor(
    private readonly orm: MikroORM,
    @Inject(RUNTIME_OPTIONS) private readonly runtime: RuntimeOptions,
    private readonly regions: TaxRegionsService,
    private readonly rates: TaxRatesService,
    private readonly providers: TaxProviderRegistry,
  ) {}

  /**
   * The tax lines of each item and shipping method for an address: the rates the regions' rules
   * choose (tax-calculator.ts), turned into lines by the country region's provider (`tp_system`
   * when it names none and no configured provider is the default). One statement
   * whatever the number of lines (TAX_INPUTS_SQL: the regions, their rates and the rules that matter).
   * Empty maps when no region covers the country.
   */
  async taxLinesFor(ctx: Context, input: TaxCalculationInput): Promise<TaxLinesResult> {
    const empty: TaxLinesResult = { items: new Map(), shipping_methods: new Map() };
    const country = normalizeRegionCode(input.address.country_code);
    if (!country) return empty;
    const province = normalizeRegionCode(input.address.province_code);
    const referenceIds = new Set<string>();
    for (const item of input.items) {
      if (item.product_id) referenceIds.add(item.product_id);
      if (item.product_type_id) referenceIds.add(item.product_type_id);
    }
    for (const method of input.shipping_methods) if (method.shipping_option_id) referenceIds.add(method.shipping_option_id);
    const [found] = await preparedQuery<{ regions: CalcRegion[]; rates: Array<Omit<CalcRate, 'rate'> & { rate: string | null }>; rules: CalcRule[] }>(
      ctx,
      'stheno_tax_inputs',
      TAX_INPUTS_SQL,
      [country, province ?? '', JSON.stringify([...referenceIds])],
    );
    const { regions } = found;
    const scope = regionsForAddress(regions, input.address);
    if (!scope) return empty;
    const provider = this.providers.get(scope.country.provider_id ?? this.providers.defaultId());

    const regionIds = new Set(scope.province ? [scope.country.id, scope.province.id] : [scope.country.id]);
    const rates: CalcRate[] = found.rates.filter((r) => regionIds.has(r.tax_region_id)).map((r) => ({ ...r, rate: r.rate === null ? null : Number(r.rate) }));
    const rateIds = new Set(rates.map((r) => r.id));
    const rules = found.rules.filter((rule) => rateIds.has(rule.tax_rate_id));

    const selected = selectRates({ regions, rates, rules }, input);
    if (!selected) return empty;
    const lines = await provider.getTaxLines(
      input.items.map((item) => ({ line_item: item, rates: (selected.items.get(item.id) ?? []).map(candidate) })),
      input.shipping_methods.map((method) => ({ shipping_line: method, rates: (selected.shipping_methods.get(method.id) ?? []).map(candidate) })),
      { address: input.address },
    );
    return linesByTarget(input, lines, provider.id);
  }

  // ---- providers -----------------------------------------------------------------------------

  /**
   * Writes a row (enabled) for every registered provider that has none yet, once the migrations
   * have run, so tax regions can name the providers of plugins and of the configuration file. CLI
   * commands skip it (db:generate diffs an empty schema); the migration that creates the table
   * inserts `tp_system`.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.runtime.kind !== 'app') return;
    await systemContext(this.orm.em as EntityManager).em.execute(
      `insert into tax_provider (id, is_enabled) select unnest(?::text[]), true on conflict (id) do nothing`,
      [`{${this.providers.ids().map((id) => JSON.stringify(id)).join(',')}}`],
    );
  }

  /** A provider this process does not run (a plugin or configured provider since removed) is listed as disabled. */
  async listProviders(ctx: Context, query: ListQuery): Promise<[TaxProviderView[], number]> {
    const [rows, count] = await findPage(ctx, TaxProvider, { ...query, filters: { ...query.filters, deleted_at: null } });
    return [rows.map((p) => ({ id: p.id, is_enabled: p.is_enabled && this.providers.has(p.id) })), count];
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
