import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import Decimal from 'decimal.js';
import { Context, inTransaction } from '../../framework/context/context';
import { generateId } from '../../framework/database/ids';
import { preparedQuery } from '../../framework/database/prepared';
import { ErrorTypes, SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { Capture } from './entities/capture.entity';
import { PaymentCollection } from './entities/payment-collection.entity';
import { PaymentSession } from './entities/payment-session.entity';
import { Payment } from './entities/payment.entity';
import { Refund } from './entities/refund.entity';
import { parseAmount } from './money';
import { readCollectionState, writeCollectionState } from './payment-collection-state';
import { PaymentViews } from './payment-views';
import { PaymentProviderRegistry } from './providers/payment-provider-registry';
import { ProviderCalls } from './provider-calls';
import { AuthorizePaymentOutput, PaymentEvents, PaymentSessionStatus, PaymentView, RefundPaymentInput, WebhookAction, WebhookActionAndData } from './payment.types';

interface PaymentSums {
  captured: Decimal;
  refunded: Decimal;
}

/** Authorizations this process made recently, for compensations whose payment row rolled back. */
const RECENT_AUTHORIZATIONS_MAX = 1000;

/**
 * The state changes of payments. Concurrency: every change to a collection's sessions, payments,
 * captures or refunds first locks the collection row (`select … for update`), so two captures or
 * refunds of one payment (or of two payments of one collection) take turns; each re-reads the sums
 * under the lock, so together they never exceed the authorized or captured amount. The provider is
 * called while the lock is held (captures, refunds: only this collection waits, and a refusal
 * rolls back with nothing written) or before it is taken (authorizations, which may take long).
 */
@Injectable()
export class PaymentOperations {
  private readonly recentAuthorizations = new Map<string, PaymentView>();

  constructor(
    private readonly events: EventBus,
    private readonly views: PaymentViews,
    private readonly registry: PaymentProviderRegistry,
    private readonly calls: ProviderCalls,
  ) {}

  /** Locks the collection row in the open transaction (not_found when absent). */
  async lockCollection(tx: Context, id: string): Promise<PaymentCollection> {
    const collection = await tx.em.findOne(PaymentCollection, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!collection) throw SthenoError.notFound(`Payment collection with id: ${id} was not found`);
    return collection;
  }

  /** Recomputes the collection's amounts and status from its rows (flushes pending changes first). */
  async recompute(tx: Context, collection: PaymentCollection): Promise<void> {
    await tx.em.flush();
    const state = await readCollectionState(tx, collection.id, collection.amount);
    collection.authorized_amount = state.authorized_amount.toFixed();
    collection.captured_amount = state.captured_amount.toFixed();
    collection.refunded_amount = state.refunded_amount.toFixed();
    collection.status = state.status;
    if (state.completed && !collection.completed_at) collection.completed_at = new Date();
    if (!state.completed) collection.completed_at = null;
    await tx.em.flush();
  }

  // -------------------------------------------------------------------------------------------
  // Authorization
  // -------------------------------------------------------------------------------------------

  /**
   * `collectionId`, when the caller knows the session's collection (the cart completion), saves
   * reading the session before locking its collection; a session of another collection is not found.
   */
  async authorize(ctx: Context, sessionId: string, context?: Record<string, unknown>, collectionId?: string): Promise<PaymentView> {
    const joined = ctx.em.isInTransaction();
    if (joined && collectionId) return this.authorizeLocked(ctx, sessionId, collectionId, context);
    const found = await ctx.em.findOne(PaymentSession, { id: sessionId }, { refresh: true });
    if (!found || (collectionId && found.payment_collection_id !== collectionId)) {
      throw SthenoError.notFound(`Payment session with id: ${sessionId} was not found`);
    }
    // inside a caller's transaction, which holds its locks through the provider call anyway: lock the
    // collection now, so the payment is looked for once, under the lock, and the session checked as it
    // is under the lock (one replaced meanwhile is gone)
    const lockedFirst = joined ? await this.lockCollection(ctx, found.payment_collection_id) : null;
    const session = lockedFirst
      ? await ctx.em.findOne(PaymentSession, { id: sessionId, payment_collection_id: lockedFirst.id }, { refresh: true })
      : found;
    if (!session) throw SthenoError.notFound(`Payment session with id: ${sessionId} was not found`);
    const existing = await this.paymentOfSession(ctx, sessionId);
    if (existing) return existing;
    const result = await this.askProvider(session, context);
    return this.recordOutcome(ctx, session, lockedFirst, result);
  }

  /**
   * `authorize` in the caller's transaction for a session of a known collection: the cart
   * completion's path, in plain SQL (no entity loaded or flushed). Locks the collection, then reads
   * the session and whether it has a payment under the lock; an authorization is recorded in one
   * statement (session authorized, payment inserted) and the collection's state in two. A refusal
   * or an immediate capture by the provider takes the entity path (`recordOutcome`).
   */
  private async authorizeLocked(tx: Context, sessionId: string, collectionId: string, context?: Record<string, unknown>): Promise<PaymentView> {
    const [collection] = await preparedQuery<{ id: string; amount: string }>(
      tx,
      'stheno_payment_collection_lock',
      `select id, amount::text as amount from payment_collection where id = ? and deleted_at is null for update`,
      [collectionId],
    );
    if (!collection) throw SthenoError.notFound(`Payment collection with id: ${collectionId} was not found`);
    // read after the lock, in its own statement: it sees what the transaction the lock waited for wrote
    const [session] = await preparedQuery<{
      id: string;
      status: PaymentSessionStatus;
      amount: string;
      currency_code: string;
      provider_id: string;
      data: Record<string, unknown>;
      context: Record<string, unknown> | null;
      paid: boolean;
    }>(
      tx,
      'stheno_payment_session_under_lock',
      `select s.id, s.status, s.amount::text as amount, s.currency_code, s.provider_id, s.data, s.context,
              exists (select 1 from payment p where p.payment_session_id = s.id and p.deleted_at is null) as paid
         from payment_session s
        where s.id = ? and s.payment_collection_id = ? and s.deleted_at is null`,
      [sessionId, collectionId],
    );
    if (!session) throw SthenoError.notFound(`Payment session with id: ${sessionId} was not found`);
    if (session.paid) {
      const existing = await this.paymentOfSession(tx, sessionId);
      if (existing) return existing;
    }
    const result = await this.askProvider(session, context);
    if (result.status !== 'authorized') {
      // already locked: taking the lock again does not wait
      const locked = await this.lockCollection(tx, collectionId);
      const entity = await tx.em.findOneOrFail(PaymentSession, { id: sessionId }, { refresh: true });
      return this.recordOutcome(tx, entity, locked, result);
    }
    const now = new Date().toISOString();
    const [payment] = await preparedQuery<Omit<Payment, 'created_at' | 'updated_at'> & { created_at: string; updated_at: string }>(
      tx,
      'stheno_payment_authorized',
      `with s as (
         update payment_session set status = 'authorized', authorized_at = ?::timestamptz, updated_at = ?::timestamptz,
                data = coalesce(?::jsonb, data)
          where id = ?
          returning id, amount, currency_code, provider_id, data, payment_collection_id
       )
       insert into payment (id, created_at, updated_at, amount, currency_code, provider_id, data, payment_collection_id, payment_session_id, metadata)
       select ?, ?::timestamptz, ?::timestamptz, s.amount, s.currency_code, s.provider_id, s.data, s.payment_collection_id, s.id, null from s
       returning id, amount::text as amount, currency_code, provider_id, data, payment_collection_id, payment_session_id, metadata,
                 captured_at, canceled_at, deleted_at, created_at, updated_at`,
      [now, now, result.data ? JSON.stringify(result.data) : null, sessionId, generateId(Payment.idPrefix), now, now],
    );
    await writeCollectionState(tx, collection.id, await readCollectionState(tx, collection.id, collection.amount));
    const view = this.views.createdPayment({ ...payment, created_at: new Date(payment.created_at), updated_at: new Date(payment.updated_at) }, []);
    this.remember(view);
    return view;
  }

  /** Asks the session's provider to authorize it (only a session still open can be), with the caller's context added. */
  private askProvider(
    session: { id: string; status: PaymentSessionStatus; provider_id: string; amount: string; currency_code: string; data: Record<string, unknown>; context: Record<string, unknown> | null },
    context: Record<string, unknown> | undefined,
  ): Promise<AuthorizePaymentOutput> {
    assertAuthorizable(session.id, session.status);
    return this.calls.authorize(this.registry.get(session.provider_id), {
      amount: new Decimal(session.amount).toFixed(),
      currency_code: session.currency_code,
      data: session.data,
      context: { ...session.context, ...(context ?? {}) },
    });
  }

  /**
   * Records what the provider answered for `session` (an entity, read under the collection's lock
   * when `lockedFirst` is given): a refusal marks the session and throws; an authorization or a
   * capture marks it and creates the payment (and its capture).
   */
  private async recordOutcome(
    ctx: Context,
    session: PaymentSession,
    lockedFirst: PaymentCollection | null,
    result: AuthorizePaymentOutput,
  ): Promise<PaymentView> {
    const sessionId = session.id;
    if (result.status !== 'authorized' && result.status !== 'captured') {
      const status = result.status === 'pending' ? 'pending' : result.status === 'requires_more' ? 'requires_more' : 'error';
      await inTransaction(ctx, async (tx) => {
        // joined: locked and read under the lock above
        const collection = lockedFirst ?? (await this.lockCollection(tx, session.payment_collection_id));
        const locked = lockedFirst ? session : await tx.em.findOneOrFail(PaymentSession, { id: sessionId }, { refresh: true });
        locked.status = status;
        if (result.data) locked.data = result.data;
        await this.recompute(tx, collection);
      });
      throw new SthenoError(ErrorTypes.PAYMENT_AUTHORIZATION_ERROR, `Session: ${sessionId} was not authorized with the provider.`);
    }

    const view = await inTransaction(ctx, async (tx) => {
      // joined: locked and read under the lock above
      let collection = lockedFirst;
      let locked: PaymentSession | null = session;
      if (!collection) {
        collection = await this.lockCollection(tx, session.payment_collection_id);
        // a concurrent authorization of the same session got here first: answer its payment
        const raced = await this.paymentOfSession(tx, sessionId);
        if (raced) return raced;
        locked = await tx.em.findOne(PaymentSession, { id: sessionId }, { refresh: true });
      }
      if (!locked) throw SthenoError.notFound(`Payment session with id: ${sessionId} was not found`);
      const now = new Date();
      locked.status = result.status === 'captured' ? 'captured' : 'authorized';
      locked.authorized_at = now;
      if (result.data) locked.data = result.data;
      const payment = tx.em.create(Payment, {
        amount: locked.amount,
        currency_code: locked.currency_code,
        provider_id: locked.provider_id,
        data: result.data ?? locked.data,
        payment_collection_id: locked.payment_collection_id,
        payment_session_id: locked.id,
        metadata: null,
      });
      const captures: Capture[] = [];
      if (result.status === 'captured') {
        captures.push(tx.em.create(Capture, { amount: locked.amount, payment_id: payment.id, created_by: actorOf(tx), metadata: null }));
        payment.captured_at = now;
        this.events.record(tx, PaymentEvents.CAPTURED, { id: payment.id });
      }
      await this.recompute(tx, collection);
      // created in this transaction: its captures are the one above if any, and it has no refunds
      return this.views.createdPayment(payment, captures);
    });
    this.remember(view);
    return view;
  }

  async cancel(ctx: Context, target: string | PaymentView): Promise<void> {
    const id = typeof target === 'string' ? target : target.id;
    const row = await ctx.em.findOne(Payment, { id }, { refresh: true });
    if (!row) {
      // the authorization's transaction rolled back: only the provider still holds it
      const authorized = typeof target === 'string' ? this.recentAuthorizations.get(id) : target;
      if (!authorized) throw SthenoError.notFound(`Payment with id: ${id} was not found`);
      await this.calls.operate(this.registry.get(authorized.provider_id), 'cancelPayment', id, {
        data: authorized.data,
        amount: String(authorized.raw_amount.value),
        currency_code: authorized.currency_code,
      });
      this.recentAuthorizations.delete(id);
      return;
    }
    await inTransaction(ctx, async (tx) => {
      const collection = await this.lockCollection(tx, row.payment_collection_id);
      const payment = await tx.em.findOneOrFail(Payment, { id }, { refresh: true });
      if (payment.canceled_at) return;
      const { captured } = await this.sums(tx, id);
      if (captured.gt(0)) throw SthenoError.notAllowed(`Cannot cancel payment ${id}: it has captures (refund it instead)`);
      const output = await this.calls.operate(this.registry.get(payment.provider_id), 'cancelPayment', id, {
        data: payment.data,
        amount: new Decimal(payment.amount).toFixed(),
        currency_code: payment.currency_code,
      });
      if (output.data) payment.data = output.data;
      payment.canceled_at = new Date();
      const session = await tx.em.findOne(PaymentSession, { id: payment.payment_session_id });
      if (session) session.status = 'canceled';
      await this.recompute(tx, collection);
    });
    this.recentAuthorizations.delete(id);
  }

  /**
   * Ends a session nobody will use (an abandoned checkout). Authorized: its payment is canceled
   * with the provider, which releases the hold (a refusal throws and changes nothing). Not yet
   * authorized: the provider is told to drop it. Either way the session ends `canceled` and, as
   * Medusa drops a cart's replaced sessions, soft-deleted with its payment: the collection is back
   * to what it was before the session, so the shopper can start a new one. False when there was
   * nothing to end (captured, gone, already over).
   */
  async expireSession(ctx: Context, sessionId: string): Promise<boolean> {
    const session = await ctx.em.findOne(PaymentSession, { id: sessionId }, { refresh: true });
    if (!session || !['pending', 'requires_more', 'authorized'].includes(session.status)) return false;
    const ended = await inTransaction(ctx, async (tx) => {
      const collection = await this.lockCollection(tx, session.payment_collection_id);
      const locked = await tx.em.findOne(PaymentSession, { id: sessionId }, { refresh: true });
      if (!locked) return null;
      const now = new Date();
      const authorized = locked.status === 'authorized';
      if (authorized) {
        const payment = await tx.em.findOne(Payment, { payment_session_id: sessionId }, { refresh: true });
        if (!payment || payment.canceled_at || payment.captured_at || (await this.sums(tx, payment.id)).captured.gt(0)) return null;
        await this.cancel(tx, payment.id);
        payment.deleted_at = now;
      } else if (locked.status !== 'pending' && locked.status !== 'requires_more') {
        // authorized, captured or dropped meanwhile: the next run sees its new state
        return null;
      }
      locked.status = 'canceled';
      locked.deleted_at = now;
      await this.recompute(tx, collection);
      return { session: locked, authorized };
    });
    if (!ended) return false;
    // a session never authorized holds nothing: the provider only forgets it (best effort)
    if (!ended.authorized) await this.calls.forgetSessions([ended.session]);
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // Captures and refunds
  // -------------------------------------------------------------------------------------------

  async capture(ctx: Context, paymentId: string, amount?: Decimal.Value, options: { providerCaptured?: boolean } = {}): Promise<PaymentView> {
    const requested = amount === undefined ? undefined : parseAmount(amount, 'amount');
    return inTransaction(ctx, async (tx) => {
      const { collection, payment } = await this.lockPayment(tx, paymentId);
      if (payment.canceled_at) throw SthenoError.notAllowed(`The payment: ${paymentId} has been canceled.`);
      if (payment.captured_at) throw SthenoError.notAllowed(`The payment: ${paymentId} is already fully captured.`);
      const { captured } = await this.sums(tx, paymentId);
      const remaining = new Decimal(payment.amount).minus(captured);
      const value = requested ?? remaining;
      if (value.gt(remaining)) {
        throw SthenoError.notAllowed('You cannot capture more than the authorized amount substracted by what is already captured.');
      }
      if (!options.providerCaptured) {
        const output = await this.calls.operate(this.registry.get(payment.provider_id), 'capturePayment', paymentId, {
          data: payment.data,
          amount: value.toFixed(),
          currency_code: payment.currency_code,
        });
        if (output.data) payment.data = output.data;
      }
      tx.em.create(Capture, { amount: value.toFixed(), payment_id: paymentId, created_by: actorOf(tx), metadata: null });
      if (captured.plus(value).gte(payment.amount)) payment.captured_at = new Date();
      const session = await tx.em.findOne(PaymentSession, { id: payment.payment_session_id });
      if (session && payment.captured_at) session.status = 'captured';
      this.events.record(tx, PaymentEvents.CAPTURED, { id: paymentId });
      await this.recompute(tx, collection);
      return this.viewOf(tx, payment);
    });
  }

  async refund(ctx: Context, paymentId: string, input: RefundPaymentInput): Promise<PaymentView> {
    const requested = input.amount === undefined ? undefined : parseAmount(input.amount, 'amount');
    return inTransaction(ctx, async (tx) => {
      const { collection, payment } = await this.lockPayment(tx, paymentId);
      const { captured, refunded } = await this.sums(tx, paymentId);
      const refundable = captured.minus(refunded);
      const value = requested ?? refundable;
      if (value.lte(0) || value.gt(refundable)) {
        throw SthenoError.invalidData('You cannot refund more than what is captured on the payment.');
      }
      const output = await this.calls.operate(this.registry.get(payment.provider_id), 'refundPayment', paymentId, {
        data: payment.data,
        amount: value.toFixed(),
        currency_code: payment.currency_code,
      });
      if (output.data) payment.data = output.data;
      tx.em.create(Refund, {
        amount: value.toFixed(),
        payment_id: paymentId,
        refund_reason_id: input.refund_reason_id ?? null,
        note: input.note ?? null,
        created_by: actorOf(tx),
        metadata: null,
      });
      this.events.record(tx, PaymentEvents.REFUNDED, { id: paymentId });
      await this.recompute(tx, collection);
      return this.viewOf(tx, payment);
    });
  }

  // -------------------------------------------------------------------------------------------
  // Webhooks
  // -------------------------------------------------------------------------------------------

  /** Applies what a provider's webhook reported; false when it named no session of this provider or changed nothing. */
  async applyWebhook(ctx: Context, providerId: string, action: WebhookAction, data: NonNullable<WebhookActionAndData['data']>): Promise<boolean> {
    const session = await ctx.em.findOne(PaymentSession, { id: data.session_id, provider_id: providerId }, { refresh: true });
    if (!session || action === 'not_supported') return false;
    if (action === 'failed') {
      if (!['pending', 'requires_more'].includes(session.status)) return false;
      await inTransaction(ctx, async (tx) => {
        const collection = await this.lockCollection(tx, session.payment_collection_id);
        const locked = await tx.em.findOneOrFail(PaymentSession, { id: session.id }, { refresh: true });
        if (!['pending', 'requires_more'].includes(locked.status)) return;
        locked.status = 'error';
        await this.recompute(tx, collection);
      });
      return true;
    }
    let payment = await this.paymentOfSession(ctx, session.id);
    let changed = false;
    if (!payment) {
      payment = await this.authorize(ctx, session.id);
      changed = true;
    }
    if (action === 'captured' && !payment.captured_at && !payment.canceled_at) {
      // `amount` is what the provider reports as captured on the payment in total (Stripe's
      // amount_received), not an increment: a redelivered or out-of-order event then captures
      // nothing more here, and only the difference to what is already recorded is captured
      const captured = payment.captures.reduce((sum, c) => sum.plus(c.raw_amount.value), new Decimal(0));
      const authorized = new Decimal(payment.raw_amount.value);
      const total = data.amount === undefined ? authorized : Decimal.min(parseAmount(data.amount, 'amount'), authorized);
      const missing = total.minus(captured);
      if (missing.gt(0)) {
        await this.capture(ctx, payment.id, missing, { providerCaptured: true });
        changed = true;
      }
    }
    return changed;
  }

  // -------------------------------------------------------------------------------------------

  /** The payment, with its collection locked first (one lock order for every operation). */
  private async lockPayment(tx: Context, paymentId: string): Promise<{ collection: PaymentCollection; payment: Payment }> {
    const found = await tx.em.findOne(Payment, { id: paymentId });
    if (!found) throw SthenoError.notFound(`Payment with id: ${paymentId} was not found`);
    const collection = await this.lockCollection(tx, found.payment_collection_id);
    const payment = await tx.em.findOneOrFail(Payment, { id: paymentId }, { refresh: true });
    return { collection, payment };
  }

  private async sums(tx: Context, paymentId: string): Promise<PaymentSums> {
    const [row] = await tx.em.execute<Array<{ captured: string; refunded: string }>>(
      `select coalesce((select sum(amount) from capture where payment_id = ? and deleted_at is null), 0) as captured,
              coalesce((select sum(amount) from refund where payment_id = ? and deleted_at is null), 0) as refunded`,
      [paymentId, paymentId],
    );
    return { captured: new Decimal(row.captured), refunded: new Decimal(row.refunded) };
  }

  private async paymentOfSession(ctx: Context, sessionId: string): Promise<PaymentView | null> {
    const payment = await ctx.em.findOne(Payment, { payment_session_id: sessionId }, { refresh: true });
    return payment ? this.viewOf(ctx, payment) : null;
  }

  private async viewOf(ctx: Context, payment: Payment): Promise<PaymentView> {
    await ctx.em.flush();
    const [view] = await this.views.payments(ctx, [payment]);
    return view;
  }

  private remember(view: PaymentView): void {
    this.recentAuthorizations.delete(view.id);
    this.recentAuthorizations.set(view.id, view);
    if (this.recentAuthorizations.size > RECENT_AUTHORIZATIONS_MAX) {
      this.recentAuthorizations.delete(this.recentAuthorizations.keys().next().value as string);
    }
  }
}

/** Who captured or refunded: a user or API key, as Medusa's `created_by`. */
function actorOf(ctx: Context): string | null {
  return ctx.actor && ctx.actor.type !== 'system' ? ctx.actor.id : null;
}

/** Only a session still open can be authorized. */
function assertAuthorizable(sessionId: string, status: PaymentSessionStatus): void {
  if (!['pending', 'requires_more', 'error'].includes(status)) {
    throw SthenoError.notAllowed(`Payment session ${sessionId} has status ${status} and cannot be authorized`);
  }
}
