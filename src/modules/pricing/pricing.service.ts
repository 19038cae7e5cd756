import { Injectable } from '@nestjs/common';
import { Context, inTransaction } from '../../framework/context/context';
import { generateId } from '../../framework/database/ids';
import { SthenoError } from '../../framework/errors/stheno-error';
import { CurrencyService } from '../currency/currency.service';
import { PriceCandidates } from './price-candidates';
import { calculatePrices } from './price-calculator';
import { insertPrices, jsonb, loadPrices, normalizePrice, NormalizedPrice, softDeletePricesWhere, toPriceView, updatePrices } from './price-store';
import { CalculatedPrice, PriceInput, PriceView, PricingContext } from './pricing.types';

export type { PriceInput, PriceView, PricingContext, CalculatedPrice } from './pricing.types';

/**
 * The pricing module's facade: price sets with their base prices, and the calculated price of many
 * sets at once. Price lists and preferences have their own (internal) services behind admin routes.
 */
@Injectable()
export class PricingService {
  constructor(
    private readonly currencies: CurrencyService,
    private readonly candidates: PriceCandidates,
  ) {}

  /** One price set per entry, with its base prices; returns the ids in input order. */
  async createPriceSets(ctx: Context, sets: Array<{ prices: PriceInput[] }>): Promise<string[]> {
    if (!sets.length) return [];
    const normalized = sets.map((set) => set.prices.map((p) => normalizePrice({ ...p, id: undefined })));
    return inTransaction(ctx, async (tx) => {
      await this.currencies.assertExist(tx, normalized.flat().map((p) => p.currency_code));
      const ids = sets.map(() => generateId('pset'));
      await tx.em.execute(`insert into price_set (id) select jsonb_array_elements_text(?::jsonb)`, [jsonb(ids)]);
      await insertPrices(
        tx,
        normalized.flatMap((prices, i) => prices.map((p) => ({ ...p, price_set_id: ids[i], price_list_id: null }))),
      );
      return ids;
    });
  }

  /**
   * Makes the set's base prices exactly `prices`: an entry with an id updates that price (its rules
   * too when given), one without creates a price, and base prices not named are deleted.
   */
  async upsertPrices(ctx: Context, priceSetId: string, prices: PriceInput[]): Promise<void> {
    const normalized = prices.map(normalizePrice);
    await inTransaction(ctx, async (tx) => {
      await this.assertPriceSetsExist(tx, [priceSetId]);
      await this.currencies.assertExist(tx, normalized.map((p) => p.currency_code));
      const existing = new Set(
        (await tx.em.execute<Array<{ id: string }>>(
          'select id from price where price_set_id = ? and price_list_id is null and deleted_at is null',
          [priceSetId],
        )).map((r) => r.id),
      );
      const updates = normalized.filter((p): p is NormalizedPrice & { id: string } => p.id !== undefined);
      const unknown = updates.find((p) => !existing.has(p.id));
      if (unknown) throw SthenoError.notFound(`Price with id: ${unknown.id} was not found in price set: ${priceSetId}`);
      const kept = updates.map((p) => p.id);
      if (new Set(kept).size !== kept.length) throw SthenoError.invalidData('A price can be updated only once per price set');
      await softDeletePricesWhere(
        tx,
        'p.price_set_id = ? and p.price_list_id is null and p.id not in (select jsonb_array_elements_text(?::jsonb))',
        [priceSetId, jsonb(kept)],
      );
      await updatePrices(tx, updates);
      await insertPrices(
        tx,
        normalized.filter((p) => p.id === undefined).map((p) => ({ ...p, price_set_id: priceSetId, price_list_id: null })),
      );
    });
  }

  /** Soft-deletes the sets with every price (base and price list) and rule they hold. */
  async deletePriceSets(ctx: Context, priceSetIds: string[]): Promise<void> {
    if (!priceSetIds.length) return;
    await inTransaction(ctx, async (tx) => {
      const ids = jsonb(priceSetIds);
      await softDeletePricesWhere(tx, 'p.price_set_id in (select jsonb_array_elements_text(?::jsonb))', [ids]);
      await tx.em.execute(
        'update price_set set deleted_at = now() where deleted_at is null and id in (select jsonb_array_elements_text(?::jsonb))',
        [ids],
      );
    });
  }

  /** Base prices (no price list) of each set, in one query; every requested id has an entry. */
  async listPrices(ctx: Context, priceSetIds: string[]): Promise<Map<string, PriceView[]>> {
    const result = new Map<string, PriceView[]>(priceSetIds.map((id) => [id, []]));
    if (!priceSetIds.length) return result;
    const rows = await loadPrices(ctx, 'p.price_set_id {ids} and p.price_list_id is null', [], undefined, { name: 'stheno_base_prices', ids: priceSetIds });
    for (const row of rows) result.get(row.price_set_id)?.push(toPriceView(row));
    return result;
  }

  /**
   * Medusa's `calculated_price` of each set in `context`, or null when no price applies. Three
   * statements at most whatever the number of sets: candidate prices, their price lists, preferences.
   */
  async calculatePrices(ctx: Context, priceSetIds: string[], context: PricingContext): Promise<Map<string, CalculatedPrice | null>> {
    const unique = [...new Set(priceSetIds)];
    if (!unique.length) return new Map();
    const { prices, lists, preferences } = await this.candidates.load(ctx, unique, context);
    return calculatePrices(unique, prices, lists, context, preferences, new Date());
  }

  /** Soft-deletes the prices the list holds in these sets (e.g. for products leaving the list). */
  async removePriceListPrices(ctx: Context, priceListId: string, priceSetIds: string[]): Promise<void> {
    if (!priceSetIds.length) return;
    await inTransaction(ctx, async (tx) => {
      await softDeletePricesWhere(tx, 'p.price_list_id = ? and p.price_set_id in (select jsonb_array_elements_text(?::jsonb))', [
        priceListId,
        jsonb(priceSetIds),
      ]);
    });
  }

  private async assertPriceSetsExist(ctx: Context, ids: string[]): Promise<void> {
    const found = new Set(
      (await ctx.em.execute<Array<{ id: string }>>(
        'select id from price_set where deleted_at is null and id in (select jsonb_array_elements_text(?::jsonb))',
        [jsonb(ids)],
      )).map((r) => r.id),
    );
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw SthenoError.notFound(`Price set with id: ${missing} was not found`);
  }
}
