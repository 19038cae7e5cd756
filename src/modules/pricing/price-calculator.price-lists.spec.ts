import type { PricePreferenceInput } from './price-calculator';
import { calc, EUR, list, listsOf, NOW, price } from './price-calculator.fixtures';

/** Price lists (eligibility, sale, override) and tax-inclusive preferences. */
describe('calculatePrice with price lists and preferences', () => {
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
});
