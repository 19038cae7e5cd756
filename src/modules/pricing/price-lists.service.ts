import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { Context, inTransaction } from '../../framework/context/context';
import { findPage } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { ListQuery } from '../../framework/http/list-query';
import { VariantPriceSetLinks } from '../../links/variant-price-set.service';
import { CurrencyService } from '../currency/currency.service';
import { PriceListRule } from './entities/price-list-rule.entity';
import { PriceList } from './entities/price-list.entity';
import { toAmountNumber } from './price-calculator';
import { insertPrices, jsonb, loadPrices, normalizePrice, PriceRow, quantityNumber, softDeletePricesWhere, updatePrices } from './price-store';
import {
  BatchPriceListPricesInput,
  BatchPriceListPricesResult,
  CreatePriceListInput,
  PriceListPriceInput,
  PriceListPriceView,
  PriceListView,
  PricingEvents,
  UpdatePriceListInput,
} from './pricing.types';

function toPriceListPriceView(row: PriceRow, variantOf: Map<string, string>): PriceListPriceView {
  return {
    id: row.id,
    currency_code: row.currency_code,
    amount: toAmountNumber(row.amount),
    min_quantity: quantityNumber(row.min_quantity),
    max_quantity: quantityNumber(row.max_quantity),
    variant_id: variantOf.get(row.price_set_id) ?? null,
    price_set_id: row.price_set_id,
    rules: row.rules,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    deleted_at: row.deleted_at?.toISOString() ?? null,
  };
}

function toPriceListView(list: PriceList, rules: Record<string, string[]>, prices: PriceListPriceView[]): PriceListView {
  return {
    id: list.id,
    title: list.title,
    description: list.description,
    rules,
    starts_at: list.starts_at?.toISOString() ?? null,
    ends_at: list.ends_at?.toISOString() ?? null,
    status: list.status,
    type: list.type,
    prices,
    created_at: list.created_at.toISOString(),
    updated_at: list.updated_at.toISOString(),
    deleted_at: list.deleted_at?.toISOString() ?? null,
  };
}

function dateOf(value: string | null | undefined, field: string): Date | null | undefined {
  if (value === undefined || value === null) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw SthenoError.invalidData(`${field} must be a date, got: ${value}`);
  return date;
}

/** Rule values are lists of strings (`{customer_group_id: ['cusgroup_…']}`). */
function normalizeListRules(rules: Record<string, unknown>): Array<[string, string[]]> {
  return Object.entries(rules).map(([attribute, value]) => {
    const values = Array.isArray(value) ? value : [value];
    if (!values.every((v) => typeof v === 'string')) {
      throw SthenoError.invalidData(`Price list rule ${attribute} must be a string or a list of strings`);
    }
    return [attribute, [...new Set(values as string[])]];
  });
}

/** Price lists (sale/override, date window, customer-group rules) and their variant prices. */
@Injectable()
export class PriceListsService {
  constructor(
    private readonly events: EventBus,
    private readonly currencies: CurrencyService,
    private readonly variantPriceSets: VariantPriceSetLinks,
  ) {}

  /** Prices (with their variants) are loaded, in two queries for the page, only when selected. */
  async list(ctx: Context, query: ListQuery): Promise<[PriceListView[], number]> {
    const [rows, count] = await findPage(ctx, PriceList, query, ['title', 'description']);
    return [await this.toViews(ctx, rows, query.fields.relations.includes('prices')), count];
  }

  async retrieve(ctx: Context, id: string): Promise<PriceListView> {
    const [view] = await this.toViews(ctx, [await this.load(ctx, id)], true);
    return view;
  }

  async create(ctx: Context, input: CreatePriceListInput): Promise<PriceListView> {
    const startsAt = dateOf(input.starts_at, 'starts_at') ?? null;
    const endsAt = dateOf(input.ends_at, 'ends_at') ?? null;
    this.assertWindow(startsAt, endsAt);
    const rules = normalizeListRules(input.rules ?? {});
    return inTransaction(ctx, async (tx) => {
      const list = tx.em.create(PriceList, {
        title: input.title,
        description: input.description,
        status: input.status ?? 'draft',
        type: input.type ?? 'sale',
        starts_at: startsAt,
        ends_at: endsAt,
        rules_count: rules.length,
      });
      this.persistRules(tx, list, rules);
      await tx.em.flush();
      if (input.prices?.length) await this.createPrices(tx, list.id, input.prices);
      this.events.record(tx, PricingEvents.PRICE_LIST_CREATED, { id: list.id });
      await tx.em.flush();
      const [view] = await this.toViews(tx, [list], true);
      return view;
    });
  }

  async update(ctx: Context, id: string, input: UpdatePriceListInput): Promise<PriceListView> {
    return inTransaction(ctx, async (tx) => {
      const list = await this.load(tx, id, true);
      const startsAt = input.starts_at === undefined ? list.starts_at : (dateOf(input.starts_at, 'starts_at') ?? null);
      const endsAt = input.ends_at === undefined ? list.ends_at : (dateOf(input.ends_at, 'ends_at') ?? null);
      this.assertWindow(startsAt, endsAt);
      if (input.title !== undefined) list.title = input.title;
      if (input.description !== undefined) list.description = input.description;
      if (input.status !== undefined) list.status = input.status;
      if (input.type !== undefined) list.type = input.type;
      list.starts_at = startsAt;
      list.ends_at = endsAt;
      if (input.rules !== undefined) {
        const rules = normalizeListRules(input.rules);
        await tx.em.nativeUpdate(PriceListRule, { price_list: id }, { deleted_at: new Date() });
        this.persistRules(tx, list, rules);
        list.rules_count = rules.length;
      }
      this.events.record(tx, PricingEvents.PRICE_LIST_UPDATED, { id });
      await tx.em.flush();
      const [view] = await this.toViews(tx, [list], true);
      return view;
    });
  }

  /** Soft-deletes the list with its rules and prices. */
  async delete(ctx: Context, id: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const list = await this.load(tx, id, true);
      list.deleted_at = new Date();
      await tx.em.nativeUpdate(PriceListRule, { price_list: id }, { deleted_at: new Date() });
      await softDeletePricesWhere(tx, 'p.price_list_id = ?', [id]);
      this.events.record(tx, PricingEvents.PRICE_LIST_DELETED, { id });
      await tx.em.flush();
    });
  }

  /** One page of the list's prices, with their variants. */
  async listPrices(ctx: Context, id: string, query: ListQuery): Promise<[PriceListPriceView[], number]> {
    await this.load(ctx, id);
    const [{ count }] = await ctx.em.execute<Array<{ count: string }>>(
      'select count(*) as count from price where price_list_id = ? and deleted_at is null',
      [id],
    );
    // the route's spec allows ordering by created_at only (id breaks ties): both directions are safe to inline
    const direction = query.order[0]?.direction === 'DESC' ? 'desc' : 'asc';
    const page = `p.created_at ${direction}, p.id ${direction} limit ${Number(query.limit)} offset ${Number(query.offset)}`;
    const rows = await loadPrices(ctx, 'p.price_list_id = ?', [id], page);
    return [await this.priceViews(ctx, rows), Number(count)];
  }

  /** Deletes, updates and creates list prices in one transaction; everything is checked before any write. */
  async batchPrices(ctx: Context, id: string, input: BatchPriceListPricesInput): Promise<BatchPriceListPricesResult> {
    const toCreate = input.create ?? [];
    const toUpdate = input.update ?? [];
    const toDelete = [...new Set(input.delete ?? [])];
    return inTransaction(ctx, async (tx) => {
      await this.load(tx, id, true);
      const owned = new Set(
        (await tx.em.execute<Array<{ id: string }>>('select id from price where price_list_id = ? and deleted_at is null', [id])).map((r) => r.id),
      );
      const unknown = [...toUpdate.map((p) => p.id), ...toDelete].find((priceId) => !owned.has(priceId));
      if (unknown) throw SthenoError.notFound(`Price with id: ${unknown} was not found in price list: ${id}`);
      const updatedIds = new Set(toUpdate.map((p) => p.id));
      if (updatedIds.size !== toUpdate.length) throw SthenoError.invalidData('A price can be updated only once per batch');
      const both = toDelete.find((priceId) => updatedIds.has(priceId));
      if (both) throw SthenoError.invalidData(`Price with id: ${both} cannot be both updated and deleted`);

      const setOf = await this.priceSetsOfVariants(tx, [...toCreate, ...toUpdate]);
      const normalizedUpdates = toUpdate.map((p) => ({ ...normalizePrice(p), id: p.id, price_set_id: setOf.get(p.variant_id)! }));
      const normalizedCreates = toCreate.map((p) => ({ ...normalizePrice(p), price_set_id: setOf.get(p.variant_id)!, price_list_id: id }));
      await this.currencies.assertExist(tx, [...normalizedCreates, ...normalizedUpdates].map((p) => p.currency_code));

      if (toDelete.length) await softDeletePricesWhere(tx, 'p.id in (select jsonb_array_elements_text(?::jsonb))', [jsonb(toDelete)]);
      await updatePrices(tx, normalizedUpdates);
      const createdIds = await insertPrices(tx, normalizedCreates);
      this.events.record(tx, PricingEvents.PRICE_LIST_UPDATED, { id });
      await tx.em.flush();

      const views = await this.priceViewsByIds(tx, [...createdIds, ...updatedIds]);
      return {
        created: createdIds.map((priceId) => views.get(priceId)!),
        updated: toUpdate.map((p) => views.get(p.id)!),
        deleted: toDelete,
      };
    });
  }

  private async createPrices(tx: Context, listId: string, prices: PriceListPriceInput[]): Promise<void> {
    const setOf = await this.priceSetsOfVariants(tx, prices);
    const normalized = prices.map((p) => ({ ...normalizePrice(p), price_set_id: setOf.get(p.variant_id)!, price_list_id: listId }));
    await this.currencies.assertExist(tx, normalized.map((p) => p.currency_code));
    await insertPrices(tx, normalized);
  }

  /** The price set of every variant named, or invalid_data naming those without one. */
  private async priceSetsOfVariants(tx: Context, prices: Array<{ variant_id: string }>): Promise<Map<string, string>> {
    const setOf = await this.variantPriceSets.priceSetsOf(tx, prices.map((p) => p.variant_id));
    const missing = [...new Set(prices.map((p) => p.variant_id).filter((v) => !setOf.has(v)))];
    if (missing.length) throw SthenoError.invalidData(`No price set exist for variants: ${missing.join(', ')}`);
    return setOf;
  }

  private persistRules(tx: Context, list: PriceList, rules: Array<[string, string[]]>): void {
    for (const [attribute, value] of rules) tx.em.persist(tx.em.create(PriceListRule, { attribute, value, price_list: list }));
  }

  private assertWindow(startsAt: Date | null, endsAt: Date | null): void {
    if (startsAt && endsAt && endsAt.getTime() < startsAt.getTime()) {
      throw SthenoError.invalidData('ends_at must not be before starts_at');
    }
  }

  private async load(ctx: Context, id: string, forUpdate = false): Promise<PriceList> {
    const list = await ctx.em.findOne(PriceList, { id }, forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!list) throw SthenoError.notFound(`Price list with id: ${id} was not found`);
    return list;
  }

  private async priceViews(ctx: Context, rows: PriceRow[]): Promise<PriceListPriceView[]> {
    const variantOf = await this.variantPriceSets.variantsOf(ctx, rows.map((r) => r.price_set_id));
    return rows.map((row) => toPriceListPriceView(row, variantOf));
  }

  private async priceViewsByIds(ctx: Context, ids: string[]): Promise<Map<string, PriceListPriceView>> {
    if (!ids.length) return new Map();
    const rows = await loadPrices(ctx, 'p.id in (select jsonb_array_elements_text(?::jsonb))', [jsonb(ids)]);
    return new Map((await this.priceViews(ctx, rows)).map((view) => [view.id, view]));
  }

  /** Views with rules (one query) and, when asked, prices with their variants (two more). */
  private async toViews(ctx: Context, lists: PriceList[], withPrices: boolean): Promise<PriceListView[]> {
    if (!lists.length) return [];
    const ids = lists.map((l) => l.id);
    const rules = new Map<string, Record<string, string[]>>(ids.map((id) => [id, {}]));
    const ruleRows = await ctx.em.find(PriceListRule, { price_list: { $in: ids } }, { orderBy: { attribute: 'ASC' }, disableIdentityMap: true });
    for (const rule of ruleRows) rules.get(rule.price_list.id)![rule.attribute] = rule.value;
    const prices = new Map<string, PriceListPriceView[]>(ids.map((id) => [id, []]));
    if (withPrices) {
      const rows = await loadPrices(ctx, 'p.price_list_id in (select jsonb_array_elements_text(?::jsonb))', [jsonb(ids)]);
      const views = await this.priceViews(ctx, rows);
      rows.forEach((row, i) => prices.get(row.price_list_id!)?.push(views[i]));
    }
    return lists.map((list) => toPriceListView(list, rules.get(list.id)!, prices.get(list.id)!));
  }
}
