import Decimal from 'decimal.js';
import type { SummaryField } from './order-view';

/**
 * The order summary (Medusa's `order_summary.totals`): amounts as exact decimal strings.
 *
 * - original_order_total: the order's total when placed; current_order_total: its total now (the
 *   same until order changes exist). Both rounded to the minor unit, the amount a payment
 *   collection asks for, so that a full capture leaves exactly 0 pending.
 * - paid_total: Σ captures; refunded_total: Σ refunds; transaction_total = paid − refunded.
 * - credit_line_total: Σ credit lines (already deducted from the order total).
 * - accounting_total = current_order_total; pending_difference = current_order_total − transaction_total
 *   (positive: the customer owes; negative: the merchant owes a refund).
 */
export type SummaryTotals = Record<SummaryField, string>;

const round = (value: Decimal.Value) => new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const str = (d: Decimal) => (d.isZero() ? '0' : d.toFixed());

export function initialSummary(orderTotal: Decimal.Value, creditLineTotal: Decimal.Value): SummaryTotals {
  const total = round(orderTotal);
  return {
    original_order_total: str(total),
    current_order_total: str(total),
    paid_total: '0',
    refunded_total: '0',
    transaction_total: '0',
    credit_line_total: str(round(creditLineTotal)),
    accounting_total: str(total),
    pending_difference: str(total),
  };
}

/** The summary after the order's transactions (captures positive, refunds negative). */
export function summaryWithTransactions(current: Partial<SummaryTotals>, transactionAmounts: readonly Decimal.Value[]): SummaryTotals {
  let paid = new Decimal(0);
  let refunded = new Decimal(0);
  for (const amount of transactionAmounts) {
    const d = new Decimal(amount);
    if (d.gte(0)) paid = paid.plus(d);
    else refunded = refunded.plus(d.abs());
  }
  const orderTotal = new Decimal(current.current_order_total ?? '0');
  const transactionTotal = paid.minus(refunded);
  return {
    original_order_total: current.original_order_total ?? str(orderTotal),
    current_order_total: str(orderTotal),
    paid_total: str(paid),
    refunded_total: str(refunded),
    transaction_total: str(transactionTotal),
    credit_line_total: current.credit_line_total ?? '0',
    accounting_total: current.accounting_total ?? str(orderTotal),
    pending_difference: str(orderTotal.minus(transactionTotal)),
  };
}
