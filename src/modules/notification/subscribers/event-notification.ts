import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context, systemContext } from '../../../framework/context/context';
import { ErrorTypes, SthenoError } from '../../../framework/errors/stheno-error';
import type { DomainEvent } from '../../../framework/events/domain-event';
import { PENDING_LEASE_MS, type NotificationService } from '../notification.service';
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

/**
 * The built-in subscribers' retries: 6 attempts, 5 s doubling (5+10+20+40+80 = 155 s of backoff),
 * so a delivery that meets a notification left `pending` by a crashed worker keeps retrying until
 * the row's lease (PENDING_LEASE_MS, 2 minutes) has run out and it can take the row over.
 */
export const NOTIFICATION_SUBSCRIBER_RETRIES = { attempts: 6, backoffMs: 5000 } as const;

/**
 * Thrown when the notification an event calls for is `pending` under another send's lease: that
 * send may still deliver it, or may have died. Failing the delivery makes Bull (or the in-process
 * dispatcher) retry later, when the row has either been sent or can be taken over.
 */
export class NotificationInProgressError extends Error {
  constructor(readonly notification: NotificationView) {
    super(
      `Notification ${notification.id} is pending, held by another send since ${notification.updated_at}: ` +
        `retry later (it is taken over after ${PENDING_LEASE_MS / 1000} s if that send never finishes)`,
    );
    this.name = 'NotificationInProgressError';
  }
}

/** A subscriber's own context: a fresh EntityManager, outside any transaction, tagged with the event's request id. */
export function eventContext(orm: MikroORM, event: DomainEvent): Context {
  return systemContext(orm.em as EntityManager, event.metadata?.request_id);
}

/**
 * Sends the notification an event calls for, once per event and subscriber however often the
 * event is delivered (`${event.id}:${subscriberId}` is its idempotency key). A provider failure is
 * thrown, so the event's delivery is retried with backoff, and the retry sends the same
 * notification again (on the same row) until the subscriber's attempts run out. A notification
 * still `pending` under another send's lease throws NotificationInProgressError (retried too), so a
 * delivery never reports success for a message that may never go out.
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
  if (sent.status === 'pending') throw new NotificationInProgressError(sent);
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
