import { RegisteredJob } from './scheduled-job-registry';
import { ScheduledRun } from './scheduled-job.decorator';

export class ScheduledJobTimeout extends Error {
  constructor(jobId: string, ms: number) {
    super(`Scheduled job '${jobId}' did not finish within ${ms} ms`);
    this.name = 'ScheduledJobTimeout';
  }
}

/**
 * One try of a job. `settled` follows the handler itself; `outcome` also rejects when the job's
 * timeout passes first (the handler cannot be interrupted, so it may still be running then).
 */
export function startRun(job: RegisteredJob, run: ScheduledRun): { outcome: Promise<void>; settled: Promise<void> } {
  const work = Promise.resolve().then(() => job.handler.run(run));
  const settled = work.then(
    () => undefined,
    () => undefined,
  );
  const { timeoutMs } = job.options;
  if (!timeoutMs) return { outcome: work, settled };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ScheduledJobTimeout(job.options.id, timeoutMs)), timeoutMs);
  });
  return { outcome: Promise.race([work, timeout]).finally(() => clearTimeout(timer)), settled };
}
