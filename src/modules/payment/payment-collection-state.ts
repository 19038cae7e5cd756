import Decimal from 'decimal.js';
import type { PaymentCollectionStatus, PaymentSessionStatus } from './payment.types';

export interface CollectionFacts {
  amount: Decimal.Value;
  sessions: Array<{ status: PaymentSessionStatus }>;
  /** Payments not canceled, with what was captured and refunded on each. */
  payments: Array<{ amount: Decimal.Value; canceled: boolean; captured: Decimal.Value; refunded: Decimal.Value }>;
}

export interface CollectionState {
  authorized_amount: Decimal;
  captured_amount: Decimal;
  refunded_amount: Decimal;
  status: PaymentCollectionStatus;
  /** Whether captures cover the amount (the collection is paid). */
  completed: boolean;
}

/**
 * A collection's amounts and status from its sessions and payments, as Medusa derives them:
 * no session → not_paid; sessions but nothing authorized → awaiting (failed when every session
 * failed); authorized payments covering the amount → authorized, less → partially_authorized;
 * captures covering the amount → completed. Payments that were all canceled → canceled.
 */
export function collectionState(facts: CollectionFacts): CollectionState {
  const amount = new Decimal(facts.amount);
  const live = facts.payments.filter((p) => !p.canceled);
  const sum = (values: Decimal.Value[]): Decimal => values.reduce<Decimal>((acc, v) => acc.plus(v), new Decimal(0));
  const authorized = sum(live.map((p) => p.amount));
  // money captured on a payment canceled afterwards stays captured (and refundable)
  const captured = sum(facts.payments.map((p) => p.captured));
  const refunded = sum(facts.payments.map((p) => p.refunded));

  let status: PaymentCollectionStatus = facts.sessions.length ? 'awaiting' : 'not_paid';
  if (facts.sessions.length && facts.sessions.every((s) => s.status === 'error')) status = 'failed';
  if (facts.payments.length && !live.length && captured.isZero()) status = 'canceled';
  if (authorized.gt(0)) status = authorized.gte(amount) ? 'authorized' : 'partially_authorized';
  const completed = facts.payments.length > 0 && captured.gt(0) && captured.gte(amount);
  if (completed) status = 'completed';
  return { authorized_amount: authorized, captured_amount: captured, refunded_amount: refunded, status, completed };
}
