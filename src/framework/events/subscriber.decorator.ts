import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import { SubscriberOptions } from './domain-event';

export const SUBSCRIBER_METADATA = 'stheno:subscriber';

/**
 * Declares an event subscriber: a provider with `handle(event)` that reacts to the named events.
 *
 *   @Subscriber({ id: 'order-placed-confirmation', events: ['order.placed'] })
 *   export class OrderPlacedConfirmation implements EventSubscriberHandler { … }
 *
 * Subscribers reload state by id and must be idempotent: delivery is at least once.
 */
export function Subscriber(options: SubscriberOptions): ClassDecorator {
  return applyDecorators(Injectable(), SetMetadata(SUBSCRIBER_METADATA, options));
}
