import { calculatePrices, normalizeDecimal, toAmountNumber } from './price-calculator';
import { calc, EUR, list, listsOf, NOW, price, SET } from './price-calculator.fixtures';

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
