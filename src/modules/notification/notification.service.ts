import { Injectable, Logger } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context, systemContext } from '../../framework/context/context';
import { findPage } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { ListQuery } from '../../framework/http/list-query';
import { Notification } from './entities/notification.entity';
import { RegisteredNotificationProvider, NotificationProviderRegistry } from './notification-provider.registry';
import { NotificationEvents, NotificationView, SendNotificationInput } from './notification.types';

/** Long enough for any provider's explanation, short enough that a runaway stack never bloats the row. */
const MAX_ERROR_LENGTH = 2000;

function toNotificationView(n: Notification): NotificationView {
  return {
    id: n.id,
    to: n.to,
    channel: n.channel,
    template: n.template,
    data: n.data,
    trigger_type: n.trigger_type,
    resource_id: n.resource_id,
    resource_type: n.resource_type,
    receiver_id: n.receiver_id,
    original_notification_id: n.original_notification_id,
    idempotency_key: n.idempotency_key,
    external_id: n.external_id,
    provider_id: n.provider_id,
    status: n.status,
    error: n.error,
    created_at: n.created_at.toISOString(),
    updated_at: n.updated_at.toISOString(),
  };
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message || 'The notification provider failed without a message').slice(0, MAX_ERROR_LENGTH);
}

/**
 * The Notification module's facade. `send` stores the notification (`pending`), hands it to the
 * provider serving its channel outside any transaction (a slow mail server never holds a database
 * connection or lock), then records the outcome: `success` with the provider's `external_id`, or
 * `failure` with the error. With an `idempotency_key`, sending twice sends once.
 */
@Injectable()
export class NotificationService {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly orm: MikroORM,
    private readonly providers: NotificationProviderRegistry,
    private readonly events: EventBus,
  ) {}

  /**
   * Sends one notification and returns it with its outcome (a provider failure is not thrown: it
   * is the notification's `status`). With an `idempotency_key` already used, returns that
   * notification and calls no provider, unless it had failed: then it is sent again, on the same row.
   * Must be called outside a transaction (after commit, e.g. from a subscriber): the row has to be
   * committed before the provider is called, and the provider must not run inside the caller's transaction.
   */
  async send(ctx: Context | undefined, input: SendNotificationInput): Promise<NotificationView> {
    const base = ctx ?? systemContext(this.orm.em as EntityManager);
    if (base.em.isInTransaction()) {
      throw SthenoError.unexpectedState('Notifications are sent outside a database transaction: send after the change has committed');
    }
    if (typeof input.to !== 'string' || !input.to.trim()) throw SthenoError.invalidData('A notification needs a receiver (to)');
    if (typeof input.channel !== 'string' || !input.channel.trim()) throw SthenoError.invalidData('A notification needs a channel');
    const provider = this.providers.forChannel(input.channel);
    if (!provider) throw SthenoError.invalidData(`No notification provider serves the channel '${input.channel}'`);

    const em = base.em.fork();
    const { row, owned } = await this.claim({ ...base, em }, input, provider.id);
    if (!owned) return toNotificationView(row);
    return this.deliver(em, row, provider);
  }

  async list(ctx: Context, query: ListQuery): Promise<[NotificationView[], number]> {
    const [rows, count] = await findPage(ctx, Notification, query, ['to']);
    return [rows.map(toNotificationView), count];
  }

  async retrieve(ctx: Context, id: string): Promise<NotificationView> {
    const row = await ctx.em.findOne(Notification, { id });
    if (!row) throw SthenoError.notFound(`Notification with id: ${id} was not found`);
    return toNotificationView(row);
  }

  /** The row to send: a new one (owned), or the one an earlier send with the same key made (owned only when it had failed). */
  private async claim(ctx: Context, input: SendNotificationInput, providerId: string): Promise<{ row: Notification; owned: boolean }> {
    const key = input.idempotency_key || null;
    if (key) {
      const existing = await ctx.em.findOne(Notification, { idempotency_key: key });
      if (existing) return this.retryIfFailed(ctx.em, existing, providerId);
    }
    try {
      return { row: await this.create(ctx, input, providerId), owned: true };
    } catch (error) {
      if (!key || !(error instanceof UniqueConstraintViolationException)) throw error;
      // a concurrent send with the same key inserted first: it sends, this one answers its row
      ctx.em.clear();
      return { row: (await ctx.em.findOneOrFail(Notification, { idempotency_key: key })), owned: false };
    }
  }

  private async create(ctx: Context, input: SendNotificationInput, providerId: string): Promise<Notification> {
    return ctx.em.transactional(async (em) => {
      const row = em.create(Notification, {
        to: input.to.trim(),
        channel: input.channel,
        template: input.template ?? null,
        data: input.data ?? null,
        trigger_type: input.trigger_type ?? null,
        resource_id: input.resource_id ?? null,
        resource_type: input.resource_type ?? null,
        receiver_id: input.receiver_id ?? null,
        original_notification_id: input.original_notification_id ?? null,
        idempotency_key: input.idempotency_key || null,
        provider_id: providerId,
        status: 'pending',
      });
      this.events.record({ ...ctx, em: em as EntityManager }, NotificationEvents.CREATED, { id: row.id });
      return row;
    });
  }

  /**
   * A failed notification is sent again by the next send with its key (a subscriber's retry); the
   * conditional update lets exactly one of two concurrent retries take it.
   */
  private async retryIfFailed(em: EntityManager, row: Notification, providerId: string): Promise<{ row: Notification; owned: boolean }> {
    if (row.status !== 'failure') return { row, owned: false };
    const taken = await em.nativeUpdate(Notification, { id: row.id, status: 'failure' }, { status: 'pending', error: null, provider_id: providerId, updated_at: new Date() });
    await em.refresh(row);
    return { row, owned: taken === 1 };
  }

  private async deliver(em: EntityManager, row: Notification, provider: RegisteredNotificationProvider): Promise<NotificationView> {
    let outcome: Pick<Notification, 'status' | 'external_id' | 'error'>;
    try {
      const result = await provider.handler.send(toNotificationView(row));
      outcome = { status: 'success', external_id: typeof result?.external_id === 'string' ? result.external_id : null, error: null };
    } catch (error) {
      this.logger.warn({ err: error, notification_id: row.id, provider: provider.id }, `Notification provider '${provider.id}' failed to send ${row.id}`);
      outcome = { status: 'failure', external_id: null, error: messageOf(error) };
    }
    const updated_at = new Date();
    // by id alone: the row is this send's (created or taken from `failure` above)
    await em.nativeUpdate(Notification, { id: row.id }, { ...outcome, updated_at });
    return toNotificationView(Object.assign(row, outcome, { updated_at }));
  }
}
