import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { systemContext } from '../../../src/framework/context/context';
import { InventoryService } from '../../../src/modules/inventory/inventory.service';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';

async function sql<T>(t: IdentityApp, query: string, params: unknown[] = []): Promise<T[]> {
  return (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute<T[]>(query, params);
}

const RESERVATION_KEYS = [
  'allow_backorder', 'created_at', 'created_by', 'deleted_at', 'description', 'external_id', 'id', 'inventory_item_id', 'line_item_id',
  'location_id', 'metadata', 'quantity', 'updated_at',
];

describe('admin reservations and stock arithmetic', () => {
  let t: IdentityApp;
  let warehouse: string;
  let shop: string;
  beforeAll(async () => {
    t = await createIdentityApp();
    warehouse = (await t.api.post('/admin/stock-locations').set(...bearer(t.adminToken)).send({ name: 'Warehouse' }).expect(200)).body.stock_location.id;
    shop = (await t.api.post('/admin/stock-locations').set(...bearer(t.adminToken)).send({ name: 'Shop' }).expect(200)).body.stock_location.id;
  });
  afterAll(() => t.close());

  const admin = () => bearer(t.adminToken);
  let skuCounter = 0;
  /** An item stocked `stock` units at the warehouse (and `shopStock` at the shop when given). */
  const stockedItem = async (stock: number, shopStock?: number): Promise<string> => {
    const levels = [{ location_id: warehouse, stocked_quantity: stock }];
    if (shopStock !== undefined) levels.push({ location_id: shop, stocked_quantity: shopStock });
    const res = await t.api.post('/admin/inventory-items').set(...admin()).send({ sku: `RES-${++skuCounter}`, location_levels: levels }).expect(200);
    return res.body.inventory_item.id as string;
  };
  const level = async (itemId: string, locationId: string) =>
    (
      await sql<{ stocked_quantity: number; reserved_quantity: number }>(
        t,
        'select stocked_quantity, reserved_quantity from inventory_level where inventory_item_id = ? and location_id = ? and deleted_at is null',
        [itemId, locationId],
      )
    )[0];
  const reservationCount = async (itemId: string) =>
    Number((await sql<{ n: string }>(t, 'select count(*) as n from reservation_item where inventory_item_id = ? and deleted_at is null', [itemId]))[0].n);
  const reserve = (body: Record<string, unknown>) => t.api.post('/admin/reservations').set(...admin()).send(body);

  it('creates a reservation, raising the level’s reserved quantity', async () => {
    const item = await stockedItem(5);
    const res = await reserve({ inventory_item_id: item, location_id: warehouse, quantity: 2, line_item_id: 'ordli_1', description: 'hold', metadata: { a: 1 } }).expect(200);
    const reservation = res.body.reservation;
    expect(Object.keys(reservation).sort()).toEqual(RESERVATION_KEYS);
    expect(reservation).toMatchObject({
      id: expect.stringMatching(/^resitem_/),
      inventory_item_id: item,
      location_id: warehouse,
      quantity: 2,
      line_item_id: 'ordli_1',
      description: 'hold',
      allow_backorder: false,
      created_by: t.adminUserId,
      metadata: { a: 1 },
    });
    // the answer is the row as stored, and its event is in the outbox
    expect((await t.api.get(`/admin/reservations/${reservation.id}`).set(...admin()).expect(200)).body.reservation).toEqual(reservation);
    expect(await sql(t, `select name from event_outbox where data->>'id' = ?`, [reservation.id])).toEqual([{ name: 'inventory.reservation-item.created' }]);
    expect(await level(item, warehouse)).toEqual({ stocked_quantity: 5, reserved_quantity: 2 });
    const itemView = await t.api.get(`/admin/inventory-items/${item}`).set(...admin()).expect(200);
    expect(itemView.body.inventory_item).toMatchObject({ stocked_quantity: 5, reserved_quantity: 2 });
    expect(itemView.body.inventory_item.location_levels[0]).toMatchObject({ reserved_quantity: 2, available_quantity: 3 });
    const withItem = await t.api.get(`/admin/reservations/${reservation.id}?fields=quantity,inventory_item.sku`).set(...admin()).expect(200);
    expect(withItem.body.reservation).toEqual({ id: reservation.id, quantity: 2, inventory_item: { sku: expect.stringMatching(/^RES-/) } });
  });

  it('refuses to reserve more than is available, naming item and location, and writes nothing', async () => {
    const item = await stockedItem(3);
    await reserve({ inventory_item_id: item, location_id: warehouse, quantity: 2 }).expect(200);
    const res = await reserve({ inventory_item_id: item, location_id: warehouse, quantity: 2 }).expect(400);
    expect(res.body).toEqual({
      type: 'not_allowed',
      code: 'insufficient_inventory',
      message: `Not enough stock available for item ${item} at location ${warehouse}`,
    });
    expect(await level(item, warehouse)).toEqual({ stocked_quantity: 3, reserved_quantity: 2 });
    expect(await reservationCount(item)).toBe(1);
    // exactly the rest is fine
    await reserve({ inventory_item_id: item, location_id: warehouse, quantity: 1 }).expect(200);
    expect(await level(item, warehouse)).toEqual({ stocked_quantity: 3, reserved_quantity: 3 });
  });

  it('reserves beyond the stock when allow_backorder is set', async () => {
    const item = await stockedItem(1);
    const res = await reserve({ inventory_item_id: item, location_id: warehouse, quantity: 4, allow_backorder: true }).expect(200);
    expect(res.body.reservation.allow_backorder).toBe(true);
    expect(await level(item, warehouse)).toEqual({ stocked_quantity: 1, reserved_quantity: 4 });
  });

  it('refuses a location without a level, unknown items, bad quantities and unknown fields', async () => {
    const item = await stockedItem(5);
    const noLevel = await reserve({ inventory_item_id: item, location_id: shop, quantity: 1 }).expect(400);
    expect(noLevel.body).toEqual({ type: 'invalid_data', message: `Item ${item} is not stocked at location ${shop}` });
    const unknownLocation = await reserve({ inventory_item_id: item, location_id: 'sloc_missing', quantity: 1 }).expect(400);
    expect(unknownLocation.body.message).toBe(`Item ${item} is not stocked at location sloc_missing`);
    const unknownItem = await reserve({ inventory_item_id: 'iitem_missing', location_id: warehouse, quantity: 1 }).expect(404);
    expect(unknownItem.body).toEqual({ type: 'not_found', message: 'Inventory item with id: iitem_missing was not found' });
    for (const quantity of [0, -2, 1.5, '3']) {
      const bad = await reserve({ inventory_item_id: item, location_id: warehouse, quantity }).expect(400);
      expect(bad.body.type).toBe('invalid_data');
    }
    const unknownField = await reserve({ inventory_item_id: item, location_id: warehouse, quantity: 1, priority: 'high' }).expect(400);
    expect(unknownField.body).toEqual({ type: 'invalid_data', message: "Invalid request: Unrecognized fields: 'priority'" });
    expect(await reservationCount(item)).toBe(0);
    expect(await level(item, warehouse)).toEqual({ stocked_quantity: 5, reserved_quantity: 0 });
  });

  it('updates quantity (holding or giving back the difference) and moves between locations', async () => {
    const item = await stockedItem(5, 2);
    const { id } = (await reserve({ inventory_item_id: item, location_id: warehouse, quantity: 2 }).expect(200)).body.reservation;
    const grown = await t.api.post(`/admin/reservations/${id}`).set(...admin()).send({ quantity: 4, description: 'more' }).expect(200);
    expect(grown.body.reservation).toMatchObject({ quantity: 4, description: 'more' });
    expect(await level(item, warehouse)).toEqual({ stocked_quantity: 5, reserved_quantity: 4 });
    const tooMuch = await t.api.post(`/admin/reservations/${id}`).set(...admin()).send({ quantity: 6 }).expect(400);
    expect(tooMuch.body.message).toBe(`Not enough stock available for item ${item} at location ${warehouse}`);
    expect(await level(item, warehouse)).toEqual({ stocked_quantity: 5, reserved_quantity: 4 });
    await t.api.post(`/admin/reservations/${id}`).set(...admin()).send({ quantity: 1 }).expect(200);
    expect(await level(item, warehouse)).toEqual({ stocked_quantity: 5, reserved_quantity: 1 });
    // the shop has 2: moving 3 there is refused, moving 2 succeeds
    await t.api.post(`/admin/reservations/${id}`).set(...admin()).send({ location_id: shop, quantity: 3 }).expect(400);
    expect(await level(item, warehouse)).toEqual({ stocked_quantity: 5, reserved_quantity: 1 });
    const moved = await t.api.post(`/admin/reservations/${id}`).set(...admin()).send({ location_id: shop, quantity: 2 }).expect(200);
    expect(moved.body.reservation).toMatchObject({ location_id: shop, quantity: 2 });
    expect(await level(item, warehouse)).toEqual({ stocked_quantity: 5, reserved_quantity: 0 });
    expect(await level(item, shop)).toEqual({ stocked_quantity: 2, reserved_quantity: 2 });
    await t.api.post('/admin/reservations/resitem_missing').set(...admin()).send({ quantity: 1 }).expect(404);
    await t.api.post(`/admin/reservations/${id}`).set(...admin()).send({ quantity: 0 }).expect(400);
  });

  it('deletes a reservation, giving its stock back', async () => {
    const item = await stockedItem(4);
    const { id } = (await reserve({ inventory_item_id: item, location_id: warehouse, quantity: 3 }).expect(200)).body.reservation;
    const res = await t.api.delete(`/admin/reservations/${id}`).set(...admin()).expect(200);
    expect(res.body).toEqual({ id, object: 'reservation', deleted: true });
    expect(await level(item, warehouse)).toEqual({ stocked_quantity: 4, reserved_quantity: 0 });
    await t.api.get(`/admin/reservations/${id}`).set(...admin()).expect(404);
    const again = await t.api.delete(`/admin/reservations/${id}`).set(...admin()).expect(404);
    expect(again.body).toEqual({ type: 'not_found', message: `Reservation item with id: ${id} was not found` });
    expect(await level(item, warehouse)).toEqual({ stocked_quantity: 4, reserved_quantity: 0 });
  });

  it('lists with filters', async () => {
    const item = await stockedItem(10, 10);
    await reserve({ inventory_item_id: item, location_id: warehouse, quantity: 1, line_item_id: 'li_a' }).expect(200);
    await reserve({ inventory_item_id: item, location_id: shop, quantity: 2, line_item_id: 'li_b' }).expect(200);
    const all = await t.api.get(`/admin/reservations?inventory_item_id=${item}`).set(...admin()).expect(200);
    expect(all.body).toMatchObject({ count: 2, offset: 0, limit: 20 });
    const atShop = await t.api.get(`/admin/reservations?inventory_item_id=${item}&location_id=${shop}&fields=quantity`).set(...admin()).expect(200);
    expect(atShop.body.reservations).toEqual([{ id: expect.any(String), quantity: 2 }]);
    const byLine = await t.api.get('/admin/reservations?line_item_id[]=li_a&line_item_id[]=li_b&order=-quantity&fields=line_item_id').set(...admin()).expect(200);
    expect(byLine.body.reservations.map((r: { line_item_id: string }) => r.line_item_id)).toEqual(['li_b', 'li_a']);
    const future = await t.api.get('/admin/reservations?created_at[$gte]=2999-01-01').set(...admin()).expect(200);
    expect(future.body.count).toBe(0);
    const withItem = await t.api.get(`/admin/reservations?inventory_item_id=${item}&fields=*inventory_item`).set(...admin()).expect(200);
    expect(withItem.body.reservations[0].inventory_item).toMatchObject({ id: item, reserved_quantity: 3 });
    await t.api.get('/admin/reservations?sku=x').set(...admin()).expect(400);
  });

  it('never oversells under concurrent reservations: 10 parallel requests for stock 3 → exactly 3 succeed', async () => {
    const item = await stockedItem(3);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => reserve({ inventory_item_id: item, location_id: warehouse, quantity: 1 }).then((res) => res.status)),
    );
    expect(results.filter((status) => status === 200)).toHaveLength(3);
    expect(results.filter((status) => status === 400)).toHaveLength(7);
    expect(await level(item, warehouse)).toEqual({ stocked_quantity: 3, reserved_quantity: 3 });
    expect(await reservationCount(item)).toBe(3);
  });

  describe('facade', () => {
    const ctxOf = () => systemContext(t.app.get(MikroORM).em.fork() as EntityManager);

    it('reserve() is all or nothing across items', async () => {
      const a = await stockedItem(2);
      const b = await stockedItem(1);
      const inventory = t.app.get(InventoryService);
      await expect(
        inventory.reserve(ctxOf(), [
          { inventory_item_id: a, location_id: warehouse, quantity: 2, line_item_id: 'li_x' },
          { inventory_item_id: b, location_id: warehouse, quantity: 2, line_item_id: 'li_x' },
        ]),
      ).rejects.toMatchObject({ type: 'not_allowed' });
      expect(await level(a, warehouse)).toEqual({ stocked_quantity: 2, reserved_quantity: 0 });
      const made = await inventory.reserve(ctxOf(), [
        { inventory_item_id: a, location_id: warehouse, quantity: 2, line_item_id: 'li_y' },
        { inventory_item_id: b, location_id: warehouse, quantity: 1, line_item_id: 'li_y' },
      ]);
      expect(made.map((r) => r.inventory_item_id)).toEqual([a, b]);
      expect((await inventory.availability(ctxOf(), [a, b], [warehouse])).get(a)).toBe(0);
    });

    it('releaseReservations() frees by line item or by ids', async () => {
      const item = await stockedItem(5);
      const inventory = t.app.get(InventoryService);
      const [first] = await inventory.reserve(ctxOf(), [{ inventory_item_id: item, location_id: warehouse, quantity: 1, line_item_id: 'li_r1' }]);
      await inventory.reserve(ctxOf(), [
        { inventory_item_id: item, location_id: warehouse, quantity: 2, line_item_id: 'li_r2' },
        { inventory_item_id: item, location_id: warehouse, quantity: 1, line_item_id: 'li_r2' },
      ]);
      expect(await level(item, warehouse)).toEqual({ stocked_quantity: 5, reserved_quantity: 4 });
      expect(await inventory.releaseReservations(ctxOf(), { line_item_id: 'li_r2' })).toHaveLength(2);
      expect(await level(item, warehouse)).toEqual({ stocked_quantity: 5, reserved_quantity: 1 });
      expect(await inventory.releaseReservations(ctxOf(), [first.id])).toEqual([first.id]);
      expect(await level(item, warehouse)).toEqual({ stocked_quantity: 5, reserved_quantity: 0 });
      expect(await inventory.releaseReservations(ctxOf(), [first.id])).toEqual([]);
    });
  });
});
