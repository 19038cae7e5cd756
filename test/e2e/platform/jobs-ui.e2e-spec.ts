import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { systemContext } from '../../../src/framework/context/context';
import { EventBus } from '../../../src/framework/events/event-bus.service';
import { RecordingSubscribersModule, waitFor } from '../../fixtures/recording-subscribers.fixture';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { signUp } from '../customers/customer-helpers';

const withRedis = Boolean(process.env.REDIS_URL);
const UNAUTHORIZED = {
  type: 'unauthorized',
  message: 'The jobs UI is for admin users: sign in (session cookie) or send an admin bearer token',
};

interface BoardJob {
  id: string;
  failedReason?: string;
  stacktrace: string[];
  opts: { attempts?: number };
}
interface BoardQueue {
  name: string;
  counts: Record<string, number>;
  jobs: BoardJob[];
}

describe(`jobs UI at /admin/jobs (${withRedis ? 'Bull on Redis' : 'in-process events'})`, () => {
  let t: IdentityApp;
  let sessionCookie: string;
  let customerToken: string;

  beforeAll(async () => {
    t = await createIdentityApp({ imports: [RecordingSubscribersModule] });
    const session = await t.api.post('/auth/session').set(...bearer(t.adminToken)).expect(200);
    sessionCookie = (session.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('connect.sid='))!.split(';')[0];
    customerToken = (await signUp(t, 'jobs-ui-shopper@example.com')).token;
  });
  afterAll(() => t?.close());

  it.each(['/admin/jobs', '/admin/jobs/api/queues', '/admin/jobs/static/favicon-32x32.png'])('refuses anonymous requests to %s', async (path) => {
    const res = await t.raw().get(path).expect(401);
    expect(res.body).toEqual(UNAUTHORIZED);
  });

  it('refuses a customer, a forged token and a secret API key', async () => {
    expect((await t.raw().get('/admin/jobs').set(...bearer(customerToken)).expect(401)).body).toEqual(UNAUTHORIZED);
    await t.raw().get('/admin/jobs').set(...bearer(`${t.adminToken.slice(0, -4)}AAAA`)).expect(401);
    await t.raw().get('/admin/jobs').set('Cookie', 'connect.sid=s%3Aforged.invalidsignature').expect(401);
    const key = await t.api.post('/admin/api-keys').set(...bearer(t.adminToken)).send({ title: 'ci', type: 'secret' }).expect(200);
    const basic = `Basic ${Buffer.from(`${key.body.api_key.token}:`).toString('base64')}`;
    expect((await t.raw().get('/admin/jobs').set('Authorization', basic).expect(401)).body).toEqual(UNAUTHORIZED);
  });

  it("refuses a change another site's page sends with the admin's cookie", async () => {
    const res = await t.raw().put('/admin/jobs/api/queues/stheno-events/pause').set('Cookie', sessionCookie).set('Origin', 'https://evil.example').expect(403);
    expect(res.body).toEqual({ type: 'forbidden', message: 'The jobs UI accepts changes only from its own pages (the Origin does not match this host)' });
    await t.raw().put('/admin/jobs/api/queues/stheno-events/pause').set('Cookie', sessionCookie).set('Origin', 'null').expect(403);
  });

  if (!withRedis) {
    it('tells an admin that without Redis there are no queues to show', async () => {
      for (const auth of [bearer(t.adminToken), ['Cookie', sessionCookie] as [string, string]]) {
        const res = await t.raw().get('/admin/jobs').set(...auth).expect(404);
        expect(res.body).toEqual({
          type: 'not_found',
          message: 'No job queues: without REDIS_URL, events and scheduled jobs run in-process and the jobs UI has nothing to show',
        });
      }
    });
  } else {
    it('serves the board page to an admin by bearer token and by session cookie, with its assets under the prefix', async () => {
      const byBearer = await t.raw().get('/admin/jobs').set(...bearer(t.adminToken)).expect(200);
      expect(byBearer.headers['content-type']).toMatch(/^text\/html/);
      expect(byBearer.text).toContain('<base href="/admin/jobs/"');
      expect(byBearer.text).toContain('Stheno jobs');
      const bySession = await t.raw().get('/admin/jobs/').set('Cookie', sessionCookie).expect(200);
      expect(bySession.text).toContain('<base href="/admin/jobs/"');
      // the page's own scripts and styles load through the same guard, with the session cookie
      const assets = [...byBearer.text.matchAll(/(?:src|href)="(static\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
      expect(assets.length).toBeGreaterThan(0);
      for (const asset of assets) {
        const res = await t.raw().get(`/admin/jobs/${asset}`).set('Cookie', sessionCookie).expect(200);
        expect(res.headers['content-type']).toMatch(asset.endsWith('.js') ? /javascript/ : /text\/css/);
        await t.raw().get(`/admin/jobs/${asset}`).expect(401);
      }
      // a path the board does not know answers in the API's error shape
      expect((await t.raw().get('/admin/jobs/api/nothing-here').set('Cookie', sessionCookie).expect(404)).body.type).toBe('not_found');
    });

    it("lists the app's queues, and a subscriber that always fails lands in the failed list", async () => {
      const listing = await t.raw().get('/admin/jobs/api/queues').set(...bearer(t.adminToken)).expect(200);
      expect((listing.body.queues as BoardQueue[]).map((q) => q.name)).toContain('stheno-events');

      const ctx = systemContext(t.app.get(MikroORM).em as EntityManager);
      const event = t.app.get(EventBus).record(ctx, 'test.committed', { id: 'jobs-ui-broken' });
      await ctx.em.flush();
      const failedJobs = async (): Promise<BoardJob[]> => {
        const res = await t.raw().get('/admin/jobs/api/queues?activeQueue=stheno-events&status=failed&page=1').set('Cookie', sessionCookie).expect(200);
        return (res.body.queues as BoardQueue[]).find((q) => q.name === 'stheno-events')!.jobs;
      };
      await waitFor(async () => (await failedJobs()).some((job) => job.id === `${event.id}:test-broken`), 15000, 'the failed job on the board');
      const job = (await failedJobs()).find((j) => j.id === `${event.id}:test-broken`)!;
      expect(job.failedReason).toBe('always broken');
      // tried as often as the subscriber allows, one stack trace per run (Bull 4's own attemptsMade
      // counter, shown as "attempts", runs one ahead of the runs)
      expect(job.opts.attempts).toBe(2);
      expect(job.stacktrace).toHaveLength(2);
      // the recorder subscribed to the same event is not in the failed list
      expect((await failedJobs()).some((j) => j.id === `${event.id}:test-recorder`)).toBe(false);

      // the board's own page (same origin) may act on it: retry the failed job, which runs again
      await t.raw()
        .put(`/admin/jobs/api/queues/stheno-events/${encodeURIComponent(job.id)}/retry`)
        .set('Cookie', sessionCookie)
        .set('Host', 'shop.example:9000')
        .set('Origin', 'https://shop.example:9000')
        .expect(204);
      await waitFor(
        async () => ((await failedJobs()).find((j) => j.id === job.id)?.stacktrace.length ?? 0) > 2,
        15000,
        'the retried job failing again',
      );
    });

    it('refuses the actions that would lose events on stheno-events, and allows them elsewhere', async () => {
      const ctx = systemContext(t.app.get(MikroORM).em as EntityManager);
      const event = t.app.get(EventBus).record(ctx, 'test.committed', { id: 'jobs-ui-keep' });
      await ctx.em.flush();
      const failedIds = async (): Promise<string[]> => {
        const res = await t.raw().get('/admin/jobs/api/queues?activeQueue=stheno-events&status=failed&page=1').set(...bearer(t.adminToken)).expect(200);
        return (res.body.queues as BoardQueue[]).find((q) => q.name === 'stheno-events')!.jobs.map((j) => j.id);
      };
      const jobId = `${event.id}:test-broken`;
      await waitFor(async () => (await failedIds()).includes(jobId), 15000, 'the failed job on the board');

      const refused = [
        ['put', '/admin/jobs/api/queues/stheno-events/empty'],
        ['put', '/admin/jobs/api/queues/stheno-events/obliterate'],
        ['put', '/admin/jobs/api/queues/stheno-events/clean/failed'],
        ['put', '/admin/jobs/api/queues/stheno-events/clean/delayed'],
        ['put', `/admin/jobs/api/queues/stheno-events/${encodeURIComponent(jobId)}/clean`],
        ['patch', `/admin/jobs/api/queues/stheno-events/${encodeURIComponent(jobId)}/update-data`],
        ['post', '/admin/jobs/api/queues/stheno-events/add'],
        // an escaped queue name is the same queue
        ['put', '/admin/jobs/api/queues/stheno%2Devents/empty'],
      ] as const;
      for (const [method, path] of refused) {
        const res = await t.raw()[method](path).set(...bearer(t.adminToken)).send({}).expect(400);
        expect(res.body).toEqual({ type: 'not_allowed', message: expect.stringMatching(/^The stheno-events queue cannot be emptied, cleaned/) });
      }
      // nothing was lost: the failed delivery is still there to retry
      expect(await failedIds()).toContain(jobId);

      // completed deliveries may be cleaned (their events reached the subscriber), and other queues keep every action
      await t.raw().put('/admin/jobs/api/queues/stheno-events/clean/completed').set(...bearer(t.adminToken)).expect(200);
      await t.raw().put('/admin/jobs/api/queues/stheno-jobs/clean/failed').set(...bearer(t.adminToken)).expect(200);
    });
  }
});
