import { Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { EventJobData } from './bull-dispatcher';
import { SubscriberRegistry } from './subscriber-registry';

/** Bull worker side: runs the one subscriber a job names (worker and shared mode only). */
@Injectable()
export class EventJobsProcessor {
  private readonly logger = new Logger('EventJobs');

  constructor(private readonly registry: SubscriberRegistry) {}

  start(queue: Queue<EventJobData>, concurrency: number): void {
    // process() settles only when the worker stops; it rejects when Redis is unreachable at start,
    // and Bull keeps reconnecting on its own, so the rejection is logged rather than left unhandled
    queue
      .process('*', concurrency, (job: Job<EventJobData>) => this.run(job))
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Event job processing stopped or could not start'));
  }

  async run(job: Job<EventJobData>): Promise<void> {
    const { subscriber_id: subscriberId, event } = job.data;
    const subscriber = this.registry.get(subscriberId);
    // an unknown id means this worker runs older code than the one that enqueued: fail so it retries
    if (!subscriber) throw new Error(`No subscriber '${subscriberId}' is registered in this process`);
    const started = performance.now();
    await subscriber.handler.handle(event);
    this.logger.debug(
      { event: event.name, event_id: event.id, subscriber: subscriberId, durationMs: Math.round(performance.now() - started) },
      `Subscriber ${subscriberId} handled ${event.name}`,
    );
  }
}
