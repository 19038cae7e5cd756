import {
  calculatePrice,
  calculatePrices,
  CandidatePrice,
  CandidatePriceList,
  normalizeDecimal,
  PricePreferenceInput,
  PricingContext,
  toAmountNumber,
} from './price-calculator';

const SET = 'pset_1';
const NOW = new Date('2025-06-15T12:00:00.000Z');

let seq = 0;
function price(overrides: Partial<CandidatePrice> = {}): CandidatePrice {
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

function list(overrides: Partial<CandidatePriceList> & { id: string }): CandidatePriceList {
  return { type: 'sale', status: 'active', starts_at: null, ends_at: null, rules: {}, ...overrides };
}

function listsOf(...items: CandidatePriceList[]): Map<string, CandidatePriceList> {
  return new Map(items.map((l) => [l.id, l]));
}

const EUR: PricingContext = { currency_code: 'eur' };

function calc(
  prices: CandidatePrice[],
  context: PricingContext = EUR,
  lists: Map<string, CandidatePriceList> | Record<string, CandidatePriceList> = new Map(),
  preferences: PricePreferenceInput[] = [],
  now: Date = NOW,
) {
  return calculatePrice(SET, prices, lists, context, preferences, now);
}

describe('toAmountNumber / normalizeDecimal', () => {
  it('turns numeric strings into JSON numbers', () => {
    expect(toAmountNumber('10.5000')).toBe(10.5);
    expect(toAmountNumber('10')).toBe(10);
    expect(toAmountNumber('0.00')).toBe(0);
  });

  it('drops trailing zeros and never uses exponent notation', () => {
    expect(normalizeDecimal('1000.5000')).toBe('1000.5');
    expect(normalizeDecimal('10.00')).toBe('10');
    expect(normalizeDecimal('0.0000')).toBe('0');
    expect(normalizeDecimal('0.00000001')).toBe('0.00000001');
    expect(normalizeDecimal('123456789012345678901234')).toBe('123456789012345678901234');
  });
});

describe('calculatePrice', () => {
  it("returns Medusa's exact shape and key order for a plain base price", () => {
    const p = price({ id: 'price_a', amount: '10.00' });
    const result = calc([p]);
    expect(JSON.stringify(result)).toBe(
      JSON.stringify({
        id: SET,
        is_calculated_price_price_list: false,
        is_calculated_price_tax_inclusive: false,
        calculated_amount: 10,
        raw_calculated_amount: { value: '10', precision: 20 },
        is_original_price_price_list: false,
        is_original_price_tax_inclusive: false,
        original_amount: 10,
        raw_original_amount: { value: '10', precision: 20 },
        currency_code: 'eur',
        calculated_price: { id: 'price_a', price_list_id: null, price_list_type: null, min_quantity: null, max_quantity: null },
        original_price: { id: 'price_a', price_list_id: null, price_list_type: null, min_quantity: null, max_quantity: null },
      }),
    );
  });

  describe('currency filtering', () => {
    it('keeps only prices in the context currency, whatever the case', () => {
      const eur = price({ currency_code: 'EUR', amount: '10' });
      const usd = price({ currency_code: 'usd', amount: '5' });
      const result = calc([usd, eur], { currency_code: 'Eur' });
      expect(result?.calculated_price.id).toBe(eur.id);
      expect(result?.currency_code).toBe('eur');
    });

    it('returns null when no price is in the context currency', () => {
      expect(calc([price({ currency_code: 'usd' })])).toBeNull();
    });
  });

  describe('quantity tiers', () => {
    const tier = price({ amount: '8', min_quantity: '10', max_quantity: '49' });
    const bulk = price({ amount: '6', min_quantity: '50', max_quantity: null });
    const fallback = price({ amount: '10' });
    const all = [fallback, tier, bulk];

    it('defaults the quantity to 1: below every tier, the untiered price applies', () => {
      expect(calc(all)?.calculated_price.id).toBe(fallback.id);
    });

    it('below a tier minimum the tier does not apply', () => {
      expect(calc(all, { ...EUR, quantity: 9 })?.calculated_price.id).toBe(fallback.id);
    });

    it('inside a tier (bounds inclusive) the narrower tier wins over the untiered price', () => {
      expect(calc(all, { ...EUR, quantity: 10 })?.calculated_price.id).toBe(tier.id);
      const at49 = calc(all, { ...EUR, quantity: 49 });
      expect(at49?.calculated_price.id).toBe(tier.id);
      expect(at49?.calculated_price).toMatchObject({ min_quantity: 10, max_quantity: 49 });
    });

    it('above a tier maximum the tier does not apply; an open-ended tier does', () => {
      const result = calc(all, { ...EUR, quantity: 1000 });
      expect(result?.calculated_price).toMatchObject({ id: bulk.id, min_quantity: 50, max_quantity: null });
    });

    it('a tier-only set has no price outside its tiers', () => {
      expect(calc([tier], { ...EUR, quantity: 50 })).toBeNull();
    });

    it('compares quantity bounds as decimals ("10.000" is 10)', () => {
      const p = price({ min_quantity: '10.000', max_quantity: '10.000' });
      expect(calc([p], { ...EUR, quantity: 10 })?.calculated_price).toMatchObject({ min_quantity: 10, max_quantity: 10 });
    });
  });

  describe('rule specificity', () => {
    const general = price({ amount: '10' });
    const regional = price({ amount: '12', rules: [{ attribute: 'region_id', operator: 'eq', value: 'reg_1' }] });

    it('a region price beats the currency-only price in its region, even when dearer', () => {
      expect(calc([general, regional], { ...EUR, region_id: 'reg_1' })?.calculated_price.id).toBe(regional.id);
    });

    it('another region, or no region in the context, falls back to the general price', () => {
      expect(calc([general, regional], { ...EUR, region_id: 'reg_2' })?.calculated_price.id).toBe(general.id);
      expect(calc([general, regional])?.calculated_price.id).toBe(general.id);
    });

    it('more matching rules beat fewer', () => {
      const both = price({
        amount: '15',
        rules: [
          { attribute: 'region_id', operator: 'eq', value: 'reg_1' },
          { attribute: 'customer_group_id', operator: 'eq', value: 'cg_1' },
        ],
      });
      const ctx = { ...EUR, region_id: 'reg_1', customer_group_id: 'cg_1' };
      expect(calc([general, regional, both], ctx)?.calculated_price.id).toBe(both.id);
    });

    it('a price applies only when ALL its rules match', () => {
      const both = price({
        rules: [
          { attribute: 'region_id', operator: 'eq', value: 'reg_1' },
          { attribute: 'customer_group_id', operator: 'eq', value: 'cg_1' },
        ],
      });
      expect(calc([both], { ...EUR, region_id: 'reg_1', customer_group_id: 'cg_2' })).toBeNull();
    });

    it('equal specificity and tier: the lowest amount wins, then the smallest id', () => {
      const a = price({ id: 'price_b', amount: '9' });
      const b = price({ id: 'price_a', amount: '9.00' });
      const c = price({ id: 'price_0', amount: '11' });
      expect(calc([c, a, b])?.calculated_price.id).toBe('price_a');
    });
  });

  describe('customer group as an array', () => {
    const groupPrice = price({ amount: '7', rules: [{ attribute: 'customer_group_id', operator: 'eq', value: 'cg_2' }] });
    const general = price({ amount: '10' });

    it('any group of the customer satisfies an eq rule', () => {
      const ctx = { ...EUR, customer_group_id: ['cg_1', 'cg_2'] };
      expect(calc([general, groupPrice], ctx)?.calculated_price.id).toBe(groupPrice.id);
    });

    it('no matching group (or an empty list) does not', () => {
      expect(calc([general, groupPrice], { ...EUR, customer_group_id: ['cg_1', 'cg_3'] })?.calculated_price.id).toBe(general.id);
      expect(calc([general, groupPrice], { ...EUR, customer_group_id: [] })?.calculated_price.id).toBe(general.id);
    });
  });

  describe('numeric rule operators', () => {
    const withRule = (operator: 'gt' | 'gte' | 'lt' | 'lte', value: string) =>
      price({ rules: [{ attribute: 'item_total', operator, value }] });
    const cases: Array<['gt' | 'gte' | 'lt' | 'lte', string, unknown, boolean]> = [
      ['gt', '100', 100, false],
      ['gt', '100', 100.01, true],
      ['gte', '100', '100.00', true],
      ['gte', '100', 99.99, false],
      ['lt', '50', 49.999, true],
      ['lt', '50', 50, false],
      ['lte', '50', '50.0', true],
      ['lte', '50', 50.0001, false],
      ['gt', '9', 10, true], // numeric, not lexicographic ("10" < "9" as strings)
    ];

    it.each(cases)('%s %s against %p matches: %p', (operator, value, contextValue, matches) => {
      const result = calc([withRule(operator, value)], { ...EUR, item_total: contextValue });
      expect(result !== null).toBe(matches);
    });

    it('a missing or non-numeric context value never matches', () => {
      expect(calc([withRule('gt', '0')])).toBeNull();
      expect(calc([withRule('gt', '0')], { ...EUR, item_total: 'lots' })).toBeNull();
    });

    it('any element of an array context value may satisfy it', () => {
      expect(calc([withRule('gte', '10')], { ...EUR, item_total: [3, '12'] })).not.toBeNull();
    });
  });

  describe('price list eligibility', () => {
    const base = price({ amount: '10' });
    const onList = (listId: string, amount = '8') => price({ amount, price_list_id: listId });

    it('a draft list is ignored', () => {
      const result = calc([base, onList('pl_1')], EUR, listsOf(list({ id: 'pl_1', status: 'draft' })));
      expect(result?.calculated_price.id).toBe(base.id);
    });

    it('a price whose list is not provided is ignored', () => {
      expect(calc([base, onList('pl_missing')])?.calculated_price.id).toBe(base.id);
    });

    it('a list is ignored before it starts and after it ends', () => {
      const sale = onList('pl_1');
      const future = listsOf(list({ id: 'pl_1', starts_at: new Date('2025-07-01T00:00:00Z') }));
      const past = listsOf(list({ id: 'pl_1', ends_at: new Date('2025-06-01T00:00:00Z') }));
      expect(calc([base, sale], EUR, future)?.calculated_price.id).toBe(base.id);
      expect(calc([base, sale], EUR, past)?.calculated_price.id).toBe(base.id);
    });

    it('a list applies inside its window, bounds included', () => {
      const sale = onList('pl_1');
      const window = listsOf(list({ id: 'pl_1', starts_at: new Date('2025-06-01T00:00:00Z'), ends_at: new Date('2025-07-01T00:00:00Z') }));
      expect(calc([base, sale], EUR, window)?.calculated_price.id).toBe(sale.id);
      const exact = listsOf(list({ id: 'pl_1', starts_at: NOW, ends_at: NOW }));
      expect(calc([base, sale], EUR, exact)?.calculated_price.id).toBe(sale.id);
    });

    it('list rules matching the context (scalar or array) let the list apply', () => {
      const sale = onList('pl_1');
      const lists = listsOf(list({ id: 'pl_1', rules: { customer_group_id: ['cg_1', 'cg_2'] } }));
      expect(calc([base, sale], { ...EUR, customer_group_id: 'cg_2' }, lists)?.calculated_price.id).toBe(sale.id);
      expect(calc([base, sale], { ...EUR, customer_group_id: ['cg_9', 'cg_1'] }, lists)?.calculated_price.id).toBe(sale.id);
    });

    it('list rules not matching the context exclude the list', () => {
      const sale = onList('pl_1');
      const lists = listsOf(list({ id: 'pl_1', rules: { customer_group_id: ['cg_1'] } }));
      expect(calc([base, sale], { ...EUR, customer_group_id: ['cg_2'] }, lists)?.calculated_price.id).toBe(base.id);
    });

    it('a list rule on an attribute absent from the context does not match', () => {
      const sale = onList('pl_1');
      const lists = listsOf(list({ id: 'pl_1', rules: { customer_group_id: ['cg_1'] } }));
      expect(calc([base, sale], EUR, lists)?.calculated_price.id).toBe(base.id);
    });

    it('every list rule must match', () => {
      const sale = onList('pl_1');
      const lists = listsOf(list({ id: 'pl_1', rules: { customer_group_id: ['cg_1'], region_id: ['reg_1'] } }));
      expect(calc([base, sale], { ...EUR, customer_group_id: 'cg_1', region_id: 'reg_2' }, lists)?.calculated_price.id).toBe(base.id);
      expect(calc([base, sale], { ...EUR, customer_group_id: 'cg_1', region_id: 'reg_1' }, lists)?.calculated_price.id).toBe(sale.id);
    });

    it('list prices obey their own price rules and quantity tiers too', () => {
      const sale = price({ amount: '5', price_list_id: 'pl_1', min_quantity: '5', rules: [{ attribute: 'region_id', operator: 'eq', value: 'reg_1' }] });
      const lists = listsOf(list({ id: 'pl_1' }));
      expect(calc([base, sale], { ...EUR, region_id: 'reg_1', quantity: 4 }, lists)?.calculated_price.id).toBe(base.id);
      expect(calc([base, sale], { ...EUR, region_id: 'reg_2', quantity: 5 }, lists)?.calculated_price.id).toBe(base.id);
      expect(calc([base, sale], { ...EUR, region_id: 'reg_1', quantity: 5 }, lists)?.calculated_price.id).toBe(sale.id);
    });

    it('accepts the lists as a plain record, ignoring inherited keys', () => {
      const sale = onList('pl_1');
      expect(calc([base, sale], EUR, { pl_1: list({ id: 'pl_1' }) })?.calculated_price.id).toBe(sale.id);
      expect(calc([base, onList('constructor')], EUR, {})?.calculated_price.id).toBe(base.id);
    });
  });

  describe('sale lists', () => {
    const base = price({ id: 'price_base', amount: '10' });
    const lists = listsOf(list({ id: 'pl_sale', type: 'sale' }));

    it('a lower sale price applies; the base stays the original', () => {
      const sale = price({ id: 'price_sale', amount: '8', price_list_id: 'pl_sale' });
      const result = calc([base, sale], EUR, lists);
      expect(result).toMatchObject({
        is_calculated_price_price_list: true,
        calculated_amount: 8,
        is_original_price_price_list: false,
        original_amount: 10,
        calculated_price: { id: 'price_sale', price_list_id: 'pl_sale', price_list_type: 'sale' },
        original_price: { id: 'price_base', price_list_id: null, price_list_type: null },
      });
    });

    it('a higher sale price is ignored', () => {
      const sale = price({ amount: '12', price_list_id: 'pl_sale' });
      const result = calc([base, sale], EUR, lists);
      expect(result).toMatchObject({ is_calculated_price_price_list: false, calculated_amount: 10, original_amount: 10 });
      expect(result?.calculated_price.id).toBe('price_base');
    });

    it('an equal sale price is ignored (the original stands)', () => {
      const sale = price({ amount: '10.00', price_list_id: 'pl_sale' });
      const result = calc([base, sale], EUR, lists);
      expect(result?.calculated_price.id).toBe('price_base');
      expect(result?.is_calculated_price_price_list).toBe(false);
    });

    it('of several sale prices the cheapest applies', () => {
      const lists2 = listsOf(list({ id: 'pl_sale' }), list({ id: 'pl_sale2' }));
      const s1 = price({ amount: '8', price_list_id: 'pl_sale' });
      const s2 = price({ amount: '7.5', price_list_id: 'pl_sale2' });
      expect(calc([base, s1, s2], EUR, lists2)?.calculated_price).toMatchObject({ id: s2.id, price_list_id: 'pl_sale2' });
    });

    it('a sale-only set uses the sale price as both calculated and original', () => {
      const sale = price({ id: 'price_sale', amount: '8', price_list_id: 'pl_sale' });
      const result = calc([sale], EUR, lists);
      expect(result).toMatchObject({
        is_calculated_price_price_list: true,
        calculated_amount: 8,
        is_original_price_price_list: true,
        original_amount: 8,
        calculated_price: { id: 'price_sale', price_list_type: 'sale' },
        original_price: { id: 'price_sale', price_list_type: 'sale' },
      });
    });
  });

  describe('override lists', () => {
    const base = price({ id: 'price_base', amount: '10' });

    it('an override price replaces the base for calculated and original, even when dearer', () => {
      const override = price({ id: 'price_ovr', amount: '12', price_list_id: 'pl_ovr' });
      const result = calc([base, override], EUR, listsOf(list({ id: 'pl_ovr', type: 'override' })));
      expect(result).toMatchObject({
        is_calculated_price_price_list: true,
        calculated_amount: 12,
        is_original_price_price_list: true,
        original_amount: 12,
        calculated_price: { id: 'price_ovr', price_list_id: 'pl_ovr', price_list_type: 'override' },
        original_price: { id: 'price_ovr', price_list_id: 'pl_ovr', price_list_type: 'override' },
      });
    });

    it('a sale lower than the override is calculated; the override is the original', () => {
      const override = price({ id: 'price_ovr', amount: '9', price_list_id: 'pl_ovr' });
      const sale = price({ id: 'price_sale', amount: '7', price_list_id: 'pl_sale' });
      const lists = listsOf(list({ id: 'pl_ovr', type: 'override' }), list({ id: 'pl_sale', type: 'sale' }));
      const result = calc([base, override, sale], EUR, lists);
      expect(result).toMatchObject({ calculated_amount: 7, original_amount: 9 });
      expect(result?.calculated_price.price_list_type).toBe('sale');
      expect(result?.original_price.price_list_type).toBe('override');
    });

    it('a sale between the override and the base is ignored', () => {
      const override = price({ amount: '8', price_list_id: 'pl_ovr' });
      const sale = price({ amount: '9', price_list_id: 'pl_sale' });
      const lists = listsOf(list({ id: 'pl_ovr', type: 'override' }), list({ id: 'pl_sale', type: 'sale' }));
      expect(calc([base, override, sale], EUR, lists)?.calculated_price.id).toBe(override.id);
    });

    it('between override lists, the one with more (price + list) rules wins', () => {
      const plain = price({ amount: '8', price_list_id: 'pl_all' });
      const vip = price({ amount: '9', price_list_id: 'pl_vip' });
      const lists = listsOf(list({ id: 'pl_all', type: 'override' }), list({ id: 'pl_vip', type: 'override', rules: { customer_group_id: ['cg_vip'] } }));
      expect(calc([base, plain, vip], { ...EUR, customer_group_id: 'cg_vip' }, lists)?.original_price.id).toBe(vip.id);
      expect(calc([base, plain, vip], EUR, lists)?.original_price.id).toBe(plain.id);
    });
  });

  it('no applicable price at all → null', () => {
    expect(calc([])).toBeNull();
    const regional = price({ rules: [{ attribute: 'region_id', operator: 'eq', value: 'reg_1' }] });
    expect(calc([regional], { ...EUR, region_id: 'reg_2' })).toBeNull();
  });

  it('ignores prices of other price sets', () => {
    expect(calc([price({ price_set_id: 'pset_other' })])).toBeNull();
  });

  describe('tax inclusivity', () => {
    const p = price();
    const byCurrency: PricePreferenceInput = { attribute: 'currency_code', value: 'EUR', is_tax_inclusive: true };
    const byRegion: PricePreferenceInput = { attribute: 'region_id', value: 'reg_1', is_tax_inclusive: false };

    it('defaults to tax-exclusive', () => {
      expect(calc([p])).toMatchObject({ is_calculated_price_tax_inclusive: false, is_original_price_tax_inclusive: false });
    });

    it('uses the currency preference (case-insensitive) when no region preference matches', () => {
      expect(calc([p], { ...EUR, region_id: 'reg_2' }, new Map(), [byRegion, byCurrency])).toMatchObject({
        is_calculated_price_tax_inclusive: true,
        is_original_price_tax_inclusive: true,
      });
    });

    it('a region preference beats the currency one for a price carrying that region as a rule', () => {
      const regional = price({ rules: [{ attribute: 'region_id', operator: 'eq', value: 'reg_1' }] });
      expect(calc([regional], { ...EUR, region_id: 'reg_1' }, new Map(), [byCurrency, byRegion])).toMatchObject({
        is_calculated_price_tax_inclusive: false,
        is_original_price_tax_inclusive: false,
      });
      const inclusiveRegion = { ...byRegion, is_tax_inclusive: true };
      const exclusiveCurrency = { ...byCurrency, is_tax_inclusive: false };
      expect(calc([regional], { ...EUR, region_id: 'reg_1' }, new Map(), [exclusiveCurrency, inclusiveRegion])).toMatchObject({
        is_calculated_price_tax_inclusive: true,
        is_original_price_tax_inclusive: true,
      });
    });

    it('a currency price in a region with a preference follows the currency preference (as Medusa)', () => {
      const inclusiveRegion = { ...byRegion, is_tax_inclusive: true };
      expect(calc([p], { ...EUR, region_id: 'reg_1' }, new Map(), [inclusiveRegion])).toMatchObject({
        is_calculated_price_tax_inclusive: false,
        is_original_price_tax_inclusive: false,
      });
      expect(calc([p], { ...EUR, region_id: 'reg_1' }, new Map(), [byCurrency, byRegion])).toMatchObject({
        is_calculated_price_tax_inclusive: true,
        is_original_price_tax_inclusive: true,
      });
    });

    it('calculated and original prices are judged each by its own rules', () => {
      const base = price({ amount: '20' });
      const sale = price({ amount: '15', price_list_id: 'pl_sale', rules: [{ attribute: 'region_id', operator: 'eq', value: 'reg_1' }] });
      const inclusiveRegion = { ...byRegion, is_tax_inclusive: true };
      expect(calc([base, sale], { ...EUR, region_id: 'reg_1' }, listsOf(list({ id: 'pl_sale' })), [inclusiveRegion])).toMatchObject({
        calculated_amount: 15,
        is_calculated_price_tax_inclusive: true,
        original_amount: 20,
        is_original_price_tax_inclusive: false,
      });
    });

    it('a preference for another currency does not apply', () => {
      const usd: PricePreferenceInput = { attribute: 'currency_code', value: 'usd', is_tax_inclusive: true };
      expect(calc([p], EUR, new Map(), [usd])?.is_calculated_price_tax_inclusive).toBe(false);
    });
  });

  describe('decimal precision', () => {
    it('compares amounts exactly: "9.99" beats "9.995"', () => {
      const a = price({ amount: '9.995' });
      const b = price({ amount: '9.99' });
      const result = calc([a, b]);
      expect(result?.calculated_price.id).toBe(b.id);
      expect(result?.raw_calculated_amount).toEqual({ value: '9.99', precision: 20 });
    });

    it('a sale of "9.995" is not lower than a base of "9.99", but "9.9899" is', () => {
      const base = price({ amount: '9.99' });
      const lists = listsOf(list({ id: 'pl_sale' }));
      expect(calc([base, price({ amount: '9.995', price_list_id: 'pl_sale' })], EUR, lists)?.calculated_price.id).toBe(base.id);
      const cheaper = price({ amount: '9.9899', price_list_id: 'pl_sale' });
      expect(calc([base, cheaper], EUR, lists)?.calculated_price.id).toBe(cheaper.id);
    });

    it('distinguishes amounts a float would merge', () => {
      const base = price({ amount: '0.30000000000000000001' });
      const sale = price({ amount: '0.3', price_list_id: 'pl_sale' });
      const result = calc([base, sale], EUR, listsOf(list({ id: 'pl_sale' })));
      expect(result?.calculated_price.id).toBe(sale.id);
      expect(result?.raw_original_amount.value).toBe('0.30000000000000000001');
    });

    it('normalises raw values and numbers ("1000.5000")', () => {
      const result = calc([price({ amount: '1000.5000' })]);
      expect(result).toMatchObject({
        calculated_amount: 1000.5,
        raw_calculated_amount: { value: '1000.5', precision: 20 },
        original_amount: 1000.5,
        raw_original_amount: { value: '1000.5', precision: 20 },
      });
    });
  });
});

describe('calculatePrices', () => {
  it('groups prices by price set and maps a set without prices to null', () => {
    const a = price({ price_set_id: 'pset_a', amount: '10' });
    const b1 = price({ price_set_id: 'pset_b', amount: '20' });
    const b2 = price({ price_set_id: 'pset_b', amount: '15', price_list_id: 'pl_sale' });
    const result = calculatePrices(['pset_a', 'pset_b', 'pset_empty'], [b2, a, b1], listsOf(list({ id: 'pl_sale' })), EUR, [], NOW);
    expect([...result.keys()]).toEqual(['pset_a', 'pset_b', 'pset_empty']);
    expect(result.get('pset_a')).toMatchObject({ id: 'pset_a', calculated_amount: 10, original_amount: 10 });
    expect(result.get('pset_b')).toMatchObject({ id: 'pset_b', calculated_amount: 15, original_amount: 20 });
    expect(result.get('pset_empty')).toBeNull();
  });

  it('ignores prices of sets that were not asked for', () => {
    const result = calculatePrices(['pset_a'], [price({ price_set_id: 'pset_z' })], new Map(), EUR, [], NOW);
    expect([...result.entries()]).toEqual([['pset_a', null]]);
  });
});
