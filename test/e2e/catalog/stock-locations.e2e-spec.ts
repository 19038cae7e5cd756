import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';

async function sql<T>(t: IdentityApp, query: string, params: unknown[] = []): Promise<T[]> {
  return (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute<T[]>(query, params);
}

const ADDRESS = { address_1: 'Nørrebrogade 12', city: 'Copenhagen', country_code: 'DK', postal_code: '2200' };

describe('admin stock locations', () => {
  let t: IdentityApp;
  beforeAll(async () => {
    t = await createIdentityApp();
  });
  afterAll(() => t.close());

  const admin = () => bearer(t.adminToken);
  const events = (name: string, id: string) =>
    sql<{ name: string }>(t, "select name from event_outbox where name = ? and data->>'id' = ?", [name, id]);
  const create = async (body: Record<string, unknown>) => (await t.api.post('/admin/stock-locations').set(...admin()).send(body).expect(200)).body.stock_location;

  it('creates a location with its address, and records stock-location.created', async () => {
    const res = await t.api.post('/admin/stock-locations').set(...admin()).send({ name: 'Copenhagen', address: ADDRESS, metadata: { dock: 3 } }).expect(200);
    const location = res.body.stock_location;
    expect(Object.keys(location).sort()).toEqual(['address', 'address_id', 'created_at', 'deleted_at', 'id', 'metadata', 'name', 'updated_at']);
    expect(location).toMatchObject({ id: expect.stringMatching(/^sloc_[0-9A-Z]{26}$/), name: 'Copenhagen', metadata: { dock: 3 }, deleted_at: null });
    expect(location.address).toMatchObject({ ...ADDRESS, country_code: 'dk', address_2: null, id: location.address_id });
    expect(location.address_id).toMatch(/^laddr_/);
    expect(await events('stock-location.created', location.id)).toHaveLength(1);
  });

  it('lists, filters, searches and retrieves locations', async () => {
    const berlin = await create({ name: 'Berlin' });
    expect(berlin).toMatchObject({ address: null, address_id: null });
    const list = await t.api.get('/admin/stock-locations?order=name').set(...admin()).expect(200);
    expect(list.body).toMatchObject({ count: 2, offset: 0, limit: 20 });
    expect(list.body.stock_locations.map((l: { name: string }) => l.name)).toEqual(['Berlin', 'Copenhagen']);
    const searched = await t.api.get('/admin/stock-locations?q=berl&fields=name').set(...admin()).expect(200);
    expect(searched.body.stock_locations).toEqual([{ id: berlin.id, name: 'Berlin' }]);
    const byId = await t.api.get(`/admin/stock-locations?id[]=${berlin.id}`).set(...admin()).expect(200);
    expect(byId.body.count).toBe(1);
    const one = await t.api.get(`/admin/stock-locations/${berlin.id}`).set(...admin()).expect(200);
    expect(one.body.stock_location).toMatchObject({ id: berlin.id, name: 'Berlin' });
    const missing = await t.api.get('/admin/stock-locations/sloc_missing').set(...admin()).expect(404);
    expect(missing.body).toEqual({ type: 'not_found', message: 'Stock location with id: sloc_missing was not found' });
  });

  it('updates name and address (merging into the existing one) and records stock-location.updated', async () => {
    const location = await create({ name: 'Aarhus', address: ADDRESS });
    const res = await t.api
      .post(`/admin/stock-locations/${location.id}`)
      .set(...admin())
      .send({ name: 'Aarhus C', address: { city: 'Aarhus', postal_code: '8000' } })
      .expect(200);
    expect(res.body.stock_location).toMatchObject({ name: 'Aarhus C', address_id: location.address_id });
    expect(res.body.stock_location.address).toMatchObject({ address_1: ADDRESS.address_1, city: 'Aarhus', postal_code: '8000', country_code: 'dk' });
    expect(await events('stock-location.updated', location.id)).toHaveLength(1);
    // a location without an address needs address_1 and country_code for a new one
    const bare = await create({ name: 'Odense' });
    const refused = await t.api.post(`/admin/stock-locations/${bare.id}`).set(...admin()).send({ address: { city: 'Odense' } }).expect(400);
    expect(refused.body).toEqual({ type: 'invalid_data', message: 'A stock location address needs address_1 and country_code' });
    const [row] = await sql<{ address_id: string | null }>(t, 'select address_id from stock_location where id = ?', [bare.id]);
    expect(row.address_id).toBeNull();
  });

  it('refuses bad input with {type, message} and writes nothing', async () => {
    const before = await sql<{ n: string }>(t, 'select count(*) as n from stock_location');
    const unknown = await t.api.post('/admin/stock-locations').set(...admin()).send({ name: 'X', colour: 'red' }).expect(400);
    expect(unknown.body).toEqual({ type: 'invalid_data', message: "Invalid request: Unrecognized fields: 'colour'" });
    const nested = await t.api.post('/admin/stock-locations').set(...admin()).send({ name: 'X', address: { ...ADDRESS, floor: 2 } }).expect(400);
    expect(nested.body.message).toContain("'address.floor'");
    const noName = await t.api.post('/admin/stock-locations').set(...admin()).send({}).expect(400);
    expect(noName.body.type).toBe('invalid_data');
    const badFilter = await t.api.get('/admin/stock-locations?colour=red').set(...admin()).expect(400);
    expect(badFilter.body).toEqual({ type: 'invalid_data', message: "Invalid request: Unrecognized fields: 'colour'" });
    expect(await sql<{ n: string }>(t, 'select count(*) as n from stock_location')).toEqual(before);
    await t.api.get('/admin/stock-locations').expect(401);
  });

  describe('sales channels', () => {
    it('links and unlinks channels, and shows them when fields ask for them', async () => {
      const location = await create({ name: 'Malmö' });
      const other = (await t.api.post('/admin/sales-channels').set(...admin()).send({ name: 'Wholesale' }).expect(200)).body.sales_channel;
      const linked = await t.api
        .post(`/admin/stock-locations/${location.id}/sales-channels?fields=name,*sales_channels`)
        .set(...admin())
        .send({ add: [t.salesChannelId, other.id] })
        .expect(200);
      expect(linked.body.stock_location.sales_channels.map((c: { id: string }) => c.id).sort()).toEqual([t.salesChannelId, other.id].sort());
      expect(linked.body.stock_location.sales_channels[0]).toMatchObject({ name: expect.any(String), is_disabled: false });
      const unlinked = await t.api
        .post(`/admin/stock-locations/${location.id}/sales-channels`)
        .set(...admin())
        .send({ remove: [other.id] })
        .expect(200);
      expect(unlinked.body.stock_location.sales_channels).toBeUndefined();
      const listed = await t.api.get(`/admin/stock-locations?id=${location.id}&fields=sales_channels.name`).set(...admin()).expect(200);
      expect(listed.body.stock_locations).toEqual([{ id: location.id, sales_channels: [{ name: 'Default Sales Channel' }] }]);
    });

    it('refuses an unknown sales channel or location and writes nothing', async () => {
      const location = await create({ name: 'Lund' });
      const res = await t.api
        .post(`/admin/stock-locations/${location.id}/sales-channels`)
        .set(...admin())
        .send({ add: [t.salesChannelId, 'sc_missing'] })
        .expect(404);
      expect(res.body).toEqual({ type: 'not_found', message: 'Sales channel with id: sc_missing was not found' });
      expect(await sql(t, 'select * from sales_channel_stock_location where stock_location_id = ?', [location.id])).toEqual([]);
      await t.api.post('/admin/stock-locations/sloc_missing/sales-channels').set(...admin()).send({ add: [t.salesChannelId] }).expect(404);
      expect(await sql(t, "select * from sales_channel_stock_location where stock_location_id = 'sloc_missing'")).toEqual([]);
    });
  });

  describe('DELETE /admin/stock-locations/:id', () => {
    it('removes the location, its address, its channel links and its inventory levels', async () => {
      const location = await create({ name: 'Gone', address: ADDRESS });
      await t.api.post(`/admin/stock-locations/${location.id}/sales-channels`).set(...admin()).send({ add: [t.salesChannelId] }).expect(200);
      const item = (
        await t.api
          .post('/admin/inventory-items')
          .set(...admin())
          .send({ sku: 'GONE-1', location_levels: [{ location_id: location.id, stocked_quantity: 5 }] })
          .expect(200)
      ).body.inventory_item;
      const res = await t.api.delete(`/admin/stock-locations/${location.id}`).set(...admin()).expect(200);
      expect(res.body).toEqual({ id: location.id, object: 'stock_location', deleted: true });
      await t.api.get(`/admin/stock-locations/${location.id}`).set(...admin()).expect(404);
      expect(await sql(t, 'select * from sales_channel_stock_location where stock_location_id = ?', [location.id])).toEqual([]);
      const [level] = await sql<{ deleted_at: Date | null }>(t, 'select deleted_at from inventory_level where location_id = ?', [location.id]);
      expect(level.deleted_at).not.toBeNull();
      const [address] = await sql<{ deleted_at: Date | null }>(t, 'select deleted_at from stock_location_address where id = ?', [location.address_id]);
      expect(address.deleted_at).not.toBeNull();
      const after = await t.api.get(`/admin/inventory-items/${item.id}`).set(...admin()).expect(200);
      expect(after.body.inventory_item).toMatchObject({ stocked_quantity: 0, location_levels: [] });
      expect(await events('stock-location.deleted', location.id)).toHaveLength(1);
      await t.api.delete(`/admin/stock-locations/${location.id}`).set(...admin()).expect(404);
    });

    it('refuses while stock is reserved there, and leaves location, levels and links as they were', async () => {
      const location = await create({ name: 'Busy' });
      await t.api.post(`/admin/stock-locations/${location.id}/sales-channels`).set(...admin()).send({ add: [t.salesChannelId] }).expect(200);
      const item = (
        await t.api
          .post('/admin/inventory-items')
          .set(...admin())
          .send({ sku: 'BUSY-1', location_levels: [{ location_id: location.id, stocked_quantity: 5 }] })
          .expect(200)
      ).body.inventory_item;
      await t.api.post('/admin/reservations').set(...admin()).send({ inventory_item_id: item.id, location_id: location.id, quantity: 2 }).expect(200);
      const res = await t.api.delete(`/admin/stock-locations/${location.id}`).set(...admin()).expect(400);
      expect(res.body).toEqual({ type: 'not_allowed', message: `Cannot delete stock location ${location.id}: stock is reserved there` });
      await t.api.get(`/admin/stock-locations/${location.id}`).set(...admin()).expect(200);
      expect(await sql(t, 'select * from sales_channel_stock_location where stock_location_id = ?', [location.id])).toHaveLength(1);
      expect(await sql(t, 'select id from inventory_level where location_id = ? and deleted_at is null', [location.id])).toHaveLength(1);
      expect(await events('stock-location.deleted', location.id)).toEqual([]);
    });
  });
});
