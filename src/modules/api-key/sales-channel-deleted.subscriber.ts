import { DomainEvent, EventSubscriberHandler } from '../../framework/events/domain-event';
import { Subscriber } from '../../framework/events/subscriber.decorator';
import { SalesChannelEvents } from '../sales-channel/sales-channel.types';
import { ApiKeyCache } from './api-key.cache';

/** A deleted sales channel leaves every publishable key's scope at once (in every process). */
@Subscriber({ id: 'api-key-cache-on-sales-channel-deleted', events: [SalesChannelEvents.DELETED] })
export class SalesChannelDeletedSubscriber implements EventSubscriberHandler {
  constructor(private readonly cache: ApiKeyCache) {}

  async handle(_event: DomainEvent): Promise<void> {
    await this.cache.invalidate();
  }
}
