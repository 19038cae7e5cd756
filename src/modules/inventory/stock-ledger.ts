import { Context } from '../../framework/context/context';
import { ErrorCodes, SthenoError } from '../../framework/errors/stheno-error';

/**
 * The two moves of `reserved_quantity`, each ONE statement on the level row. Holding stock is a
 * conditional update (`stocked − reserved >= n`), so the check and the write happen under the row
 * lock PostgreSQL takes for the update: concurrent reservations, in any number of processes, wait
 * for each other and re-check the condition on the committed row, and can never oversell.
 * Callers run inside a transaction and hold rows in a stable order (item, location) to avoid
 * deadlocks between multi-item reservations.
 */

export function compareStockKeys(a: { inventory_item_id: string; location_id: string }, b: { inventory_item_id: string; location_id: string }): number {
  return a.inventory_item_id.localeCompare(b.inventory_item_id) || a.location_id.localeCompare(b.location_id);
}

/** One conditional update: whether the level took the hold (false: no level there, or not enough stock). */
export async function tryHoldStock(tx: Context, itemId: string, locationId: string, quantity: number, allowBackorder: boolean): Promise<boolean> {
  const held = await tx.em.execute<Array<{ id: string }>>(
    `update inventory_level
        set reserved_quantity = reserved_quantity + ?, updated_at = now()
      where inventory_item_id = ? and location_id = ? and deleted_at is null
        and (? or stocked_quantity - reserved_quantity >= ?)
      returning id`,
    [quantity, itemId, locationId, allowBackorder, quantity],
  );
  return held.length > 0;
}

/** Adds `quantity` to the level's reserved quantity, refusing when the location lacks stock (unless backordering). */
export async function holdStock(tx: Context, itemId: string, locationId: string, quantity: number, allowBackorder: boolean): Promise<void> {
  if (await tryHoldStock(tx, itemId, locationId, quantity, allowBackorder)) return;
  const [level] = await tx.em.execute<Array<{ id: string }>>(
    'select id from inventory_level where inventory_item_id = ? and location_id = ? and deleted_at is null',
    [itemId, locationId],
  );
  if (!level) throw SthenoError.invalidData(`Item ${itemId} is not stocked at location ${locationId}`);
  throw SthenoError.notAllowed(`Not enough stock available for item ${itemId} at location ${locationId}`, ErrorCodes.INSUFFICIENT_INVENTORY);
}

/** Gives `quantity` back to the level (never below zero; a deleted level has nothing to give back to). */
export async function releaseStock(tx: Context, itemId: string, locationId: string, quantity: number): Promise<void> {
  await tx.em.execute(
    `update inventory_level
        set reserved_quantity = greatest(reserved_quantity - ?, 0), updated_at = now()
      where inventory_item_id = ? and location_id = ? and deleted_at is null`,
    [quantity, itemId, locationId],
  );
}

/**
 * Stock leaving the warehouse (a fulfillment): `quantity` off the stocked quantity and `reserved` of
 * it off the reserved quantity, in one statement. Stocked may go below zero only for backordered
 * goods, which is what the level then shows.
 */
export async function shipStock(tx: Context, itemId: string, locationId: string, quantity: number, reserved: number): Promise<boolean> {
  const rows = await tx.em.execute<Array<{ id: string }>>(
    `update inventory_level
        set stocked_quantity = stocked_quantity - ?, reserved_quantity = greatest(reserved_quantity - ?, 0), updated_at = now()
      where inventory_item_id = ? and location_id = ? and deleted_at is null
      returning id`,
    [quantity, reserved, itemId, locationId],
  );
  return rows.length > 0;
}

/** Stock coming back (a received return, a canceled fulfillment): onto the level, created when missing. */
export async function restockLevel(tx: Context, levelId: string, itemId: string, locationId: string, quantity: number): Promise<void> {
  await tx.em.execute(
    `insert into inventory_level (id, inventory_item_id, location_id, stocked_quantity, reserved_quantity, incoming_quantity, created_at, updated_at)
     values (?, ?, ?, ?, 0, 0, now(), now())
     on conflict (inventory_item_id, location_id) where deleted_at is null
     do update set stocked_quantity = inventory_level.stocked_quantity + excluded.stocked_quantity, updated_at = now()`,
    [levelId, itemId, locationId, quantity],
  );
}
