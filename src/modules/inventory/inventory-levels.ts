import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/core';
import { Context } from '../../framework/context/context';
import { findPage } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { ListQuery } from '../../framework/http/list-query';
import { StockLocationService } from '../stock-location/stock-location.service';
import { InventoryItem } from './entities/inventory-item.entity';
import { InventoryLevel } from './entities/inventory-level.entity';
import { ReservationItem } from './entities/reservation-item.entity';
import { toLevelView } from './inventory-views';
import { InventoryEvents, InventoryLevelInput, InventoryLevelView } from './inventory.types';
import { compareStockKeys } from './stock-ledger';

const keyOf = (itemId: string, locationId: string) => `${itemId}\u0001${locationId}`;

/** Quantities are whole, non-negative numbers (the facade is called by flows too, not only through DTOs). */
function assertQuantities(input: { stocked_quantity?: number; incoming_quantity?: number }): void {
  for (const name of ['stocked_quantity', 'incoming_quantity'] as const) {
    const value = input[name];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      throw SthenoError.invalidData(`${name} must be a non-negative integer`);
    }
  }
}

/** Inventory levels: stock of an item at a location. Internal to the module; the facade delegates. */
@Injectable()
export class InventoryLevels {
  constructor(
    private readonly events: EventBus,
    private readonly locations: StockLocationService,
  ) {}

  async list(ctx: Context, itemId: string, query: ListQuery): Promise<[InventoryLevelView[], number]> {
    const [rows, count] = await findPage(ctx, InventoryLevel, { ...query, filters: { ...query.filters, inventory_item: itemId } });
    return [rows.map(toLevelView), count];
  }

  /** Creates levels; the items and locations must exist and no level may exist yet for a pair. */
  async create(tx: Context, inputs: InventoryLevelInput[]): Promise<InventoryLevelView[]> {
    if (!inputs.length) return [];
    inputs.forEach(assertQuantities);
    await this.assertItemsExist(tx, inputs.map((i) => i.inventory_item_id));
    await this.locations.assertExist(tx, inputs.map((i) => i.location_id));
    const seen = new Set<string>();
    for (const input of inputs) {
      const key = keyOf(input.inventory_item_id, input.location_id);
      if (seen.has(key)) throw this.duplicate(input);
      seen.add(key);
    }
    const existing = await this.findByPairs(tx, inputs);
    if (existing.length) throw this.duplicate({ inventory_item_id: existing[0].inventory_item.id, location_id: existing[0].location_id });
    const levels = inputs.map((input) =>
      tx.em.create(InventoryLevel, {
        inventory_item: tx.em.getReference(InventoryItem, input.inventory_item_id),
        location_id: input.location_id,
        stocked_quantity: input.stocked_quantity ?? 0,
        reserved_quantity: 0,
        incoming_quantity: input.incoming_quantity ?? 0,
        metadata: input.metadata ?? null,
      }),
    );
    for (const level of levels) this.events.record(tx, InventoryEvents.LEVEL_CREATED, { id: level.id });
    await tx.em.flush();
    return levels.map(toLevelView);
  }

  /** Sets stocked/incoming quantities of existing levels (locked, so concurrent edits take turns). */
  async update(tx: Context, inputs: InventoryLevelInput[]): Promise<InventoryLevelView[]> {
    if (!inputs.length) return [];
    inputs.forEach(assertQuantities);
    const levels = await this.findByPairs(tx, [...inputs].sort(compareStockKeys), true);
    const byKey = new Map(levels.map((level) => [keyOf(level.inventory_item.id, level.location_id), level]));
    const updated = inputs.map((input) => {
      const level = byKey.get(keyOf(input.inventory_item_id, input.location_id));
      if (!level) {
        throw SthenoError.notFound(`Inventory level for item ${input.inventory_item_id} at location ${input.location_id} was not found`);
      }
      if (input.stocked_quantity !== undefined) level.stocked_quantity = input.stocked_quantity;
      if (input.incoming_quantity !== undefined) level.incoming_quantity = input.incoming_quantity;
      if (input.metadata !== undefined) level.metadata = input.metadata;
      this.events.record(tx, InventoryEvents.LEVEL_UPDATED, { id: level.id });
      return level;
    });
    await tx.em.flush();
    return updated.map(toLevelView);
  }

  /** The level of an item at a location; not_found when there is none. */
  async idAt(ctx: Context, itemId: string, locationId: string): Promise<string> {
    const level = await ctx.em.findOne(InventoryLevel, { inventory_item: itemId, location_id: locationId }, { fields: ['id'] });
    if (!level) throw SthenoError.notFound(`Inventory level for item ${itemId} at location ${locationId} was not found`);
    return level.id;
  }

  /**
   * Soft-deletes levels by id (all must exist), refusing those that still hold reserved stock. The
   * rows are locked first: a reservation racing with the delete either commits before (and the
   * delete sees its reserved quantity) or waits and then finds no level.
   */
  async deleteByIds(tx: Context, ids: string[]): Promise<void> {
    const wanted = [...new Set(ids)];
    if (!wanted.length) return;
    const levels = await this.lockAndRefresh(tx, { id: { $in: wanted } });
    const found = new Set(levels.map((level) => level.id));
    const missing = wanted.find((id) => !found.has(id));
    if (missing) throw SthenoError.notFound(`Inventory level with id: ${missing} was not found`);
    const reserved = levels.find((level) => level.reserved_quantity > 0);
    if (reserved) {
      throw SthenoError.notAllowed(
        `Cannot remove the inventory level of item ${reserved.inventory_item.id} at location ${reserved.location_id}: it has reserved stock`,
      );
    }
    this.softDelete(tx, levels);
    await tx.em.flush();
  }

  /** Removes every level at the locations (a location being deleted); refused while stock is reserved there. */
  async deleteAtLocations(tx: Context, locationIds: string[]): Promise<void> {
    if (!locationIds.length) return;
    const levels = await this.lockAndRefresh(tx, { location_id: { $in: locationIds } });
    const reservations = await tx.em.count(ReservationItem, { location_id: { $in: locationIds } });
    const reserved = levels.find((level) => level.reserved_quantity > 0)?.location_id;
    if (reserved || reservations) {
      throw SthenoError.notAllowed(`Cannot delete stock location ${reserved ?? locationIds.join(', ')}: stock is reserved there`);
    }
    this.softDelete(tx, levels);
    await tx.em.flush();
  }

  /**
   * Locks every level of the items (items about to be deleted). Once they are locked, a reservation
   * for the items has either committed (and is visible to the caller's check) or waits, then finds
   * no level to hold stock on.
   */
  async lockOfItems(tx: Context, itemIds: string[]): Promise<InventoryLevel[]> {
    if (!itemIds.length) return [];
    return this.lockAndRefresh(tx, { inventory_item: { $in: itemIds } });
  }

  async softDeleteLevels(tx: Context, levels: InventoryLevel[]): Promise<void> {
    this.softDelete(tx, levels);
    await tx.em.flush();
  }

  /** Σ(stocked − reserved) per item over the locations, in one statement; 0 for items with no level there. */
  async availability(ctx: Context, itemIds: string[], locationIds: string[]): Promise<Map<string, number>> {
    const result = new Map<string, number>(itemIds.map((id) => [id, 0]));
    if (!itemIds.length || !locationIds.length) return result;
    const rows = await ctx.em.execute<Array<{ inventory_item_id: string; available: string }>>(
      `select inventory_item_id, sum(stocked_quantity - reserved_quantity) as available
         from inventory_level
        where deleted_at is null and inventory_item_id = any(?::text[]) and location_id = any(?::text[])
        group by inventory_item_id`,
      [textArray(itemIds), textArray(locationIds)],
    );
    for (const row of rows) result.set(row.inventory_item_id, Number(row.available));
    return result;
  }

  async assertItemsExist(ctx: Context, itemIds: string[]): Promise<void> {
    const wanted = [...new Set(itemIds)];
    if (!wanted.length) return;
    const found = new Set((await ctx.em.find(InventoryItem, { id: { $in: wanted } }, { fields: ['id'] })).map((i) => i.id));
    const missing = wanted.find((id) => !found.has(id));
    if (missing) throw SthenoError.notFound(`Inventory item with id: ${missing} was not found`);
  }

  private softDelete(tx: Context, levels: InventoryLevel[]): void {
    const now = new Date();
    for (const level of levels) {
      level.deleted_at = now;
      this.events.record(tx, InventoryEvents.LEVEL_DELETED, { id: level.id });
    }
  }

  /** Locks the rows in id order and reloads them: the identity map may hold an older reserved quantity. */
  private lockAndRefresh(tx: Context, where: FilterQuery<InventoryLevel>): Promise<InventoryLevel[]> {
    return tx.em.find(InventoryLevel, where, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, orderBy: { id: 'ASC' } });
  }

  private findByPairs(tx: Context, pairs: Array<{ inventory_item_id: string; location_id: string }>, lock = false): Promise<InventoryLevel[]> {
    const where = { $or: pairs.map((p) => ({ inventory_item: p.inventory_item_id, location_id: p.location_id })) };
    return tx.em.find(InventoryLevel, where, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, orderBy: { id: 'ASC' } } : {});
  }

  private duplicate(input: { inventory_item_id: string; location_id: string }): SthenoError {
    return new SthenoError(
      'duplicate_error',
      `Inventory level for item ${input.inventory_item_id} at location ${input.location_id} already exists.`,
    );
  }
}

/** A PostgreSQL text[] literal for `= any(?::text[])` (ids hold no quotes or backslashes, JSON quoting covers them anyway). */
export function textArray(values: string[]): string {
  return `{${values.map((value) => JSON.stringify(value)).join(',')}}`;
}
