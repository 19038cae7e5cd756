import { collectionState } from './payment-collection-state';

const payment = (amount: string, captured = '0', refunded = '0', canceled = false) => ({ amount, captured, refunded, canceled });

describe('collectionState', () => {
  it('is not_paid without sessions and awaiting with a pending one', () => {
    expect(collectionState({ amount: '30', sessions: [], payments: [] }).status).toBe('not_paid');
    expect(collectionState({ amount: '30', sessions: [{ status: 'pending' }], payments: [] }).status).toBe('awaiting');
  });

  it('is failed when every session failed', () => {
    expect(collectionState({ amount: '30', sessions: [{ status: 'error' }], payments: [] }).status).toBe('failed');
  });

  it('is authorized when payments cover the amount, partially_authorized below it', () => {
    const full = collectionState({ amount: '30', sessions: [{ status: 'authorized' }], payments: [payment('30')] });
    expect(full.status).toBe('authorized');
    expect(full.authorized_amount.toString()).toBe('30');
    expect(collectionState({ amount: '30', sessions: [{ status: 'authorized' }], payments: [payment('29.99')] }).status).toBe('partially_authorized');
  });

  it('is completed once captures reach the amount, with exact sums of cents', () => {
    const partly = collectionState({ amount: '0.3', sessions: [{ status: 'authorized' }], payments: [payment('0.3', '0.1')] });
    expect(partly.status).toBe('authorized');
    expect(partly.completed).toBe(false);
    const paid = collectionState({ amount: '0.3', sessions: [{ status: 'authorized' }], payments: [payment('0.1', '0.1'), payment('0.2', '0.2', '0.05')] });
    expect(paid.status).toBe('completed');
    expect(paid.completed).toBe(true);
    expect(paid.captured_amount.toString()).toBe('0.3');
    expect(paid.refunded_amount.toString()).toBe('0.05');
  });

  it('stays completed after refunds and counts captures of canceled payments', () => {
    const state = collectionState({ amount: '10', sessions: [{ status: 'authorized' }], payments: [payment('10', '10', '10', true)] });
    expect(state.status).toBe('completed');
    expect(state.authorized_amount.toString()).toBe('0');
  });

  it('is canceled when every payment was canceled before any capture', () => {
    expect(collectionState({ amount: '10', sessions: [{ status: 'canceled' }], payments: [payment('10', '0', '0', true)] }).status).toBe('canceled');
  });
});
