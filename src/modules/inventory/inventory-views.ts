import { Context } from '../../framework/context/context';
import { InventoryItem } from './entities/inventory-item.entity';
import { InventoryLevel } from './entities/inventory-level.entity';
import { ReservationItem } from './entities/reservation-item.entity';
import { InventoryItemView, InventoryLevelView, ReservationView } from './inventory.types';

/** Pure mapping of inventory rows to their API views, and the page-wide loads the views need. */

export function toLevelView(level: InventoryLevel): InventoryLevelView {
  return {
    id: level.id,
    inventory_item_id: level.inventory_item.id,
    location_id: level.location_id,
    stocked_quantity: level.stocked_quantity,
    reserved_quantity: level.reserved_quantity,
    incoming_quantity: level.incoming_quantity,
    available_quantity: level.stocked_quantity - level.reserved_quantity,
    metadata: level.metadata,
    created_at: level.created_at.toISOString(),
    updated_at: level.updated_at.toISOString(),
    deleted_at: level.deleted_at?.toISOString() ?? null,
  };
}

export function toItemView(item: InventoryItem, levels: InventoryLevelView[]): InventoryItemView {
  return {
    id: item.id,
    sku: item.sku,
    title: item.title,
    description: item.description,
    thumbnail: item.thumbnail,
    origin_country: item.origin_country,
    hs_code: item.hs_code,
    requires_shipping: item.requires_shipping,
    mid_code: item.mid_code,
    material: item.material,
    weight: item.weight,
    length: item.length,
    height: item.height,
    width: item.width,
    metadata: item.metadata,
    stocked_quantity: levels.reduce((sum, level) => sum + level.stocked_quantity, 0),
    reserved_quantity: levels.reduce((sum, level) => sum + level.reserved_quantity, 0),
    created_at: item.created_at.toISOString(),
    updated_at: item.updated_at.toISOString(),
    deleted_at: item.deleted_at?.toISOString() ?? null,
    location_levels: levels,
  };
}

export function toReservationView(reservation: ReservationItem): ReservationView {
  return {
    id: reservation.id,
    inventory_item_id: reservation.inventory_item.id,
    location_id: reservation.location_id,
    quantity: reservation.quantity,
    line_item_id: reservation.line_item_id,
    description: reservation.description,
    allow_backorder: reservation.allow_backorder,
    external_id: reservation.external_id,
    created_by: reservation.created_by,
    metadata: reservation.metadata,
    created_at: reservation.created_at.toISOString(),
    updated_at: reservation.updated_at.toISOString(),
    deleted_at: reservation.deleted_at?.toISOString() ?? null,
  };
}

/**
 * Views of `items` with their levels, read in one query for all of them. Refreshed: reservations
 * move `reserved_quantity` with conditional updates that bypass the identity map.
 */
export async function itemViews(ctx: Context, items: InventoryItem[]): Promise<InventoryItemView[]> {
  const byItem = new Map<string, InventoryLevelView[]>(items.map((item) => [item.id, []]));
  if (items.length) {
    const levels = await ctx.em.find(
      InventoryLevel,
      { inventory_item: { $in: items.map((item) => item.id) } },
      { orderBy: [{ created_at: 'ASC' }, { id: 'ASC' }], refresh: true },
    );
    for (const level of levels) byItem.get(level.inventory_item.id)?.push(toLevelView(level));
  }
  return items.map((item) => toItemView(item, byItem.get(item.id) ?? []));
}
