/** Builders shared by the price calculator's specs (test-only: excluded from the build). */
import {
  calculatePrice,
  CandidatePrice,
  CandidatePriceList,
  PricePreferenceInput,
  PricingContext,
} from './price-calculator';

export const SET = 'pset_1';
export const NOW = new Date('2025-06-15T12:00:00.000Z');

let seq = 0;
export function price(overrides: Partial<CandidatePrice> = {}): CandidatePrice {
  seq += 1;
  return {
    id: `price_${String(seq).padStart(3, '0')}`,
    price_set_id: SET,
    currency_code: 'eur',
    amount: '10',
    min_quantity: null,
    max_quantity: null,
    price_list_id: null,
    rules: [],
    ...overrides,
  };
}

export function list(overrides: Partial<CandidatePriceList> & { id: string }): CandidatePriceList {
  return { type: 'sale', status: 'active', starts_at: null, ends_at: null, rules: {}, ...overrides };
}

export function listsOf(...items: CandidatePriceList[]): Map<string, CandidatePriceList> {
  return new Map(items.map((l) => [l.id, l]));
}

export const EUR: PricingContext = { currency_code: 'eur' };

export function calc(
  prices: CandidatePrice[],
  context: PricingContext = EUR,
  lists: Map<string, CandidatePriceList> | Record<string, CandidatePriceList> = new Map(),
  preferences: PricePreferenceInput[] = [],
  now: Date = NOW,
) {
  return calculatePrice(SET, prices, lists, context, preferences, now);
}
