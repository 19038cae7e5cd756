import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { systemContext } from '../../../src/framework/context/context';
import { generateId } from '../../../src/framework/database/ids';
import { SeedRunner } from '../../../src/framework/database/seeding';
import { EventBus } from '../../../src/framework/events/event-bus.service';
import { RecordingSubscribersModule, waitFor } from '../../fixtures/recording-subscribers.fixture';
import { createWidgetsApp } from '../../fixtures/widgets';
import { createTestApp, TestApp } from '../../utils/create-test-app';

const TOKEN = 'metrics-test-token-0123456789';
const withRedis = Boolean(process.env.REDIS_URL);

/** The value of one sample (`name{labels} value`), or undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function scrape(t: TestApp): Promise<string> {
  const res = await t.api.get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
  return res.text;
}

const sql = (t: TestApp, query: string, params: unknown[] = []) =>
  (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute(query, params);

describe('GET /metrics without METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('does not exist, whatever the credentials', async () => {
    const res = await t.api.get('/metrics').expect(404);
    expect(res.body).toEqual({ type: 'not_found', message: 'Metrics are off: set METRICS_TOKEN to serve /metrics' });
    await t.api.get('/metrics').set('Authorization', 'Bearer anything').expect(404);
  });
});

describe(`GET /metrics with METRICS_TOKEN (${withRedis ? 'Bull on Redis' : 'in-process events'})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createWidgetsApp({ env: { METRICS_TOKEN: TOKEN }, imports: [RecordingSubscribersModule] });
  });
  afterAll(() => t?.close());

  it.each([
    ['no Authorization header', undefined],
    ['a wrong token', `Bearer ${TOKEN}x`],
    ['a token of another length', 'Bearer short'],
    ['the token without the Bearer scheme', TOKEN],
    ['the token as Basic credentials', `Basic ${Buffer.from(`${TOKEN}:`).toString('base64')}`],
  ])('answers 401 to %s', async (_case, header) => {
    const req = t.api.get('/metrics');
    if (header) req.set('Authorization', header);
    const res = await req.expect(401);
    expect(res.body).toEqual({ type: 'unauthorized', message: 'A valid metrics token is required: Authorization: Bearer <METRICS_TOKEN>' });
    expect(res.text).not.toContain('stheno_');
  });

  it('times requests by route template, never by raw URL', async () => {
    const created = await t.api.post('/test/widgets').send({ title: 'Metered', handle: 'metered' }).expect(200);
    const id = created.body.widget.id as string;
    await t.api.get(`/test/widgets/${id}`).expect(200);
    await t.api.get(`/test/widgets/${id}`).expect(200);
    await t.api.get('/test/widgets/wid_does_not_exist').expect(404);
    await t.raw().get('/no-such-route/abc123').expect(404);

    const text = await scrape(t);
    const series = (route: string, status: number) =>
      `stheno_http_request_duration_seconds_count{method="GET",route="${route}",status_code="${status}"}`;
    expect(sample(text, series('/test/widgets/:id', 200))).toBe(2);
    expect(sample(text, series('/test/widgets/:id', 404))).toBe(1);
    expect(sample(text, series('(unmatched)', 404))).toBeGreaterThanOrEqual(1);
    expect(sample(text, `stheno_http_request_duration_seconds_count{method="POST",route="/test/widgets",status_code="200"}`)).toBe(1);
    expect(text).toContain('stheno_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/test/widgets/:id",status_code="200"}');
    // raw paths never become labels
    expect(text).not.toContain(id);
    expect(text).not.toContain('wid_does_not_exist');
    expect(text).not.toContain('no-such-route');
  });

  it('labels store reads the response cache answers before the router with their route template', async () => {
    await t.app.get(SeedRunner).runPending();
    const [key] = (await sql(t, `select token from api_key where type = 'publishable' limit 1`)) as Array<{ token: string }>;
    const first = await t.api.get('/store/products?limit=5').set('x-publishable-api-key', key.token).expect(200);
    const again = await t.api.get('/store/products?limit=5').set('x-publishable-api-key', key.token).expect(200);
    expect([first.headers['x-cache'], again.headers['x-cache']]).toEqual(['miss', 'hit']);
    await t.api.get('/store/products/prod_missing').set('x-publishable-api-key', key.token).expect(404);
    const text = await scrape(t);
    expect(sample(text, 'stheno_http_request_duration_seconds_count{method="GET",route="/store/products",status_code="200"}')).toBe(2);
    expect(sample(text, 'stheno_http_request_duration_seconds_count{method="GET",route="/store/products/:id",status_code="404"}')).toBe(1);
    expect(text).not.toContain('prod_missing');
  });

  it('reports the undispatched outbox rows and the age of the oldest', async () => {
    const id = generateId('evt');
    // leased far ahead: the running relay leaves it alone, so it stays undispatched for the test
    await sql(
      t,
      `insert into event_outbox (id, name, data, attempts, created_at, locked_until)
       values (?, 'test.metrics_lag', '{}', 1, now() - interval '90 seconds', now() + interval '1 hour')`,
      [id],
    );
    const before = await scrape(t);
    expect(sample(before, 'stheno_outbox_pending_events')).toBeGreaterThanOrEqual(1);
    expect(sample(before, 'stheno_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(90);
    expect(sample(before, 'stheno_outbox_oldest_pending_age_seconds')).toBeLessThan(600);

    await sql(t, 'update event_outbox set dispatched_at = now() where id = ?', [id]);
    const after = await scrape(t);
    expect(sample(after, 'stheno_outbox_pending_events')).toBe(sample(before, 'stheno_outbox_pending_events')! - 1);
    expect(sample(after, 'stheno_outbox_oldest_pending_age_seconds')).toBeLessThan(90);
  });

  it('reports the database pool and the process', async () => {
    const text = await scrape(t);
    expect(sample(text, 'stheno_db_pool_max_connections')).toBe(t.config.database.pool.max);
    const used = sample(text, 'stheno_db_pool_used_connections');
    const free = sample(text, 'stheno_db_pool_free_connections');
    expect(used).toBeGreaterThanOrEqual(0);
    expect(free).toBeGreaterThanOrEqual(0);
    expect(used! + free!).toBeLessThanOrEqual(t.config.database.pool.max);
    expect(sample(text, 'stheno_db_pool_pending_acquires')).toBe(0);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  if (withRedis) {
    it('counts per queue and state, and a subscriber that always fails ends in the failed count', async () => {
      const failed = 'stheno_queue_jobs{queue="stheno-events",state="failed"}';
      const initially = sample(await scrape(t), failed);
      expect(initially).toBe(0);
      const ctx = systemContext(t.app.get(MikroORM).em as EntityManager);
      t.app.get(EventBus).record(ctx, 'test.committed', { id: 'metrics-broken' });
      await ctx.em.flush();
      await waitFor(async () => sample(await scrape(t), failed) === 1, 15000, 'the failed job in the metrics');
      const text = await scrape(t);
      for (const state of ['waiting', 'active', 'delayed']) {
        expect(sample(text, `stheno_queue_jobs{queue="stheno-events",state="${state}"}`)).toBeGreaterThanOrEqual(0);
      }
    });
  } else {
    it('has no queue samples without Redis (events run in-process, there is no queue)', async () => {
      const text = await scrape(t);
      expect(text).toContain('# TYPE stheno_queue_jobs gauge');
      expect(text).not.toMatch(/^stheno_queue_jobs\{/m);
    });
  }
});

describe('GET /metrics on a worker process', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { WORKER_MODE: 'worker', METRICS_TOKEN: TOKEN } });
  });
  afterAll(() => t?.close());

  it('is served next to the health checks, with the same token, and times them', async () => {
    await t.api.get('/health').expect(200);
    await t.api.get('/metrics').expect(401);
    const text = await scrape(t);
    expect(sample(text, 'stheno_http_request_duration_seconds_count{method="GET",route="/health",status_code="200"}')).toBe(1);
    const res = await t.raw().get('/admin/jobs').expect(404);
    expect(res.body.message).toBe('This process runs in worker mode: only /health, /health/ready and /metrics are served');
  });
});
