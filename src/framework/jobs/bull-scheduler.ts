import { Logger } from '@nestjs/common';
import type { Job, JobOptions, Queue } from 'bull';
import { ScheduledJobTimeout, startRun } from './run-scheduled-job';
import { RegisteredJob, ScheduledJobRegistry } from './scheduled-job-registry';

export const JOBS_QUEUE = 'stheno-jobs';

/** How many finished runs of each job Redis keeps at most; the prune-job-records job ages them out. */
const KEEP_COMPLETED = 1000;
const REDIS_TIMEOUT_MS = 5000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${REDIS_TIMEOUT_MS} ms`)), REDIS_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The Bull options of a job's repeatable: one job per cron tick, its id derived from the tick. No
 * Bull `timeout`: Bull would fail the job on it and retry while the handler, which cannot be
 * interrupted, keeps running, so the job would run alongside itself; `run` enforces `timeoutMs`.
 */
export function repeatableOptions(job: RegisteredJob): JobOptions {
  const { id, cron, attempts, backoffMs } = job.options;
  return {
    jobId: id,
    repeat: { cron },
    attempts,
    backoff: { type: 'exponential', delay: backoffMs },
    removeOnComplete: KEEP_COMPLETED,
    removeOnFail: false,
  };
}

/**
 * Scheduled jobs with Redis. Each job is a Bull repeatable job on `stheno-jobs`: Bull derives the
 * id of every tick's job from the repeat key and the tick's time, so however many worker processes
 * register the same repeatable, each tick is one job and runs once, on whichever worker takes it.
 */
export class BullScheduler {
  private readonly logger = new Logger('ScheduledJobs');

  constructor(
    private readonly queue: Queue,
    private readonly registry: ScheduledJobRegistry,
  ) {}

  /**
   * Makes Redis hold exactly this process's jobs: repeatables of jobs that no longer exist, or
   * whose cron changed, are removed (with their pending tick); the others are added (a no-op when
   * already there).
   */
  async syncRepeatables(): Promise<void> {
    const jobs = this.registry.all();
    const existing = await withTimeout(this.queue.getRepeatableJobs(), 'Listing repeatable jobs');
    for (const entry of existing) {
      const job = this.registry.get(entry.name);
      if (job && entry.id === job.options.id && entry.cron === job.options.cron && !entry.tz && !entry.endDate) continue;
      await withTimeout(this.queue.removeRepeatableByKey(entry.key), 'Removing a repeatable job');
      this.logger.log({ job: entry.name, cron: entry.cron }, `Removed the schedule of ${entry.name} (${job ? 'its cron changed' : 'no such job any more'})`);
    }
    for (const job of jobs) {
      await withTimeout(this.queue.add(job.options.id, {}, repeatableOptions(job)), 'Adding a repeatable job');
    }
  }

  /** Takes this queue's jobs in this process (worker and shared mode). */
  startProcessing(): void {
    const concurrency = Math.max(1, this.registry.all().length);
    this.queue
      .process('*', concurrency, (job: Job) => this.run(job))
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Scheduled job processing stopped or could not start'));
  }

  private async run(job: Job): Promise<void> {
    const registered = this.registry.get(job.name);
    // a job this process does not know: older code than the one that scheduled it; fail, kept
    if (!registered) throw new Error(`No scheduled job '${job.name}' is registered in this process`);
    const scheduledAt = new Date((job.opts as JobOptions & { prevMillis?: number }).prevMillis ?? job.timestamp);
    const started = performance.now();
    const { outcome } = startRun(registered, { jobId: registered.options.id, scheduledAt, attempt: job.attemptsMade + 1 });
    try {
      await outcome;
    } catch (error) {
      // the timed-out handler may still be running: failed for good, never retried next to itself
      if (error instanceof ScheduledJobTimeout) {
        await job.discard();
        this.logger.error({ err: error, job: job.name }, `Scheduled job ${job.name} timed out: not retried while it may still run`);
      }
      throw error;
    }
    this.logger.debug({ job: job.name, durationMs: Math.round(performance.now() - started) }, `Scheduled job ${job.name} ran`);
  }
}
