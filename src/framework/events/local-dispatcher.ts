import { Logger } from '@nestjs/common';
import { DispatchOutcome, DomainEvent, EventDispatcher, RegisteredSubscriber } from './domain-event';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * In-process delivery (no Redis): each subscriber runs independently with exponential-backoff
 * retries, so one failing subscriber neither blocks nor re-runs the others.
 */
export class LocalDispatcher implements EventDispatcher {
  readonly kind = 'local' as const;
  private readonly logger = new Logger('LocalEventDispatcher');
  private closing = false;

  async dispatch(event: DomainEvent, subscribers: RegisteredSubscriber[]): Promise<DispatchOutcome> {
    const results = await Promise.all(subscribers.map((subscriber) => this.deliver(event, subscriber)));
    return { failed: subscribers.filter((_, i) => !results[i]).map((s) => s.options.id) };
  }

  private async deliver(event: DomainEvent, subscriber: RegisteredSubscriber): Promise<boolean> {
    const { id, attempts, backoffMs } = subscriber.options;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await subscriber.handler.handle(event);
        return true;
      } catch (error) {
        const last = attempt === attempts || this.closing;
        this.logger[last ? 'error' : 'warn'](
          { err: error, event: event.name, event_id: event.id, subscriber: id, attempt },
          `Subscriber ${id} failed on ${event.name} (attempt ${attempt}/${attempts})`,
        );
        if (last) return false;
        await sleep(backoffMs * 2 ** (attempt - 1));
      }
    }
    return false;
  }

  async close(): Promise<void> {
    this.closing = true;
  }
}
