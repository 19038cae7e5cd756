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
 * What the price calculator needs for many price sets, in at most three statements whatever their
 * number: the sets' prices in the context's currency with their rules, the active price lists those
 * prices belong to with their rules, and the tax-inclusivity preferences of the region and currency.
 * Rule matching and list windows are left to the (pure, tested) calculator.
 */
@Injectable()
export class PriceCandidates {
  async load(ctx: Context, priceSetIds: string[], context: PricingContext): Promise<PriceCandidateData> {
    const currency = String(context.currency_code ?? '').toLowerCase();
    const { prices, preferences } = await this.pricesAndPreferences(ctx, priceSetIds, currency, typeof context.region_id === 'string' ? context.region_id : undefined);
    const listIds = [...new Set(prices.map((p) => p.price_list_id).filter((id): id is string => id !== null))];
    const lists = await this.lists(ctx, listIds);
    return { prices, lists, preferences };
  }

  /**
   * The candidate prices of the sets in the currency, and the tax-inclusive preferences of the
   * currency and region, in one statement (every add to cart prices its line).
   */
  private async pricesAndPreferences(
    ctx: Context,
    priceSetIds: string[],
    currency: string,
    regionId: string | undefined,
  ): Promise<{ prices: CandidatePrice[]; preferences: PricePreferenceInput[] }> {
    const [row] = await preparedQuery<{ prices: Json<Array<Omit<CandidatePrice, 'rules'> & { rules: Json<PriceRuleInput[]> }>>; preferences: Json<PricePreferenceInput[]> }>(
      ctx,
      'stheno_price_candidates',
      `select
         coalesce((select jsonb_agg(c) from (
           select p.id, p.price_set_id, p.currency_code, p.amount::text as amount, p.min_quantity::text as min_quantity,
                  p.max_quantity::text as max_quantity, p.price_list_id,
                  coalesce(jsonb_agg(jsonb_build_object('attribute', r.attribute, 'operator', r.operator, 'value', r.value))
                             filter (where r.id is not null), '[]'::jsonb) as rules
             from price p
             left join price_rule r on r.price_id = p.id and r.deleted_at is null
            where p.deleted_at is null and p.currency_code = ?
              and p.price_set_id in (select jsonb_array_elements_text(?::jsonb))
            group by p.id) c), '[]'::jsonb) as prices,
         coalesce((select jsonb_agg(jsonb_build_object('attribute', attribute, 'value', value, 'is_tax_inclusive', is_tax_inclusive))
           from price_preference
          where deleted_at is null
            and ((attribute = 'currency_code' and value = ?) or (attribute = 'region_id' and value = ?))), '[]'::jsonb) as preferences`,
      [currency, jsonb(priceSetIds), currency, regionId ?? null],
    );
    const prices = parsed(row.prices).map((p) => ({ ...p, rules: parsed(p.rules) }));
    return { prices, preferences: parsed(row.preferences) };
  }

  /** Only active, undeleted lists: a price of any other list is ignored by the calculator. */
  private async lists(ctx: Context, listIds: string[]): Promise<Map<string, CandidatePriceList>> {
    if (!listIds.length) return new Map();
    const rows = await ctx.em.execute<Array<Omit<CandidatePriceList, 'rules'> & { rules: Json<Record<string, string[]>> }>>(
      `select l.id, l.type, l.status, l.starts_at, l.ends_at,
              coalesce(jsonb_object_agg(lr.attribute, lr.value) filter (where lr.id is not null), '{}'::jsonb) as rules
         from price_list l
         left join price_list_rule lr on lr.price_list_id = l.id and lr.deleted_at is null
        where l.deleted_at is null and l.status = 'active'
          and l.id in (select jsonb_array_elements_text(?::jsonb))
        group by l.id`,
      [jsonb(listIds)],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          ...row,
          starts_at: row.starts_at ? new Date(row.starts_at) : null,
          ends_at: row.ends_at ? new Date(row.ends_at) : null,
          rules: parsed(row.rules),
        },
      ]),
    );
  }
}
