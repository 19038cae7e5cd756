import Decimal from 'decimal.js';
import { allocateAcross, computePromotionActions, EngineBudget, EnginePromotion, EngineRule, ruleMatches } from './promotion-engine';
import type { ComputedAction, PromotionCartContext } from './promotion.types';

const NOW = new Date('2030-06-15T12:00:00Z');

type Item = PromotionCartContext['items'][number];

function item(id: string, quantity: number, subtotal: string, extra: Partial<Item> = {}): Item {
  return {
    id,
    quantity,
    subtotal,
    is_discountable: true,
    product_id: `prod_${id}`,
    variant_id: `variant_${id}`,
    product_collection_id: null,
    product_category_ids: [],
    product_type_id: null,
    product_tag_ids: [],
    ...extra,
  };
}

function cart(overrides: Partial<PromotionCartContext> = {}): PromotionCartContext {
  return {
    currency_code: 'eur',
    region_id: 'reg_eu',
    customer: { id: 'cus_1', groups: [{ id: 'cusgroup_vip' }] },
    items: [item('a', 2, '20'), item('b', 1, '30')],
    shipping_methods: [{ id: 'sm_1', subtotal: '10', shipping_option_id: 'so_std' }],
    ...overrides,
  };
}

let seq = 0;
function promo(overrides: Partial<Omit<EnginePromotion, 'application_method'>> & { method?: Partial<EnginePromotion['application_method']> } = {}): EnginePromotion {
  seq += 1;
  const { method, ...rest } = overrides;
  return {
    id: `promo_${seq}`,
    code: `CODE${seq}`,
    type: 'standard',
    rules: [],
    campaign: null,
    ...rest,
    application_method: {
      type: 'percentage',
      target_type: 'items',
      allocation: 'across',
      value: '10',
      currency_code: null,
      max_quantity: null,
      buy_rules_min_quantity: null,
      apply_to_quantity: null,
      target_rules: [],
      buy_rules: [],
      ...method,
    },
  };
}

const rule = (attribute: string, operator: EngineRule['operator'], values: string[]): EngineRule => ({ attribute, operator, values });

function run(promotions: EnginePromotion[], c: PromotionCartContext = cart(), precision?: number) {
  return computePromotionActions(promotions, c, { now: NOW, precision });
}

/** item id → amount of the item adjustments. */
function itemAmounts(actions: ComputedAction[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of actions) if (a.action === 'addItemAdjustment') out[a.item_id] = new Decimal(out[a.item_id] ?? 0).plus(a.amount).toString();
  return out;
}

function total(actions: ComputedAction[]): string {
  return actions
    .filter((a) => a.action !== 'campaignBudgetExceeded')
    .reduce((s, a) => s.plus((a as { amount: string }).amount), new Decimal(0))
    .toString();
}

describe('promotion engine', () => {
  describe('rule operators', () => {
    it('in / eq: one of the cart values is a rule value', () => {
      expect(ruleMatches(rule('x', 'in', ['a', 'b']), ['c', 'b'])).toBe(true);
      expect(ruleMatches(rule('x', 'eq', ['a']), ['c'])).toBe(false);
      expect(ruleMatches(rule('x', 'in', ['a']), [])).toBe(false);
    });

    it('ne: none of the cart values is a rule value (holds for no value at all)', () => {
      expect(ruleMatches(rule('x', 'ne', ['a']), ['b'])).toBe(true);
      expect(ruleMatches(rule('x', 'ne', ['a']), ['b', 'a'])).toBe(false);
      expect(ruleMatches(rule('x', 'ne', ['a']), [])).toBe(true);
    });

    it('gt / gte / lt / lte compare numerically', () => {
      expect(ruleMatches(rule('x', 'gt', ['10']), ['10.5'])).toBe(true);
      expect(ruleMatches(rule('x', 'gt', ['10']), ['10'])).toBe(false);
      expect(ruleMatches(rule('x', 'gte', ['10']), ['10'])).toBe(true);
      expect(ruleMatches(rule('x', 'lt', ['10']), ['9'])).toBe(true);
      expect(ruleMatches(rule('x', 'lte', ['10']), ['11'])).toBe(false);
      expect(ruleMatches(rule('x', 'gt', ['10']), ['abc'])).toBe(false);
    });

    it('an attribute the engine does not know never matches, not even ne', () => {
      expect(ruleMatches(rule('x', 'ne', ['a']), undefined)).toBe(false);
      expect(run([promo({ rules: [rule('sales_channel_id', 'ne', ['sc_1'])] })]).actions).toEqual([]);
    });
  });

  describe('cart rules', () => {
    it('customer group: applies to a member, not to another group or a guest', () => {
      const p = promo({ rules: [rule('customer.groups.id', 'in', ['cusgroup_vip'])] });
      expect(run([p]).actions).toHaveLength(2);
      expect(run([p], cart({ customer: { id: 'cus_2', groups: [{ id: 'cusgroup_other' }] } })).actions).toEqual([]);
      expect(run([p], cart({ customer: null })).actions).toEqual([]);
    });

    it('region: region_id (and Medusa\'s region.id) must match', () => {
      expect(run([promo({ rules: [rule('region_id', 'eq', ['reg_eu'])] })]).applied).toHaveLength(1);
      expect(run([promo({ rules: [rule('region.id', 'in', ['reg_us'])] })]).applied).toEqual([]);
      expect(run([promo({ rules: [rule('region_id', 'ne', ['reg_us'])] })]).applied).toHaveLength(1);
    });

    it('currency: the cart currency must match', () => {
      expect(run([promo({ rules: [rule('currency_code', 'eq', ['eur'])] })]).applied).toHaveLength(1);
      expect(run([promo({ rules: [rule('currency_code', 'eq', ['usd'])] })]).applied).toEqual([]);
    });

    it('every rule must hold', () => {
      const p = promo({ rules: [rule('currency_code', 'eq', ['eur']), rule('region_id', 'eq', ['reg_us'])] });
      expect(run([p]).actions).toEqual([]);
    });

    it('a fixed promotion applies only to carts in its currency', () => {
      const p = promo({ method: { type: 'fixed', value: '5', currency_code: 'usd' } });
      expect(run([p]).actions).toEqual([]);
      expect(run([p], cart({ currency_code: 'usd' })).actions).not.toEqual([]);
    });
  });

  describe('target rules on items', () => {
    const items = [
      item('a', 1, '10', { product_id: 'prod_a', product_collection_id: 'pcol_summer', product_category_ids: ['pcat_shirts', 'pcat_top'], product_type_id: 'ptyp_cloth', product_tag_ids: ['ptag_red', 'ptag_sale'] }),
      item('b', 1, '20', { product_id: 'prod_b', product_collection_id: 'pcol_winter', product_category_ids: ['pcat_pants'], product_type_id: 'ptyp_other', product_tag_ids: ['ptag_blue'] }),
    ];
    it.each([
      ['items.product.id', 'prod_a'],
      ['items.product.collection_id', 'pcol_summer'],
      ['items.product.categories.id', 'pcat_top'],
      ['items.product.type_id', 'ptyp_cloth'],
      ['items.product.tags.id', 'ptag_sale'],
      ['items.variant_id', 'variant_a'],
    ])('%s selects the matching lines only', (attribute, value) => {
      const p = promo({ method: { type: 'percentage', value: '50', allocation: 'each', max_quantity: 5, target_rules: [rule(attribute, 'in', [value])] } });
      expect(itemAmounts(run([p], cart({ items })).actions)).toEqual({ a: '5' });
    });

    it('ne excludes the matching lines', () => {
      const p = promo({ method: { type: 'percentage', value: '50', allocation: 'each', max_quantity: 5, target_rules: [rule('items.product.tags.id', 'ne', ['ptag_red'])] } });
      expect(itemAmounts(run([p], cart({ items })).actions)).toEqual({ b: '10' });
    });
  });

  describe('allocation each', () => {
    it('fixed: the value per unit, on at most max_quantity units', () => {
      const p = promo({ method: { type: 'fixed', value: '3', currency_code: 'eur', allocation: 'each', max_quantity: 1 } });
      expect(itemAmounts(run([p]).actions)).toEqual({ a: '3', b: '3' });
      const q = promo({ method: { type: 'fixed', value: '3', currency_code: 'eur', allocation: 'each', max_quantity: 5 } });
      expect(itemAmounts(run([q]).actions)).toEqual({ a: '6', b: '3' });
    });

    it('fixed: never more than the unit price', () => {
      const p = promo({ method: { type: 'fixed', value: '15', currency_code: 'eur', allocation: 'each', max_quantity: 2 } });
      expect(itemAmounts(run([p]).actions)).toEqual({ a: '20', b: '15' });
    });

    it('percentage: on the units up to max_quantity, rounded half up to the cent', () => {
      const c = cart({ items: [item('a', 3, '10'), item('b', 1, '0.05')] });
      const p = promo({ method: { type: 'percentage', value: '10', allocation: 'each', max_quantity: 2 } });
      // a: 10/3 per unit × 2 × 10 % = 0.6666… → 0.67; b: 0.005 → 0.01
      expect(itemAmounts(run([p], c).actions)).toEqual({ a: '0.67', b: '0.01' });
    });

    it('applies to shipping methods', () => {
      const p = promo({ method: { type: 'percentage', value: '100', target_type: 'shipping_methods', allocation: 'each', max_quantity: 1 } });
      expect(run([p]).actions).toEqual([{ action: 'addShippingMethodAdjustment', shipping_method_id: 'sm_1', amount: '10', code: p.code, promotion_id: p.id }]);
    });

    it('shipping target rules select the shipping options', () => {
      const c = cart({ shipping_methods: [{ id: 'sm_1', subtotal: '10', shipping_option_id: 'so_std' }, { id: 'sm_2', subtotal: '20', shipping_option_id: 'so_exp' }] });
      const p = promo({ method: { type: 'fixed', value: '4', currency_code: 'eur', target_type: 'shipping_methods', allocation: 'each', max_quantity: 1, target_rules: [rule('shipping_methods.shipping_option_id', 'in', ['so_exp'])] } });
      expect(run([p], c).actions).toEqual([{ action: 'addShippingMethodAdjustment', shipping_method_id: 'sm_2', amount: '4', code: p.code, promotion_id: p.id }]);
    });
  });

  describe('allocation across', () => {
    it('fixed: split in proportion to the lines, adding up to the value exactly', () => {
      const c = cart({ items: [item('a', 1, '10'), item('b', 1, '10'), item('c', 1, '10')] });
      const p = promo({ method: { type: 'fixed', value: '10', currency_code: 'eur', allocation: 'across' } });
      const { actions } = run([p], c);
      expect(itemAmounts(actions)).toEqual({ a: '3.33', b: '3.33', c: '3.34' });
      expect(total(actions)).toBe('10');
    });

    it('percentage: of the lines together, exact to the cent', () => {
      const c = cart({ items: [item('a', 1, '19.99'), item('b', 3, '29.97'), item('c', 1, '0.01')] });
      const p = promo({ method: { type: 'percentage', value: '15', allocation: 'across' } });
      const { actions } = run([p], c);
      // 15 % of 49.97 = 7.4955 → 7.50
      expect(total(actions)).toBe('7.5');
      const amounts = itemAmounts(actions);
      expect(amounts.a).toBe('3'); // floor(7.5 × 19.99 / 49.97 = 3.0003…)
      expect(amounts.b).toBe('4.49'); // floor(4.4986…)
      expect(amounts.c).toBe('0.01');
    });

    it('fixed larger than the lines: discounts them to zero, never below', () => {
      const p = promo({ method: { type: 'fixed', value: '500', currency_code: 'eur', allocation: 'across' } });
      expect(itemAmounts(run([p]).actions)).toEqual({ a: '20', b: '30' });
    });

    it('a zero-decimal currency is rounded to whole units', () => {
      const c = cart({ currency_code: 'jpy', items: [item('a', 1, '1000'), item('b', 1, '1000'), item('c', 1, '1000')] });
      const p = promo({ method: { type: 'fixed', value: '100', currency_code: 'jpy', allocation: 'across' } });
      expect(itemAmounts(run([p], c, 0).actions)).toEqual({ a: '33', b: '33', c: '34' });
    });

    it('allocateAcross moves what overflows a capped share to the lines before it', () => {
      const shares = allocateAcross(new Decimal('10'), [new Decimal(9), new Decimal(9), new Decimal(0.011)], [new Decimal(9), new Decimal(9), new Decimal('0.01')], 2);
      expect(shares.map(String)).toEqual(['4.99', '5', '0.01']);
    });
  });

  describe('target order', () => {
    it('spreads the discount across every discountable line, ignoring the others', () => {
      const c = cart({ items: [item('a', 1, '30'), item('b', 1, '10'), item('gift', 1, '60', { is_discountable: false })] });
      const p = promo({ method: { type: 'fixed', value: '8', currency_code: 'eur', target_type: 'order', allocation: 'across' } });
      expect(itemAmounts(run([p], c).actions)).toEqual({ a: '6', b: '2' });
    });
  });

  describe('non-discountable items', () => {
    it('are never discounted, by any target', () => {
      const c = cart({ items: [item('a', 1, '10', { is_discountable: false })] });
      expect(run([promo({ method: { type: 'percentage', value: '50', allocation: 'each', max_quantity: 9 } })], c).actions).toEqual([]);
    });
  });

  describe('buy-get', () => {
    const shirts = [item('s10', 1, '10', { product_id: 'prod_shirt' }), item('s30', 1, '30', { product_id: 'prod_shirt' }), item('s20', 1, '20', { product_id: 'prod_shirt' })];
    const buyShirtGetShirt = (min: number, apply: number) =>
      promo({
        type: 'buyget',
        method: {
          type: 'percentage',
          value: '100',
          allocation: 'each',
          max_quantity: apply,
          buy_rules_min_quantity: min,
          apply_to_quantity: apply,
          buy_rules: [rule('items.product.id', 'in', ['prod_shirt'])],
          target_rules: [rule('items.product.id', 'in', ['prod_shirt'])],
        },
      });

    it('buy 2 get 1 free: the cheapest unit other than the ones bought is free', () => {
      expect(itemAmounts(run([buyShirtGetShirt(2, 1)], cart({ items: shirts })).actions)).toEqual({ s10: '10' });
    });

    it('nothing when the cart has too few units to buy and get', () => {
      expect(run([buyShirtGetShirt(2, 1)], cart({ items: shirts.slice(0, 2) })).actions).toEqual([]);
      expect(run([buyShirtGetShirt(4, 1)], cart({ items: shirts })).actions).toEqual([]);
    });

    it('units of one line count one by one', () => {
      const c = cart({ items: [item('pack', 3, '30', { product_id: 'prod_shirt' })] });
      expect(itemAmounts(run([buyShirtGetShirt(2, 1)], c).actions)).toEqual({ pack: '10' });
    });

    it('buy rules and target rules select different products', () => {
      const c = cart({ items: [item('shoe', 2, '100', { product_id: 'prod_shoe' }), item('sock_a', 1, '6', { product_id: 'prod_sock' }), item('sock_b', 1, '4', { product_id: 'prod_sock' })] });
      const p = promo({
        type: 'buyget',
        method: {
          type: 'percentage', value: '50', allocation: 'each', max_quantity: 1, buy_rules_min_quantity: 2, apply_to_quantity: 1,
          buy_rules: [rule('items.product.id', 'eq', ['prod_shoe'])], target_rules: [rule('items.product.id', 'eq', ['prod_sock'])],
        },
      });
      expect(itemAmounts(run([p], c).actions)).toEqual({ sock_b: '2' });
    });

    it('is applied before standard promotions, which get what is left', () => {
      const standard = promo({ method: { type: 'percentage', value: '50', allocation: 'across' } });
      const buyget = buyShirtGetShirt(2, 1);
      const { actions, applied } = run([standard, buyget], cart({ items: shirts }));
      expect(applied).toEqual([buyget.id, standard.id]);
      // the free shirt is at zero; the 50 % goes over the 50 left (30 + 20)
      expect(itemAmounts(actions)).toEqual({ s10: '10', s30: '15', s20: '10' });
    });
  });

  describe('stacking', () => {
    it('applies every promotion in order, each on what the previous left, never below zero', () => {
      const c = cart({ items: [item('a', 1, '100')], shipping_methods: [] });
      const first = promo({ method: { type: 'fixed', value: '70', currency_code: 'eur', allocation: 'across' } });
      const second = promo({ method: { type: 'percentage', value: '50', allocation: 'across' } });
      const third = promo({ method: { type: 'fixed', value: '40', currency_code: 'eur', allocation: 'across' } });
      const { actions, applied } = run([first, second, third], c);
      expect(actions.map((a) => [a.code, (a as { amount: string }).amount])).toEqual([[first.code, '70'], [second.code, '15'], [third.code, '15']]);
      expect(applied).toEqual([first.id, second.id, third.id]);
    });
  });

  describe('stacking percentages with allocation each (Medusa: on what is left, at most max_quantity units of it)', () => {
    it('a second 50 % takes half of what the first left, not the whole line', () => {
      const c = cart({ items: [item('a', 2, '20')], shipping_methods: [{ id: 'sm_1', subtotal: '10', shipping_option_id: 'so_std' }] });
      const first = promo({ method: { type: 'percentage', value: '50', allocation: 'each', max_quantity: 2 } });
      const second = promo({ method: { type: 'percentage', value: '50', allocation: 'each', max_quantity: 2 } });
      const { actions } = run([first, second], c);
      expect(actions.map((a) => [a.code, (a as { amount: string }).amount])).toEqual([[first.code, '10'], [second.code, '5']]);
      const ship1 = promo({ method: { type: 'percentage', value: '50', target_type: 'shipping_methods', allocation: 'each', max_quantity: 1 } });
      const ship2 = promo({ method: { type: 'percentage', value: '50', target_type: 'shipping_methods', allocation: 'each', max_quantity: 1 } });
      expect(run([ship1, ship2], c).actions.map((a) => (a as { amount: string }).amount)).toEqual(['5', '2.5']);
    });

    it('after a fixed discount, a percentage each is taken on the rest, capped at max_quantity units', () => {
      const c = cart({ items: [item('a', 2, '20')], shipping_methods: [] });
      const fixed = promo({ method: { type: 'fixed', value: '15', currency_code: 'eur', allocation: 'across' } });
      const half = promo({ method: { type: 'percentage', value: '50', allocation: 'each', max_quantity: 1 } });
      expect(run([fixed, half], c).actions.map((a) => (a as { amount: string }).amount)).toEqual(['15', '2.5']);
      // nothing taken before: 50 % of one unit
      expect(run([half], c).actions.map((a) => (a as { amount: string }).amount)).toEqual(['5']);
    });
  });

  describe('campaigns', () => {
    const budget = (b: Partial<EngineBudget>): EngineBudget => ({ campaign_id: 'procamp_1', type: 'usage', limit: '10', used: '0', currency_code: null, ...b });

    it('a promotion outside its campaign window does not apply', () => {
      const before = promo({ campaign: { starts_at: new Date('2030-07-01'), ends_at: null, budget: null } });
      const after = promo({ campaign: { starts_at: null, ends_at: new Date('2030-06-01'), budget: null } });
      const inside = promo({ campaign: { starts_at: new Date('2030-06-01'), ends_at: new Date('2030-07-01'), budget: null } });
      expect(run([before, after, inside]).applied).toEqual([inside.id]);
    });

    it('usage budget: applies while a use is left, then campaignBudgetExceeded', () => {
      const ok = promo({ campaign: { starts_at: null, ends_at: null, budget: budget({ used: '9' }) } });
      expect(run([ok]).applied).toEqual([ok.id]);
      const full = promo({ campaign: { starts_at: null, ends_at: null, budget: budget({ used: '10' }) } });
      expect(run([full]).actions).toEqual([{ action: 'campaignBudgetExceeded', code: full.code }]);
    });

    it('spend budget: the discount must fit in what is left of the limit', () => {
      // 10 % of 50 = 5
      const fits = promo({ campaign: { starts_at: null, ends_at: null, budget: budget({ type: 'spend', limit: '100', used: '95', currency_code: 'eur' }) } });
      expect(run([fits]).applied).toEqual([fits.id]);
      const over = promo({ campaign: { starts_at: null, ends_at: null, budget: budget({ type: 'spend', limit: '100', used: '95.01', currency_code: 'eur' }) } });
      expect(run([over]).actions).toEqual([{ action: 'campaignBudgetExceeded', code: over.code }]);
    });

    it('promotions of one campaign share its budget within a cart', () => {
      const shared = budget({ type: 'usage', limit: '1', used: '0' });
      const one = promo({ campaign: { starts_at: null, ends_at: null, budget: shared } });
      const two = promo({ campaign: { starts_at: null, ends_at: null, budget: shared } });
      const { actions, applied } = run([one, two]);
      expect(applied).toEqual([one.id]);
      expect(actions).toContainEqual({ action: 'campaignBudgetExceeded', code: two.code });
    });

    it('a spend budget in another currency does not count this cart: the promotion does not apply', () => {
      const p = promo({ campaign: { starts_at: null, ends_at: null, budget: budget({ type: 'spend', limit: '100', currency_code: 'usd' }) } });
      expect(run([p]).actions).toEqual([]);
    });

    it('no limit means no budget check', () => {
      const p = promo({ campaign: { starts_at: null, ends_at: null, budget: budget({ limit: null, used: '1000' }) } });
      expect(run([p]).applied).toEqual([p.id]);
    });
  });

  it('a cart with nothing to discount gets no action', () => {
    expect(run([promo()], cart({ items: [], shipping_methods: [] }))).toEqual({ actions: [], applied: [] });
  });
});
