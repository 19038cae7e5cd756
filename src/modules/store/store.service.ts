import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { Context, inTransaction } from '../../framework/context/context';
import { findPage } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { ListQuery } from '../../framework/http/list-query';
import { CurrencyService } from '../currency/currency.service';
import { RegionService } from '../region/region.service';
import { SalesChannelService } from '../sales-channel/sales-channel.service';
import { StockLocationService } from '../stock-location/stock-location.service';
import { StoreCurrency } from './entities/store-currency.entity';
import { Store } from './entities/store.entity';
import { CreateStoreInput, StoreCurrencyView, StoreEvents, StoreView, UpdateStoreInput } from './store.types';
import { normalizeSupportedCurrencies, planSupportedCurrencies } from './supported-currencies';

function toStoreCurrencyView(currency: StoreCurrency): StoreCurrencyView {
  return {
    id: currency.id,
    currency_code: currency.currency_code,
    is_default: currency.is_default,
    store_id: currency.store_id,
    created_at: currency.created_at.toISOString(),
    updated_at: currency.updated_at.toISOString(),
  };
}

function toStoreView(store: Store, currencies: StoreCurrencyView[]): StoreView {
  return {
    id: store.id,
    name: store.name,
    default_sales_channel_id: store.default_sales_channel_id,
    default_region_id: store.default_region_id,
    default_location_id: store.default_location_id,
    metadata: store.metadata,
    created_at: store.created_at.toISOString(),
    updated_at: store.updated_at.toISOString(),
    supported_currencies: currencies,
  };
}

/** The store module's facade: the shop's name, currencies and defaults. */
@Injectable()
export class StoreService {
  constructor(
    private readonly events: EventBus,
    private readonly currencies: CurrencyService,
    private readonly salesChannels: SalesChannelService,
    private readonly regions: RegionService,
    private readonly locations: StockLocationService,
  ) {}

  /** Supported currencies are loaded (in one query for the page) only when `query.fields` selects them. */
  async list(ctx: Context, query: ListQuery): Promise<[StoreView[], number]> {
    const [rows, count] = await findPage(ctx, Store, query, ['name']);
    const withCurrencies = query.fields.relations.includes('supported_currencies');
    return [await this.toViews(ctx, rows, withCurrencies), count];
  }

  /** The shop (the oldest store: Medusa runs one per backend), or null before the seed. */
  async current(ctx: Context): Promise<StoreView | null> {
    const store = await ctx.em.findOne(Store, {}, { orderBy: { created_at: 'ASC', id: 'ASC' } });
    return store ? (await this.toViews(ctx, [store], true))[0] : null;
  }

  async retrieve(ctx: Context, id: string): Promise<StoreView> {
    const [view] = await this.toViews(ctx, [await this.load(ctx, id)], true);
    return view;
  }

  async create(ctx: Context, input: CreateStoreInput): Promise<StoreView> {
    return inTransaction(ctx, async (tx) => {
      const currencies = normalizeSupportedCurrencies(input.supported_currencies ?? []);
      await this.currencies.assertExist(tx, currencies.map((c) => c.currency_code));
      await this.assertDefaultsExist(tx, input);
      const store = tx.em.create(Store, {
        name: input.name,
        default_sales_channel_id: input.default_sales_channel_id ?? null,
        default_region_id: input.default_region_id ?? null,
        default_location_id: input.default_location_id ?? null,
        metadata: input.metadata ?? null,
      });
      for (const currency of currencies) tx.em.create(StoreCurrency, { store_id: store.id, ...currency });
      await tx.em.flush();
      const [view] = await this.toViews(tx, [store], true);
      return view;
    });
  }

  async update(ctx: Context, id: string, input: UpdateStoreInput): Promise<StoreView> {
    return inTransaction(ctx, async (tx) => {
      // concurrent updates of one store take turns, so two replacements of its currencies never interleave
      const store = await this.load(tx, id, LockMode.PESSIMISTIC_WRITE);
      await this.assertDefaultsExist(tx, input);
      if (input.supported_currencies !== undefined) await this.replaceCurrencies(tx, store, input.supported_currencies);
      if (input.name !== undefined) store.name = input.name;
      if (input.default_sales_channel_id !== undefined) store.default_sales_channel_id = input.default_sales_channel_id;
      if (input.default_region_id !== undefined) store.default_region_id = input.default_region_id;
      if (input.default_location_id !== undefined) store.default_location_id = input.default_location_id;
      if (input.metadata !== undefined) store.metadata = input.metadata;
      this.events.record(tx, StoreEvents.UPDATED, { id });
      await tx.em.flush();
      const [view] = await this.toViews(tx, [store], true);
      return view;
    });
  }

  private async load(ctx: Context, id: string, lockMode?: LockMode): Promise<Store> {
    const store = await ctx.em.findOne(Store, { id }, lockMode ? { lockMode } : {});
    if (!store) throw SthenoError.notFound(`Store with id: ${id} was not found`);
    return store;
  }

  /** The default sales channel, region and stock location must exist. */
  private async assertDefaultsExist(ctx: Context, input: UpdateStoreInput): Promise<void> {
    if (input.default_sales_channel_id) await this.salesChannels.assertExist(ctx, [input.default_sales_channel_id]);
    if (input.default_region_id) await this.regions.assertExist(ctx, input.default_region_id);
    if (input.default_location_id) await this.locations.assertExist(ctx, [input.default_location_id]);
  }

  private async replaceCurrencies(tx: Context, store: Store, wanted: NonNullable<UpdateStoreInput['supported_currencies']>): Promise<void> {
    const current = await tx.em.find(StoreCurrency, { store_id: store.id });
    const change = planSupportedCurrencies(current, wanted);
    await this.currencies.assertExist(tx, change.create.map((c) => c.currency_code));
    const byId = new Map(current.map((c) => [c.id, c]));
    const now = new Date();
    for (const id of change.remove) byId.get(id)!.deleted_at = now;
    for (const { id, is_default } of change.update) byId.get(id)!.is_default = is_default;
    for (const currency of change.create) tx.em.create(StoreCurrency, { store_id: store.id, ...currency });
    // a change of currencies alone still moves the store's updated_at
    store.updated_at = now;
  }

  /** Views of `stores`, with their supported currencies read in one query for all of them. */
  private async toViews(ctx: Context, stores: Store[], withCurrencies: boolean): Promise<StoreView[]> {
    const byStore = new Map<string, StoreCurrencyView[]>(stores.map((s) => [s.id, []]));
    if (withCurrencies && stores.length) {
      const rows = await ctx.em.find(
        StoreCurrency,
        { store_id: { $in: stores.map((s) => s.id) } },
        { orderBy: [{ is_default: 'DESC' }, { currency_code: 'ASC' }] },
      );
      for (const row of rows) byStore.get(row.store_id)?.push(toStoreCurrencyView(row));
    }
    return stores.map((store) => toStoreView(store, byStore.get(store.id) ?? []));
  }
}
