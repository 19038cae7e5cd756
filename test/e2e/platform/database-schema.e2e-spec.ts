import { MikroORM } from '@mikro-orm/core';
import { MikroORM as PostgreSqlOrm, type EntityManager } from '@mikro-orm/postgresql';
import request from 'supertest';
import { createApp } from '../../../src/bootstrap';
import { loadConfig } from '../../../src/framework/config/load-config';
import { SchemaNotMigratedError } from '../../../src/framework/database/migrate';
import { buildOrmOptions } from '../../../src/framework/database/orm-options';
import { systemContext } from '../../../src/framework/context/context';
import { EventBus } from '../../../src/framework/events/event-bus.service';
import { OutboxRelay } from '../../../src/framework/events/outbox-relay.service';
import { received, RecordingSubscribersModule, waitFor } from '../../fixtures/recording-subscribers.fixture';
import { testEnv } from '../../utils/create-test-app';
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

/** Boots the app as production does: no migrations at boot (`db:migrate` is a separate step). */
async function bootWithoutMigrating(schema: string): Promise<void> {
  const config = loadConfig(testEnv({ DATABASE_SCHEMA: schema }));
  config.database.migrateOnBoot = false;
  const app = await createApp({ config, databaseUrl: workerDatabaseUrl() });
  try {
    await request(app.getHttpServer()).get('/health/ready').expect(200);
  } finally {
    await app.close();
  }
}

/** `show search_path` on a connection of the ORM the app would build with this DATABASE_SCHEMA. */
async function appSearchPath(schema?: string): Promise<string> {
  const url = workerDatabaseUrl();
  const config = loadConfig(testEnv(schema ? { DATABASE_SCHEMA: schema } : {}));
  const orm = await PostgreSqlOrm.init({ ...buildOrmOptions(config, url), entities: [] });
  try {
    const [row] = await orm.em.fork().getConnection().execute<Array<{ search_path: string }>>('show search_path');
    return row.search_path;
  } finally {
    await orm.close();
  }
}

/** A schema never migrated, on a server that does not migrate at boot: refused before any request. */
async function expectUnmigratedSchemaRefused(): Promise<void> {
  await dropSchemas('tenant_new');
  const boot = bootWithoutMigrating('tenant_new');
  await expect(boot).rejects.toThrow(SchemaNotMigratedError);
  await expect(boot).rejects.toThrow(
    'DATABASE_SCHEMA=tenant_new: the schema has no migrations table (tenant_new.mikro_orm_migrations), it was never migrated; ' +
      'run `stheno db:migrate` with DATABASE_SCHEMA=tenant_new',
  );
  // nothing was created for it
  const [exists] = await withClient(workerDatabaseUrl(), async (client) => (await client.query(`select 1 from pg_namespace where nspname = 'tenant_new'`)).rows);
  expect(exists).toBeUndefined();
}

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
      // the embedded server's one session still carried tenant_a's path: a default-schema app starts from PGlite's default
      expect(await appSearchPath()).toBe('public');
    });

    it('refuses to boot on a schema never migrated when migrations do not run at boot', async () => {
      await expectUnmigratedSchemaRefused();
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

    it('refuses to boot on a schema never migrated when migrations do not run at boot (production)', async () => {
      await expectUnmigratedSchemaRefused();
    });

    it('refuses to boot on a schema a migration has not reached yet, and boots once it has', async () => {
      const url = workerDatabaseUrl();
      const [latest] = await withClient(url, async (client) =>
        (await client.query<{ name: string }>('delete from tenant_a.mikro_orm_migrations where id = (select max(id) from tenant_a.mikro_orm_migrations) returning name')).rows,
      );
      try {
        await expect(bootWithoutMigrating('tenant_a')).rejects.toThrow(
          `DATABASE_SCHEMA=tenant_a: 1 migration(s) not applied to the schema (${latest.name}); run \`stheno db:migrate\` with DATABASE_SCHEMA=tenant_a`,
        );
      } finally {
        await withClient(url, (client) => client.query('insert into tenant_a.mikro_orm_migrations (name, executed_at) values ($1, now())', [latest.name]));
      }
      await bootWithoutMigrating('tenant_a');
    });
  });

  describe("search_path: the connection's own, with DATABASE_SCHEMA in front", () => {
    // set on the test database, as an operator (or a managed service: Supabase's `extensions`) would
    const databaseName = () => new URL(workerDatabaseUrl()).pathname.slice(1);
    const setDatabasePath = (path: string | null) =>
      withClient(workerDatabaseUrl(), (client) =>
        client.query(path === null ? `alter database "${databaseName()}" reset search_path` : `alter database "${databaseName()}" set search_path = ${path}`),
      );
    afterAll(() => setDatabasePath(null));

    it("leaves PostgreSQL's default path alone for the public schema", async () => {
      await setDatabasePath(null);
      expect(await appSearchPath()).toBe('"$user", public');
    });

    it("keeps the database's configured path for the public schema, and puts another schema in front of it", async () => {
      await setDatabasePath('"$user", public, extensions');
      expect(await appSearchPath()).toBe('"$user", public, extensions');
      expect(await appSearchPath('tenant_a')).toBe('"tenant_a", "$user", public, extensions');
    });

    it('adds public, where the shared pg_trgm is installed, when the configured path lacks it', async () => {
      await setDatabasePath('extensions');
      expect(await appSearchPath()).toBe('extensions');
      expect(await appSearchPath('tenant_a')).toBe('"tenant_a", extensions, public');
    });
  });
}
