import type { Queue } from 'bull';
import { DispatchOutcome, DomainEvent, EventDispatcher, RegisteredSubscriber } from './domain-event';

export interface EventJobData {
  subscriber_id: string;
  event: DomainEvent;
}

const ADD_TIMEOUT_MS = 5000;
/** How long a dispatch waits for a connection being (re)established before giving the event back. */
const READY_WAIT_MS = 1000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The Bull job id of one delivery: adding it twice is a no-op, which makes re-dispatch idempotent. */
export function deliveryJobId(eventId: string, subscriberId: string): string {
  return `${eventId}:${subscriberId}`;
}

/**
 * Redis delivery: one Bull job per subscriber per event, so each subscriber retries on its own with
 * exponential backoff and failed jobs stay in the failed set. Resolves once Redis has every job;
 * rejects (and the relay retries later) when Redis is unreachable.
 */
export class BullDispatcher implements EventDispatcher {
  readonly kind = 'bull' as const;

  /** One wait shared by every dispatch of a relay pass (one listener on the client, not one per event). */
  private readyWait?: Promise<void>;

  constructor(
    private readonly queue: Queue<EventJobData>,
    private readonly readyWaitMs = READY_WAIT_MS,
  ) {}

  async dispatch(event: DomainEvent, subscribers: RegisteredSubscriber[]): Promise<DispatchOutcome> {
    // Without a connection, ioredis keeps every command in its offline queue until Redis returns:
    // each relay retry during a long outage would buffer one more add (and its event) in memory.
    // Nothing is added until the client is ready; the relay gives the event back with a backoff.
    await this.connected();
    await Promise.all(
      subscribers.map((subscriber) =>
        withTimeout(
          this.queue.add(
            // named after the subscriber: its named processor runs it with the subscriber's concurrency
            subscriber.options.id,
            { subscriber_id: subscriber.options.id, event },
            {
              jobId: deliveryJobId(event.id, subscriber.options.id),
              attempts: subscriber.options.attempts,
              backoff: { type: 'exponential', delay: subscriber.options.backoffMs },
              removeOnComplete: { age: 7 * 24 * 3600, count: 50000 },
              removeOnFail: false,
            },
          ),
          ADD_TIMEOUT_MS,
          'Adding an event job to Redis',
        ),
      ),
    );
    return { failed: [] };
  }

  private connected(): Promise<void> {
    const client = this.queue.client;
    if (client.status === 'ready') return Promise.resolve();
    this.readyWait ??= new Promise<void>((resolve, reject) => {
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        client.off('ready', onReady);
        reject(new Error(`Redis is not connected (${client.status}): event jobs cannot be added`));
      }, this.readyWaitMs);
      client.once('ready', onReady);
    }).finally(() => (this.readyWait = undefined));
    return this.readyWait;
  }

  async close(): Promise<void> {
    // the queue itself is closed by @nestjs/bull on shutdown
  }
}
