import { Logger } from '@nestjs/common';
import { startRun, ScheduledJobTimeout } from './run-scheduled-job';
import { nextTick, RegisteredJob } from './scheduled-job-registry';
import { abortableSleep } from '../runtime/abortable-sleep';

// setTimeout's longest delay; a tick further away is reached in several hops
const MAX_DELAY_MS = 2 ** 31 - 1;

interface JobState {
  job: RegisteredJob;
  timer?: NodeJS.Timeout;
  /** The run in progress (with its retries), until its handler has settled. */
  running?: Promise<void>;
}

/** Claims a tick for this process; false when another process sharing the database has it. */
export type ClaimTick = (jobId: string, tick: Date) => Promise<boolean>;

/**
 * Scheduled jobs without Redis: an in-process timer per job, set to the next cron tick. One run
 * at a time per job in this process: a tick that finds the previous run still going is skipped
 * (and logged), never queued. Every process sharing the database (several `worker`/`shared`
 * replicas on one PostgreSQL) fires each tick, so a tick runs only where `claim` succeeds: once.
 * Failed runs retry with exponential backoff within their tick, in the process that claimed it.
 */
export class EmbeddedScheduler {
  private readonly logger = new Logger('ScheduledJobs');
  private readonly states: JobState[] = [];
  private readonly stopping = new AbortController();

  constructor(private readonly claim: ClaimTick) {}

  start(jobs: RegisteredJob[]): void {
    for (const job of jobs) {
      const state: JobState = { job };
      this.states.push(state);
      this.arm(state, new Date());
    }
  }

  private arm(state: JobState, after: Date): void {
    if (this.stopping.signal.aborted) return;
    const tick = nextTick(state.job.options.cron, after);
    const wait = (): void => {
      const delay = tick.getTime() - Date.now();
      state.timer = setTimeout(() => (delay > MAX_DELAY_MS ? wait() : this.fire(state, tick)), Math.min(Math.max(delay, 0), MAX_DELAY_MS));
      state.timer.unref();
    };
    wait();
  }

  private fire(state: JobState, tick: Date): void {
    if (this.stopping.signal.aborted) return;
    // the next tick after this one, or after now when the event loop was blocked past several
    this.arm(state, new Date(Math.max(tick.getTime(), Date.now())));
    const { id } = state.job.options;
    if (state.running) {
      this.logger.warn({ job: id, tick: tick.toISOString() }, `Scheduled job ${id}: the previous run is still going, skipping the tick of ${tick.toISOString()}`);
      return;
    }
    // "running" from the claim on, so this process never claims a tick while its own run is going
    const running = this.claimAndRun(state.job, tick).finally(() => {
      if (state.running === running) state.running = undefined;
    });
    state.running = running;
  }

  private async claimAndRun(job: RegisteredJob, tick: Date): Promise<void> {
    const { id } = job.options;
    let claimed: boolean;
    try {
      claimed = await this.claim(id, tick);
    } catch (error) {
      // the tick is skipped rather than risk running it in two processes
      this.logger.error({ err: error, job: id, tick: tick.toISOString() }, `Scheduled job ${id}: could not claim the tick of ${tick.toISOString()}, skipping it`);
      return;
    }
    if (!claimed) {
      this.logger.debug({ job: id, tick: tick.toISOString() }, `Scheduled job ${id}: the tick of ${tick.toISOString()} runs in another process`);
      return;
    }
    await this.runWithRetries(job, tick);
  }

  private async runWithRetries(job: RegisteredJob, scheduledAt: Date): Promise<void> {
    const { id, attempts, backoffMs } = job.options;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const started = performance.now();
      const { outcome, settled } = startRun(job, { jobId: id, scheduledAt, attempt });
      try {
        await outcome;
        this.logger.debug({ job: id, durationMs: Math.round(performance.now() - started) }, `Scheduled job ${id} ran`);
        return;
      } catch (error) {
        const timedOut = error instanceof ScheduledJobTimeout;
        const last = attempt === attempts || timedOut || this.stopping.signal.aborted;
        this.logger[last ? 'error' : 'warn'](
          { err: error, job: id, attempt },
          `Scheduled job ${id} failed (attempt ${attempt}/${attempts})${timedOut ? ': timed out, not retried while it may still run' : ''}`,
        );
        // a timed-out handler may still be working: it stays "running" (later ticks skip) until it ends
        if (timedOut) return settled;
        if (last) return;
        await abortableSleep(backoffMs * 2 ** (attempt - 1), this.stopping.signal);
        if (this.stopping.signal.aborted) return;
      }
    }
  }

  /** Stops the timers and retries, and waits (up to `graceMs`) for runs in progress to end. */
  async stop(graceMs: number): Promise<void> {
    this.stopping.abort();
    for (const state of this.states) clearTimeout(state.timer);
    const running = this.states.flatMap((s) => (s.running ? [s.running] : []));
    if (!running.length) return;
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), graceMs)));
    const result = await Promise.race([Promise.all(running).then(() => 'done' as const), bound]);
    clearTimeout(timer);
    if (result === 'timeout') this.logger.warn(`Stopping with ${running.length} scheduled job run(s) still going after ${graceMs} ms`);
  }
}
