import { Injectable } from '@nestjs/common';
import { Context } from '../../framework/context/context';
import { flushBeforeRead, hydrateJsonRow, jsonRowSql } from '../../framework/database/json-rows';
import { preparedByIds } from '../../framework/database/prepared';
import { Capture } from './entities/capture.entity';
import { PaymentCollection } from './entities/payment-collection.entity';
import { PaymentSession } from './entities/payment-session.entity';
import { Payment } from './entities/payment.entity';
import { RefundReason } from './entities/refund-reason.entity';
import { Refund } from './entities/refund.entity';
import { rawAmount, wireNumber } from './money';
import {
  CaptureView,
  PaymentCollectionView,
  PaymentSessionView,
  PaymentView,
  RefundReasonView,
  RefundView,
} from './payment.types';

const iso = (d: Date | null | undefined): string | null => d?.toISOString() ?? null;

export function toRefundReasonView(reason: RefundReason): RefundReasonView {
  return {
    id: reason.id,
    label: reason.label,
    code: reason.code,
    description: reason.description,
    metadata: reason.metadata,
    created_at: reason.created_at.toISOString(),
    updated_at: reason.updated_at.toISOString(),
    deleted_at: iso(reason.deleted_at),
  };
}

function toCaptureView(capture: Capture): CaptureView {
  return {
    id: capture.id,
    amount: wireNumber(capture.amount),
    raw_amount: rawAmount(capture.amount),
    payment_id: capture.payment_id,
    created_by: capture.created_by,
    metadata: capture.metadata,
    created_at: capture.created_at.toISOString(),
    updated_at: capture.updated_at.toISOString(),
    deleted_at: iso(capture.deleted_at),
  };
}

function toRefundView(refund: Refund, reason: RefundReasonView | null): RefundView {
  return {
    id: refund.id,
    amount: wireNumber(refund.amount),
    raw_amount: rawAmount(refund.amount),
    payment_id: refund.payment_id,
    refund_reason_id: refund.refund_reason_id,
    refund_reason: reason,
    note: refund.note,
    created_by: refund.created_by,
    metadata: refund.metadata,
    created_at: refund.created_at.toISOString(),
    updated_at: refund.updated_at.toISOString(),
    deleted_at: iso(refund.deleted_at),
  };
}

function toPaymentView(payment: Payment, captures: CaptureView[], refunds: RefundView[]): PaymentView {
  return {
    id: payment.id,
    amount: wireNumber(payment.amount),
    raw_amount: rawAmount(payment.amount),
    currency_code: payment.currency_code,
    provider_id: payment.provider_id,
    data: payment.data,
    metadata: payment.metadata,
    captured_at: iso(payment.captured_at),
    canceled_at: iso(payment.canceled_at),
    payment_collection_id: payment.payment_collection_id,
    payment_session_id: payment.payment_session_id,
    payment_session: { id: payment.payment_session_id },
    captures,
    refunds,
    created_at: payment.created_at.toISOString(),
    updated_at: payment.updated_at.toISOString(),
    deleted_at: iso(payment.deleted_at),
  };
}

function toSessionView(session: PaymentSession, payment: PaymentView | null): PaymentSessionView {
  return {
    id: session.id,
    amount: wireNumber(session.amount),
    raw_amount: rawAmount(session.amount),
    currency_code: session.currency_code,
    provider_id: session.provider_id,
    data: session.data,
    context: session.context,
    status: session.status,
    authorized_at: iso(session.authorized_at),
    payment_collection_id: session.payment_collection_id,
    payment,
    metadata: session.metadata,
    created_at: session.created_at.toISOString(),
    updated_at: session.updated_at.toISOString(),
    deleted_at: iso(session.deleted_at),
  };
}

function toCollectionView(collection: PaymentCollection, sessions: PaymentSessionView[], payments: PaymentView[]): PaymentCollectionView {
  return {
    id: collection.id,
    currency_code: collection.currency_code,
    amount: wireNumber(collection.amount),
    authorized_amount: wireNumber(collection.authorized_amount),
    captured_amount: wireNumber(collection.captured_amount),
    refunded_amount: wireNumber(collection.refunded_amount),
    raw_amount: rawAmount(collection.amount),
    raw_authorized_amount: rawAmount(collection.authorized_amount),
    raw_captured_amount: rawAmount(collection.captured_amount),
    raw_refunded_amount: rawAmount(collection.refunded_amount),
    status: collection.status,
    completed_at: iso(collection.completed_at),
    metadata: collection.metadata,
    created_at: collection.created_at.toISOString(),
    updated_at: collection.updated_at.toISOString(),
    deleted_at: iso(collection.deleted_at),
    payment_sessions: sessions,
    payments,
  };
}

/**
 * Payment collections with everything their views show, as one JSON document each: the collection,
 * its sessions, its payments with their captures and refunds (each refund with its reason, deleted
 * or not, as the refund recorded it). Children oldest first, soft-deleted ones left out.
 */
const COLLECTIONS_SQL = `
select ${jsonRowSql('c', ['amount', 'authorized_amount', 'captured_amount', 'refunded_amount'])} as collection,
  coalesce((select jsonb_agg(${jsonRowSql('s', ['amount'])} order by s.created_at, s.id)
    from payment_session s where s.payment_collection_id = c.id and s.deleted_at is null), '[]'::jsonb) as sessions,
  coalesce((select jsonb_agg(${jsonRowSql('p', ['amount'])} || jsonb_build_object(
      'captures', coalesce((select jsonb_agg(${jsonRowSql('x', ['amount'])} order by x.created_at, x.id)
        from capture x where x.payment_id = p.id and x.deleted_at is null), '[]'::jsonb),
      'refunds', coalesce((select jsonb_agg(${jsonRowSql('x', ['amount'])} || jsonb_build_object('reason', (select to_jsonb(rr) from refund_reason rr where rr.id = x.refund_reason_id))
          order by x.created_at, x.id)
        from refund x where x.payment_id = p.id and x.deleted_at is null), '[]'::jsonb))
      order by p.created_at, p.id)
    from payment p where p.payment_collection_id = c.id and p.deleted_at is null), '[]'::jsonb) as payments
from payment_collection c where c.id {ids} and c.deleted_at is null`;

type Json = Record<string, unknown>;

interface CollectionRow {
  collection: Json;
  sessions: Json[];
  payments: Array<Json & { captures: Json[]; refunds: Array<Json & { reason: Json | null }> }>;
}

function collectionFromRow(row: CollectionRow): PaymentCollectionView {
  const payments = row.payments.map((p) =>
    toPaymentView(
      hydrateJsonRow<Payment>(p),
      p.captures.map((c) => toCaptureView(hydrateJsonRow<Capture>(c))),
      p.refunds.map((r) => toRefundView(hydrateJsonRow<Refund>(r), r.reason ? toRefundReasonView(hydrateJsonRow<RefundReason>(r.reason)) : null)),
    ),
  );
  const paymentOfSession = new Map(payments.map((p) => [p.payment_session_id, p]));
  const sessions = row.sessions.map((s) => toSessionView(hydrateJsonRow<PaymentSession>(s), paymentOfSession.get(s.id as string) ?? null));
  return toCollectionView(hydrateJsonRow<PaymentCollection>(row.collection), sessions, payments);
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Builds the nested views with a fixed number of queries whatever the number of rows. */
@Injectable()
export class PaymentViews {
  async payments(ctx: Context, payments: Payment[]): Promise<PaymentView[]> {
    if (!payments.length) return [];
    const ids = payments.map((p) => p.id);
    const order = { orderBy: [{ created_at: 'ASC' as const }, { id: 'ASC' as const }], refresh: true };
    const captures = await ctx.em.find(Capture, { payment_id: { $in: ids } }, order);
    const refunds = await ctx.em.find(Refund, { payment_id: { $in: ids } }, order);
    const reasonIds = [...new Set(refunds.flatMap((r) => (r.refund_reason_id ? [r.refund_reason_id] : [])))];
    const reasons = reasonIds.length
      ? await ctx.em.find(RefundReason, { id: { $in: reasonIds } }, { filters: { softDelete: false } })
      : [];
    const reasonViews = new Map(reasons.map((r) => [r.id, toRefundReasonView(r)]));
    const capturesOf = groupBy(captures, (c) => c.payment_id);
    const refundsOf = groupBy(refunds, (r) => r.payment_id);
    return payments.map((payment) =>
      toPaymentView(
        payment,
        (capturesOf.get(payment.id) ?? []).map(toCaptureView),
        (refundsOf.get(payment.id) ?? []).map((r) => toRefundView(r, r.refund_reason_id ? (reasonViews.get(r.refund_reason_id) ?? null) : null)),
      ),
    );
  }

  /** A payment just created (flushed) in this transaction with `captures`: it has no refunds, nothing to read. */
  createdPayment(payment: Payment, captures: Capture[]): PaymentView {
    return toPaymentView(payment, captures.map(toCaptureView), []);
  }

  /** A collection just created in this transaction: no sessions and no payments yet, nothing to read. */
  created(collection: PaymentCollection): PaymentCollectionView {
    return toCollectionView(collection, [], []);
  }

  /**
   * The collections among `ids` that exist, in the order of `ids`, each with its sessions (with
   * their payment) and payments (with captures and refunds): one statement (see COLLECTIONS_SQL).
   */
  async collectionsByIds(ctx: Context, ids: string[]): Promise<PaymentCollectionView[]> {
    if (!ids.length) return [];
    await flushBeforeRead(ctx);
    const rows = await preparedByIds<CollectionRow>(ctx, 'stheno_payment_collections', COLLECTIONS_SQL, ids);
    const byId = new Map(rows.map((row) => [row.collection.id as string, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [collectionFromRow(row)] : [];
    });
  }
}
