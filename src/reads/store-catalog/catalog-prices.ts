import { Injectable } from '@nestjs/common';
import { Context } from '../../framework/context/context';
import {
  calculatePrices,
  CalculatedPrice,
  CandidatePrice,
  CandidatePriceList,
  PricePreferenceInput,
  PricingContext,
} from '../../modules/pricing/price-calculator';
import { sql, textArray } from './sql';

interface PricingRows {
  prices: CandidatePrice[];
  lists: Array<Omit<CandidatePriceList, 'starts_at' | 'ends_at' | 'rules'> & { starts_at: string | null; ends_at: string | null; rules: Record<string, unknown> | null }>;
  preferences: PricePreferenceInput[];
}

/** A price list rule's jsonb value as the calculator's list of accepted strings. */
function ruleValues(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).map((v) => String(v));
}

/**
 * Calculated prices of many price sets in ONE statement (prices of the context's currency with their
 * rules, the price lists they belong to with theirs, and the price preferences), then Medusa's
 * selection by the pure calculator. Stand-in for PricingService.calculatePrices (branch wt-pricing)
 * with the same signature, so the swap is one line once that facade lands.
 */
@Injectable()
export class CatalogPrices {
  async calculatePrices(ctx: Context, priceSetIds: string[], context: PricingContext): Promise<Map<string, CalculatedPrice | null>> {
    if (!priceSetIds.length) return new Map();
    const currency = context.currency_code.toLowerCase();
    const statement = sql`with candidate as (
        select pr.* from price pr
         where pr.price_set_id = any(${textArray(priceSetIds)}) and pr.deleted_at is null and lower(pr.currency_code) = ${currency})
      select json_build_object(
        'prices', coalesce((select json_agg(json_build_object(
            'id', c.id, 'price_set_id', c.price_set_id, 'currency_code', c.currency_code, 'amount', c.amount::text,
            'min_quantity', c.min_quantity::text, 'max_quantity', c.max_quantity::text, 'price_list_id', c.price_list_id,
            'rules', coalesce((select json_agg(json_build_object('attribute', r.attribute, 'operator', r.operator, 'value', r.value))
                                 from price_rule r where r.price_id = c.id and r.deleted_at is null), '[]'::json)))
          from candidate c), '[]'::json),
        'lists', coalesce((select json_agg(json_build_object(
            'id', l.id, 'type', l.type, 'status', l.status, 'starts_at', l.starts_at, 'ends_at', l.ends_at,
            'rules', (select json_object_agg(lr.attribute, lr.value) from price_list_rule lr where lr.price_list_id = l.id and lr.deleted_at is null)))
          from price_list l where l.deleted_at is null and l.id in (select c.price_list_id from candidate c)), '[]'::json),
        'preferences', coalesce((select json_agg(json_build_object('attribute', pp.attribute, 'value', pp.value, 'is_tax_inclusive', pp.is_tax_inclusive))
          from price_preference pp where pp.deleted_at is null), '[]'::json)) as rows`;
    const [{ rows }] = await ctx.em.execute<Array<{ rows: PricingRows }>>(statement.text, statement.params);
    const lists = new Map<string, CandidatePriceList>(
      rows.lists.map((list) => [
        list.id,
        {
          ...list,
          starts_at: list.starts_at ? new Date(list.starts_at) : null,
          ends_at: list.ends_at ? new Date(list.ends_at) : null,
          rules: Object.fromEntries(Object.entries(list.rules ?? {}).map(([attribute, value]) => [attribute, ruleValues(value)])),
        },
      ]),
    );
    return calculatePrices(priceSetIds, rows.prices, lists, { ...context, currency_code: currency }, rows.preferences, new Date());
  }
}
