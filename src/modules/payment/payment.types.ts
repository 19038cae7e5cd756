import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import type Decimal from 'decimal.js';
import type { Metadata } from '../../framework/database/base.entity';
import { declareConfigurableProviders, identifierId } from '../../framework/providers/provider-kinds';

export type PaymentCollectionStatus = 'not_paid' | 'awaiting' | 'authorized' | 'partially_authorized' | 'canceled' | 'failed' | 'completed';
export type PaymentSessionStatus = 'pending' | 'authorized' | 'captured' | 'requires_more' | 'error' | 'canceled';

/** Medusa's exact-amount companion of every money field: `{value: "10.5", precision: 20}`. */
export interface RawAmount {
  value: string;
  precision: number;
}

// ---------------------------------------------------------------------------------------------
// Providers
// ---------------------------------------------------------------------------------------------

/** Amounts reach providers as exact decimal strings in major units (`"10.5"`). */
export interface InitiatePaymentInput {
  amount: string;
  currency_code: string;
  /** What the storefront passed as the session's `data` (a payment method token …). */
  data: Record<string, unknown>;
  /** The session's context (customer, addresses, idempotency key …). */
  context: Record<string, unknown>;
}

export interface InitiatePaymentOutput {
  /** The provider's state for the session, stored as the session's `data`. */
  data?: Record<string, unknown>;
  status?: PaymentSessionStatus;
}

export interface AuthorizePaymentInput {
  amount: string;
  currency_code: string;
  data: Record<string, unknown>;
  context: Record<string, unknown>;
}

export type AuthorizePaymentStatus = 'authorized' | 'captured' | 'requires_more' | 'error' | 'pending';

export interface AuthorizePaymentOutput {
  status: AuthorizePaymentStatus;
  data?: Record<string, unknown>;
}

export interface PaymentOperationInput {
  /** The payment's `data` (the provider's own state). */
  data: Record<string, unknown>;
  amount: string;
  currency_code: string;
}

export interface PaymentOperationOutput {
  /** Replaces the payment's `data` when given. */
  data?: Record<string, unknown>;
}

export interface WebhookPayload {
  /** The parsed body (empty when the body is not JSON). */
  data: Record<string, unknown>;
  /** The body exactly as received, for signature checks. */
  rawData: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

export type WebhookAction = 'authorized' | 'captured' | 'failed' | 'not_supported';

export interface WebhookActionAndData {
  action: WebhookAction;
  /**
   * The session the event is about, and the amount the provider reports: for `captured`, the total
   * captured on the payment so far (a redelivered event is then harmless); absent = all of it.
   */
  data?: { session_id: string; amount?: Decimal.Value };
}

/**
 * A payment provider (`pp_system_default`, Stripe …). Every method may throw: a thrown error is a
 * refusal, and the facade leaves its rows as they were.
 */
export interface PaymentProvider {
  /** Medusa-style id, `pp_<identifier>_<id>` (`pp_system_default`). */
  readonly id: string;
  initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput>;
  authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput>;
  capturePayment(input: PaymentOperationInput): Promise<PaymentOperationOutput>;
  refundPayment(input: PaymentOperationInput): Promise<PaymentOperationOutput>;
  cancelPayment(input: PaymentOperationInput): Promise<PaymentOperationOutput>;
  /** Called when a session is dropped before it was authorized (optional). */
  deletePayment?(input: PaymentOperationInput): Promise<void>;
  getWebhookActionAndData(payload: WebhookPayload): Promise<WebhookActionAndData>;
}

export const PAYMENT_PROVIDER_METADATA = 'stheno:payment-provider';
export const PAYMENT_PROVIDER_ID_SHAPE = /^pp_[a-z0-9_-]+$/i;

/**
 * Makes a class a payment provider the payment module finds at boot, wherever the class is
 * provided (a module of the app, a plugin): the registry registers its instance under its `id`.
 *
 *   @RegisterPaymentProvider()
 *   export class StripeProvider implements PaymentProvider { readonly id = 'pp_stripe_stripe'; … }
 */
export function RegisterPaymentProvider(): ClassDecorator {
  return applyDecorators(Injectable(), SetMetadata(PAYMENT_PROVIDER_METADATA, true));
}

/**
 * `modules.payment.options.providers`: a class marked `@RegisterPaymentProvider()` with a static
 * `identifier`, registered as `pp_<identifier>_<id>` (Medusa's ids; `pp_<identifier>` without an
 * id). An entry whose id is a built-in's or a plugin's (`pp_system_default`) replaces it.
 */
export const PAYMENT_PROVIDER_KIND = declareConfigurableProviders({
  moduleKey: 'payment',
  label: 'payment provider',
  decorator: '@RegisterPaymentProvider()',
  metadataKey: PAYMENT_PROVIDER_METADATA,
  providerId: (parts) => identifierId('pp_', parts, PAYMENT_PROVIDER_ID_SHAPE, 'pp_<identifier>_<id>'),
});

// ---------------------------------------------------------------------------------------------
// Views (the wire shapes, medusa-wire 12–16, 22)
// ---------------------------------------------------------------------------------------------

export interface PaymentProviderView {
  id: string;
  is_enabled: boolean;
}

export interface CaptureView {
  id: string;
  amount: number;
  raw_amount: RawAmount;
  payment_id: string;
  created_by: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface RefundReasonView {
  id: string;
  label: string;
  code: string | null;
  description: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface RefundView {
  id: string;
  amount: number;
  raw_amount: RawAmount;
  payment_id: string;
  refund_reason_id: string | null;
  refund_reason: RefundReasonView | null;
  note: string | null;
  created_by: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface PaymentView {
  id: string;
  amount: number;
  raw_amount: RawAmount;
  currency_code: string;
  provider_id: string;
  data: Record<string, unknown>;
  metadata: Metadata;
  captured_at: string | null;
  canceled_at: string | null;
  payment_collection_id: string;
  payment_session_id: string;
  payment_session: { id: string };
  captures: CaptureView[];
  refunds: RefundView[];
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface PaymentSessionView {
  id: string;
  amount: number;
  raw_amount: RawAmount;
  currency_code: string;
  provider_id: string;
  data: Record<string, unknown>;
  context: Record<string, unknown>;
  status: PaymentSessionStatus;
  authorized_at: string | null;
  payment_collection_id: string;
  payment: PaymentView | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface PaymentCollectionView {
  id: string;
  currency_code: string;
  amount: number;
  authorized_amount: number;
  captured_amount: number;
  refunded_amount: number;
  raw_amount: RawAmount;
  raw_authorized_amount: RawAmount;
  raw_captured_amount: RawAmount;
  raw_refunded_amount: RawAmount;
  status: PaymentCollectionStatus;
  completed_at: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  payment_sessions: PaymentSessionView[];
  payments: PaymentView[];
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

export interface CreatePaymentCollectionInput {
  currency_code: string;
  amount: Decimal.Value;
  metadata?: Metadata;
}

export interface CreatePaymentSessionInput {
  provider_id: string;
  /** Defaults to the collection's. */
  amount?: Decimal.Value;
  currency_code?: string;
  data?: Record<string, unknown>;
  context?: Record<string, unknown>;
  metadata?: Metadata;
}

export interface RefundPaymentInput {
  /** Defaults to what is captured and not yet refunded. */
  amount?: Decimal.Value;
  refund_reason_id?: string | null;
  note?: string | null;
}

export interface RefundReasonInput {
  label: string;
  code?: string | null;
  description?: string | null;
  metadata?: Metadata;
}

export interface WebhookOutcome {
  action: WebhookAction;
  /** False when the event named no session we know, or the action changed nothing. */
  applied: boolean;
  /** The payment of the session the event named, when there is one (to record its money on an order). */
  payment_id: string | null;
}

export const PaymentEvents = {
  CAPTURED: 'payment.captured',
  REFUNDED: 'payment.refunded',
  WEBHOOK_RECEIVED: 'payment.webhook_received',
} as const;

/** The provider every store has: authorizes at once, captures and refunds nothing outside. */
export const SYSTEM_PAYMENT_PROVIDER_ID = 'pp_system_default';
