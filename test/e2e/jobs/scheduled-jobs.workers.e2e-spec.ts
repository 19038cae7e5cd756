import { randomBytes } from 'node:crypto';
import Bull from 'bull';
import { findFreePort } from '../../../src/framework/database/embedded-postgres';
import { JOBS_QUEUE } from '../../../src/framework/jobs/bull-scheduler';
import { RunningProcess, startTsProcess, stopProcess, waitForHttp } from '../../utils/child-process';
import { isEmbeddedTestDatabase, resetDatabase, withClient, workerDatabaseUrl } from '../../utils/test-database';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const BUILT_IN = ['expire-payment-sessions', 'prune-job-records', 'prune-outbox'];

/**
 * With Redis, scheduled jobs are Bull repeatables: however many worker processes run, each tick
 * runs once. Real processes (two workers, one server) share one Redis prefix and one PostgreSQL
 * database; the fixture job inserts `(job_id, tick, pid)` per run. Needs Redis and PostgreSQL
 * (the embedded database admits one process).
 */
if (process.env.REDIS_URL && !isEmbeddedTestDatabase()) {
  describe('scheduled jobs across worker processes (Bull repeatables)', () => {
    jest.setTimeout(120000);
    const redisUrl = process.env.REDIS_URL!;
    const prefix = `stheno-test-jobs-${randomBytes(4).toString('hex')}`;
    const running: RunningProcess[] = [];
    let queue: Bull.Queue;

    const start = async (mode: 'worker' | 'server' | 'shared', env: Record<string, string> = {}): Promise<RunningProcess> => {
      const port = await findFreePort();
      const child = startTsProcess('test/fixtures/scheduled-jobs-app.ts', {
        NODE_ENV: 'test',
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        PORT: String(port),
        WORKER_MODE: mode,
        DATABASE_URL: workerDatabaseUrl(),
        DATABASE_POOL_MAX: '3',
        REDIS_URL: redisUrl,
        REDIS_PREFIX: prefix,
        SEED_DEMO_CATALOG: 'false',
        SHUTDOWN_TIMEOUT_MS: '1000',
        FIXTURE_JOB_ID: 'test-recording',
        FIXTURE_JOB_CRON: '*/1 * * * * *',
        ...env,
      });
      running.push(child);
      await waitForHttp(`http://127.0.0.1:${port}/health`, child, 60000);
      return child;
    };
    const stop = async (child: RunningProcess): Promise<void> => {
      child.child.kill('SIGTERM');
      expect((await child.exited).code).toBe(0);
    };
    const runs = () =>
      withClient(workerDatabaseUrl(), async (client) =>
        (await client.query<{ job_id: string; tick: Date; pid: number }>('select job_id, tick, pid from fixture_job_runs order by tick')).rows,
      );
    const repeatables = async () => (await queue.getRepeatableJobs()).map((r) => ({ name: r.name, id: r.id, cron: r.cron })).sort((a, b) => a.name.localeCompare(b.name));
    const waitFor = async (check: () => Promise<boolean>, what: string, timeoutMs = 20000): Promise<void> => {
      const deadline = Date.now() + timeoutMs;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await sleep(200);
      }
    };

    beforeAll(async () => {
      await resetDatabase();
      // the app's migrations build everything else; the fixture's own table is made here
      await withClient(workerDatabaseUrl(), (client) => client.query('create table fixture_job_runs (job_id text not null, tick timestamptz not null, pid int not null)'));
      queue = new Bull(JOBS_QUEUE, redisUrl, { prefix });
    });
    afterAll(async () => {
      await Promise.all(running.map(stopProcess));
      await queue?.obliterate({ force: true }).catch(() => undefined);
      await queue?.close();
    });

    it('two workers and a server: each tick runs exactly once, only on the workers', async () => {
      const server = await start('server');
      const [a, b] = await Promise.all([start('worker'), start('worker')]);
      await waitFor(async () => (await runs()).length > 0, 'the first run');
      const from = Date.now();
      await sleep(5500);
      const rows = (await runs()).filter((r) => r.tick.getTime() >= from - 1000);

      const ticks = rows.map((r) => r.tick.getTime());
      expect(rows.length).toBeGreaterThanOrEqual(4);
      // no tick ran twice
      expect(new Set(ticks).size).toBe(ticks.length);
      // every run is on a whole-second tick of the cron. Bull computes the next tick when the
      // current one's job becomes active, so a tick picked up late on a loaded machine can make it
      // skip one: gaps are whole seconds, not always exactly one
      const sorted = [...ticks].sort((x, y) => x - y);
      for (const tick of sorted) expect(tick % 1000).toBe(0);
      for (let i = 1; i < sorted.length; i++) expect((sorted[i] - sorted[i - 1]) % 1000).toBe(0);
      const pids = new Set(rows.map((r) => r.pid));
      for (const pid of pids) expect([a.child.pid, b.child.pid]).toContain(pid);
      expect(pids.has(server.child.pid!)).toBe(false);

      expect(await repeatables()).toEqual(
        [...BUILT_IN, 'test-recording'].sort().map((name) => expect.objectContaining({ name, id: name })),
      );
      await Promise.all([a, b, server].map(stop));
    });

    it('a job whose cron changed replaces its old schedule; a job that is gone loses its schedule', async () => {
      const before = (await repeatables()).find((r) => r.name === 'test-recording');
      expect(before?.cron).toBe('*/1 * * * * *');

      const worker = await start('worker', { FIXTURE_JOB_CRON: '*/2 * * * * *' });
      await waitFor(async () => (await repeatables()).find((r) => r.name === 'test-recording')?.cron === '*/2 * * * * *', 'the new schedule');
      expect((await repeatables()).filter((r) => r.name === 'test-recording')).toEqual([{ name: 'test-recording', id: 'test-recording', cron: '*/2 * * * * *' }]);
      // the new schedule runs on even seconds only
      const since = Date.now();
      await sleep(4500);
      const ticks = (await runs()).map((r) => r.tick).filter((tick) => tick.getTime() > since);
      expect(ticks.length).toBeGreaterThanOrEqual(1);
      for (const tick of ticks) expect(tick.getUTCSeconds() % 2).toBe(0);
      await stop(worker);

      const without = await start('worker', { FIXTURE_JOBS: 'none' });
      await waitFor(async () => !(await repeatables()).some((r) => r.name === 'test-recording'), 'the removal');
      expect((await repeatables()).map((r) => r.name)).toEqual(BUILT_IN);
      // and its pending tick went with it: nothing runs any more
      const quiet = Date.now();
      await sleep(2500);
      expect((await runs()).filter((r) => r.tick.getTime() > quiet)).toEqual([]);
      await stop(without);
    });
  });
} else {
  it.todo('scheduled jobs across worker processes need REDIS_URL and a PostgreSQL DATABASE_URL');
}
