import type { ComputedTaxLine, TaxCalculationInput, TaxLinesResult } from './tax.types';

/**
 * Which tax rates apply to each line item and shipping method, the way Medusa's tax module picks
 * them for its system provider (pure: the caller loads the rows).
 *
 * 1. No top-level region for the address's country → no tax lines at all (even if a province
 *    region exists).
 * 2. Candidates are the rates of the country region and, when the address has a province with its
 *    own region, of that province region, that are either the region's default or have a rule
 *    matching the line: for an item a `product` rule on its product id or a `product_type` rule on
 *    its type id; for a shipping method a `shipping_option` rule on its option id.
 * 3. The best candidate wins, by this priority: province rule on the product (or shipping option),
 *    province rule on the type, province default, country rule on the product (or shipping
 *    option), country rule on the type, country default. Ties go to the older rate (ids are
 *    time-ordered), so the answer never depends on row order.
 * 4. When the winner is `is_combinable` and its region has a parent, the best candidate of the
 *    parent region (by the same priority, so a country rule on the product beats the country's
 *    default) is added after it: the line carries both rates, which add up.
 *
 * A rate without a number (`rate` null, a lookup key for external providers) counts as 0 %.
 */

export interface CalcRegion {
  id: string;
  country_code: string;
  province_code: string | null;
  parent_id: string | null;
  provider_id: string | null;
}

export interface CalcRate {
  id: string;
  rate: number | null;
  code: string;
  name: string;
  is_default: boolean;
  is_combinable: boolean;
  tax_region_id: string;
}

export interface CalcRule {
  tax_rate_id: string;
  reference: string;
  reference_id: string;
}

export interface TaxData {
  regions: CalcRegion[];
  rates: CalcRate[];
  rules: CalcRule[];
}

export type TaxTarget = { kind: 'item'; product_id: string | null; product_type_id: string | null } | { kind: 'shipping'; shipping_option_id: string | null };

/** Lower-cased and trimmed, as regions store their codes; null for an empty province. */
export function normalizeRegionCode(code: string | null | undefined): string | null {
  const normalized = (code ?? '').trim().toLowerCase();
  return normalized || null;
}

/** The country region and the province region (if any) that cover the address, or null when the country has none. */
export function regionsForAddress(
  regions: readonly CalcRegion[],
  address: TaxCalculationInput['address'],
): { country: CalcRegion; province: CalcRegion | null } | null {
  const country = normalizeRegionCode(address.country_code);
  const province = normalizeRegionCode(address.province_code);
  const countryRegion = regions.find((r) => r.country_code === country && r.province_code === null);
  if (!countryRegion) return null;
  const provinceRegion = province ? regions.find((r) => r.country_code === country && r.province_code === province) ?? null : null;
  return { country: countryRegion, province: provinceRegion };
}

/** The rules of each rate, built once per calculation. */
export function rulesByRate(rules: readonly CalcRule[]): Map<string, CalcRule[]> {
  const byRate = new Map<string, CalcRule[]>();
  for (const rule of rules) {
    const list = byRate.get(rule.tax_rate_id);
    if (list) list.push(rule);
    else byRate.set(rule.tax_rate_id, [rule]);
  }
  return byRate;
}

/** The rates that apply to one line, most specific first (one, or two when combined). */
export function ratesForLine(
  rates: readonly CalcRate[],
  rules: ReadonlyMap<string, CalcRule[]>,
  regionsInScope: readonly CalcRegion[],
  target: TaxTarget,
): CalcRate[] {
  const regionById = new Map(regionsInScope.map((r) => [r.id, r]));
  const ranked: Array<{ rate: CalcRate; region: CalcRegion; priority: number }> = [];
  for (const rate of rates) {
    const region = regionById.get(rate.tax_region_id);
    if (!region) continue;
    const priority = priorityOf(rate, region, rules.get(rate.id) ?? [], target);
    if (priority !== null) ranked.push({ rate, region, priority });
  }
  if (!ranked.length) return [];
  ranked.sort((a, b) => a.priority - b.priority || (a.rate.id < b.rate.id ? -1 : a.rate.id > b.rate.id ? 1 : 0));

  const best = ranked[0];
  if (!best.rate.is_combinable || !best.region.parent_id) return [best.rate];
  const parentRate = ranked.find((r) => r.region.id === best.region.parent_id);
  return parentRate ? [best.rate, parentRate.rate] : [best.rate];
}

/** 1 (most specific) … 6 (country default); null when the rate is no candidate for the line. */
function priorityOf(rate: CalcRate, region: CalcRegion, rules: readonly CalcRule[], target: TaxTarget): number | null {
  let specific = false;
  let byType = false;
  for (const rule of rules) {
    if (target.kind === 'shipping') {
      if (rule.reference === 'shipping_option' && target.shipping_option_id !== null && rule.reference_id === target.shipping_option_id) specific = true;
    } else if (rule.reference === 'product' && target.product_id !== null && rule.reference_id === target.product_id) {
      specific = true;
    } else if (rule.reference === 'product_type' && target.product_type_id !== null && rule.reference_id === target.product_type_id) {
      byType = true;
    }
  }
  const offset = region.province_code !== null ? 0 : 3;
  if (specific) return 1 + offset;
  if (byType) return 2 + offset;
  if (rate.is_default) return 3 + offset;
  return null;
}

function toLine(rate: CalcRate, providerId: string): ComputedTaxLine {
  return { rate_id: rate.id, code: rate.code, name: rate.name, rate: rate.rate ?? 0, provider_id: providerId };
}

/** The rates of every item and shipping method (by id; a line no rate covers gets none); null when no region covers the country. */
export interface SelectedRates {
  items: Map<string, CalcRate[]>;
  shipping_methods: Map<string, CalcRate[]>;
}

export function selectRates(data: TaxData, input: TaxCalculationInput): SelectedRates | null {
  const scope = regionsForAddress(data.regions, input.address);
  if (!scope) return null;
  const inScope = scope.province ? [scope.country, scope.province] : [scope.country];
  const rules = rulesByRate(data.rules);
  const selected: SelectedRates = { items: new Map(), shipping_methods: new Map() };
  for (const item of input.items) {
    selected.items.set(item.id, ratesForLine(data.rates, rules, inScope, { kind: 'item', product_id: item.product_id, product_type_id: item.product_type_id }));
  }
  for (const method of input.shipping_methods) {
    selected.shipping_methods.set(method.id, ratesForLine(data.rates, rules, inScope, { kind: 'shipping', shipping_option_id: method.shipping_option_id }));
  }
  return selected;
}

/**
 * Tax lines for every item and shipping method of `input` (keyed by their ids; a line no rate
 * covers gets an empty list), as the system provider writes them. Empty maps when no region covers
 * the address's country.
 */
export function computeTaxLines(data: TaxData, input: TaxCalculationInput, providerLineId: string): TaxLinesResult {
  const result: TaxLinesResult = { items: new Map(), shipping_methods: new Map() };
  const selected = selectRates(data, input);
  if (!selected) return result;
  for (const [id, rates] of selected.items) result.items.set(id, rates.map((r) => toLine(r, providerLineId)));
  for (const [id, rates] of selected.shipping_methods) result.shipping_methods.set(id, rates.map((r) => toLine(r, providerLineId)));
  return result;
}
