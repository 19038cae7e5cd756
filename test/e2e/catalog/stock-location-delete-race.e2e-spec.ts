import { Client } from 'pg';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { isEmbeddedTestDatabase, workerDatabaseUrl } from '../../utils/test-database';

/**
 * A level created while its location is being deleted waits for the deletion, then finds the
 * location gone: no level is left at a deleted location. Needs two connections: PostgreSQL only.
 */
describe('stock level creation racing a location deletion', () => {
  let t: IdentityApp;
  beforeAll(async () => {
    t = await createIdentityApp();
  });
  afterAll(() => t.close());

  const admin = () => bearer(t.adminToken);

  if (!isEmbeddedTestDatabase()) {
    it('answers 404 and writes no level when the deletion commits first', async () => {
      const location = (await t.api.post('/admin/stock-locations').set(...admin()).send({ name: 'Closing' }).expect(200)).body.stock_location;
      const item = (await t.api.post('/admin/inventory-items').set(...admin()).send({ sku: 'RACE-1' }).expect(200)).body.inventory_item;
      const deleter = new Client({ connectionString: workerDatabaseUrl() });
      await deleter.connect();
      try {
        // what the deletion flow holds until it commits: the location row, locked for update and deleted
        await deleter.query('begin');
        await deleter.query('select id from stock_location where id = $1 for update', [location.id]);
        await deleter.query('update stock_location set deleted_at = now() where id = $1', [location.id]);
        const creating = t.api
          .post(`/admin/inventory-items/${item.id}/location-levels`)
          .set(...admin())
          .send({ location_id: location.id, stocked_quantity: 5 })
          .then((res) => res);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await deleter.query('commit');
        const res = await creating;
        expect(res.status).toBe(404);
        expect(res.body).toEqual({ type: 'not_found', message: `Stock location with id: ${location.id} was not found` });
        const levels = await deleter.query('select count(*)::int as n from inventory_level where location_id = $1', [location.id]);
        expect(levels.rows[0].n).toBe(0);
      } finally {
        await deleter.end();
      }
    });
  }

  it('creates the level when the location stays', async () => {
    const location = (await t.api.post('/admin/stock-locations').set(...admin()).send({ name: 'Open' }).expect(200)).body.stock_location;
    const item = (await t.api.post('/admin/inventory-items').set(...admin()).send({ sku: 'RACE-2' }).expect(200)).body.inventory_item;
    await t.api.post(`/admin/inventory-items/${item.id}/location-levels`).set(...admin()).send({ location_id: location.id, stocked_quantity: 5 }).expect(200);
  });
});
