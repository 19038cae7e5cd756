import { findFreePort } from '../../../src/framework/database/embedded-postgres';
import { ScheduledJobRegistry } from '../../../src/framework/jobs/scheduled-job-registry';
import { fixtureRuns, flakyTries, InProcessJobsFixtureModule, slowJobState } from '../../fixtures/scheduled-jobs.fixture';
import { RunningProcess, startTsProcess, stopProcess } from '../../utils/child-process';
import { createTestApp, TestApp } from '../../utils/create-test-app';
import { isEmbeddedTestDatabase, workerDatabaseUrl } from '../../utils/test-database';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const runsOf = (job: string) => fixtureRuns.filter((r) => r.job === job);

/** Without Redis: in-process timers on the cron ticks, one run at a time per job, stopped on close. */
describe('scheduled jobs on in-process timers (no Redis)', () => {
  jest.setTimeout(90000);

  describe('a bad definition stops the boot with a message', () => {
    // a failed boot leaves its connection behind, so it is tried in its own process; the embedded
    // test database takes one connection at a time, which the suite's app below holds later
    const running: RunningProcess[] = [];
    afterAll(async () => {
      await Promise.all(running.map(stopProcess));
    });
    const boot = async (env: Record<string, string>): Promise<{ code: number | null; output: string }> => {
      const child = startTsProcess('test/fixtures/scheduled-jobs-app.ts', {
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        PORT: String(await findFreePort()),
        DATABASE_URL: workerDatabaseUrl(),
        DATABASE_POOL_MAX: isEmbeddedTestDatabase() ? '1' : '2',
        SEED_DEMO_CATALOG: 'false',
        ...env,
      });
      running.push(child);
      const { code } = await child.exited;
      return { code, output: child.output() };
    };

    it('refuses an invalid cron expression, naming the job and the expression', async () => {
      const { code, output } = await boot({ FIXTURE_JOBS: 'recording', FIXTURE_JOB_ID: 'nightly-report', FIXTURE_JOB_CRON: '61 * * * *' });
      expect(code).toBe(1);
      expect(output).toMatch(/Scheduled job 'nightly-report' has an invalid cron expression '61 \* \* \* \*'/);
    });

    it('refuses two jobs with the same id', async () => {
      const { code, output } = await boot({ FIXTURE_JOBS: 'duplicate' });
      expect(code).toBe(1);
      expect(output).toMatch(/Two scheduled jobs share the id 'test-twin': ids must be unique/);
    });
  });

  describe('running on schedule', () => {
    let t: TestApp;
    let closedAt = 0;
    beforeAll(async () => {
      t = await createTestApp({ env: { REDIS_URL: undefined }, imports: [InProcessJobsFixtureModule] });
    });
    afterAll(async () => {
      if (!closedAt) await t?.close();
    });

    it('registers the built-in jobs and the ones a module provides', () => {
      const ids = t.app
        .get(ScheduledJobRegistry)
        .all()
        .map((j) => j.options.id)
        .sort();
      expect(ids).toEqual(['expire-payment-sessions', 'prune-job-records', 'prune-outbox', 'test-every-second', 'test-flaky', 'test-slow']);
    });

    it('runs a per-second job once on each tick, and skips the ticks of a run still going', async () => {
      await sleep(5200);
      const fast = runsOf('test-every-second');
      expect(fast.length).toBeGreaterThanOrEqual(4);
      const ticks = fast.map((r) => r.scheduledAt.getTime());
      expect(new Set(ticks).size).toBe(ticks.length);
      // ticks are whole seconds, each run started at (not before) its tick
      for (const run of fast) {
        expect(run.scheduledAt.getMilliseconds()).toBe(0);
        expect(run.startedAt).toBeGreaterThanOrEqual(run.scheduledAt.getTime());
      }

      const slow = runsOf('test-slow');
      // 2.5 s per run on a per-second cron: about two runs in 5 s, the ticks in between skipped
      expect(slow.length).toBeGreaterThanOrEqual(1);
      expect(slow.length).toBeLessThanOrEqual(3);
      expect(slowJobState.maxActive).toBe(1);
      for (let i = 1; i < slow.length; i++) {
        expect(slow[i].startedAt).toBeGreaterThanOrEqual(slow[i - 1].endedAt!);
      }
    });

    it('retries a failing run within its tick with backoff', async () => {
      const ticks = [...new Set(flakyTries.map((f) => f.scheduledAt))];
      expect(ticks.length).toBeGreaterThanOrEqual(1);
      const first = flakyTries.filter((f) => f.scheduledAt === ticks[0]).map((f) => f.attempt);
      expect(first).toEqual([1, 2, 3]);
    });

    it('stops on close: no run starts afterwards, and the app closes while a slow run is going', async () => {
      const started = Date.now();
      await t.close();
      closedAt = Date.now();
      // the close waits for the slow run in progress (it lasts 2.5 s), never for a later one
      expect(closedAt - started).toBeLessThan(4000);
      expect(slowJobState.active).toBe(0);
      const count = fixtureRuns.length;
      await sleep(2200);
      expect(fixtureRuns.length).toBe(count);
      expect(fixtureRuns.filter((r) => r.startedAt > closedAt)).toEqual([]);
    });
  });

  it('schedules nothing in server mode', async () => {
    const t = await createTestApp({ env: { REDIS_URL: undefined, WORKER_MODE: 'server' }, imports: [InProcessJobsFixtureModule] });
    try {
      const before = fixtureRuns.length;
      await sleep(2200);
      expect(fixtureRuns.length).toBe(before);
    } finally {
      await t.close();
    }
  });
});
