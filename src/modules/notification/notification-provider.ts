import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import { declareConfigurableProviders } from '../../framework/providers/provider-kinds';
import type { NotificationView } from './notification.types';

export const NOTIFICATION_PROVIDER_METADATA = 'stheno:notification-provider';

const ID_SHAPE = /^[\w-]{1,64}$/;

/** The id of the built-in provider: the fallback for the `email` and `feed` channels. */
export const LOCAL_NOTIFICATION_PROVIDER_ID = 'local';

/** What a provider receives: the stored notification (already `pending`, with its id). */
export type NotificationToSend = Readonly<NotificationView>;

/**
 * A way to deliver notifications (SMTP, SendGrid, an SMS gateway, the admin feed …). `send`
 * is called outside any database transaction; throwing marks the notification `failure` with the
 * error's message. The same notification can be handed over again (after a failure, or when the
 * sender died before recording the answer, or outlived PENDING_LEASE_MS): `notification.id` is
 * the same every time, so use it as the delivery service's idempotency key to drop repeats.
 */
export interface NotificationProviderHandler {
  /** The channels this provider serves (`email`, `feed`, `sms`, …). */
  readonly channels: string[];
  send(notification: NotificationToSend): Promise<{ external_id?: string }>;
}

/**
 * Declares a notification provider: an injectable class implementing NotificationProviderHandler,
 * found at boot wherever it is provided (a module of the app, a plugin, a test module).
 *
 *   @NotificationProvider('smtp')
 *   export class SmtpNotificationProvider implements NotificationProviderHandler { … }
 */
export function NotificationProvider(id: string): ClassDecorator {
  if (!ID_SHAPE.test(id)) throw new Error(`Notification provider id '${id}' must be 1-64 letters, digits, '_' or '-'`);
  return applyDecorators(Injectable(), SetMetadata(NOTIFICATION_PROVIDER_METADATA, id));
}


/**
 * `modules.notification.options.providers`: a class marked `@NotificationProvider(…)`, registered
 * under the entry's `id` (plain, as Medusa's notification ids; the decorator's when omitted), for
 * the channels in `options.channels` (Medusa's option; the class's `channels` when omitted). An
 * entry whose id is a built-in's or a plugin's (`local`) replaces it.
 */
export const NOTIFICATION_PROVIDER_KIND = declareConfigurableProviders({
  moduleKey: 'notification',
  label: 'notification provider',
  decorator: "@NotificationProvider('<id>')",
  metadataKey: NOTIFICATION_PROVIDER_METADATA,
  providerId: ({ id, metadata }) => {
    const chosen = id ?? String(metadata);
    return ID_SHAPE.test(chosen) ? { id: chosen } : { on: 'id', problem: `'${chosen}' is not a valid id (1-64 letters, digits, '_' or '-')` };
  },
  checkOptions: (options) => {
    const channels = options.channels;
    if (channels === undefined) return [];
    const valid = Array.isArray(channels) && channels.length > 0 && channels.every((channel) => typeof channel === 'string' && ID_SHAPE.test(channel));
    return valid ? [] : [['channels', 'expected a non-empty list of channel names (email, feed, sms …)']];
  },
});

/** The channels a configured provider serves: its entry's `options.channels`, else its class's. */
export function configuredChannels(options: Readonly<Record<string, unknown>>, handler: NotificationProviderHandler): string[] {
  return Array.isArray(options.channels) ? (options.channels as string[]) : handler.channels;
}
