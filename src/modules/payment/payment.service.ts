import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { Context, inTransaction } from '../../framework/context/context';
import { findPage } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { ListQuery } from '../../framework/http/list-query';
import { PaymentCollection } from './entities/payment-collection.entity';
import { PaymentSession } from './entities/payment-session.entity';
import { Payment } from './entities/payment.entity';
import { parseAmount } from './money';
import { PaymentOperations } from './payment-operations';
import { PaymentProviderCatalog } from './payment-provider-catalog';
import { PaymentViews } from './payment-views';
import { ProviderCalls } from './provider-calls';
import { RefundReasons } from './refund-reasons';
import {
  CreatePaymentCollectionInput,
  CreatePaymentSessionInput,
  PaymentCollectionView,
  PaymentEvents,
  PaymentProviderView,
  PaymentView,
  RefundPaymentInput,
  SYSTEM_PAYMENT_PROVIDER_ID,
  WebhookOutcome,
  WebhookPayload,
} from './payment.types';

/** Sessions that can still be replaced or re-authorized: nothing was authorized on them. */
const OPEN_SESSION = ['pending', 'requires_more', 'error'] as const;

/**
 * The payment module's facade: payment collections, their sessions with a provider, the payments
 * they become once authorized, captures and refunds. Amounts are exact (decimal.js over numeric
 * columns); a collection's amounts and status are recomputed in the transaction that changes them.
 */
@Injectable()
export class PaymentService {
  constructor(
    private readonly events: EventBus,
    private readonly views: PaymentViews,
    private readonly operations: PaymentOperations,
    private readonly providers: PaymentProviderCatalog,
    private readonly calls: ProviderCalls,
    private readonly refundReasons: RefundReasons,
  ) {}

  // -------------------------------------------------------------------------------------------
  // Collections
  // -------------------------------------------------------------------------------------------

  async createCollection(ctx: Context, input: CreatePaymentCollectionInput): Promise<PaymentCollectionView> {
    const amount = parseAmount(input.amount, 'amount', { allowZero: true });
    return inTransaction(ctx, async (tx) => {
      const collection = tx.em.create(PaymentCollection, {
        currency_code: input.currency_code.trim().toLowerCase(),
        amount: amount.toFixed(),
        authorized_amount: '0',
        captured_amount: '0',
        refunded_amount: '0',
        status: 'not_paid',
        metadata: input.metadata ?? null,
      });
      await tx.em.flush();
      return this.views.created(collection);
    });
  }

  /** With its sessions (each with its payment) and payments (with captures and refunds). */
  async retrieveCollection(ctx: Context, id: string): Promise<PaymentCollectionView> {
    const [view] = await this.views.collectionsByIds(ctx, [id]);
    if (!view) throw SthenoError.notFound(`Payment collection with id: ${id} was not found`);
    return view;
  }

  /** The collections among `ids` that exist, in the order of `ids`. */
  async listCollections(ctx: Context, ids: string[]): Promise<PaymentCollectionView[]> {
    return this.views.collectionsByIds(ctx, ids);
  }

  /**
   * Sets the amount to pay (the cart's total changed) and, when given, the currency (the cart moved
   * to a region of another currency). Open sessions for another amount or currency are dropped, as
   * Medusa refreshes a cart's collection: the shopper starts a new one.
   */
  async updateCollectionAmount(ctx: Context, id: string, amount: Decimal.Value, currencyCode?: string): Promise<void> {
    const value = parseAmount(amount, 'amount', { allowZero: true });
    const dropped = await inTransaction(ctx, async (tx) => {
      const collection = await this.operations.lockCollection(tx, id);
      if (collection.status === 'completed' || collection.status === 'canceled') {
        throw SthenoError.notAllowed(`Cannot change the amount of a payment collection with status: ${collection.status}`);
      }
      collection.amount = value.toFixed();
      if (currencyCode) collection.currency_code = currencyCode.trim().toLowerCase();
      const stale = (await tx.em.find(PaymentSession, { payment_collection_id: id, status: { $in: [...OPEN_SESSION] } })).filter(
        (s) => !new Decimal(s.amount).eq(value) || s.currency_code !== collection.currency_code,
      );
      for (const session of stale) session.deleted_at = new Date();
      await tx.em.flush();
      await this.operations.recompute(tx, collection);
      return stale;
    });
    await this.calls.forgetSessions(dropped);
  }

  /** Soft-deletes a collection that holds no live payment. */
  async deleteCollection(ctx: Context, id: string): Promise<void> {
    const dropped = await inTransaction(ctx, async (tx) => {
      const collection = await this.operations.lockCollection(tx, id);
      const live = await tx.em.count(Payment, { payment_collection_id: id, canceled_at: null });
      if (live) throw SthenoError.notAllowed(`Payment collection ${id} has payments that are not canceled and cannot be deleted`);
      const sessions = await tx.em.find(PaymentSession, { payment_collection_id: id });
      const now = new Date();
      for (const session of sessions) session.deleted_at = now;
      collection.deleted_at = now;
      await tx.em.flush();
      return sessions.filter((s) => OPEN_SESSION.includes(s.status as (typeof OPEN_SESSION)[number]));
    });
    await this.calls.forgetSessions(dropped);
  }

  /**
   * Settles a collection outside any provider (the admin's "mark as paid"): a `pp_system_default`
   * session for the amount, authorized and captured at once. Refused once anything is authorized.
   */
  async markCollectionPaid(ctx: Context, collectionId: string): Promise<PaymentCollectionView> {
    return inTransaction(ctx, async (tx) => {
      const collection = await this.operations.lockCollection(tx, collectionId);
      if (!['not_paid', 'awaiting', 'failed'].includes(collection.status)) {
        throw SthenoError.notAllowed(`Cannot mark a payment collection with status: ${collection.status} as paid`);
      }
      const withSession = await this.createSession(tx, collectionId, { provider_id: SYSTEM_PAYMENT_PROVIDER_ID });
      const session = withSession.payment_sessions.find((s) => s.provider_id === SYSTEM_PAYMENT_PROVIDER_ID && s.status === 'pending');
      if (!session) throw SthenoError.unexpectedState(`No open session on payment collection ${collectionId}`);
      const payment = await this.authorizeSession(tx, session.id);
      if (!payment.captured_at) await this.capturePayment(tx, payment.id);
      return this.retrieveCollection(tx, collectionId);
    });
  }

  // -------------------------------------------------------------------------------------------
  // Sessions and authorization
  // -------------------------------------------------------------------------------------------

  /**
   * Starts a session with a provider for the collection (its amount and currency unless given).
   * Replaces the collection's other open sessions, as Medusa does: one way to pay at a time.
   */
  async createSession(ctx: Context, collectionId: string, input: CreatePaymentSessionInput): Promise<PaymentCollectionView> {
    await this.startSession(ctx, collectionId, input);
    return this.retrieveCollection(ctx, collectionId);
  }

  /** `createSession` for a caller that reads the collection later (the store route answers it after commit). */
  async startSession(ctx: Context, collectionId: string, input: CreatePaymentSessionInput): Promise<void> {
    const provider = await this.providers.enabled(ctx, input.provider_id);
    // inside a caller's transaction (the store route's) the collection is locked at once, not read and then locked
    const joined = ctx.em.isInTransaction();
    const collection = joined
      ? await this.operations.lockCollection(ctx, collectionId)
      : await ctx.em.findOne(PaymentCollection, { id: collectionId }, { refresh: true });
    if (!collection) throw SthenoError.notFound(`Payment collection with id: ${collectionId} was not found`);
    if (collection.status === 'completed' || collection.status === 'canceled') {
      throw SthenoError.notAllowed(`Cannot add a payment session to a payment collection with status: ${collection.status}`);
    }
    const amount = input.amount === undefined ? new Decimal(collection.amount) : parseAmount(input.amount, 'amount', { allowZero: true });
    const currency = (input.currency_code ?? collection.currency_code).trim().toLowerCase();
    const data = input.data ?? {};
    const context = input.context ?? {};
    const started = await this.calls.initiate(provider, { amount: amount.toFixed(), currency_code: currency, data, context });

    const dropped = await inTransaction(ctx, async (tx) => {
      const locked = joined ? collection : await this.operations.lockCollection(tx, collectionId);
      const open = await tx.em.find(PaymentSession, { payment_collection_id: collectionId, status: { $in: [...OPEN_SESSION] } });
      for (const session of open) session.deleted_at = new Date();
      tx.em.create(PaymentSession, {
        payment_collection_id: collectionId,
        provider_id: provider.id,
        amount: amount.toFixed(),
        currency_code: currency,
        data: started.data ?? {},
        context,
        status: started.status ?? 'pending',
        metadata: input.metadata ?? {},
      });
      await tx.em.flush();
      await this.operations.recompute(tx, locked);
      return open;
    });
    await this.calls.forgetSessions(dropped);
  }

  /**
   * Authorizes a session with its provider and records the payment it becomes. A session already
   * authorized answers its payment (idempotent). A refusal marks the session (status `error`,
   * `requires_more` …) and throws payment_authorization_error (422). A caller inside a transaction
   * that knows the session's collection passes it (`collectionId`): one read fewer.
   */
  async authorizeSession(ctx: Context, sessionId: string, context?: Record<string, unknown>, collectionId?: string): Promise<PaymentView> {
    return this.operations.authorize(ctx, sessionId, context, collectionId);
  }

  /**
   * Cancels a payment with its provider and marks it canceled. Takes the payment id, or the view
   * `authorizeSession` answered: the compensation of an authorization whose transaction rolled back
   * (the payment row never committed) passes the view, so the provider is still told.
   */
  async cancelPayment(ctx: Context, payment: string | PaymentView): Promise<void> {
    await this.operations.cancel(ctx, payment);
  }

  /**
   * Ends an abandoned session: an authorization is canceled with the provider (releasing the hold),
   * a session not yet authorized is dropped with the provider; either way the session ends
   * `canceled`. False when nothing was left to end (captured, already canceled, gone).
   */
  expireSession(ctx: Context, sessionId: string): Promise<boolean> {
    return this.operations.expireSession(ctx, sessionId);
  }

  // -------------------------------------------------------------------------------------------
  // Payments: captures and refunds
  // -------------------------------------------------------------------------------------------

  async listPayments(ctx: Context, query: ListQuery): Promise<[PaymentView[], number]> {
    const [rows, count] = await findPage(ctx, Payment, query);
    return [await this.views.payments(ctx, rows), count];
  }

  async retrievePayment(ctx: Context, id: string): Promise<PaymentView> {
    const payment = await ctx.em.findOne(Payment, { id }, { refresh: true });
    if (!payment) throw SthenoError.notFound(`Payment with id: ${id} was not found`);
    const [view] = await this.views.payments(ctx, [payment]);
    return view;
  }

  /** Captures `amount` (default: what is authorized and not yet captured); never more than that. */
  async capturePayment(ctx: Context, paymentId: string, amount?: Decimal.Value): Promise<PaymentView> {
    return this.operations.capture(ctx, paymentId, amount);
  }

  /** Refunds `amount` (default: what is captured and not yet refunded); never more than that. */
  async refundPayment(ctx: Context, paymentId: string, input: RefundPaymentInput = {}): Promise<PaymentView> {
    if (input.refund_reason_id) await this.refundReasons.assertExists(ctx, input.refund_reason_id);
    return this.operations.refund(ctx, paymentId, input);
  }

  // -------------------------------------------------------------------------------------------
  // Providers
  // -------------------------------------------------------------------------------------------

  /** The enabled providers linked to the region (none for an unknown region). */
  providersForRegion(ctx: Context, regionId: string): Promise<PaymentProviderView[]> {
    return this.providers.forRegion(ctx, regionId);
  }

  /** Every provider known to the store, filtered by `id` / `is_enabled`, one page of them. */
  listProviders(ctx: Context, query: ListQuery): Promise<[PaymentProviderView[], number]> {
    return this.providers.list(ctx, query);
  }

  /** The providers with these ids that the store knows, in the order given (linked regions show them). */
  retrieveProviders(ctx: Context, ids: string[]): Promise<PaymentProviderView[]> {
    return this.providers.byIds(ctx, ids);
  }

  /** invalid_data naming the ids this process has no provider for; records the others in the provider table. */
  assertProvidersExist(ctx: Context, ids: string[]): Promise<void> {
    return this.providers.assertRegistered(ctx, ids);
  }

  /**
   * A provider's webhook: the provider reads the raw request and says what happened; an
   * authorization or capture is applied to the session and payment it names, a failure marks the
   * session. `payment.webhook_received` is recorded with the outcome. Unknown provider → 404.
   */
  async processWebhook(ctx: Context, providerId: string, payload: WebhookPayload): Promise<WebhookOutcome> {
    const provider = this.providers.registered(providerId);
    const { action, data } = await this.calls.webhook(provider, payload);
    const applied = data?.session_id ? await this.operations.applyWebhook(ctx, providerId, action, data) : false;
    await inTransaction(ctx, async (tx) => {
      this.events.record(tx, PaymentEvents.WEBHOOK_RECEIVED, { provider: providerId, action, session_id: data?.session_id ?? null, applied });
      await tx.em.flush();
    });
    const payment = data?.session_id ? await ctx.em.findOne(Payment, { payment_session_id: data.session_id, provider_id: providerId }, { refresh: true }) : null;
    return { action, applied, payment_id: payment?.id ?? null };
  }
}

