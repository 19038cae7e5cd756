import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { systemContext } from '../../../src/framework/context/context';
import { generateId } from '../../../src/framework/database/ids';
import { EventBus } from '../../../src/framework/events/event-bus.service';
import { OutboxRelay } from '../../../src/framework/events/outbox-relay.service';
import { createWidgetsApp } from '../../fixtures/widgets';
import {
  contextSeen,
  flakyCalls,
  received,
  RecordingSubscribersModule,
  stubbornCalls,
  waitFor,
} from '../../fixtures/recording-subscribers.fixture';
import { TestApp } from '../../utils/create-test-app';
import { isEmbeddedTestDatabase, withClient, workerDatabaseUrl } from '../../utils/test-database';

const mode = process.env.REDIS_URL ? 'Bull on Redis' : 'in-process';

async function outboxRows(t: TestApp, name: string): Promise<Array<{ id: string; dispatched_at: Date | null; last_error: string | null }>> {
  return (t.app.get(MikroORM).em.fork() as EntityManager)
    .getConnection()
    .execute('select id, dispatched_at, last_error from event_outbox where name = ? order by id', [name]);
}

const receivedBy = (subscriber: string, name: string) =>
  received.filter((r) => r.subscriber === subscriber && r.event.name === name);

describe(`outbox delivery (${mode})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createWidgetsApp({ imports: [RecordingSubscribersModule] });
  });
  afterAll(() => t?.close());

  it('delivers an event recorded with a committed change, with its request id', async () => {
    const res = await t.api.post('/test/widgets').set('x-request-id', 'outbox-1').send({ title: 'A', handle: 'a' }).expect(200);
    await waitFor(() => receivedBy('test-recorder', 'widget.created').some((r) => r.event.data.id === res.body.widget.id), 10000, 'delivery');
    const delivered = receivedBy('test-recorder', 'widget.created').find((r) => r.event.data.id === res.body.widget.id)!;
    expect(delivered.event.id).toMatch(/^evt_/);
    expect(delivered.event.metadata.request_id).toBe('outbox-1');
    await waitFor(async () => (await outboxRows(t, 'widget.created'))[0]?.dispatched_at !== null, 5000, 'dispatched_at');
  });

  it('never delivers an event whose transaction rolled back, and keeps no row', async () => {
    const bus = t.app.get(EventBus);
    const ctx = systemContext(t.app.get(MikroORM).em as EntityManager);
    await expect(
      ctx.em.transactional(async (em) => {
        bus.record({ ...ctx, em: em as EntityManager }, 'test.rolled_back', { id: 'x' });
        await em.flush();
        throw new Error('abort the transaction');
      }),
    ).rejects.toThrow('abort the transaction');
    await t.app.get(OutboxRelay).drain();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receivedBy('test-recorder', 'test.rolled_back')).toEqual([]);
    expect(await outboxRows(t, 'test.rolled_back')).toEqual([]);
  });

  it('retries a failing subscriber until it succeeds, with one effect', async () => {
    const ctx = systemContext(t.app.get(MikroORM).em as EntityManager);
    const event = t.app.get(EventBus).record(ctx, 'test.flaky', {});
    await ctx.em.flush();
    await waitFor(() => receivedBy('test-flaky', 'test.flaky').length === 1, 10000, 'flaky success');
    expect(flakyCalls.get(event.id)).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receivedBy('test-flaky', 'test.flaky')).toHaveLength(1);
  });

  it('a subscriber that always fails does not keep the others from the event', async () => {
    const ctx = systemContext(t.app.get(MikroORM).em as EntityManager);
    const event = t.app.get(EventBus).record(ctx, 'test.committed', { id: 'c1' });
    await ctx.em.flush();
    await waitFor(() => receivedBy('test-recorder', 'test.committed').some((r) => r.event.id === event.id), 10000, 'recorder');
    expect(receivedBy('test-recorder', 'test.committed').filter((r) => r.event.id === event.id)).toHaveLength(1);
  });
});

describe(`outbox recovery after a crash (${mode})`, () => {
  let t: TestApp | undefined;
  afterAll(() => t?.close());

  it('delivers at the next start what a dead process committed but never dispatched', async () => {
    // a first app creates the schema, then "dies" before its relay sees the rows written below
    const first = await createWidgetsApp();
    // stop its relay first, so that it cannot see (and, lacking subscribers, mark) the rows below
    await first.app.get(OutboxRelay).stop();
    const orphan = generateId('evt');
    const abandoned = generateId('evt');
    const leased = generateId('evt');
    await (first.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute(
      `insert into event_outbox (id, name, data, attempts, locked_until) values
         (?, 'test.orphaned', '{"n":1}', 0, null),
         (?, 'test.orphaned', '{"n":2}', 1, now() - interval '1 minute'),
         (?, 'test.orphaned', '{"n":3}', 1, now() + interval '1 hour')`,
      [orphan, abandoned, leased],
    );
    await first.close();

    t = await createWidgetsApp({ imports: [RecordingSubscribersModule], resetDatabase: false });
    await waitFor(
      () => [orphan, abandoned].every((id) => received.some((r) => r.event.id === id)),
      10000,
      'recovered events',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    // still held by a (presumed live) relay's lease: not delivered twice
    expect(received.some((r) => r.event.id === leased)).toBe(false);
    expect(received.find((r) => r.event.id === orphan)?.event.data).toEqual({ n: 1 });
  });
});

describe(`outbox wake-up after commit (${mode})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    // polling effectively off: only the commit hook can deliver within the test's time
    t = await createWidgetsApp({ imports: [RecordingSubscribersModule], env: { OUTBOX_POLL_INTERVAL_MS: '3600000' } });
  });
  afterAll(() => t.close());

  it('delivers right after a plain flush commits', async () => {
    const res = await t.api.post('/test/widgets').send({ title: 'W', handle: 'wake-1' }).expect(200);
    await waitFor(() => received.some((r) => r.event.data.id === res.body.widget.id), 3000, 'delivery after flush');
  });

  // two transactions can only overlap on a pooled database (the embedded one has one connection)
  if (!isEmbeddedTestDatabase()) {
    it('delivers right after its transaction commits, even when another transaction committed in between', async () => {
    const orm = t.app.get(MikroORM);
    const bus = t.app.get(EventBus);
    let eventId = '';
    await (orm.em.fork() as EntityManager).transactional(async (em) => {
      const ctx = { ...systemContext(orm.em as EntityManager), em: em as EntityManager };
      eventId = bus.record(ctx, 'test.committed', { id: 'wake-2' }).id;
      await em.flush();
      // an unrelated transaction commits while ours is still open
      await (orm.em.fork() as EntityManager).transactional(async () => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    await waitFor(() => received.some((r) => r.event.id === eventId), 3000, 'delivery after commit');
    });
  }

  it("runs subscribers outside the committer's transaction and request context", async () => {
    const orm = t.app.get(MikroORM);
    let eventId = '';
    await (orm.em.fork() as EntityManager).transactional(async (em) => {
      eventId = t.app.get(EventBus).record({ ...systemContext(orm.em as EntityManager), em: em as EntityManager }, 'test.context', {}).id;
    });
    await waitFor(() => contextSeen.some((c) => c.event === eventId), 3000, 'context probe');
    expect(contextSeen.find((c) => c.event === eventId)).toEqual({ event: eventId, requestContext: false, inTransaction: false });
  });
});

if (!process.env.REDIS_URL) {
  // in-process delivery only: with Redis, retries live in Bull and survive the process by design
  describe('outbox delivery during shutdown (in-process)', () => {
    it('stops waiting for a retrying subscriber and releases its event for the next start', async () => {
      const t = await createWidgetsApp({ imports: [RecordingSubscribersModule] });
      const ctx = systemContext(t.app.get(MikroORM).em as EntityManager);
      const event = t.app.get(EventBus).record(ctx, 'test.stubborn', {});
      await ctx.em.flush();
      await waitFor(() => stubbornCalls.includes(event.id), 5000, 'first failed attempt');
      const closing = Date.now();
      await t.close();
      expect(Date.now() - closing).toBeLessThan(1500);

      // read the row with no app running: a new app's relay would deliver the released event at once
      // (to its subscribers, of which the next start may have none), racing this read
      const rows = await withClient(workerDatabaseUrl(), async (client) =>
        (await client.query(`select id, dispatched_at, last_error from event_outbox where name = 'test.stubborn' order by id`)).rows,
      );
      expect(rows).toEqual([{ id: event.id, dispatched_at: null, last_error: 'Delivery interrupted by shutdown' }]);
    });
  });
}

describe(`where the relay runs (${mode})`, () => {
  let t: TestApp | undefined;
  afterAll(() => t?.close());

  it("leaves a server's events to the workers, so a subscriber only the workers load still gets them", async () => {
    // a server without the subscribers (a plugin loaded only on the workers, or a rollout in progress)
    const server = await createWidgetsApp({ env: { WORKER_MODE: 'server' } });
    let widgetId: string;
    try {
      widgetId = (await server.api.post('/test/widgets').send({ title: 'S', handle: 'server-1' }).expect(200)).body.widget.id;
      // many poll intervals (100 ms in tests) and the commit wake-up: the server hands nothing over
      await new Promise((resolve) => setTimeout(resolve, 800));
      const rows = await outboxRows(server, 'widget.created');
      expect(rows).toEqual([{ id: expect.stringMatching(/^evt_/), dispatched_at: null, last_error: null }]);
    } finally {
      await server.close();
    }

    // a worker with the subscriber picks the event up by polling and fans it out with its own registry
    t = await createWidgetsApp({ imports: [RecordingSubscribersModule], env: { WORKER_MODE: 'worker' }, resetDatabase: false });
    await waitFor(() => receivedBy('test-recorder', 'widget.created').some((r) => r.event.data.id === widgetId), 10000, "the server's event on the worker");
    await waitFor(async () => (await outboxRows(t!, 'widget.created'))[0]?.dispatched_at !== null, 5000, 'dispatched_at');
  });
});
