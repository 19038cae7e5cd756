import { initialSummary, summaryWithTransactions } from './order-summary';

describe('order summary', () => {
  it('starts with the whole rounded total pending', () => {
    expect(initialSummary('30.005', '0')).toEqual({
      original_order_total: '30.01',
      current_order_total: '30.01',
      paid_total: '0',
      refunded_total: '0',
      transaction_total: '0',
      credit_line_total: '0',
      accounting_total: '30.01',
      pending_difference: '30.01',
    });
  });

  it('counts captures as paid and refunds (negative) as refunded', () => {
    const start = initialSummary('100', '0');
    expect(summaryWithTransactions(start, ['100'])).toMatchObject({ paid_total: '100', transaction_total: '100', pending_difference: '0' });
    expect(summaryWithTransactions(start, ['60', '40', '-25.5'])).toMatchObject({
      paid_total: '100',
      refunded_total: '25.5',
      transaction_total: '74.5',
      pending_difference: '25.5',
      original_order_total: '100',
    });
  });
});
