import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { EventSubscriberHandler, RegisteredSubscriber, SubscriberOptions } from './domain-event';
import { validateSubscriberOptions } from './subscriber-options';
import { SUBSCRIBER_METADATA } from './subscriber.decorator';
import { decoratedProviders } from '../runtime/decorated-providers';

/** Finds every @Subscriber provider at boot and indexes them by event name. */
@Injectable()
export class SubscriberRegistry implements OnModuleInit {
  private readonly byEvent = new Map<string, RegisteredSubscriber[]>();
  private readonly byId = new Map<string, RegisteredSubscriber>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const { metadata, instance, className } of decoratedProviders<SubscriberOptions, EventSubscriberHandler>(this.discovery, this.reflector, SUBSCRIBER_METADATA)) {
      this.register(metadata, instance, className);
    }
  }

  /** Adds a subscriber; throws (stopping the boot) on invalid options, a duplicate id or no handle(). */
  register(options: SubscriberOptions, handler: EventSubscriberHandler, declaredBy?: string): void {
    const checked = validateSubscriberOptions(options, declaredBy);
    if (this.byId.has(checked.id)) throw new Error(`Two subscribers share the id '${checked.id}'`);
    if (typeof handler.handle !== 'function') throw new Error(`Subscriber '${checked.id}' has no handle(event) method`);
    const subscriber: RegisteredSubscriber = { options: { ...checked, events: [...checked.events] }, handler };
    this.byId.set(checked.id, subscriber);
    for (const event of checked.events) {
      this.byEvent.set(event, [...(this.byEvent.get(event) ?? []), subscriber]);
    }
  }

  forEvent(name: string): RegisteredSubscriber[] {
    return this.byEvent.get(name) ?? [];
  }

  get(id: string): RegisteredSubscriber | undefined {
    return this.byId.get(id);
  }

  all(): RegisteredSubscriber[] {
    return [...this.byId.values()];
  }
}
