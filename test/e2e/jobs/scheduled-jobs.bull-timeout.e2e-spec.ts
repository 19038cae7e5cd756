import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { JOBS_QUEUE } from '../../../src/framework/jobs/bull-scheduler';
import { TimeoutJobFixtureModule, timeoutJobState, timeoutTries } from '../../fixtures/scheduled-jobs.fixture';
import { createTestApp, TestApp } from '../../utils/create-test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * With Redis, a try that passes `timeoutMs` fails for good: its handler cannot be interrupted, so
 * a retry would run the job next to itself (as Bull's own `timeout` option would have it).
 */
if (process.env.REDIS_URL) {
  describe('a scheduled job timing out on Bull', () => {
    jest.setTimeout(60000);
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ imports: [TimeoutJobFixtureModule] });
    });
    afterAll(() => t?.close());

    it('is failed without a retry while its handler still runs, and never runs next to itself', async () => {
      const deadline = Date.now() + 10000;
      while (!timeoutTries.length && Date.now() < deadline) await sleep(50);
      expect(timeoutTries.length).toBeGreaterThan(0);
      const tick = timeoutTries[0].scheduledAt;
      // the handler lasts 1.5 s; a retry would have started 50 ms after the 300 ms timeout
      await sleep(1700);
      expect(timeoutTries.filter((r) => r.scheduledAt === tick).map((r) => r.attempt)).toEqual([1]);
      expect(timeoutJobState.maxActive).toBe(1);

      const queue = t.app.get<Queue>(getQueueToken(JOBS_QUEUE));
      // the tick's job (Bull keeps the tick's time in the repeat job's options)
      const failed = (await queue.getFailed()).filter((j) => j.name === 'test-timeout' && (j.opts as { prevMillis?: number }).prevMillis === Date.parse(tick));
      expect(failed).toEqual([
        expect.objectContaining({ attemptsMade: 1, failedReason: "Scheduled job 'test-timeout' did not finish within 300 ms" }),
      ]);
      // Bull's own timeout is not set, so it cannot fail the job behind the scheduler's back
      expect(failed[0].opts.timeout).toBeUndefined();
    });
  });
} else {
  it.todo('a scheduled job timing out on Bull needs REDIS_URL');
}
