import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context, inTransaction, systemContext } from '../../../src/framework/context/context';
import { preparedByIds, preparedQuery, usePreparedStatements } from '../../../src/framework/database/prepared';
import { createWidgetsApp } from '../../fixtures/widgets';
import { TestApp } from '../../utils/create-test-app';
import { isEmbeddedTestDatabase } from '../../utils/test-database';

/**
 * `preparedQuery`: the hot path's fixed reads as named prepared statements on PostgreSQL (unnamed on
 * PGlite, or when configured off), on the caller's transaction connection or a pooled one.
 */
describe(`preparedQuery (${isEmbeddedTestDatabase() ? 'embedded' : 'PostgreSQL'})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createWidgetsApp();
  });
  afterAll(async () => {
    usePreparedStatements(true);
    await t.close();
  });

  const em = () => t.app.get(MikroORM).em.fork() as EntityManager;
  const ctx = (): Context => systemContext(em());
  const SQL = `select ?::text as word, ?::int + 1 as next, txid_current()::text as txid`;

  it('answers what the ORM answers, with the values as parameters, again and again', async () => {
    for (const [word, n] of [['a', 1], ["it's; drop table x", 41], ['ü', -2]] as const) {
      const [row] = await preparedQuery<{ word: string; next: number }>(ctx(), 'test_prepared_echo', SQL, [word, n]);
      expect(row).toMatchObject({ word, next: n + 1 });
    }
  });

  it("runs inside the caller's transaction: its writes are seen, and undone with it", async () => {
    await expect(
      inTransaction(ctx(), async (tx) => {
        const [outer] = await tx.em.execute<Array<{ txid: string }>>('select txid_current()::text as txid');
        const [inner] = await preparedQuery<{ txid: string }>(tx, 'test_prepared_echo', SQL, ['x', 0]);
        expect(inner.txid).toBe(outer.txid);
        await tx.em.execute(`insert into event_outbox (id, name, data) values ('evt_prepared_probe', 'probe', '{}'::jsonb)`);
        const seen = await preparedQuery<{ n: number }>(tx, 'test_prepared_count', `select count(*)::int as n from event_outbox where id = ?`, ['evt_prepared_probe']);
        expect(seen[0].n).toBe(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    // the statement prepared in the rolled-back transaction still serves the next caller
    const after = await preparedQuery<{ n: number }>(ctx(), 'test_prepared_count', `select count(*)::int as n from event_outbox where id = ?`, ['evt_prepared_probe']);
    expect(after[0].n).toBe(0);
  });

  it("refuses to run on a finished transaction's context (its connection may serve another transaction by now)", async () => {
    let finished: Context | undefined;
    await inTransaction(ctx(), async (tx) => {
      finished = tx;
      await tx.em.execute('select 1');
    });
    await expect(preparedQuery(finished!, 'test_prepared_echo', SQL, ['late', 0])).rejects.toThrow(/already complete/);
  });

  it('sends the statement unnamed when prepared statements are configured off (transaction-mode poolers)', async () => {
    usePreparedStatements(false);
    try {
      await inTransaction(ctx(), async (tx) => {
        const [row] = await preparedQuery<{ word: string }>(tx, 'test_prepared_off', SQL, ['off', 1]);
        expect(row.word).toBe('off');
        // same connection (the transaction's): nothing was prepared under that name
        const prepared = await tx.em.execute<Array<{ n: number }>>(`select count(*)::int as n from pg_prepared_statements where name = 'test_prepared_off'`);
        expect(prepared[0].n).toBe(0);
      });
      usePreparedStatements(true);
      if (!isEmbeddedTestDatabase()) {
        // and the switch is what decides: on again, the same call prepares it on its connection
        await inTransaction(ctx(), async (tx) => {
          await preparedQuery(tx, 'test_prepared_on', SQL, ['on', 1]);
          const prepared = await tx.em.execute<Array<{ n: number }>>(`select count(*)::int as n from pg_prepared_statements where name = 'test_prepared_on'`);
          expect(prepared[0].n).toBe(1);
        });
      }
    } finally {
      usePreparedStatements(true);
    }
  });

  describe('preparedByIds', () => {
    afterAll(() => em().execute(`delete from event_outbox where id like 'evt_byids_%'`));
    const IDS_SQL = `select id, name from event_outbox where id {ids} and name <> ? order by id`;
    const seed = async () => {
      await em().execute(`delete from event_outbox where id like 'evt_byids_%'`);
      await em().execute(
        `insert into event_outbox (id, name, data) values ('evt_byids_a', 'a', '{}'::jsonb), ('evt_byids_b', 'b', '{}'::jsonb), ('evt_byids_c', 'skip', '{}'::jsonb)`,
      );
    };

    it('answers the rows of one id and of several (unknown ids left out, repeats read once), with the later parameters in order', async () => {
      await seed();
      const read = (ids: string[]) => preparedByIds<{ id: string; name: string }>(ctx(), 'test_byids', IDS_SQL, ids, ['skip']);
      expect(await read(['evt_byids_b'])).toEqual([{ id: 'evt_byids_b', name: 'b' }]);
      expect(await read(['evt_byids_b', 'evt_byids_b'])).toEqual([{ id: 'evt_byids_b', name: 'b' }]);
      expect(await read(['evt_byids_a', 'evt_byids_nope', 'evt_byids_b', 'evt_byids_c'])).toEqual([
        { id: 'evt_byids_a', name: 'a' },
        { id: 'evt_byids_b', name: 'b' },
      ]);
      expect(await read(['evt_byids_nope'])).toEqual([]);
    });

    it('prepares `= $1` for one id and `= any($1)` for several, as two statements', async () => {
      if (isEmbeddedTestDatabase()) return; // PGlite runs them unnamed (one session for every connection)
      await seed();
      await inTransaction(ctx(), async (tx) => {
        await preparedByIds(tx, 'test_byids_forms', IDS_SQL, ['evt_byids_a'], ['skip']);
        await preparedByIds(tx, 'test_byids_forms', IDS_SQL, ['evt_byids_a', 'evt_byids_b'], ['skip']);
        const rows = await tx.em.execute<Array<{ name: string; statement: string }>>(
          `select name, statement from pg_prepared_statements where name like 'test_byids_forms%' order by name`,
        );
        expect(rows.map((r) => [r.name, r.statement.replace(/\s+/g, ' ')])).toEqual([
          ['test_byids_forms', 'select id, name from event_outbox where id = $1 and name <> $2 order by id'],
          ['test_byids_forms_many', 'select id, name from event_outbox where id = any($1::text[]) and name <> $2 order by id'],
        ]);
      });
    });

    it('refuses a statement that does not name {ids} exactly once, before its other parameters', () => {
      expect(() => preparedByIds(ctx(), 'test_byids_bad', 'select id from event_outbox where id = ?', ['x'])).toThrow(/\{ids\} once/);
      expect(() => preparedByIds(ctx(), 'test_byids_bad', 'select id from event_outbox where name = ? and id {ids}', ['x'])).toThrow(/before any other/);
      expect(() => preparedByIds(ctx(), 'test_byids_bad', 'select id from event_outbox where id {ids} or id {ids}', ['x'])).toThrow(/\{ids\} once/);
    });
  });

  it('leaves no table with an index on deleted_at alone (they never served a read and misled the planner)', async () => {
    const rows = await em().execute<Array<{ indexname: string }>>(
      `select i.indexname from pg_indexes i
        where i.schemaname = current_schema() and i.indexdef ~ '\\("?deleted_at"?\\)$'`,
    );
    expect(rows.map((r) => r.indexname)).toEqual([]);
    // soft-deleted rows stay filtered as before: the unique indexes partial on `deleted_at is null` remain
    const partial = await em().execute<Array<{ n: number }>>(
      `select count(*)::int as n from pg_indexes where schemaname = current_schema() and indexdef like '%WHERE (deleted_at IS NULL)%'`,
    );
    expect(partial[0].n).toBeGreaterThan(0);
  });
});
