import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context, systemContext } from '../../../src/framework/context/context';
import { InventoryService } from '../../../src/modules/inventory/inventory.service';
import { isEmbeddedTestDatabase } from '../../utils/test-database';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';

/** The stock moves of checkout and fulfillment: reserve at any location, ship, restock. */
describe('checkout stock moves (InventoryService.reserveAnywhere, shipStock, restock)', () => {
  let t: IdentityApp;
  let inventory: InventoryService;
  let a: string;
  let b: string;

  beforeAll(async () => {
    t = await createIdentityApp();
    inventory = t.app.get(InventoryService);
    const location = async (name: string) =>
      (await t.api.post('/admin/stock-locations').set(...bearer(t.adminToken)).send({ name }).expect(200)).body.stock_location.id as string;
    // ids sort in creation order (ULIDs): a before b
    a = await location('A');
    b = await location('B');
  });
  afterAll(() => t.close());

  const ctx = (): Context => systemContext(t.app.get(MikroORM).em as EntityManager);
  const sql = <T>(query: string, params: unknown[] = []) =>
    (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute<T[]>(query, params);
  let sku = 0;
  const item = async (levels: Record<string, number>): Promise<string> => {
    const location_levels = Object.entries(levels).map(([location_id, stocked_quantity]) => ({ location_id, stocked_quantity }));
    const res = await t.api.post('/admin/inventory-items').set(...bearer(t.adminToken)).send({ sku: `CHK-${++sku}`, location_levels }).expect(200);
    return res.body.inventory_item.id as string;
  };
  const levels = async (itemId: string) =>
    Object.fromEntries(
      (
        await sql<{ location_id: string; stocked_quantity: number; reserved_quantity: number }>(
          'select location_id, stocked_quantity, reserved_quantity from inventory_level where inventory_item_id = ? and deleted_at is null',
          [itemId],
        )
      ).map((l) => [l.location_id === a ? 'a' : l.location_id === b ? 'b' : l.location_id, [l.stocked_quantity, l.reserved_quantity]]),
    );
  const reservations = async (itemId: string) =>
    sql<{ location_id: string; quantity: number; line_item_id: string }>(
      'select location_id, quantity, line_item_id from reservation_item where inventory_item_id = ? and deleted_at is null order by created_at',
      [itemId],
    );

  it('holds each input at the first location (by id) that can cover it', async () => {
    const id = await item({ [a]: 2, [b]: 5 });
    const [first] = await inventory.reserveAnywhere(ctx(), [{ inventory_item_id: id, quantity: 2, location_ids: [b, a], line_item_id: 'li_1' }]);
    expect(first.location_id).toBe(a);
    const [second] = await inventory.reserveAnywhere(ctx(), [{ inventory_item_id: id, quantity: 3, location_ids: [a, b], line_item_id: 'li_2' }]);
    expect(second.location_id).toBe(b);
    expect(await levels(id)).toEqual({ a: [2, 2], b: [5, 3] });
  });

  it('refuses, all or nothing, when no single location covers an input', async () => {
    const covered = await item({ [a]: 5 });
    const short = await item({ [a]: 2, [b]: 2 });
    await expect(
      inventory.reserveAnywhere(ctx(), [
        { inventory_item_id: covered, quantity: 1, location_ids: [a, b] },
        { inventory_item_id: short, quantity: 3, location_ids: [a, b] },
      ]),
    ).rejects.toMatchObject({ type: 'not_allowed', code: 'insufficient_inventory' });
    expect(await levels(covered)).toEqual({ a: [5, 0] });
    expect(await levels(short)).toEqual({ a: [2, 0], b: [2, 0] });
    expect(await reservations(covered)).toEqual([]);
  });

  it('backorders at the first stocking location only when the input allows it', async () => {
    const id = await item({ [b]: 1 });
    const [held] = await inventory.reserveAnywhere(ctx(), [{ inventory_item_id: id, quantity: 4, location_ids: [a, b], allow_backorder: true }]);
    expect(held).toMatchObject({ location_id: b, quantity: 4, allow_backorder: true });
    expect(await levels(id)).toEqual({ b: [1, 4] });
  });

  it('ships stock: consumes the line item’s reservation and lowers stocked and reserved', async () => {
    const id = await item({ [a]: 10 });
    await inventory.reserveAnywhere(ctx(), [{ inventory_item_id: id, quantity: 3, location_ids: [a], line_item_id: 'ordli_ship' }]);
    await inventory.shipStock(ctx(), [{ inventory_item_id: id, location_id: a, quantity: 2, line_item_id: 'ordli_ship' }]);
    expect(await levels(id)).toEqual({ a: [8, 1] });
    expect(await reservations(id)).toEqual([{ location_id: a, quantity: 1, line_item_id: 'ordli_ship' }]);
    await inventory.shipStock(ctx(), [{ inventory_item_id: id, location_id: a, quantity: 1, line_item_id: 'ordli_ship' }]);
    expect(await levels(id)).toEqual({ a: [7, 0] });
    expect(await reservations(id)).toEqual([]);
  });

  it('refuses to ship from a location that does not stock the item, changing nothing', async () => {
    const id = await item({ [a]: 3 });
    await expect(inventory.shipStock(ctx(), [{ inventory_item_id: id, location_id: b, quantity: 1 }])).rejects.toMatchObject({ type: 'invalid_data' });
    expect(await levels(id)).toEqual({ a: [3, 0] });
  });

  it('restocks onto an existing level, or creates the level', async () => {
    const id = await item({ [a]: 1 });
    await inventory.restock(ctx(), [
      { inventory_item_id: id, location_id: a, quantity: 2 },
      { inventory_item_id: id, location_id: b, quantity: 4 },
    ]);
    expect(await levels(id)).toEqual({ a: [3, 0], b: [4, 0] });
  });

  if (!isEmbeddedTestDatabase()) {
    it('never oversells across concurrent checkouts: 30 holds of 1 unit for 7 units in two locations', async () => {
      const id = await item({ [a]: 3, [b]: 4 });
      const results = await Promise.allSettled(
        Array.from({ length: 30 }, (_, i) =>
          inventory.reserveAnywhere(ctx(), [{ inventory_item_id: id, quantity: 1, location_ids: [a, b], line_item_id: `li_c${i}` }]),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(7);
      for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
        expect(r.reason).toMatchObject({ code: 'insufficient_inventory' });
      }
      expect(await levels(id)).toEqual({ a: [3, 3], b: [4, 4] });
      expect(await reservations(id)).toHaveLength(7);
    });
  }
});
