import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EmbeddedScheduler } from '../../../src/framework/jobs/embedded-scheduler';
import { PruneJobRecordsJob } from '../../../src/framework/jobs/prune-job-records.job';
import { RegisteredJob } from '../../../src/framework/jobs/scheduled-job-registry';
import { ScheduledRun } from '../../../src/framework/jobs/scheduled-job.decorator';
import { TickClaims } from '../../../src/framework/jobs/tick-claims';
import { ClaimedJobFixtureModule, claimedRuns } from '../../fixtures/scheduled-jobs.fixture';
import { createTestApp, TestApp } from '../../utils/create-test-app';
import { isEmbeddedTestDatabase } from '../../utils/test-database';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Without Redis each worker/shared process has its own timers: processes sharing one database
 * claim each tick in `scheduled_job_run`, and only the one whose claim went in runs it.
 */
describe('scheduled job ticks claimed in the database (no Redis)', () => {
  jest.setTimeout(60000);

  describe('within one app', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { REDIS_URL: undefined, WORKER_MODE: 'server', JOB_RETENTION_HOURS: '24' } });
    });
    afterAll(() => t?.close());
    const sql = <T>(statement: string, params: unknown[] = []) => (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute<T[]>(statement, params);

    it('a tick is claimed once: a second claim of it is refused, another tick or job is free', async () => {
      const claims = t.app.get(TickClaims);
      const tick = new Date('2030-01-01T10:00:00.000Z');
      expect(await claims.claim('test-job', tick)).toBe(true);
      expect(await claims.claim('test-job', new Date(tick.getTime()))).toBe(false);
      expect(await claims.claim('test-job', new Date('2030-01-01T10:00:01.000Z'))).toBe(true);
      expect(await claims.claim('other-job', tick)).toBe(true);
      expect(await sql<{ n: number }>('select count(*)::int as n from scheduled_job_run')).toEqual([{ n: 3 }]);
    });

    it('two schedulers on one database (as two processes would be) run each tick once between them', async () => {
      const runs: Array<{ by: 'a' | 'b'; tick: number }> = [];
      const job = (by: 'a' | 'b'): RegisteredJob => ({
        options: { id: 'test-shared-tick', cron: '*/1 * * * * *', attempts: 1, backoffMs: 10 },
        handler: { run: async (run?: ScheduledRun) => void runs.push({ by, tick: run!.scheduledAt.getTime() }) },
      });
      const claims = t.app.get(TickClaims);
      const schedulers = [new EmbeddedScheduler((id, tick) => claims.claim(id, tick)), new EmbeddedScheduler((id, tick) => claims.claim(id, tick))];
      schedulers[0].start([job('a')]);
      schedulers[1].start([job('b')]);
      await sleep(3600);
      await Promise.all(schedulers.map((s) => s.stop(1000)));

      const ticks = runs.map((r) => r.tick);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(new Set(ticks).size).toBe(ticks.length);
      // every run is backed by its claim
      const claimed = await sql<{ tick: Date | string }>(`select tick from scheduled_job_run where job_id = 'test-shared-tick' order by tick`);
      expect(claimed.map((c) => new Date(c.tick).getTime())).toEqual([...ticks].sort((x, y) => x - y));
    });

    it('prune-job-records deletes claims older than the job retention', async () => {
      await sql(`update scheduled_job_run set claimed_at = now() - interval '30 hours' where job_id = 'test-job'`);
      await t.app.get(PruneJobRecordsJob).run();
      const left = await sql<{ job_id: string }>('select distinct job_id from scheduled_job_run order by job_id');
      expect(left.map((r) => r.job_id)).toEqual(['other-job', 'test-shared-tick']);
    });
  });

  // two apps need two connections to the database; the embedded test server serves one
  if (!isEmbeddedTestDatabase()) {
    it('two shared-mode apps on one PostgreSQL database run each tick of a job once', async () => {
      const apps: TestApp[] = [];
      try {
        apps.push(await createTestApp({ env: { REDIS_URL: undefined }, imports: [ClaimedJobFixtureModule] }));
        apps.push(await createTestApp({ env: { REDIS_URL: undefined }, imports: [ClaimedJobFixtureModule], resetDatabase: false }));
        const from = Date.now();
        await sleep(4500);
        await Promise.all(apps.splice(0).map((app) => app.close()));
        const ticks = claimedRuns.filter((r) => r.scheduledAt.getTime() >= from).map((r) => r.scheduledAt.getTime());
        expect(ticks.length).toBeGreaterThanOrEqual(3);
        // each app fires every tick: without the claims each tick would be here twice
        expect(new Set(ticks).size).toBe(ticks.length);
      } finally {
        await Promise.all(apps.map((app) => app.close()));
      }
    });
  }
});
