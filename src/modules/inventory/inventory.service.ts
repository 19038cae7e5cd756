import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/core';
import { Context, inTransaction } from '../../framework/context/context';
import { findPage } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { ListQuery, parseFilters } from '../../framework/http/list-query';
import { InventoryItem } from './entities/inventory-item.entity';
import { InventoryLevel } from './entities/inventory-level.entity';
import { InventoryLevels } from './inventory-levels';
import { itemViews } from './inventory-views';
import {
  CreateInventoryItemInput,
  CreateReservationInput,
  InventoryEvents,
  InventoryItemView,
  InventoryLevelBatch,
  InventoryLevelBatchResult,
  InventoryLevelInput,
  InventoryLevelView,
  ReservationSelector,
  ReservationView,
  ReserveAnywhereInput,
  RestockInput,
  ShipStockInput,
  UpdateInventoryItemInput,
  UpdateReservationInput,
} from './inventory.types';
import { Reservations } from './reservations';

export type {
  CreateInventoryItemInput,
  InventoryItemView,
  InventoryLevelView,
  ReservationView,
} from './inventory.types';

/** The filter key of the levels' location, written dotted or nested (`location_levels[location_id]=…`, as qs sends it). */
export const LOCATION_LEVELS_FILTER = 'location_levels.location_id';

/** The location condition of an item list query, from either spelling; undefined when there is none. */
function locationCondition(query: ListQuery): unknown {
  const dotted = query.filters[LOCATION_LEVELS_FILTER];
  const nested = query.extra.location_levels;
  if (nested === undefined) return dotted;
  if (typeof nested !== 'object' || nested === null || Array.isArray(nested)) {
    throw SthenoError.invalidData("Invalid value for filter 'location_levels'");
  }
  return parseFilters(nested as Record<string, unknown>, { location_id: { type: 'string' } }).location_id ?? dotted;
}

/**
 * The inventory module's facade: items, their stock levels per location, and reservations.
 * Stock moves go through the stock ledger's conditional updates, never read-then-write.
 */
@Injectable()
export class InventoryService {
  constructor(
    private readonly events: EventBus,
    private readonly levels: InventoryLevels,
    private readonly reservations: Reservations,
  ) {}

  // ---- items ----

  /** One page of items with their levels and totals (two statements plus the count). */
  async listItems(ctx: Context, query: ListQuery): Promise<[InventoryItemView[], number]> {
    const { [LOCATION_LEVELS_FILTER]: _location, ...filters } = query.filters;
    const locationIds = locationCondition(query);
    if (locationIds !== undefined) {
      const stocked = ctx.em
        .createQueryBuilder(InventoryLevel, 'l')
        .select('l.inventory_item_id')
        .where({ location_id: locationIds, deleted_at: null })
        .getKnexQuery();
      filters.$and = [{ id: { $in: stocked } }];
    }
    const [rows, count] = await findPage(ctx, InventoryItem, { ...query, filters }, ['sku', 'title', 'description']);
    return [await itemViews(ctx, rows), count];
  }

  async retrieveItem(ctx: Context, id: string): Promise<InventoryItemView> {
    const item = await ctx.em.findOne(InventoryItem, { id });
    if (!item) throw SthenoError.notFound(`Inventory item with id: ${id} was not found`);
    const [view] = await itemViews(ctx, [item]);
    return view;
  }

  /** Creates items (and their `location_levels`); views in input order. */
  async createItems(ctx: Context, inputs: CreateInventoryItemInput[]): Promise<InventoryItemView[]> {
    return inTransaction(ctx, async (tx) => {
      await this.assertSkusFree(tx, inputs.map((input) => input.sku ?? null));
      const items = inputs.map(({ location_levels: _levels, ...fields }) => tx.em.create(InventoryItem, { ...fields, requires_shipping: fields.requires_shipping ?? true, metadata: fields.metadata ?? null }));
      for (const item of items) this.events.record(tx, InventoryEvents.ITEM_CREATED, { id: item.id });
      await tx.em.flush();
      await this.levels.create(
        tx,
        inputs.flatMap((input, index) => (input.location_levels ?? []).map((level) => ({ ...level, inventory_item_id: items[index].id }))),
      );
      return itemViews(tx, items);
    });
  }

  async updateItem(ctx: Context, id: string, input: UpdateInventoryItemInput): Promise<InventoryItemView> {
    return inTransaction(ctx, async (tx) => {
      const item = await tx.em.findOne(InventoryItem, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!item) throw SthenoError.notFound(`Inventory item with id: ${id} was not found`);
      if (input.sku && input.sku !== item.sku) await this.assertSkusFree(tx, [input.sku]);
      tx.em.assign(item, input);
      this.events.record(tx, InventoryEvents.ITEM_UPDATED, { id });
      await tx.em.flush();
      const [view] = await itemViews(tx, [item]);
      return view;
    });
  }

  /**
   * Soft-deletes the items and their levels; ids that are not (or no longer) items are skipped.
   * Refused while an item has reservations. Variant links are the caller's (a flow's) business.
   */
  async deleteItems(ctx: Context, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await inTransaction(ctx, async (tx) => {
      const items = await tx.em.find(InventoryItem, { id: { $in: ids } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'ASC' } });
      const levels = await this.levels.lockOfItems(tx, items.map((item) => item.id));
      const reserved = await this.reservations.itemsWithReservations(tx, items.map((item) => item.id));
      if (reserved.length) {
        throw SthenoError.notAllowed(`Cannot remove the following inventory item(s) since they have reservations: [${reserved.join(', ')}]`);
      }
      const now = new Date();
      for (const item of items) {
        item.deleted_at = now;
        this.events.record(tx, InventoryEvents.ITEM_DELETED, { id: item.id });
      }
      await this.levels.softDeleteLevels(tx, levels);
    });
  }

  /** Σ(stocked − reserved) per item over the locations (0 when the item is not stocked there). */
  async availability(ctx: Context, itemIds: string[], locationIds: string[]): Promise<Map<string, number>> {
    return this.levels.availability(ctx, itemIds, locationIds);
  }

  // ---- levels ----

  async listLevels(ctx: Context, itemId: string, query: ListQuery): Promise<[InventoryLevelView[], number]> {
    await this.levels.assertItemsExist(ctx, [itemId]);
    return this.levels.list(ctx, itemId, query);
  }

  async createLevels(ctx: Context, inputs: InventoryLevelInput[]): Promise<InventoryLevelView[]> {
    return inTransaction(ctx, (tx) => this.levels.create(tx, inputs));
  }

  async updateLevels(ctx: Context, inputs: InventoryLevelInput[]): Promise<InventoryLevelView[]> {
    return inTransaction(ctx, async (tx) => {
      await this.levels.assertItemsExist(tx, inputs.map((input) => input.inventory_item_id));
      return this.levels.update(tx, inputs);
    });
  }

  /** Deletes the item's level at a location (refused while stock is reserved there); returns the level id. */
  async deleteLevel(ctx: Context, itemId: string, locationId: string): Promise<string> {
    return inTransaction(ctx, async (tx) => {
      await this.levels.assertItemsExist(tx, [itemId]);
      const id = await this.levels.idAt(tx, itemId, locationId);
      await this.levels.deleteByIds(tx, [id]);
      return id;
    });
  }

  /** Creates, updates and deletes levels in one transaction: all or nothing. */
  async batchLevels(ctx: Context, batch: InventoryLevelBatch): Promise<InventoryLevelBatchResult> {
    return inTransaction(ctx, async (tx) => {
      const deleted = [...new Set(batch.delete ?? [])];
      await this.levels.deleteByIds(tx, deleted);
      const created = await this.levels.create(tx, batch.create ?? []);
      await this.levels.assertItemsExist(tx, (batch.update ?? []).map((input) => input.inventory_item_id));
      const updated = await this.levels.update(tx, batch.update ?? []);
      return { created, updated, deleted };
    });
  }

  /** Removes every level at the locations; refused while stock is reserved there (deleting a location). */
  async deleteLevelsAtLocations(ctx: Context, locationIds: string[]): Promise<void> {
    await inTransaction(ctx, (tx) => this.levels.deleteAtLocations(tx, locationIds));
  }

  // ---- reservations ----

  async listReservations(ctx: Context, query: ListQuery): Promise<[ReservationView[], number]> {
    return this.reservations.list(ctx, query);
  }

  async retrieveReservation(ctx: Context, id: string, withItem = false): Promise<ReservationView> {
    return this.reservations.retrieve(ctx, id, withItem);
  }

  /**
   * Reserves stock: one conditional update per input, all or nothing. 400 not_allowed
   * (`insufficient_inventory`) when a location lacks stock, 400 invalid_data when it does not stock the item.
   */
  async reserve(ctx: Context, inputs: CreateReservationInput[]): Promise<ReservationView[]> {
    return inTransaction(ctx, (tx) => this.reservations.reserve(tx, inputs));
  }

  /**
   * Checkout's reservation: each input held at the first of its candidate locations (in id order)
   * with enough available stock, one conditional update per attempt, all or nothing; 400
   * `insufficient_inventory` when no location can cover an input and it may not backorder.
   */
  async reserveAnywhere(ctx: Context, inputs: ReserveAnywhereInput[]): Promise<ReservationView[]> {
    return inTransaction(ctx, (tx) => this.reservations.reserveAnywhere(tx, inputs));
  }

  /** Fulfillment: stock leaves the locations, consuming the line items' reservations there. */
  async shipStock(ctx: Context, inputs: ShipStockInput[]): Promise<void> {
    await inTransaction(ctx, (tx) => this.reservations.ship(tx, inputs));
  }

  /** Returns received, fulfillments canceled: stock back onto the locations' levels. */
  async restock(ctx: Context, inputs: RestockInput[]): Promise<void> {
    await inTransaction(ctx, (tx) => this.reservations.restock(tx, inputs));
  }

  async updateReservation(ctx: Context, id: string, input: UpdateReservationInput): Promise<ReservationView> {
    return inTransaction(ctx, (tx) => this.reservations.update(tx, id, input));
  }

  /** Deletes one reservation and gives its stock back; not_found when there is none. */
  async deleteReservation(ctx: Context, id: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const [released] = await this.reservations.release(tx, [id]);
      if (!released) throw SthenoError.notFound(`Reservation item with id: ${id} was not found`);
    });
  }

  /** Deletes reservations (by ids, or every one of some line items) and gives their stock back; returns the ids released. */
  async releaseReservations(ctx: Context, selector: ReservationSelector): Promise<string[]> {
    return inTransaction(ctx, (tx) => this.reservations.release(tx, selector));
  }

  /** Same sku twice in the input, or an sku already taken: 422 with Medusa's message. */
  private async assertSkusFree(tx: Context, skus: Array<string | null>): Promise<void> {
    const given = skus.filter((sku): sku is string => !!sku);
    const repeated = given.find((sku, index) => given.indexOf(sku) !== index);
    const taken = given.length
      ? await tx.em.findOne(InventoryItem, { sku: { $in: given } } as FilterQuery<InventoryItem>, { fields: ['sku'] })
      : null;
    const duplicate = repeated ?? taken?.sku;
    if (duplicate) throw new SthenoError('duplicate_error', `Inventory item with sku: ${duplicate}, already exists.`);
  }
}
