import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context, systemContext } from '../../../framework/context/context';
import { ErrorTypes, SthenoError } from '../../../framework/errors/stheno-error';
import type { DomainEvent } from '../../../framework/events/domain-event';
import type { NotificationService } from '../notification.service';
import type { NotificationView, SendNotificationInput } from '../notification.types';

/** The ids of the built-in subscribers: part of each notification's idempotency key, so never rename one. */
export const NotificationSubscriberIds = {
  ORDER_PLACED: 'notification.order-placed',
  PASSWORD_RESET: 'notification.password-reset',
  INVITE_CREATED: 'notification.invite-created',
  FULFILLMENT_CREATED: 'notification.fulfillment-created',
  SHIPMENT_CREATED: 'notification.shipment-created',
} as const;

/** The templates the built-in subscribers name; a provider renders them (the local one only logs the name). */
export const NotificationTemplates = {
  ORDER_PLACED: 'order-placed',
  PASSWORD_RESET: 'password-reset',
  INVITE_CREATED: 'invite-created',
  FULFILLMENT_CREATED: 'order-fulfillment-created',
  SHIPMENT_CREATED: 'order-shipment-created',
} as const;

/** A subscriber's own context: a fresh EntityManager, outside any transaction, tagged with the event's request id. */
export function eventContext(orm: MikroORM, event: DomainEvent): Context {
  return systemContext(orm.em as EntityManager, event.metadata?.request_id);
}

/**
 * Sends the notification an event calls for, once per event and subscriber however often the
 * event is delivered (`${event.id}:${subscriberId}` is its idempotency key). A provider failure is
 * thrown, so the event's delivery is retried with backoff, and the retry sends the same
 * notification again (on the same row) until the subscriber's attempts run out.
 */
export async function sendForEvent(
  notifications: NotificationService,
  ctx: Context,
  event: DomainEvent,
  subscriberId: string,
  input: Omit<SendNotificationInput, 'trigger_type' | 'idempotency_key'>,
): Promise<NotificationView> {
  const sent = await notifications.send(ctx, { ...input, trigger_type: event.name, idempotency_key: `${event.id}:${subscriberId}` });
  if (sent.status === 'failure') throw new Error(`Notification ${sent.id} could not be sent: ${sent.error}`);
  return sent;
}

/**
 * The resource an event names, or null when it no longer exists (deleted since): nothing to tell
 * anyone then, and retrying would not bring it back. Any other error is thrown (and retried).
 */
export async function unlessGone<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (SthenoError.isSthenoError(error) && error.type === ErrorTypes.NOT_FOUND) return null;
    throw error;
  }
}
