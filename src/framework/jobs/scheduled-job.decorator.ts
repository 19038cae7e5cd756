import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';

export interface ScheduledJobOptions {
  /** Stable id: the Bull repeatable's job id and job name. Letters, digits, `.`, `_`, `-`. */
  id: string;
  /** Cron expression (5 fields, or 6 with seconds first), in the process's time zone. */
  cron: string;
  /** Tries per tick before the run counts as failed (default 3). */
  attempts?: number;
  /** Delay before the first retry, doubled for each further one (default 1000 ms). */
  backoffMs?: number;
  /** A try taking longer counts as failed and is not retried: it may still be running (default: no limit). */
  timeoutMs?: number;
}

/** What a handler learns about the run it performs. */
export interface ScheduledRun {
  jobId: string;
  /** The cron tick this run belongs to (the same for every retry of it). */
  scheduledAt: Date;
  /** 1 for the first try of the tick. */
  attempt: number;
}

export interface ScheduledJobHandler {
  run(run?: ScheduledRun): Promise<void>;
}

export const SCHEDULED_JOB_METADATA = 'stheno:scheduled-job';

/**
 * Declares a scheduled job: a provider with `run()` that runs on the cron schedule, once per tick
 * across all worker processes (Bull repeatable jobs), or on in-process timers without Redis.
 *
 *   @ScheduledJob({ id: 'prune-outbox', cron: '17 * * * *' })
 *   export class PruneOutboxJob implements ScheduledJobHandler { async run() { … } }
 *
 * Runs only in `worker` and `shared` mode. A run may be retried: keep it idempotent.
 */
export function ScheduledJob(options: ScheduledJobOptions): ClassDecorator {
  return applyDecorators(Injectable(), SetMetadata(SCHEDULED_JOB_METADATA, options));
}
