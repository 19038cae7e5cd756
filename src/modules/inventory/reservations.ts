import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/core';
import { Context } from '../../framework/context/context';
import { findPage } from '../../framework/database/find-page';
import { ErrorCodes, SthenoError } from '../../framework/errors/stheno-error';
import { EventBus, OUTBOX_CTE } from '../../framework/events/event-bus.service';
import { preparedQuery } from '../../framework/database/prepared';
import { ListQuery } from '../../framework/http/list-query';
import { InventoryItem } from './entities/inventory-item.entity';
import { ReservationItem } from './entities/reservation-item.entity';
import { InventoryLevels } from './inventory-levels';
import { itemViews, toReservationView } from './inventory-views';
import {
  CreateReservationInput,
  InventoryEvents,
  ReservationSelector,
  ReservationView,
  ReserveAnywhereInput,
  RestockInput,
  ShipStockInput,
  UpdateReservationInput,
} from './inventory.types';
import { generateId } from '../../framework/database/ids';
import { InventoryLevel } from './entities/inventory-level.entity';
import { compareStockKeys, holdStock, releaseStock, restockLevel, shipStock, tryHoldStock } from './stock-ledger';

function assertQuantity(quantity: number): void {
  if (!Number.isSafeInteger(quantity) || quantity < 1) throw SthenoError.invalidData('quantity must be a positive integer');
}

/** The columns a new reservation is written with (its view's fields but `deleted_at`). */
const RESERVATION_COLUMNS = [
  'id', 'inventory_item_id', 'location_id', 'quantity', 'line_item_id', 'description', 'allow_backorder', 'external_id', 'created_by', 'metadata', 'created_at', 'updated_at',
] as const;

const stockKey = (r: ReservationItem) => ({ inventory_item_id: r.inventory_item.id, location_id: r.location_id });

/** Reservations: stock held at a location, counted in the level's `reserved_quantity`. Internal; the facade delegates. */
@Injectable()
export class Reservations {
  constructor(
    private readonly events: EventBus,
    private readonly levels: InventoryLevels,
  ) {}

  async list(ctx: Context, query: ListQuery): Promise<[ReservationView[], number]> {
    const [rows, count] = await findPage(ctx, ReservationItem, query, ['description']);
    return [await this.toViews(ctx, rows, query.fields.relations.includes('inventory_item')), count];
  }

  async retrieve(ctx: Context, id: string, withItem: boolean): Promise<ReservationView> {
    const [view] = await this.toViews(ctx, [await this.load(ctx, id)], withItem);
    return view;
  }

  /**
   * Holds stock for each input (one conditional update per input, taken in (item, location) order
   * so that concurrent multi-item reservations cannot deadlock), then records the reservations.
   * Any input without enough stock fails the whole call: the transaction rolls back every hold.
   */
  async reserve(tx: Context, inputs: CreateReservationInput[]): Promise<ReservationView[]> {
    if (!inputs.length) return [];
    inputs.forEach((input) => assertQuantity(input.quantity));
    await this.levels.assertItemsExist(tx, inputs.map((input) => input.inventory_item_id));
    for (const input of [...inputs].sort(compareStockKeys)) {
      await holdStock(tx, input.inventory_item_id, input.location_id, input.quantity, input.allow_backorder ?? false);
    }
    return this.record(tx, inputs);
  }

  /**
   * Reserves each input at one of its candidate locations: the first, in location id order, whose
   * level can hold the whole quantity (one conditional update per attempt; items and locations are
   * taken in a global order, so concurrent checkouts cannot deadlock). A backorderable input that no
   * location can cover is held at its first stocking location. Anything else fails the whole call
   * with 400 `insufficient_inventory`; the caller's transaction then rolls every hold back.
   */
  async reserveAnywhere(tx: Context, inputs: ReserveAnywhereInput[]): Promise<ReservationView[]> {
    if (!inputs.length) return [];
    inputs.forEach((input) => assertQuantity(input.quantity));
    await this.levels.assertItemsExist(tx, inputs.map((input) => input.inventory_item_id));
    const placed: CreateReservationInput[] = [];
    const ordered = [...inputs].sort((a, b) => a.inventory_item_id.localeCompare(b.inventory_item_id));
    for (const input of ordered) {
      const locations = [...new Set(input.location_ids)].sort();
      let location: string | undefined;
      for (const candidate of locations) {
        if (await tryHoldStock(tx, input.inventory_item_id, candidate, input.quantity, false)) {
          location = candidate;
          break;
        }
      }
      if (!location && input.allow_backorder) {
        for (const candidate of locations) {
          if (await tryHoldStock(tx, input.inventory_item_id, candidate, input.quantity, true)) {
            location = candidate;
            break;
          }
        }
      }
      if (!location) {
        throw SthenoError.notAllowed(
          `Not enough stock available for item ${input.inventory_item_id}${input.line_item_id ? ` (line item ${input.line_item_id})` : ''}`,
          ErrorCodes.INSUFFICIENT_INVENTORY,
        );
      }
      placed.push({ ...input, location_id: location });
    }
    return this.record(tx, placed);
  }

  /**
   * Stock leaves a location (a fulfillment): the line item's reservations there are consumed first
   * (shrunk or deleted) and the quantity comes off both stocked and reserved. Without a level at
   * the location the item is not stocked there: 400.
   */
  async ship(tx: Context, inputs: ShipStockInput[]): Promise<void> {
    const ordered = [...inputs].sort(compareStockKeys);
    for (const input of ordered) {
      assertQuantity(input.quantity);
      let remaining = input.quantity;
      if (input.line_item_id) {
        const held = await tx.em.find(
          ReservationItem,
          { line_item_id: input.line_item_id, inventory_item: input.inventory_item_id, location_id: input.location_id },
          { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, orderBy: { id: 'ASC' } },
        );
        for (const reservation of held) {
          if (!remaining) break;
          const used = Math.min(reservation.quantity, remaining);
          remaining -= used;
          reservation.quantity -= used;
          if (reservation.quantity === 0) {
            reservation.deleted_at = new Date();
            this.events.record(tx, InventoryEvents.RESERVATION_DELETED, { id: reservation.id });
          } else {
            this.events.record(tx, InventoryEvents.RESERVATION_UPDATED, { id: reservation.id });
          }
        }
      }
      const fromReservations = input.quantity - remaining;
      if (!(await shipStock(tx, input.inventory_item_id, input.location_id, input.quantity, fromReservations))) {
        throw SthenoError.invalidData(`Item ${input.inventory_item_id} is not stocked at location ${input.location_id}`);
      }
    }
    await tx.em.flush();
  }

  /** Stock comes back to a location (a received return, a canceled fulfillment); the level is created when missing. */
  async restock(tx: Context, inputs: RestockInput[]): Promise<void> {
    await this.levels.assertItemsExist(tx, inputs.map((input) => input.inventory_item_id));
    for (const input of [...inputs].sort(compareStockKeys)) {
      assertQuantity(input.quantity);
      await restockLevel(tx, generateId(InventoryLevel.idPrefix), input.inventory_item_id, input.location_id, input.quantity);
    }
  }

  /**
   * Writes the reservation rows of stock already held, with their `inventory.reservation-item.created`
   * events, in one statement (every checkout reserves): the rows come from a JSON array read as the
   * table's own row type, so each value is converted as its column declares. Answers them as written.
   */
  private async record(tx: Context, inputs: CreateReservationInput[]): Promise<ReservationView[]> {
    const now = new Date().toISOString();
    const views: ReservationView[] = inputs.map((input) => ({
      id: generateId(ReservationItem.idPrefix),
      inventory_item_id: input.inventory_item_id,
      location_id: input.location_id,
      quantity: input.quantity,
      line_item_id: input.line_item_id ?? null,
      description: input.description ?? null,
      allow_backorder: input.allow_backorder ?? false,
      external_id: input.external_id ?? null,
      created_by: tx.actor?.id ?? null,
      metadata: input.metadata ?? null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    }));
    const columns = RESERVATION_COLUMNS.join(', ');
    await preparedQuery(
      tx,
      'stheno_reservation_insert',
      `with ${OUTBOX_CTE}
       insert into reservation_item (${columns})
       select ${columns} from jsonb_populate_recordset(null::reservation_item, ?::jsonb)`,
      [this.events.outboxRows(tx, views.map((view) => ({ name: InventoryEvents.RESERVATION_CREATED, data: { id: view.id } }))), JSON.stringify(views)],
    );
    return views;
  }

  /** Moves or resizes a reservation: the difference is held (conditionally) or given back. */
  async update(tx: Context, id: string, input: UpdateReservationInput): Promise<ReservationView> {
    const reservation = await this.load(tx, id, true);
    const locationId = input.location_id ?? reservation.location_id;
    const quantity = input.quantity ?? reservation.quantity;
    assertQuantity(quantity);
    const itemId = reservation.inventory_item.id;
    if (locationId !== reservation.location_id) {
      // both levels are touched in location order, like every other multi-row stock move
      const moves = [
        { location: reservation.location_id, run: () => releaseStock(tx, itemId, reservation.location_id, reservation.quantity) },
        { location: locationId, run: () => holdStock(tx, itemId, locationId, quantity, reservation.allow_backorder) },
      ].sort((a, b) => a.location.localeCompare(b.location));
      for (const move of moves) await move.run();
    } else if (quantity > reservation.quantity) {
      await holdStock(tx, itemId, locationId, quantity - reservation.quantity, reservation.allow_backorder);
    } else if (quantity < reservation.quantity) {
      await releaseStock(tx, itemId, locationId, reservation.quantity - quantity);
    }
    reservation.location_id = locationId;
    reservation.quantity = quantity;
    if (input.description !== undefined) reservation.description = input.description;
    if (input.metadata !== undefined) reservation.metadata = input.metadata;
    this.events.record(tx, InventoryEvents.RESERVATION_UPDATED, { id });
    await tx.em.flush();
    return toReservationView(reservation);
  }

  /** Deletes the selected reservations and gives their stock back; returns the ids released. */
  async release(tx: Context, selector: ReservationSelector): Promise<string[]> {
    const where: FilterQuery<ReservationItem> = Array.isArray(selector)
      ? { id: { $in: selector } }
      : { line_item_id: { $in: ([] as string[]).concat(selector.line_item_id) } };
    if (Array.isArray(selector) && !selector.length) return [];
    const rows = await tx.em.find(ReservationItem, where, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, orderBy: { id: 'ASC' } });
    const now = new Date();
    for (const row of [...rows].sort((a, b) => compareStockKeys(stockKey(a), stockKey(b)))) {
      await releaseStock(tx, row.inventory_item.id, row.location_id, row.quantity);
      row.deleted_at = now;
      this.events.record(tx, InventoryEvents.RESERVATION_DELETED, { id: row.id });
    }
    await tx.em.flush();
    return rows.map((row) => row.id);
  }

  /** Whether any of the items still has reservations (items with reservations cannot be deleted). */
  async itemsWithReservations(ctx: Context, itemIds: string[]): Promise<string[]> {
    if (!itemIds.length) return [];
    const rows = await ctx.em.find(ReservationItem, { inventory_item: { $in: itemIds } }, { fields: ['inventory_item'] });
    return [...new Set(rows.map((row) => row.inventory_item.id))];
  }

  private async load(ctx: Context, id: string, forUpdate = false): Promise<ReservationItem> {
    const reservation = await ctx.em.findOne(
      ReservationItem,
      { id },
      forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {},
    );
    if (!reservation) throw SthenoError.notFound(`Reservation item with id: ${id} was not found`);
    return reservation;
  }

  private async toViews(ctx: Context, rows: ReservationItem[], withItem: boolean): Promise<ReservationView[]> {
    const views = rows.map(toReservationView);
    if (!withItem || !rows.length) return views;
    const items = await ctx.em.find(InventoryItem, { id: { $in: [...new Set(views.map((v) => v.inventory_item_id))] } });
    const byId = new Map((await itemViews(ctx, items)).map((item) => [item.id, item]));
    return views.map((view) => ({ ...view, inventory_item: byId.get(view.inventory_item_id) }));
  }
}
