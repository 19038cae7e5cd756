import { Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { EventJobData } from './bull-dispatcher';
import { ConcurrencyLimit } from './concurrency-limit';
import { SubscriberRegistry } from './subscriber-registry';

/** Loops of the catch-all processor, for jobs no subscriber's named processor takes. */
const FALLBACK_CONCURRENCY = 1;

/**
 * Bull worker side: runs the one subscriber a job names (worker and shared mode only).
 *
 * Jobs are named after their subscriber and every subscriber gets its own named processor with its
 * `concurrency`. Bull 4 adds up the concurrency of all named processors of a queue into one pool of
 * fetch loops, and any loop may fetch any job (the name only picks the handler), so the pool alone
 * would let a subscriber declared with concurrency 1 run many jobs at once. A per-subscriber limit
 * enforces the cap: a loop that fetched a job of a busy subscriber waits for that subscriber's slot
 * (the job stays active and locked meanwhile, so it never looks stalled).
 *
 * The catch-all `*` processor takes jobs whose name has no processor here: jobs named by event
 * (queued by releases before per-subscriber names) and jobs of a subscriber this process does not
 * have (a rolling deploy), which fail with a clear error and are retried, possibly on a newer worker.
 */
@Injectable()
export class EventJobsProcessor {
  private readonly logger = new Logger('EventJobs');
  private readonly limits = new Map<string, ConcurrencyLimit>();
  private started = false;

  constructor(private readonly registry: SubscriberRegistry) {}

  start(queue: Queue<EventJobData>): void {
    // Bull refuses a second handler for a name: starting twice would throw on the first subscriber
    if (this.started) return;
    this.started = true;
    for (const subscriber of this.registry.all()) {
      const { id, concurrency } = subscriber.options;
      this.limits.set(id, new ConcurrencyLimit(concurrency));
      this.watch(queue.process(id, concurrency, (job: Job<EventJobData>) => this.run(job)));
    }
    this.watch(queue.process('*', FALLBACK_CONCURRENCY, (job: Job<EventJobData>) => this.run(job)));
  }

  /** process() settles only when the worker stops; it rejects when Redis is unreachable at start, and Bull reconnects by itself. */
  private watch(processing: Promise<void>): void {
    processing.catch((error: unknown) => this.logger.warn({ err: error }, 'Event job processing stopped or could not start'));
  }

  /** Runs the subscriber the job's data names (not its name: older jobs are named by event), within that subscriber's limit. */
  async run(job: Job<EventJobData>): Promise<void> {
    const { subscriber_id: subscriberId, event } = job.data;
    const subscriber = this.registry.get(subscriberId);
    // an unknown id means this worker runs other code than the one that enqueued: fail so it retries
    if (!subscriber) throw new Error(`No subscriber '${subscriberId}' is registered in this process (job ${job.id}, named '${job.name}')`);
    let limit = this.limits.get(subscriberId);
    if (!limit) {
      limit = new ConcurrencyLimit(subscriber.options.concurrency);
      this.limits.set(subscriberId, limit);
    }
    await limit.run(async () => {
      const started = performance.now();
      await subscriber.handler.handle(event);
      this.logger.debug(
        { event: event.name, event_id: event.id, subscriber: subscriberId, durationMs: Math.round(performance.now() - started) },
        `Subscriber ${subscriberId} handled ${event.name}`,
      );
    });
  }
}
