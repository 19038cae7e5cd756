import { Injectable } from '@nestjs/common';
import { Context } from '../../framework/context/context';
import { preparedQuery } from '../../framework/database/prepared';
import { CandidatePrice, CandidatePriceList, PricePreferenceInput, PricingContext, PriceRuleInput } from './price-calculator';
import { jsonb } from './price-store';

export interface PriceCandidateData {
  prices: CandidatePrice[];
  lists: Map<string, CandidatePriceList>;
  preferences: PricePreferenceInput[];
}

type Json<T> = T | string;
const parsed = <T>(value: Json<T>): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/**
 * The candidate prices of the sets in the currency with their rules, the active, undeleted price
 * lists those prices belong to with their rules (a price of any other list is ignored by the
 * calculator), and the tax-inclusive preferences of the currency and region: one statement (every
 * add to cart prices its line).
 */
const CANDIDATES_SQL = `
with c as (
  select p.id, p.price_set_id, p.currency_code, p.amount::text as amount, p.min_quantity::text as min_quantity,
         p.max_quantity::text as max_quantity, p.price_list_id,
         coalesce(jsonb_agg(jsonb_build_object('attribute', r.attribute, 'operator', r.operator, 'value', r.value))
                    filter (where r.id is not null), '[]'::jsonb) as rules
    from price p
    left join price_rule r on r.price_id = p.id and r.deleted_at is null
   where p.deleted_at is null and p.currency_code = ?
     and p.price_set_id in (select jsonb_array_elements_text(?::jsonb))
   group by p.id
)
select
  coalesce((select jsonb_agg(c) from c), '[]'::jsonb) as prices,
  coalesce((select jsonb_agg(l) from (
    select l.id, l.type, l.status, l.starts_at, l.ends_at,
           coalesce(jsonb_object_agg(lr.attribute, lr.value) filter (where lr.id is not null), '{}'::jsonb) as rules
      from price_list l
      left join price_list_rule lr on lr.price_list_id = l.id and lr.deleted_at is null
     where l.deleted_at is null and l.status = 'active' and l.id in (select c.price_list_id from c)
     group by l.id) l), '[]'::jsonb) as lists,
  coalesce((select jsonb_agg(jsonb_build_object('attribute', attribute, 'value', value, 'is_tax_inclusive', is_tax_inclusive))
    from price_preference
   where deleted_at is null
     and ((attribute = 'currency_code' and value = ?) or (attribute = 'region_id' and value = ?))), '[]'::jsonb) as preferences`;

/**
 * What the price calculator needs for many price sets, in one statement whatever their number
 * (CANDIDATES_SQL). Rule matching and list windows are left to the (pure, tested) calculator.
 */
@Injectable()
export class PriceCandidates {
  async load(ctx: Context, priceSetIds: string[], context: PricingContext): Promise<PriceCandidateData> {
    const currency = String(context.currency_code ?? '').toLowerCase();
    const regionId = typeof context.region_id === 'string' ? context.region_id : null;
    const [row] = await preparedQuery<{
      prices: Json<Array<Omit<CandidatePrice, 'rules'> & { rules: Json<PriceRuleInput[]> }>>;
      lists: Json<Array<Omit<CandidatePriceList, 'rules' | 'starts_at' | 'ends_at'> & { starts_at: string | null; ends_at: string | null; rules: Json<Record<string, string[]>> }>>;
      preferences: Json<PricePreferenceInput[]>;
    }>(ctx, 'stheno_price_candidates', CANDIDATES_SQL, [currency, jsonb(priceSetIds), currency, regionId]);
    const prices = parsed(row.prices).map((p) => ({ ...p, rules: parsed(p.rules) }));
    const lists = new Map(
      parsed(row.lists).map((list): [string, CandidatePriceList] => [
        list.id,
        {
          ...list,
          starts_at: list.starts_at ? new Date(list.starts_at) : null,
          ends_at: list.ends_at ? new Date(list.ends_at) : null,
          rules: parsed(list.rules),
        },
      ]),
    );
    return { prices, lists, preferences: parsed(row.preferences) };
  }
}
