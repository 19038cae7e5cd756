import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InventoryService } from '../../../src/modules/inventory/inventory.service';
import { systemContext } from '../../../src/framework/context/context';
import { VariantInventoryLinks } from '../../../src/links/variant-inventory-item.service';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';

interface LevelBody {
  id: string;
  location_id: string;
  stocked_quantity: number;
  reserved_quantity: number;
  incoming_quantity: number;
  available_quantity: number;
}

async function sql<T>(t: IdentityApp, query: string, params: unknown[] = []): Promise<T[]> {
  return (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute<T[]>(query, params);
}

const ITEM_KEYS = [
  'created_at', 'deleted_at', 'description', 'height', 'hs_code', 'id', 'length', 'location_levels', 'material', 'metadata', 'mid_code',
  'origin_country', 'requires_shipping', 'reserved_quantity', 'sku', 'stocked_quantity', 'thumbnail', 'title', 'updated_at', 'weight', 'width',
];
const LEVEL_KEYS = [
  'available_quantity', 'created_at', 'deleted_at', 'id', 'incoming_quantity', 'inventory_item_id', 'location_id', 'metadata',
  'reserved_quantity', 'stocked_quantity', 'updated_at',
];

describe('admin inventory items and levels', () => {
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
  const count = async (table: string) => Number((await sql<{ n: string }>(t, `select count(*) as n from ${table} where deleted_at is null`))[0].n);
  const createItem = async (body: Record<string, unknown>) => (await t.api.post('/admin/inventory-items').set(...admin()).send(body).expect(200)).body.inventory_item;
  const levelAt = (item: { location_levels: LevelBody[] }, locationId: string) => item.location_levels.find((l) => l.location_id === locationId);

  describe('items', () => {
    it('creates an item with levels and answers Medusa totals and levels', async () => {
      const res = await t.api
        .post('/admin/inventory-items')
        .set(...admin())
        .send({
          sku: 'SHIRT-M',
          title: 'Shirt M',
          weight: 200,
          location_levels: [
            { location_id: warehouse, stocked_quantity: 10, incoming_quantity: 4 },
            { location_id: shop, stocked_quantity: 3 },
          ],
        })
        .expect(200);
      const item = res.body.inventory_item;
      expect(Object.keys(item).sort()).toEqual(ITEM_KEYS);
      expect(item).toMatchObject({ id: expect.stringMatching(/^iitem_/), sku: 'SHIRT-M', requires_shipping: true, weight: 200, stocked_quantity: 13, reserved_quantity: 0 });
      expect(item.location_levels).toHaveLength(2);
      for (const level of item.location_levels) expect(Object.keys(level).sort()).toEqual(LEVEL_KEYS);
      expect(levelAt(item, warehouse)).toMatchObject({ inventory_item_id: item.id, stocked_quantity: 10, incoming_quantity: 4, reserved_quantity: 0, available_quantity: 10 });
      const events = await sql<{ name: string }>(t, "select name from event_outbox where data->>'id' = ?", [item.id]);
      expect(events.map((e) => e.name)).toEqual(['inventory.inventory-item.created']);
    });

    it('refuses a duplicate sku with 422, and bad input with 400, writing nothing', async () => {
      const items = await count('inventory_item');
      const levels = await count('inventory_level');
      const dup = await t.api.post('/admin/inventory-items').set(...admin()).send({ sku: 'SHIRT-M' }).expect(422);
      expect(dup.body).toEqual({ type: 'duplicate_error', code: 'invalid_request_error', message: 'Inventory item with sku: SHIRT-M, already exists.' });
      const negative = await t.api
        .post('/admin/inventory-items')
        .set(...admin())
        .send({ sku: 'NEG', location_levels: [{ location_id: warehouse, stocked_quantity: -1 }] })
        .expect(400);
      expect(negative.body.type).toBe('invalid_data');
      expect(negative.body.message).toContain('stocked_quantity');
      const unknownLocation = await t.api
        .post('/admin/inventory-items')
        .set(...admin())
        .send({ sku: 'NOWHERE', location_levels: [{ location_id: 'sloc_missing', stocked_quantity: 1 }] })
        .expect(404);
      expect(unknownLocation.body).toEqual({ type: 'not_found', message: 'Stock location with id: sloc_missing was not found' });
      const unknownField = await t.api.post('/admin/inventory-items').set(...admin()).send({ sku: 'X', colour: 'red' }).expect(400);
      expect(unknownField.body).toEqual({ type: 'invalid_data', message: "Invalid request: Unrecognized fields: 'colour'" });
      expect(await count('inventory_item')).toBe(items);
      expect(await count('inventory_level')).toBe(levels);
    });

    it('lists with filters, q, location filter, order and fields', async () => {
      const hat = await createItem({ sku: 'HAT', title: 'Wool hat', description: 'warm', requires_shipping: false, location_levels: [{ location_id: shop, stocked_quantity: 1 }] });
      await createItem({ sku: 'SOCK', title: 'Socks', location_levels: [{ location_id: warehouse, stocked_quantity: 7 }] });
      const all = await t.api.get('/admin/inventory-items?order=sku').set(...admin()).expect(200);
      expect(all.body).toMatchObject({ count: 3, offset: 0, limit: 20 });
      expect(all.body.inventory_items.map((i: { sku: string }) => i.sku)).toEqual(['HAT', 'SHIRT-M', 'SOCK']);
      const q = await t.api.get('/admin/inventory-items?q=wool&fields=sku').set(...admin()).expect(200);
      expect(q.body.inventory_items).toEqual([{ id: hat.id, sku: 'HAT' }]);
      const bySku = await t.api.get('/admin/inventory-items?sku=SOCK&fields=sku,stocked_quantity').set(...admin()).expect(200);
      expect(bySku.body.inventory_items).toEqual([{ id: expect.any(String), sku: 'SOCK', stocked_quantity: 7 }]);
      const noShipping = await t.api.get('/admin/inventory-items?requires_shipping=false&fields=sku').set(...admin()).expect(200);
      expect(noShipping.body.inventory_items).toEqual([{ id: hat.id, sku: 'HAT' }]);
      const atShop = await t.api.get(`/admin/inventory-items?location_levels[location_id]=${shop}&order=sku&fields=sku`).set(...admin()).expect(200);
      expect(atShop.body.inventory_items.map((i: { sku: string }) => i.sku)).toEqual(['HAT', 'SHIRT-M']);
      expect(atShop.body.count).toBe(2);
      const dotted = await t.api.get(`/admin/inventory-items?location_levels.location_id=${warehouse}&order=-sku&fields=sku`).set(...admin()).expect(200);
      expect(dotted.body.inventory_items.map((i: { sku: string }) => i.sku)).toEqual(['SOCK', 'SHIRT-M']);
      const future = await t.api.get('/admin/inventory-items?created_at[$gt]=2999-01-01').set(...admin()).expect(200);
      expect(future.body.count).toBe(0);
      const levelFields = await t.api.get(`/admin/inventory-items?id=${hat.id}&fields=location_levels.available_quantity`).set(...admin()).expect(200);
      expect(levelFields.body.inventory_items).toEqual([{ id: hat.id, location_levels: [{ available_quantity: 1 }] }]);
      await t.api.get('/admin/inventory-items?order=weight').set(...admin()).expect(400);
      await t.api.get('/admin/inventory-items?colour=red').set(...admin()).expect(400);
    });

    it('retrieves and updates an item, and refuses to take another item’s sku', async () => {
      const item = await createItem({ sku: 'MUG' });
      const res = await t.api.post(`/admin/inventory-items/${item.id}`).set(...admin()).send({ title: 'Mug', hs_code: '6912' }).expect(200);
      expect(res.body.inventory_item).toMatchObject({ id: item.id, sku: 'MUG', title: 'Mug', hs_code: '6912' });
      const got = await t.api.get(`/admin/inventory-items/${item.id}?fields=title`).set(...admin()).expect(200);
      expect(got.body.inventory_item).toEqual({ id: item.id, title: 'Mug' });
      const dup = await t.api.post(`/admin/inventory-items/${item.id}`).set(...admin()).send({ sku: 'HAT' }).expect(422);
      expect(dup.body.type).toBe('duplicate_error');
      const missing = await t.api.get('/admin/inventory-items/iitem_missing').set(...admin()).expect(404);
      expect(missing.body).toEqual({ type: 'not_found', message: 'Inventory item with id: iitem_missing was not found' });
      await t.api.post('/admin/inventory-items/iitem_missing').set(...admin()).send({ title: 'x' }).expect(404);
    });

    it('deletes an item with its levels and variant links', async () => {
      const item = await createItem({ sku: 'BIN', location_levels: [{ location_id: warehouse, stocked_quantity: 2 }] });
      const ctx = systemContext(t.app.get(MikroORM).em.fork() as EntityManager);
      await t.app.get(VariantInventoryLinks).link(ctx, [{ variant_id: 'variant_x', inventory_item_id: item.id, required_quantity: 2 }]);
      expect((await t.app.get(VariantInventoryLinks).itemsOf(ctx, ['variant_x'])).get('variant_x')).toEqual([{ inventory_item_id: item.id, required_quantity: 2 }]);
      const res = await t.api.delete(`/admin/inventory-items/${item.id}`).set(...admin()).expect(200);
      expect(res.body).toEqual({ id: item.id, object: 'inventory_item', deleted: true });
      await t.api.get(`/admin/inventory-items/${item.id}`).set(...admin()).expect(404);
      expect(await sql(t, 'select id from inventory_level where inventory_item_id = ? and deleted_at is null', [item.id])).toEqual([]);
      expect(await sql(t, 'select * from product_variant_inventory_item where inventory_item_id = ?', [item.id])).toEqual([]);
      await t.api.delete(`/admin/inventory-items/${item.id}`).set(...admin()).expect(404);
      // the sku is free again
      await createItem({ sku: 'BIN' });
    });

    it('refuses to delete an item that has reservations', async () => {
      const item = await createItem({ sku: 'KEPT', location_levels: [{ location_id: warehouse, stocked_quantity: 2 }] });
      await t.api.post('/admin/reservations').set(...admin()).send({ inventory_item_id: item.id, location_id: warehouse, quantity: 1 }).expect(200);
      const res = await t.api.delete(`/admin/inventory-items/${item.id}`).set(...admin()).expect(400);
      expect(res.body).toEqual({ type: 'not_allowed', message: `Cannot remove the following inventory item(s) since they have reservations: [${item.id}]` });
      await t.api.get(`/admin/inventory-items/${item.id}`).set(...admin()).expect(200);
    });
  });

  describe('location levels', () => {
    let item: { id: string; location_levels: LevelBody[] };
    beforeAll(async () => {
      item = await createItem({ sku: 'LEVELS', location_levels: [{ location_id: warehouse, stocked_quantity: 5 }] });
    });

    it('lists an item’s levels', async () => {
      const res = await t.api.get(`/admin/inventory-items/${item.id}/location-levels`).set(...admin()).expect(200);
      expect(res.body).toMatchObject({ count: 1, offset: 0, limit: 50 });
      expect(res.body.inventory_levels[0]).toMatchObject({ location_id: warehouse, stocked_quantity: 5, available_quantity: 5 });
      const filtered = await t.api.get(`/admin/inventory-items/${item.id}/location-levels?location_id=${shop}`).set(...admin()).expect(200);
      expect(filtered.body.count).toBe(0);
      await t.api.get('/admin/inventory-items/iitem_missing/location-levels').set(...admin()).expect(404);
    });

    it('creates, updates and deletes a level, answering the item', async () => {
      const created = await t.api
        .post(`/admin/inventory-items/${item.id}/location-levels`)
        .set(...admin())
        .send({ location_id: shop, stocked_quantity: 2, incoming_quantity: 1 })
        .expect(200);
      expect(created.body.inventory_item).toMatchObject({ id: item.id, stocked_quantity: 7 });
      expect(levelAt(created.body.inventory_item, shop)).toMatchObject({ stocked_quantity: 2, incoming_quantity: 1 });
      const dup = await t.api.post(`/admin/inventory-items/${item.id}/location-levels`).set(...admin()).send({ location_id: shop }).expect(422);
      expect(dup.body.message).toBe(`Inventory level for item ${item.id} at location ${shop} already exists.`);

      const updated = await t.api.post(`/admin/inventory-items/${item.id}/location-levels/${shop}`).set(...admin()).send({ stocked_quantity: 9 }).expect(200);
      expect(levelAt(updated.body.inventory_item, shop)).toMatchObject({ stocked_quantity: 9, incoming_quantity: 1, available_quantity: 9 });
      expect(updated.body.inventory_item.stocked_quantity).toBe(14);

      const levelId = levelAt(updated.body.inventory_item, shop)!.id;
      const deleted = await t.api.delete(`/admin/inventory-items/${item.id}/location-levels/${shop}`).set(...admin()).expect(200);
      expect(deleted.body).toMatchObject({ id: levelId, object: 'inventory-level', deleted: true, parent: { id: item.id, stocked_quantity: 5 } });
      expect(deleted.body.parent.location_levels).toHaveLength(1);
      await t.api.delete(`/admin/inventory-items/${item.id}/location-levels/${shop}`).set(...admin()).expect(404);
    });

    it('refuses unknown locations, negative quantities and unknown fields, writing nothing', async () => {
      const before = await count('inventory_level');
      const unknown = await t.api.post(`/admin/inventory-items/${item.id}/location-levels`).set(...admin()).send({ location_id: 'sloc_missing' }).expect(404);
      expect(unknown.body).toEqual({ type: 'not_found', message: 'Stock location with id: sloc_missing was not found' });
      const negative = await t.api.post(`/admin/inventory-items/${item.id}/location-levels`).set(...admin()).send({ location_id: shop, stocked_quantity: -3 }).expect(400);
      expect(negative.body).toEqual({ type: 'invalid_data', message: 'Invalid request: stocked_quantity must not be less than 0' });
      const negativeUpdate = await t.api.post(`/admin/inventory-items/${item.id}/location-levels/${warehouse}`).set(...admin()).send({ incoming_quantity: -1 }).expect(400);
      expect(negativeUpdate.body.type).toBe('invalid_data');
      const fraction = await t.api.post(`/admin/inventory-items/${item.id}/location-levels/${warehouse}`).set(...admin()).send({ stocked_quantity: 1.5 }).expect(400);
      expect(fraction.body.type).toBe('invalid_data');
      await t.api.post(`/admin/inventory-items/${item.id}/location-levels`).set(...admin()).send({ location_id: shop, extra: 1 }).expect(400);
      await t.api.post(`/admin/inventory-items/${item.id}/location-levels/${shop}`).set(...admin()).send({ stocked_quantity: 1 }).expect(404);
      await t.api.post('/admin/inventory-items/iitem_missing/location-levels').set(...admin()).send({ location_id: shop }).expect(404);
      expect(await count('inventory_level')).toBe(before);
      const [level] = await sql<{ stocked_quantity: number; incoming_quantity: number }>(
        t,
        'select stocked_quantity, incoming_quantity from inventory_level where inventory_item_id = ? and location_id = ? and deleted_at is null',
        [item.id, warehouse],
      );
      expect(level).toEqual({ stocked_quantity: 5, incoming_quantity: 0 });
    });

    it('refuses to delete a level that holds reserved stock', async () => {
      const reserved = await createItem({ sku: 'HELD', location_levels: [{ location_id: shop, stocked_quantity: 3 }] });
      await t.api.post('/admin/reservations').set(...admin()).send({ inventory_item_id: reserved.id, location_id: shop, quantity: 2 }).expect(200);
      const res = await t.api.delete(`/admin/inventory-items/${reserved.id}/location-levels/${shop}`).set(...admin()).expect(400);
      expect(res.body).toEqual({ type: 'not_allowed', message: `Cannot remove the inventory level of item ${reserved.id} at location ${shop}: it has reserved stock` });
      expect(await sql(t, 'select id from inventory_level where inventory_item_id = ? and deleted_at is null', [reserved.id])).toHaveLength(1);
    });

    it('batches creates, updates and deletes for one item, all or nothing', async () => {
      const batchItem = await createItem({ sku: 'BATCH-1', location_levels: [{ location_id: warehouse, stocked_quantity: 1 }] });
      const res = await t.api
        .post(`/admin/inventory-items/${batchItem.id}/location-levels/batch`)
        .set(...admin())
        .send({ create: [{ location_id: shop, stocked_quantity: 4 }], update: [{ location_id: warehouse, stocked_quantity: 8 }] })
        .expect(200);
      expect(res.body.created).toEqual([expect.objectContaining({ inventory_item_id: batchItem.id, location_id: shop, stocked_quantity: 4 })]);
      expect(res.body.updated).toEqual([expect.objectContaining({ location_id: warehouse, stocked_quantity: 8 })]);
      expect(res.body.deleted).toEqual({ ids: [], object: 'inventory-level', deleted: true });

      const shopLevel = res.body.created[0].id as string;
      const failing = await t.api
        .post(`/admin/inventory-items/${batchItem.id}/location-levels/batch`)
        .set(...admin())
        .send({ delete: [shopLevel], update: [{ location_id: 'sloc_missing', stocked_quantity: 1 }] })
        .expect(404);
      expect(failing.body.type).toBe('not_found');
      expect(await sql(t, 'select id from inventory_level where id = ? and deleted_at is null', [shopLevel])).toHaveLength(1);

      const removed = await t.api.post(`/admin/inventory-items/${batchItem.id}/location-levels/batch`).set(...admin()).send({ delete: [shopLevel] }).expect(200);
      expect(removed.body).toEqual({ created: [], updated: [], deleted: { ids: [shopLevel], object: 'inventory-level', deleted: true } });
      const after = await t.api.get(`/admin/inventory-items/${batchItem.id}`).set(...admin()).expect(200);
      expect(after.body.inventory_item).toMatchObject({ stocked_quantity: 8 });
    });

    it('batches levels of several items through /location-levels/batch', async () => {
      const a = await createItem({ sku: 'MULTI-A' });
      const b = await createItem({ sku: 'MULTI-B' });
      const res = await t.api
        .post('/admin/inventory-items/location-levels/batch')
        .set(...admin())
        .send({
          create: [
            { inventory_item_id: a.id, location_id: warehouse, stocked_quantity: 2 },
            { inventory_item_id: b.id, location_id: warehouse, stocked_quantity: 3 },
          ],
        })
        .expect(200);
      expect(res.body.created.map((l: { inventory_item_id: string }) => l.inventory_item_id)).toEqual([a.id, b.id]);
      const before = await count('inventory_level');
      const noItem = await t.api.post('/admin/inventory-items/location-levels/batch').set(...admin()).send({ create: [{ location_id: shop }] }).expect(400);
      expect(noItem.body).toEqual({ type: 'invalid_data', message: 'inventory_item_id is required for each level' });
      const negative = await t.api
        .post('/admin/inventory-items/location-levels/batch')
        .set(...admin())
        .send({ create: [{ inventory_item_id: a.id, location_id: shop, stocked_quantity: 1 }, { inventory_item_id: b.id, location_id: shop, stocked_quantity: -1 }] })
        .expect(400);
      expect(negative.body.type).toBe('invalid_data');
      const unknownItem = await t.api
        .post('/admin/inventory-items/location-levels/batch')
        .set(...admin())
        .send({ create: [{ inventory_item_id: a.id, location_id: shop }, { inventory_item_id: 'iitem_missing', location_id: shop }] })
        .expect(404);
      expect(unknownItem.body).toEqual({ type: 'not_found', message: 'Inventory item with id: iitem_missing was not found' });
      const unknownLevel = await t.api.post('/admin/inventory-items/location-levels/batch').set(...admin()).send({ delete: ['ilev_missing'] }).expect(404);
      expect(unknownLevel.body).toEqual({ type: 'not_found', message: 'Inventory level with id: ilev_missing was not found' });
      expect(await count('inventory_level')).toBe(before);
    });
  });

  describe('facade', () => {
    it('computes availability over locations in one call', async () => {
      const item = await createItem({ sku: 'AVAIL', location_levels: [{ location_id: warehouse, stocked_quantity: 6 }, { location_id: shop, stocked_quantity: 2 }] });
      await t.api.post('/admin/reservations').set(...admin()).send({ inventory_item_id: item.id, location_id: warehouse, quantity: 4 }).expect(200);
      const inventory = t.app.get(InventoryService);
      const ctx = systemContext(t.app.get(MikroORM).em.fork() as EntityManager);
      const both = await inventory.availability(ctx, [item.id, 'iitem_none'], [warehouse, shop]);
      expect([...both]).toEqual([[item.id, 4], ['iitem_none', 0]]);
      expect((await inventory.availability(ctx, [item.id], [shop])).get(item.id)).toBe(2);
      expect((await inventory.availability(ctx, [item.id], [])).get(item.id)).toBe(0);
    });
  });
});
