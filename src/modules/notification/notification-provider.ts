import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import type { NotificationView } from './notification.types';

export const NOTIFICATION_PROVIDER_METADATA = 'stheno:notification-provider';

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
  if (!/^[\w-]{1,64}$/.test(id)) throw new Error(`Notification provider id '${id}' must be 1-64 letters, digits, '_' or '-'`);
  return applyDecorators(Injectable(), SetMetadata(NOTIFICATION_PROVIDER_METADATA, id));
}
