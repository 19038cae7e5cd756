import Decimal from 'decimal.js';
import { Context } from '../../framework/context/context';
import { preparedQuery } from '../../framework/database/prepared';
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

/** The collection's amounts and status from its sessions and payments, read in one statement. */
export async function readCollectionState(tx: Context, id: string, amount: Decimal.Value): Promise<CollectionState> {
  // plain SQL: a partial ORM load of sessions in the identity map made the next flush rewrite them; one statement for both
  const [{ sessions, payments }] = await preparedQuery<{
    sessions: Array<{ status: PaymentSessionStatus }>;
    payments: Array<{ amount: string; canceled: boolean; captured: string; refunded: string }>;
  }>(
    tx,
    'stheno_payment_collection_state',
    `select
       coalesce((select jsonb_agg(jsonb_build_object('status', s.status)) from payment_session s
         where s.payment_collection_id = ? and s.deleted_at is null), '[]'::jsonb) as sessions,
       coalesce((select jsonb_agg(jsonb_build_object(
           'amount', p.amount::text,
           'canceled', p.canceled_at is not null,
           'captured', coalesce((select sum(c.amount) from capture c where c.payment_id = p.id and c.deleted_at is null), 0)::text,
           'refunded', coalesce((select sum(r.amount) from refund r where r.payment_id = p.id and r.deleted_at is null), 0)::text))
         from payment p where p.payment_collection_id = ? and p.deleted_at is null), '[]'::jsonb) as payments`,
    [id, id],
  );
  return collectionState({ amount, sessions, payments });
}

/**
 * Writes `state` on a collection whose entity is not loaded (the completion locks it in plain SQL):
 * one UPDATE. `completed_at` keeps its first value while the collection stays completed.
 */
export async function writeCollectionState(tx: Context, id: string, state: CollectionState): Promise<void> {
  const now = new Date().toISOString();
  await preparedQuery(
    tx,
    'stheno_payment_collection_state_write',
    `update payment_collection
        set authorized_amount = ?::numeric, captured_amount = ?::numeric, refunded_amount = ?::numeric, status = ?,
            completed_at = case when ?::boolean then coalesce(completed_at, ?::timestamptz) end, updated_at = ?::timestamptz
      where id = ?`,
    [state.authorized_amount.toFixed(), state.captured_amount.toFixed(), state.refunded_amount.toFixed(), state.status, state.completed, now, now, id],
  );
}
