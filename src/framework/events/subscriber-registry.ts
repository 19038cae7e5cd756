import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { EventSubscriberHandler, RegisteredSubscriber, SubscriberOptions } from './domain-event';
import { SUBSCRIBER_METADATA } from './subscriber.decorator';

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
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const options = this.reflector.get<SubscriberOptions | undefined>(SUBSCRIBER_METADATA, wrapper.metatype);
      if (options) this.register(options, wrapper.instance as EventSubscriberHandler);
    }
  }

  register(options: SubscriberOptions, handler: EventSubscriberHandler): void {
    if (this.byId.has(options.id)) throw new Error(`Two subscribers share the id '${options.id}'`);
    if (typeof handler.handle !== 'function') throw new Error(`Subscriber '${options.id}' has no handle(event) method`);
    const subscriber: RegisteredSubscriber = {
      options: { attempts: 3, backoffMs: 1000, concurrency: 1, ...options },
      handler,
    };
    this.byId.set(options.id, subscriber);
    for (const event of options.events) {
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
