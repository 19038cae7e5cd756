import { ChildProcess, spawn } from 'node:child_process';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import Bull from 'bull';
import { findFreePort } from '../../../src/framework/database/embedded-postgres';
import { EVENTS_QUEUE } from '../../../src/framework/events/domain-event';
import { JOBS_QUEUE } from '../../../src/framework/jobs/bull-scheduler';
import { CheckoutFixture, DK_ADDRESS, seedCheckout } from '../../fixtures/checkout.fixture';
import { RELIABILITY_TABLES } from '../../fixtures/reliability-subscribers';
import { RunningProcess, startTsProcess, stopProcess, waitForHttp } from '../../utils/child-process';
import { createIdentityApp } from '../../utils/identity';
import { isEmbeddedTestDatabase, withClient, workerDatabaseUrl } from '../../utils/test-database';

/**
 * Delivery guarantees with real processes: two HTTP servers and two workers on one PostgreSQL and
 * a Redis of the suite's own (so it can be stopped and restarted), each process the real bootstrap
 * (`test/fixtures/reliability-app.ts`) with the subscribers of `reliability-subscribers.ts`.
 * Needs PostgreSQL and Redis: skipped on the embedded run.
 */
const enabled = Boolean(process.env.REDIS_URL) && !isEmbeddedTestDatabase();
const ORDERS = Number(process.env.RELIABILITY_ORDERS ?? 1000);
const CONCURRENCY = 16;
const PREFIX = 'stheno-rel';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

class OwnRedis {
  private child?: ChildProcess;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    this.child = child;
    const deadline = Date.now() + 10000;
    while (Date.now() < deadline) {
      if (await this.answers()) return;
      await sleep(100);
    }
    throw new Error(`redis-server on port ${this.port} did not start`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  private async answers(): Promise<boolean> {
    const client = new (await import('ioredis')).default(this.url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last as T;
    await sleep(250);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

if (!enabled) {
  it.todo('event delivery across processes needs REDIS_URL and a PostgreSQL DATABASE_URL');
}

(enabled ? describe : () => undefined)('events across processes (2 servers, 2 workers, own Redis)', () => {
  jest.setTimeout(600_000);
  const databaseUrl = enabled ? workerDatabaseUrl() : '';
  const sql = <T = Json>(statement: string, params: unknown[] = []): Promise<T[]> =>
    withClient(databaseUrl, async (client) => (await client.query(statement, params)).rows as T[]);

  let redis: OwnRedis;
  let publishableKey: string;
  let adminToken: string;
  let fixture: CheckoutFixture;
  const servers: Array<{ url: string; process: RunningProcess }> = [];
  const workers: Array<{ url: string; process: RunningProcess }> = [];

  const processEnv = (port: number, mode: 'server' | 'worker'): Record<string, string> => ({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    PORT: String(port),
    WORKER_MODE: mode,
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: '8',
    REDIS_URL: redis.url,
    REDIS_PREFIX: PREFIX,
    OUTBOX_POLL_INTERVAL_MS: '250',
    AUTH_RATE_LIMIT: '100000',
    AUTH_RATE_LIMIT_IP: '1000000',
    SEED_DEMO_CATALOG: 'false',
    // a killed worker's job is picked up by the other within seconds, not the production minute
    JOB_LOCK_DURATION_MS: '3000',
    JOB_STALLED_INTERVAL_MS: '1000',
    REL_SLOW_MS: '6000',
  });

  const startProcess = async (mode: 'server' | 'worker'): Promise<{ url: string; process: RunningProcess }> => {
    const port = await findFreePort();
    const running = startTsProcess('test/fixtures/reliability-app.ts', processEnv(port, mode));
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/health`, running, 60000);
    return { url, process: running };
  };

  beforeAll(async () => {
    redis = new OwnRedis(await findFreePort());
    await redis.start();
    // the store (schema, seed, checkout setup) is built in-process, then handed to the processes
    const t = await createIdentityApp({ env: { REDIS_URL: redis.url, WORKER_MODE: 'server' } });
    try {
      fixture = await seedCheckout(t);
      publishableKey = t.publishableKey;
      adminToken = t.adminToken;
      await (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute(RELIABILITY_TABLES);
    } finally {
      await t.close();
    }
    // one at a time: each boot checks the migrations
    for (const mode of ['server', 'server', 'worker', 'worker'] as const) {
      const started = await startProcess(mode);
      (mode === 'server' ? servers : workers).push(started);
    }
  });

  afterAll(async () => {
    // REL_LOG_DIR=… keeps each process's output for a look after a failure
    if (process.env.REL_LOG_DIR) {
      const { writeFileSync } = await import('node:fs');
      [...servers, ...workers].forEach((p, i) => writeFileSync(`${process.env.REL_LOG_DIR}/process-${i}.log`, p.process.output()));
    }
    await Promise.all([...servers, ...workers].map((p) => stopProcess(p.process)));
    await redis?.stop();
  });

  const call = async (base: string, method: string, path: string, body?: unknown): Promise<Json> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-publishable-api-key': publishableKey },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as Json;
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
    return json;
  };

  /** Five store calls, as a storefront makes them: cart with the item, shipping, payment, complete. */
  const placeOrder = async (base: string, email: string): Promise<string> => {
    const { cart } = await call(base, 'POST', '/store/carts', {
      region_id: fixture.regionId,
      email,
      shipping_address: DK_ADDRESS,
      items: [{ variant_id: fixture.variants.mug, quantity: 1 }],
    });
    await call(base, 'POST', `/store/carts/${cart.id}/shipping-methods`, { option_id: fixture.options.standard });
    const { payment_collection: collection } = await call(base, 'POST', '/store/payment-collections', { cart_id: cart.id });
    await call(base, 'POST', `/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: 'pp_system_default' });
    const completed = await call(base, 'POST', `/store/carts/${cart.id}/complete`);
    if (completed.type !== 'order') throw new Error(`no order: ${JSON.stringify(completed)}`);
    return completed.order.id as string;
  };

  /** Places `count` orders, alternating between the servers, `CONCURRENCY` at a time. */
  const placeOrders = async (count: number, emailOf: (n: number) => string): Promise<string[]> => {
    const ids: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, count) }, async () => {
        while (next < count) {
          const n = next++;
          ids.push(await placeOrder(servers[n % servers.length].url, emailOf(n)));
        }
      }),
    );
    return ids;
  };

  const placedEvents = async (orderIds: string[]): Promise<Map<string, string>> => {
    const rows = await sql<{ id: string; order_id: string }>(
      `select id, data->>'id' as order_id from event_outbox where name = 'order.placed' and data->>'id' = any($1::text[])`,
      [orderIds],
    );
    return new Map(rows.map((r) => [r.order_id, r.id]));
  };

  const effectsOf = (subscriber: string, orderIds: string[]) =>
    sql<{ order_id: string; event_id: string; pid: number }>(`select order_id, event_id, pid from rel_effect where subscriber_id = $1 and order_id = any($2::text[])`, [
      subscriber,
      orderIds,
    ]);

  it(`delivers ${ORDERS} orders' events to each subscriber exactly once`, async () => {
    const orderIds = await placeOrders(ORDERS, (n) => `buyer-${n}@example.com`);
    expect(new Set(orderIds).size).toBe(ORDERS);

    for (const subscriber of ['rel-confirmation', 'rel-loyalty']) {
      const effects = await until(
        `${subscriber} to see every order`,
        async () => {
          const rows = await effectsOf(subscriber, orderIds);
          return rows.length === ORDERS && rows;
        },
        180_000,
      );
      // one effect per order, carried by that order's one order.placed event
      const events = await placedEvents(orderIds);
      expect(events.size).toBe(ORDERS);
      expect(new Set(effects.map((e) => e.order_id)).size).toBe(ORDERS);
      for (const effect of effects) expect(effect.event_id).toBe(events.get(effect.order_id));
      // and no subscriber ran twice for any event: every completed run applied its effect
      const runs = await sql<{ n: string; duplicates: string }>(
        `select count(*) as n, count(*) filter (where not applied) as duplicates from rel_run where subscriber_id = $1 and event_id = any($2::text[])`,
        [subscriber, [...events.values()]],
      );
      expect(runs[0]).toEqual({ n: String(ORDERS), duplicates: '0' });
      // the work was shared by both workers
      expect(new Set(effects.map((e) => e.pid)).size).toBe(workers.length);
    }
    // nothing left behind in the outbox for these orders
    const pending = await sql(`select id from event_outbox where dispatched_at is null and name = 'order.placed' and data->>'id' = any($1::text[])`, [orderIds]);
    expect(pending).toEqual([]);
  });

  it('keeps taking orders while Redis is down and delivers their events once it is back', async () => {
    await redis.stop();
    const orderIds = await placeOrders(6, (n) => `offline-${n}@example.com`);
    expect(orderIds).toHaveLength(6);
    // nothing can have been delivered: the events wait in the outbox
    expect(await effectsOf('rel-confirmation', orderIds)).toEqual([]);
    const waiting = await sql(`select id from event_outbox where dispatched_at is null and name = 'order.placed' and data->>'id' = any($1::text[])`, [orderIds]);
    expect(waiting).toHaveLength(6);

    await redis.start();
    for (const subscriber of ['rel-confirmation', 'rel-loyalty']) {
      const effects = await until(`${subscriber} after Redis returned`, async () => {
        const rows = await effectsOf(subscriber, orderIds);
        return rows.length === orderIds.length && rows;
      }, 120_000);
      expect(new Set(effects.map((e) => e.order_id))).toEqual(new Set(orderIds));
    }
    // the Redis came back empty (no persistence): the workers put the schedules back on reconnect
    const jobs = new Bull(JOBS_QUEUE, redis.url, { prefix: PREFIX });
    try {
      const names = await until('the schedules to be back', async () => {
        const repeatables = (await jobs.getRepeatableJobs()).map((r) => r.name);
        return repeatables.includes('prune-outbox') && repeatables;
      }, 30_000);
      expect(names).toEqual(expect.arrayContaining(['prune-outbox', 'prune-job-records', 'expire-payment-sessions']));
    } finally {
      await jobs.close();
    }
  });

  it('retries a failing subscriber until it succeeds, and keeps one that always fails in the failed set', async () => {
    const [flakyOrder] = await placeOrders(1, () => 'flaky-1@example.com');
    const [brokenOrder] = await placeOrders(1, () => 'broken-1@example.com');
    const events = await placedEvents([flakyOrder, brokenOrder]);

    // flaky: two failed attempts, the third applies the effect, once
    const flaky = await until('the flaky subscriber to succeed', async () => {
      const rows = await effectsOf('rel-flaky', [flakyOrder]);
      return rows.length === 1 && rows;
    }, 60_000);
    expect(flaky[0].event_id).toBe(events.get(flakyOrder));
    const attempts = await sql(`select pid from rel_attempt where subscriber_id = 'rel-flaky' and event_id = $1`, [events.get(flakyOrder)]);
    expect(attempts).toHaveLength(3);

    // broken: both attempts made, then the job stays failed in Bull; the other subscribers still ran
    const queue = new Bull(EVENTS_QUEUE, redis.url, { prefix: PREFIX });
    try {
      const failedJob = await until('the broken delivery in the failed set', async () => {
        const failed = await queue.getFailed();
        return failed.find((job) => job.data.event.id === events.get(brokenOrder) && job.data.subscriber_id === 'rel-broken');
      }, 60_000);
      expect(failedJob.attemptsMade).toBe(2);
      expect(failedJob.failedReason).toMatch(/always fails/);
    } finally {
      await queue.close();
    }
    const brokenAttempts = await sql(`select pid from rel_attempt where subscriber_id = 'rel-broken' and event_id = $1`, [events.get(brokenOrder)]);
    expect(brokenAttempts).toHaveLength(2);
    for (const subscriber of ['rel-confirmation', 'rel-loyalty']) {
      const rows = await until(`${subscriber} despite rel-broken`, async () => {
        const found = await effectsOf(subscriber, [brokenOrder]);
        return found.length === 1 && found;
      }, 30_000);
      expect(rows[0].event_id).toBe(events.get(brokenOrder));
    }
    expect(await effectsOf('rel-broken', [brokenOrder])).toEqual([]);

    // the jobs UI shows it to an admin
    const board = await fetch(`${servers[0].url}/admin/jobs/api/queues?activeQueue=${EVENTS_QUEUE}&status=failed&page=1`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(board.status).toBe(200);
    expect(JSON.stringify(await board.json())).toContain(`${events.get(brokenOrder)}:rel-broken`);
  });

  it('finishes a job on the other worker when its worker is killed mid-job', async () => {
    const [order] = await placeOrders(1, () => 'slow-1@example.com');
    const [eventId] = (await placedEvents([order])).values();
    const started = await until('the slow subscriber to start', async () => {
      const rows = await sql<{ pid: number }>(`select pid from rel_attempt where subscriber_id = 'rel-slow' and event_id = $1`, [eventId]);
      return rows[0];
    }, 60_000);
    const victim = workers.find((w) => w.process.child.pid === started.pid);
    expect(victim).toBeDefined();
    victim!.process.child.kill('SIGKILL');
    await victim!.process.exited;

    const effect = await until('the slow job to finish elsewhere', async () => {
      const rows = await effectsOf('rel-slow', [order]);
      return rows[0];
    }, 90_000);
    expect(effect.pid).not.toBe(started.pid);
    expect(workers.some((w) => w.process.child.pid === effect.pid)).toBe(true);
    const runs = await sql(`select applied from rel_run where subscriber_id = 'rel-slow' and event_id = $1`, [eventId]);
    expect(runs).toEqual([{ applied: true }]);
  });
});
