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

/**
 * How long a `pending` row belongs to the send that wrote it. A send that finds a row with its key
 * still `pending` after this (its sender crashed between the insert and recording the provider's
 * answer) takes it over and sends it. Far longer than a provider call should take: a provider
 * still busy after it may see the same notification twice, hence its id as the provider-side key.
 */
export const PENDING_LEASE_MS = 2 * 60 * 1000;

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
   * notification and calls no provider, unless it had failed or was left `pending` longer than
   * PENDING_LEASE_MS (its sender died): then it is sent again, on the same row. A row another send
   * is still working on (`pending`, within the lease) is returned as it is, `pending`.
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

  /** The row to send: a new one (owned), or the one an earlier send with the same key made (owned only when taken over). */
  private async claim(ctx: Context, input: SendNotificationInput, providerId: string): Promise<{ row: Notification; owned: boolean }> {
    const key = input.idempotency_key || null;
    if (key) {
      const existing = await ctx.em.findOne(Notification, { idempotency_key: key });
      if (existing) return this.takeOver(ctx.em, existing, providerId);
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
   * An earlier send's row is sent again by the next send with its key (a subscriber's retry) when
   * it failed, or when it is still `pending` after PENDING_LEASE_MS: its sender crashed before
   * recording the provider's answer. The conditional update (on the status, and for `pending` on
   * the lease having run out, bumping `updated_at` to start a new one) lets exactly one of several
   * concurrent sends take it; the others answer the row as it is.
   */
  private async takeOver(em: EntityManager, row: Notification, providerId: string): Promise<{ row: Notification; owned: boolean }> {
    if (row.status === 'success') return { row, owned: false };
    const taken =
      row.status === 'failure'
        ? (await em.nativeUpdate(Notification, { id: row.id, status: 'failure' }, { status: 'pending', error: null, provider_id: providerId, updated_at: new Date() })) === 1
        : await this.takeOverStalePending(em, row.id, providerId);
    await em.refresh(row);
    return { row, owned: taken };
  }

  /** Measured on the database's clock, the one clock every worker shares. */
  private async takeOverStalePending(em: EntityManager, id: string, providerId: string): Promise<boolean> {
    const taken = await em.execute<{ id: string }[]>(
      `update notification set updated_at = now(), provider_id = ? where id = ? and status = 'pending' and updated_at < now() - make_interval(secs => ?) returning id`,
      [providerId, id, PENDING_LEASE_MS / 1000],
    );
    if (taken.length === 1) this.logger.warn({ notification_id: id }, `Notification ${id} was left pending by a send that never finished: sending it again`);
    return taken.length === 1;
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
    // The row is this send's (created or taken over above), but a sender whose lease ran out while
    // its provider was still busy may finish too: whichever succeeded, a success is never undone.
    const written = await em.nativeUpdate(Notification, { id: row.id, status: { $ne: 'success' } }, { ...outcome, updated_at });
    if (written === 0) {
      await em.refresh(row);
      return toNotificationView(row);
    }
    return toNotificationView(Object.assign(row, outcome, { updated_at }));
  }
}
