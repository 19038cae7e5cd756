import { Logger } from '@nestjs/common';
import { DispatchOutcome, DomainEvent, EventDispatcher, RegisteredSubscriber } from './domain-event';
import { abortableSleep } from '../runtime/abortable-sleep';

type Delivery = 'delivered' | 'failed' | 'interrupted';

/**
 * In-process delivery (no Redis): each subscriber runs independently with exponential-backoff
 * retries, so one failing subscriber neither blocks nor re-runs the others.
 */
export class LocalDispatcher implements EventDispatcher {
  readonly kind = 'local' as const;
  private readonly logger = new Logger('LocalEventDispatcher');
  private readonly closing = new AbortController();

  async dispatch(event: DomainEvent, subscribers: RegisteredSubscriber[]): Promise<DispatchOutcome> {
    const results = await Promise.all(subscribers.map((subscriber) => this.deliver(event, subscriber)));
    return {
      failed: subscribers.filter((_, i) => results[i] === 'failed').map((s) => s.options.id),
      interrupted: results.includes('interrupted'),
    };
  }

  private async deliver(event: DomainEvent, subscriber: RegisteredSubscriber): Promise<Delivery> {
    const { id, attempts, backoffMs } = subscriber.options;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await subscriber.handler.handle(event);
        return 'delivered';
      } catch (error) {
        const last = attempt === attempts;
        this.logger[last ? 'error' : 'warn'](
          { err: error, event: event.name, event_id: event.id, subscriber: id, attempt },
          `Subscriber ${id} failed on ${event.name} (attempt ${attempt}/${attempts})`,
        );
        if (last) return 'failed';
        // shutting down: stop retrying here; the relay releases the event for the next process
        if (this.closing.signal.aborted) return 'interrupted';
        await abortableSleep(backoffMs * 2 ** (attempt - 1), this.closing.signal);
        if (this.closing.signal.aborted) return 'interrupted';
      }
    }
    return 'failed';
  }

  async close(): Promise<void> {
    this.closing.abort();
  }
}
