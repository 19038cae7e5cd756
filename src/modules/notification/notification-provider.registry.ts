import { Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { ConfiguredProviders } from '../../framework/providers/configured-providers';
import { decoratedProviders } from '../../framework/runtime/decorated-providers';
import {
  configuredChannels,
  LOCAL_NOTIFICATION_PROVIDER_ID,
  NOTIFICATION_PROVIDER_KIND,
  NOTIFICATION_PROVIDER_METADATA,
  NotificationProviderHandler,
} from './notification-provider';

export interface RegisteredNotificationProvider {
  id: string;
  handler: NotificationProviderHandler;
  channels: readonly string[];
  /** Where the configuration file lists it (`modules.notification.options.providers[0]`); undefined when found by discovery. */
  configuredAt?: string;
}

/**
 * Finds every @NotificationProvider at boot, adds the configuration file's
 * `modules.notification.options.providers` (each replacing a provider of the same id, `local`
 * included), and decides which one serves each channel:
 * 1. configured providers first, in the file's order; two of them on one channel stop the boot
 *    (as in Medusa: a channel has one provider);
 * 2. then the first discovered provider that declares the channel, in discovery order (the order
 *    Nest builds modules in: AppModule's imports as listed, test modules and plugins after them,
 *    and providers in the order their module lists them);
 * 3. `local` last (the fallback).
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
    @Optional() private readonly configured?: ConfiguredProviders,
  ) {}

  onModuleInit(): void {
    const configured = this.configured?.of<NotificationProviderHandler>(NOTIFICATION_PROVIDER_KIND.moduleKey) ?? [];
    for (const { metadata: id, instance, className } of decoratedProviders<string, NotificationProviderHandler>(this.discovery, this.reflector, NOTIFICATION_PROVIDER_METADATA)) {
      const replacement = configured.find((c) => c.id === id);
      if (replacement) this.logger.log(`Notification provider '${id}' (${className}) is replaced by ${replacement.className} (${replacement.at})`);
      else this.register({ id, handler: instance, channels: instance.channels });
    }
    for (const { id, at, instance, options } of configured) {
      this.register({ id, handler: instance, channels: configuredChannels(options, instance), configuredAt: at });
    }
    this.assignChannels();
  }

  private register(provider: RegisteredNotificationProvider): void {
    const { id, handler, channels, configuredAt } = provider;
    const named = configuredAt ? `${configuredAt}: notification provider '${id}'` : `Notification provider '${id}'`;
    if (this.byId.has(id)) throw new Error(`Two notification providers share the id '${id}'`);
    if (typeof handler.send !== 'function') throw new Error(`${named} has no send(notification) method`);
    if (!Array.isArray(channels) || channels.length === 0) throw new Error(`${named} declares no channels (give it options.channels or a channels property)`);
    this.byId.set(id, provider);
  }

  private assignChannels(): void {
    const providers = [...this.byId.values()];
    const ordered = [
      ...providers.filter((p) => p.configuredAt),
      ...providers.filter((p) => !p.configuredAt && p.id !== LOCAL_NOTIFICATION_PROVIDER_ID),
      ...providers.filter((p) => !p.configuredAt && p.id === LOCAL_NOTIFICATION_PROVIDER_ID),
    ];
    for (const provider of ordered) {
      for (const channel of provider.channels) {
        const current = this.byChannel.get(channel);
        if (!current) this.byChannel.set(channel, provider);
        else if (provider.configuredAt) {
          throw new Error(
            `${provider.configuredAt}: channel '${channel}' is also served by '${current.id}' (${current.configuredAt}): a channel has one provider; ` +
              'split them with options.channels',
          );
        } else if (provider.id !== LOCAL_NOTIFICATION_PROVIDER_ID) {
          this.logger.warn(
            `Notification providers '${current.id}' and '${provider.id}' both serve channel '${channel}': '${current.id}' (${current.configuredAt ? 'configured' : 'registered first'}) is used`,
          );
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
