import { fulfillmentStatusOf, paymentStatusOf } from './order-status';
import type { FulfillmentForStatus, ItemForStatus } from './order.types';

describe('paymentStatusOf', () => {
  const collection = (status: string, amount: number, captured = 0, refunded = 0) => ({
    status,
    amount,
    captured_amount: captured,
    refunded_amount: refunded,
  });

  it('is not_paid without collections or with only not_paid ones', () => {
    expect(paymentStatusOf([])).toBe('not_paid');
    expect(paymentStatusOf([collection('not_paid', 30)])).toBe('not_paid');
  });

  it('is awaiting while a session waits', () => {
    expect(paymentStatusOf([collection('awaiting', 30)])).toBe('awaiting');
  });

  it('is authorized when every live collection is, partially when only some are', () => {
    expect(paymentStatusOf([collection('authorized', 30)])).toBe('authorized');
    expect(paymentStatusOf([collection('authorized', 30), collection('canceled', 5)])).toBe('authorized');
    expect(paymentStatusOf([collection('authorized', 30), collection('not_paid', 5)])).toBe('partially_authorized');
  });

  it('is captured when the whole amount is captured, partially_captured otherwise', () => {
    expect(paymentStatusOf([collection('completed', 30, 30)])).toBe('captured');
    expect(paymentStatusOf([collection('authorized', 30, 10)])).toBe('partially_captured');
    expect(paymentStatusOf([collection('completed', 30, 30), collection('authorized', 10)])).toBe('partially_captured');
  });

  it('compares amounts exactly (strings, decimals)', () => {
    expect(paymentStatusOf([{ status: 'completed', amount: '30.10', captured_amount: '30.1' }])).toBe('captured');
    expect(paymentStatusOf([{ status: 'completed', amount: '30.10', captured_amount: '30.09' }])).toBe('partially_captured');
  });

  it('is refunded when refunds match captures, partially_refunded otherwise', () => {
    expect(paymentStatusOf([collection('completed', 30, 30, 30)])).toBe('refunded');
    expect(paymentStatusOf([collection('completed', 30, 30, 10)])).toBe('partially_refunded');
  });

  it('is canceled only when every collection is', () => {
    expect(paymentStatusOf([collection('canceled', 30)])).toBe('canceled');
    expect(paymentStatusOf([collection('canceled', 30), collection('awaiting', 30)])).toBe('awaiting');
  });

  it('puts requires_action first', () => {
    expect(paymentStatusOf([collection('requires_action', 30), collection('completed', 30, 30)])).toBe('requires_action');
  });
});

describe('fulfillmentStatusOf', () => {
  const item = (quantity: number, fulfilled: number, requires_shipping = true): ItemForStatus => ({
    requires_shipping,
    quantity,
    detail: { fulfilled_quantity: fulfilled },
  });
  const at = '2026-01-01T00:00:00.000Z';
  const packed: FulfillmentForStatus = { packed_at: at };
  const shipped: FulfillmentForStatus = { packed_at: at, shipped_at: at };
  const delivered: FulfillmentForStatus = { packed_at: at, shipped_at: at, delivered_at: at };
  const canceled: FulfillmentForStatus = { packed_at: at, canceled_at: at };

  it('is not_fulfilled without fulfillments', () => {
    expect(fulfillmentStatusOf([item(2, 0)], [])).toBe('not_fulfilled');
  });

  it('is fulfilled when every unit is in a fulfillment, partially_fulfilled otherwise', () => {
    expect(fulfillmentStatusOf([item(2, 2)], [packed])).toBe('fulfilled');
    expect(fulfillmentStatusOf([item(2, 1)], [packed])).toBe('partially_fulfilled');
  });

  it('ignores lines that need no shipping', () => {
    expect(fulfillmentStatusOf([item(2, 2), item(1, 0, false)], [packed])).toBe('fulfilled');
  });

  it('is shipped when every live fulfillment shipped and nothing is left to fulfil', () => {
    expect(fulfillmentStatusOf([item(2, 2)], [shipped, canceled])).toBe('shipped');
    expect(fulfillmentStatusOf([item(2, 2)], [shipped, packed])).toBe('partially_shipped');
    expect(fulfillmentStatusOf([item(3, 2)], [shipped])).toBe('partially_shipped');
  });

  it('counts a delivered fulfillment as shipped too', () => {
    expect(fulfillmentStatusOf([item(2, 2)], [delivered, shipped])).toBe('partially_delivered');
    expect(fulfillmentStatusOf([item(2, 2)], [delivered, delivered])).toBe('delivered');
    expect(fulfillmentStatusOf([item(2, 1)], [delivered])).toBe('partially_delivered');
  });

  it('is canceled when every fulfillment is canceled', () => {
    expect(fulfillmentStatusOf([item(2, 0)], [canceled, canceled])).toBe('canceled');
  });
});
