import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { Context } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import { decimalInput } from './order-snapshot';
import type { ItemQuantityInput } from './order.types';

interface QuantityMove {
  /** Counter to add `q` to (negative moves subtract). */
  column: 'fulfilled_quantity' | 'shipped_quantity' | 'delivered_quantity';
  sign: 1 | -1;
  /** SQL condition, with `?` = q, that must hold before the change. */
  allowed: string;
  refusal: (itemId: string) => string;
}

const MOVES = {
  fulfill: {
    column: 'fulfilled_quantity',
    sign: 1,
    allowed: 'quantity - fulfilled_quantity >= ?',
    refusal: (id) => `Cannot fulfill more items than remain to be fulfilled for item ${id}`,
  },
  ship: {
    column: 'shipped_quantity',
    sign: 1,
    allowed: 'fulfilled_quantity - shipped_quantity >= ?',
    refusal: (id) => `Cannot ship more items than have been fulfilled for item ${id}`,
  },
  deliver: {
    column: 'delivered_quantity',
    sign: 1,
    allowed: 'fulfilled_quantity - delivered_quantity >= ?',
    refusal: (id) => `Cannot deliver more items than have been fulfilled for item ${id}`,
  },
  unfulfill: {
    column: 'fulfilled_quantity',
    sign: -1,
    allowed: 'fulfilled_quantity - shipped_quantity >= ?',
    refusal: (id) => `Cannot revert more items than are fulfilled and not shipped for item ${id}`,
  },
} satisfies Record<string, QuantityMove>;

/**
 * The order's quantity counters (`order_item`). Each change is one conditional UPDATE per line:
 * the check of what remains and the write happen under the row lock of the update, so concurrent
 * fulfilments of one line (in any number of processes) can never take more than remains.
 */
@Injectable()
export class OrderQuantities {
  fulfill(tx: Context, orderId: string, items: ItemQuantityInput[]) {
    return this.move(tx, orderId, items, MOVES.fulfill);
  }

  ship(tx: Context, orderId: string, items: ItemQuantityInput[]) {
    return this.move(tx, orderId, items, MOVES.ship);
  }

  deliver(tx: Context, orderId: string, items: ItemQuantityInput[]) {
    return this.move(tx, orderId, items, MOVES.deliver);
  }

  unfulfill(tx: Context, orderId: string, items: ItemQuantityInput[]) {
    return this.move(tx, orderId, items, MOVES.unfulfill);
  }

  /** Quantities per line id, summed when a line appears twice; invalid_data for bad quantities or lines not on the order. */
  private async wanted(tx: Context, orderId: string, items: ItemQuantityInput[]): Promise<Map<string, string>> {
    if (!items.length) throw SthenoError.invalidData('At least one item is required');
    const byItem = new Map<string, Decimal>();
    items.forEach((item, i) => {
      const q = new Decimal(decimalInput(item.quantity, `items[${i}].quantity`, { positive: true }));
      byItem.set(item.item_id, (byItem.get(item.item_id) ?? new Decimal(0)).plus(q));
    });
    const ids = [...byItem.keys()];
    const known = await tx.em.execute<Array<{ item_id: string }>>(
      `select oi.item_id from order_item oi join "order" o on o.id = oi.order_id and oi.version = o.version
        where oi.order_id = ? and oi.item_id in (${ids.map(() => '?').join(', ')}) and oi.deleted_at is null`,
      [orderId, ...ids],
    );
    const knownIds = new Set(known.map((r) => r.item_id));
    const missing = ids.filter((id) => !knownIds.has(id));
    if (missing.length) throw SthenoError.invalidData(`Items ${missing.join(', ')} do not belong to order ${orderId}`);
    return new Map([...byItem].map(([id, q]) => [id, q.toFixed()]));
  }

  private async move(tx: Context, orderId: string, items: ItemQuantityInput[], move: QuantityMove): Promise<void> {
    const wanted = await this.wanted(tx, orderId, items);
    // in item id order, so two multi-line changes lock their rows in the same order and cannot deadlock
    for (const itemId of [...wanted.keys()].sort()) {
      const q = wanted.get(itemId)!;
      const updated = await tx.em.execute<Array<{ id: string }>>(
        `update order_item set ${move.column} = ${move.column} ${move.sign > 0 ? '+' : '-'} ?, updated_at = now()
          where order_id = ? and item_id = ? and deleted_at is null
            and version = (select version from "order" where id = ?) and ${move.allowed}
          returning id`,
        [q, orderId, itemId, orderId, q],
      );
      if (!updated.length) throw SthenoError.invalidData(move.refusal(itemId));
    }
  }
}
