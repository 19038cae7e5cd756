import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { decoratedProviders } from '../../framework/runtime/decorated-providers';
import { LOCAL_NOTIFICATION_PROVIDER_ID, NOTIFICATION_PROVIDER_METADATA, NotificationProviderHandler } from './notification-provider';

export interface RegisteredNotificationProvider {
  id: string;
  handler: NotificationProviderHandler;
}

/**
 * Finds every @NotificationProvider at boot and decides which one serves each channel:
 * the first provider, in discovery order, that declares the channel, with `local` always last
 * (the fallback). Discovery order is the order Nest builds modules in: AppModule's imports as
 * listed, test modules and plugins after them, and providers in the order their module lists them.
 * The choice is made once, at boot, and logged.
 */
@Injectable()
export class NotificationProviderRegistry implements OnModuleInit {
  private readonly logger = new Logger('NotificationProviders');
  private readonly byId = new Map<string, RegisteredNotificationProvider>();
  private readonly byChannel = new Map<string, RegisteredNotificationProvider>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const { metadata: id, instance } of decoratedProviders<string, NotificationProviderHandler>(this.discovery, this.reflector, NOTIFICATION_PROVIDER_METADATA)) {
      this.register(id, instance);
    }
    this.assignChannels();
  }

  private register(id: string, handler: NotificationProviderHandler): void {
    if (this.byId.has(id)) throw new Error(`Two notification providers share the id '${id}'`);
    if (typeof handler.send !== 'function') throw new Error(`Notification provider '${id}' has no send(notification) method`);
    if (!Array.isArray(handler.channels) || handler.channels.length === 0) throw new Error(`Notification provider '${id}' declares no channels`);
    this.byId.set(id, { id, handler });
  }

  private assignChannels(): void {
    const providers = [...this.byId.values()];
    const ordered = [...providers.filter((p) => p.id !== LOCAL_NOTIFICATION_PROVIDER_ID), ...providers.filter((p) => p.id === LOCAL_NOTIFICATION_PROVIDER_ID)];
    for (const provider of ordered) {
      for (const channel of provider.handler.channels) {
        const current = this.byChannel.get(channel);
        if (!current) this.byChannel.set(channel, provider);
        else if (provider.id !== LOCAL_NOTIFICATION_PROVIDER_ID) {
          this.logger.warn(`Notification providers '${current.id}' and '${provider.id}' both serve channel '${channel}': '${current.id}' (registered first) is used`);
        }
      }
    }
    for (const [channel, provider] of this.byChannel) this.logger.log(`Channel '${channel}' is served by notification provider '${provider.id}'`);
  }

  /** The provider serving `channel`, or undefined when none declares it. */
  forChannel(channel: string): RegisteredNotificationProvider | undefined {
    return this.byChannel.get(channel);
  }

  channels(): string[] {
    return [...this.byChannel.keys()];
  }
}
