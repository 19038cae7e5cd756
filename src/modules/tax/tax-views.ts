import { Context } from '../../framework/context/context';
import { TaxRateRule } from './entities/tax-rate-rule.entity';
import { TaxRate } from './entities/tax-rate.entity';
import { TaxRegion } from './entities/tax-region.entity';
import type { TaxRateRuleView, TaxRateView, TaxRegionView } from './tax.types';

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export function toRegionView(region: TaxRegion): TaxRegionView {
  return {
    id: region.id,
    country_code: region.country_code,
    province_code: region.province_code,
    parent_id: region.parent_id,
    provider_id: region.provider_id,
    metadata: region.metadata,
    created_by: region.created_by,
    created_at: region.created_at.toISOString(),
    updated_at: region.updated_at.toISOString(),
    deleted_at: iso(region.deleted_at),
  };
}

export function toRateView(rate: TaxRate): TaxRateView {
  return {
    id: rate.id,
    rate: rate.rate === null ? null : Number(rate.rate),
    code: rate.code,
    name: rate.name,
    is_default: rate.is_default,
    is_combinable: rate.is_combinable,
    tax_region_id: rate.tax_region_id,
    metadata: rate.metadata,
    created_by: rate.created_by,
    created_at: rate.created_at.toISOString(),
    updated_at: rate.updated_at.toISOString(),
    deleted_at: iso(rate.deleted_at),
  };
}

export function toRuleView(rule: TaxRateRule): TaxRateRuleView {
  return {
    id: rule.id,
    tax_rate_id: rule.tax_rate_id,
    reference: rule.reference,
    reference_id: rule.reference_id,
    metadata: rule.metadata,
    created_by: rule.created_by,
    created_at: rule.created_at.toISOString(),
    updated_at: rule.updated_at.toISOString(),
    deleted_at: iso(rule.deleted_at),
  };
}

/** The relation paths under `name` (`tax_rates.rules` under `tax_rates` is `rules`). */
function under(relations: readonly string[], name: string): string[] {
  const prefix = `${name}.`;
  return relations.filter((r) => r.startsWith(prefix)).map((r) => r.slice(prefix.length));
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * Views of regions with the relations `relations` names (`tax_rates`, `tax_rates.rules`, `parent`,
 * `children`, `children.tax_rates` …): one query per relation level, whatever the number of regions.
 */
export async function regionViews(ctx: Context, regions: readonly TaxRegion[], relations: readonly string[]): Promise<TaxRegionView[]> {
  const views = regions.map(toRegionView);
  if (!views.length) return views;
  const ids = views.map((v) => v.id);

  if (relations.includes('tax_rates')) {
    const rates = await ctx.em.find(TaxRate, { tax_region_id: { $in: ids } }, { orderBy: [{ created_at: 'ASC' }, { id: 'ASC' }] });
    const byRegion = groupBy(await rateViews(ctx, rates, under(relations, 'tax_rates')), (r) => r.tax_region_id);
    for (const view of views) view.tax_rates = byRegion.get(view.id) ?? [];
  }
  if (relations.includes('parent')) {
    const parentIds = [...new Set(views.map((v) => v.parent_id).filter((id): id is string => id !== null))];
    const parents = parentIds.length ? await ctx.em.find(TaxRegion, { id: { $in: parentIds } }) : [];
    const byId = new Map((await regionViews(ctx, parents, under(relations, 'parent'))).map((p) => [p.id, p]));
    for (const view of views) view.parent = view.parent_id ? byId.get(view.parent_id) ?? null : null;
  }
  if (relations.includes('children')) {
    const children = await ctx.em.find(TaxRegion, { parent_id: { $in: ids } }, { orderBy: [{ province_code: 'ASC' }, { id: 'ASC' }] });
    const byParent = groupBy(await regionViews(ctx, children, under(relations, 'children')), (c) => c.parent_id);
    for (const view of views) view.children = byParent.get(view.id) ?? [];
  }
  return views;
}

/** Views of rates with `rules` and/or `tax_region` (and what is under it) when named. */
export async function rateViews(ctx: Context, rates: readonly TaxRate[], relations: readonly string[]): Promise<TaxRateView[]> {
  const views = rates.map(toRateView);
  if (!views.length) return views;

  if (relations.includes('rules')) {
    const rules = await ctx.em.find(TaxRateRule, { tax_rate_id: { $in: views.map((v) => v.id) } }, { orderBy: [{ created_at: 'ASC' }, { id: 'ASC' }] });
    const byRate = groupBy(rules.map(toRuleView), (r) => r.tax_rate_id);
    for (const view of views) view.rules = byRate.get(view.id) ?? [];
  }
  if (relations.includes('tax_region')) {
    const regionIds = [...new Set(views.map((v) => v.tax_region_id))];
    const regions = await ctx.em.find(TaxRegion, { id: { $in: regionIds } });
    const byId = new Map((await regionViews(ctx, regions, under(relations, 'tax_region'))).map((r) => [r.id, r]));
    for (const view of views) view.tax_region = byId.get(view.tax_region_id) ?? null;
  }
  return views;
}
