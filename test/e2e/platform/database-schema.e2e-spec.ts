import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { systemContext } from '../../../src/framework/context/context';
import { EventBus } from '../../../src/framework/events/event-bus.service';
import { OutboxRelay } from '../../../src/framework/events/outbox-relay.service';
import { received, RecordingSubscribersModule, waitFor } from '../../fixtures/recording-subscribers.fixture';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { Body, shirtBody } from '../../utils/product-fixtures';
import { isEmbeddedTestDatabase, resetDatabase, withClient, workerDatabaseUrl } from '../../utils/test-database';

/** DATABASE_SCHEMA: every Stheno table in one schema, so instances with different schemas share a database unseen. */

async function dropSchemas(...schemas: string[]): Promise<void> {
  await withClient(workerDatabaseUrl(), async (client) => {
    for (const schema of schemas) await client.query(`drop schema if exists "${schema}" cascade`);
  });
}

/** Tables per schema, outside the apps (their own connections only ever see their schema first). */
async function tablesBySchema(): Promise<Record<string, string[]>> {
  return withClient(workerDatabaseUrl(), async (client) => {
    const { rows } = await client.query<{ table_schema: string; table_name: string }>(
      `select table_schema, table_name from information_schema.tables
        where table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`,
    );
    const bySchema: Record<string, string[]> = {};
    for (const row of rows) (bySchema[row.table_schema] ??= []).push(row.table_name);
    return bySchema;
  });
}

async function count(schema: string, table: string): Promise<number> {
  return withClient(workerDatabaseUrl(), async (client) => Number((await client.query(`select count(*) as n from "${schema}"."${table}"`)).rows[0].n));
}

/** Records an event in the app's own outbox, committed. */
async function recordEvent(t: IdentityApp, id: string): Promise<string> {
  const ctx = systemContext(t.app.get(MikroORM).em.fork() as EntityManager);
  const event = t.app.get(EventBus).record(ctx, 'test.committed', { id });
  await ctx.em.flush();
  return event.id;
}

async function outboxRow(t: IdentityApp, eventId: string): Promise<{ dispatched_at: Date | null } | undefined> {
  const rows = await (t.app.get(MikroORM).em.fork() as EntityManager)
    .getConnection()
    .execute<Array<{ dispatched_at: Date | null }>>('select dispatched_at from event_outbox where id = ?', [eventId]);
  return rows[0];
}

const schemaApp = (schema: string, env: Record<string, string> = {}) =>
  createIdentityApp({ env: { DATABASE_SCHEMA: schema, ...env }, resetDatabase: false, imports: [RecordingSubscribersModule] });

if (isEmbeddedTestDatabase()) {
  // The embedded server serves one connection, so one app at a time: the same isolation, in turns.
  describe('DATABASE_SCHEMA on the embedded database', () => {
    // three boots, two of them migrating a fresh schema
    jest.setTimeout(180000);
    afterAll(() => dropSchemas('tenant_a', 'tenant_b'));

    it('keeps each schema to itself across apps started in turn, and public empty', async () => {
      await dropSchemas('tenant_a', 'tenant_b');
      await resetDatabase();
      const a = await schemaApp('tenant_a');
      let productId: string;
      try {
        productId = ((await a.api.post('/admin/products').set(...bearer(a.adminToken)).send(shirtBody('tee')).expect(200)).body as Body).product.id;
      } finally {
        await a.close();
      }
      const b = await schemaApp('tenant_b');
      try {
        await b.api.get(`/admin/products/${productId}`).set(...bearer(b.adminToken)).expect(404);
        expect(((await b.api.get('/admin/products').set(...bearer(b.adminToken)).expect(200)).body as Body).count).toBe(0);
        // the same handle is free in the other schema
        await b.api.post('/admin/products').set(...bearer(b.adminToken)).send(shirtBody('tee')).expect(200);
      } finally {
        await b.close();
      }
      const tables = await tablesBySchema();
      expect(tables.public).toBeUndefined();
      expect(tables.tenant_a).toEqual(expect.arrayContaining(['mikro_orm_migrations', 'product', 'event_outbox', 'seed_run']));
      expect(tables.tenant_b).toEqual(tables.tenant_a);
      expect(await count('tenant_a', 'product')).toBe(1);
      expect(await count('tenant_b', 'product')).toBe(1);

      // back in A: its data is where it left it
      const again = await schemaApp('tenant_a');
      try {
        expect(((await again.api.get(`/admin/products/${productId}`).set(...bearer(again.adminToken)).expect(200)).body as Body).product.handle).toBe('tee');
      } finally {
        await again.close();
      }
    });
  });
} else {
  describe('two apps on one database with DATABASE_SCHEMA tenant_a and tenant_b', () => {
    let a: IdentityApp;
    let b: IdentityApp;
    beforeAll(async () => {
      await dropSchemas('tenant_a', 'tenant_b');
      await resetDatabase();
      // booted at once, as two deployments would: each migrates its own schema (the migrations lock serialises them)
      // B only records events (WORKER_MODE=server): its outbox is its own to deliver, never A's relay's
      // settled, not Promise.all: when one fails, the other must still be closed or Jest never exits
      const [first, second] = await Promise.allSettled([schemaApp('tenant_a'), schemaApp('tenant_b', { WORKER_MODE: 'server' })]);
      if (first.status === 'fulfilled') a = first.value;
      if (second.status === 'fulfilled') b = second.value;
      for (const result of [first, second]) if (result.status === 'rejected') throw result.reason;
    });
    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()]);
      await dropSchemas('tenant_a', 'tenant_b');
    });

    it('migrates each schema with the same migrations, and leaves public without a Stheno table', async () => {
      const tables = await tablesBySchema();
      expect(tables.public).toBeUndefined();
      expect(tables.tenant_a).toEqual(expect.arrayContaining(['mikro_orm_migrations', 'product', 'event_outbox', 'seed_run']));
      expect(tables.tenant_b).toEqual(tables.tenant_a);
      const applied = await count('tenant_a', 'mikro_orm_migrations');
      expect(applied).toBeGreaterThan(10);
      expect(await count('tenant_b', 'mikro_orm_migrations')).toBe(applied);
      // each seeded its own admin, who exists only there
      expect(await count('tenant_a', 'user')).toBe(1);
      expect(await count('tenant_b', 'user')).toBe(1);
    });

    it('shows a product created in A only in A, through the API and in the tables', async () => {
      const created = ((await a.api.post('/admin/products').set(...bearer(a.adminToken)).send(shirtBody('shared-handle')).expect(200)).body as Body).product;
      await a.api.get(`/admin/products/${created.id}`).set(...bearer(a.adminToken)).expect(200);
      await b.api.get(`/admin/products/${created.id}`).set(...bearer(b.adminToken)).expect(404);
      const listed = (await b.api.get('/admin/products').set(...bearer(b.adminToken)).expect(200)).body as Body;
      expect(listed.count).toBe(0);
      expect(await count('tenant_a', 'product')).toBe(1);
      expect(await count('tenant_b', 'product')).toBe(0);
      // a handle is unique within its schema only
      await b.api.post('/admin/products').set(...bearer(b.adminToken)).send(shirtBody('shared-handle')).expect(200);
      expect(await count('tenant_b', 'product')).toBe(1);
      expect(await count('tenant_a', 'product')).toBe(1);
    });

    it("delivers A's events from A's outbox and never touches B's", async () => {
      const fromB = await recordEvent(b, 'from-b');
      const fromA = await recordEvent(a, 'from-a');
      await waitFor(() => received.some((r) => r.event.id === fromA), 10000, "A's event");
      await waitFor(async () => (await outboxRow(a, fromA))?.dispatched_at != null, 5000, "A's row dispatched");
      // a few more polls of A's relay: B's row is still waiting for a relay of its own
      await a.app.get(OutboxRelay).drain();
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(received.some((r) => r.event.id === fromB)).toBe(false);
      expect(await outboxRow(b, fromB)).toEqual({ dispatched_at: null });
      expect(await outboxRow(a, fromB)).toBeUndefined();
      expect(await outboxRow(b, fromA)).toBeUndefined();
    });
  });
}
