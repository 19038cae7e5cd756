import Decimal from 'decimal.js';
import { decimalString } from './money';
import {
  CART_TOTAL_FIELDS,
  computeLineTotals,
  computeTotals,
  documentTotalsView,
  LineInput,
  LineTotals,
  lineTotalsView,
  orderTotalsView,
  ShippingInput,
  TotalsInput,
} from './totals';

// Exact decimal strings, so expectations read like the hand computation.
function exact<T extends Record<string, Decimal>>(t: T): Record<keyof T, string> {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, decimalString(v)])) as Record<keyof T, string>;
}

function item(over: Partial<LineInput> = {}): LineInput {
  return { id: 'cali_1', unit_price: '10', quantity: 1, is_tax_inclusive: false, tax_lines: [], adjustments: [], ...over };
}

function shipping(over: Partial<ShippingInput> = {}): ShippingInput {
  return { id: 'casm_1', amount: '10', is_tax_inclusive: false, tax_lines: [], adjustments: [], ...over };
}

function lineOf(result: ReturnType<typeof computeTotals>, id: string): LineTotals {
  const line = result.items.get(id) ?? result.shipping_methods.get(id);
  if (!line) throw new Error(`no totals for ${id}`);
  return line;
}

const tax = (...rates: Array<number | string>) => rates.map((rate) => ({ rate }));
const adj = (...amounts: Array<number | string>) => amounts.map((amount) => ({ amount }));

describe('computeTotals — wire examples (no tax)', () => {
  it('gives all zeros for an empty cart, with exactly the cart fields of wire 07', () => {
    const { totals, items, shipping_methods } = computeTotals({ items: [], shipping_methods: [] });
    expect(items.size).toBe(0);
    expect(shipping_methods.size).toBe(0);
    expect(Object.values(exact(totals)).every((v) => v === '0')).toBe(true);
    const view = documentTotalsView(totals);
    // wire 07: the 25 totals of a new cart, in this order, all 0
    expect(JSON.stringify(view)).toBe(JSON.stringify(Object.fromEntries(CART_TOTAL_FIELDS.map((f) => [f, 0]))));
    expect(Object.keys(view)).toHaveLength(25);
  });

  const wireCart: TotalsInput = {
    items: [item({ id: 'cali_a', unit_price: '10', quantity: 2 })],
    shipping_methods: [shipping({ id: 'casm_a', amount: '10' })],
    credit_lines: [],
  };

  it('matches the cart totals of wires 11 and 15 (two items at 10, shipping 10)', () => {
    expect(documentTotalsView(computeTotals(wireCart).totals)).toEqual({
      total: 30,
      subtotal: 30,
      tax_total: 0,
      discount_total: 0,
      discount_subtotal: 0,
      discount_tax_total: 0,
      original_total: 30,
      original_tax_total: 0,
      item_total: 20,
      item_subtotal: 20,
      item_tax_total: 0,
      item_discount_total: 0,
      original_item_total: 20,
      original_item_subtotal: 20,
      original_item_tax_total: 0,
      shipping_total: 10,
      shipping_subtotal: 10,
      shipping_tax_total: 0,
      shipping_discount_total: 0,
      original_shipping_tax_total: 0,
      original_shipping_subtotal: 10,
      original_shipping_total: 10,
      credit_line_subtotal: 0,
      credit_line_tax_total: 0,
      credit_line_total: 0,
    });
  });

  it('matches the order totals of wire 16', () => {
    expect(orderTotalsView(computeTotals(wireCart).totals)).toEqual({
      total: 30,
      subtotal: 30,
      tax_total: 0,
      discount_total: 0,
      discount_subtotal: 0,
      discount_tax_total: 0,
      original_total: 30,
      original_subtotal: 30,
      original_tax_total: 0,
      item_total: 20,
      item_subtotal: 20,
      item_tax_total: 0,
      original_item_total: 20,
      original_item_subtotal: 20,
      original_item_tax_total: 0,
      shipping_total: 10,
      shipping_subtotal: 10,
      shipping_tax_total: 0,
      original_shipping_tax_total: 0,
      original_shipping_subtotal: 10,
      original_shipping_total: 10,
      credit_line_total: 0,
      credit_line_subtotal: 0,
      credit_line_tax_total: 0,
    });
  });

  it("matches wire 16's item and shipping method totals, numbers and raw objects", () => {
    const result = computeTotals(wireCart);
    const raw = (value: string) => ({ value, precision: 20 });
    expect(JSON.stringify(lineTotalsView(lineOf(result, 'cali_a')))).toBe(
      JSON.stringify({
        subtotal: 20,
        total: 20,
        original_subtotal: 20,
        original_total: 20,
        discount_subtotal: 0,
        discount_tax_total: 0,
        discount_total: 0,
        tax_total: 0,
        original_tax_total: 0,
        raw_subtotal: raw('20'),
        raw_total: raw('20'),
        raw_original_subtotal: raw('20'),
        raw_original_total: raw('20'),
        raw_discount_subtotal: raw('0'),
        raw_discount_tax_total: raw('0'),
        raw_discount_total: raw('0'),
        raw_tax_total: raw('0'),
        raw_original_tax_total: raw('0'),
      }),
    );
    expect(lineTotalsView(lineOf(result, 'casm_a'))).toEqual({
      subtotal: 10,
      total: 10,
      original_subtotal: 10,
      original_total: 10,
      discount_total: 0,
      discount_subtotal: 0,
      discount_tax_total: 0,
      tax_total: 0,
      original_tax_total: 0,
      raw_subtotal: raw('10'),
      raw_total: raw('10'),
      raw_original_subtotal: raw('10'),
      raw_original_total: raw('10'),
      raw_discount_total: raw('0'),
      raw_discount_subtotal: raw('0'),
      raw_discount_tax_total: raw('0'),
      raw_tax_total: raw('0'),
      raw_original_tax_total: raw('0'),
    });
  });
});

describe('computeTotals — tax', () => {
  it('takes the tax out of a tax-inclusive price: 125.00 incl. 25 % → subtotal 100, tax 25, total 125', () => {
    const result = computeTotals({
      items: [item({ unit_price: '125.00', is_tax_inclusive: true, tax_lines: tax(25) })],
      shipping_methods: [],
    });
    expect(exact(lineOf(result, 'cali_1'))).toEqual({
      subtotal: '100',
      total: '125',
      original_subtotal: '100',
      original_total: '125',
      discount_subtotal: '0',
      discount_tax_total: '0',
      discount_total: '0',
      tax_total: '25',
      original_tax_total: '25',
    });
    expect(documentTotalsView(result.totals)).toMatchObject({ subtotal: 100, item_subtotal: 100, tax_total: 25, item_tax_total: 25, total: 125 });
  });

  it('adds the tax on top of a tax-exclusive price', () => {
    const line = computeLineTotals({ amount: '100', is_tax_inclusive: false, tax_lines: tax(25), adjustments: [] });
    expect(exact(line)).toMatchObject({ subtotal: '100', tax_total: '25', total: '125', original_total: '125', original_tax_total: '25' });
  });

  it('sums items with different rates, each taxed at its own rate', () => {
    const result = computeTotals({
      items: [
        item({ id: 'a', unit_price: '10', quantity: 3, tax_lines: tax(25) }), // 30 + 7.5
        item({ id: 'b', unit_price: '19.99', quantity: 1, tax_lines: tax(12) }), // 19.99 + 2.3988
        item({ id: 'c', unit_price: '8', quantity: 2, tax_lines: [] }), // 16 + 0
      ],
      shipping_methods: [],
    });
    expect(exact(lineOf(result, 'a'))).toMatchObject({ subtotal: '30', tax_total: '7.5', total: '37.5' });
    expect(exact(lineOf(result, 'b'))).toMatchObject({ subtotal: '19.99', tax_total: '2.3988', total: '22.3888' });
    expect(exact(lineOf(result, 'c'))).toMatchObject({ subtotal: '16', tax_total: '0', total: '16' });
    expect(exact(result.totals)).toMatchObject({
      item_subtotal: '65.99',
      item_tax_total: '9.8988',
      item_total: '75.8888',
      original_item_total: '75.8888',
      total: '75.8888',
    });
    // the wire rounds once, from the exact sum
    expect(documentTotalsView(result.totals)).toMatchObject({ item_tax_total: 9.9, item_total: 75.89, total: 75.89 });
    expect(lineTotalsView(lineOf(result, 'b'))).toMatchObject({
      tax_total: 2.4,
      total: 22.39,
      raw_tax_total: { value: '2.3988', precision: 20 },
      raw_total: { value: '22.3888', precision: 20 },
    });
  });

  it('combines the rates of several tax lines on one line', () => {
    const exclusive = computeLineTotals({ amount: '100', is_tax_inclusive: false, tax_lines: tax(20, '5'), adjustments: [] });
    expect(exact(exclusive)).toMatchObject({ subtotal: '100', tax_total: '25', total: '125' });
    const inclusive = computeLineTotals({ amount: '125', is_tax_inclusive: true, tax_lines: tax(20, 5), adjustments: [] });
    expect(exact(inclusive)).toMatchObject({ subtotal: '100', tax_total: '25', total: '125' });
  });

  it('accepts fractional rates', () => {
    const line = computeLineTotals({ amount: '200', is_tax_inclusive: false, tax_lines: tax('7.5'), adjustments: [] });
    expect(exact(line)).toMatchObject({ tax_total: '15', total: '215' });
  });

  it('keeps a tax-inclusive line exact at its gross when 1 + rate does not divide it', () => {
    const line = computeLineTotals({ amount: '10', is_tax_inclusive: true, tax_lines: tax(19), adjustments: [] });
    // 10 / 1.19 has no finite decimal form: full precision inside, rounded only on the wire
    expect(line.subtotal.times('1.19').minus(10).abs().lt('1e-15')).toBe(true);
    expect(decimalString(line.total)).toBe('10');
    expect(decimalString(line.original_total)).toBe('10');
    expect(decimalString(line.subtotal.plus(line.tax_total))).toBe('10');
    const view = lineTotalsView(line);
    expect(view).toMatchObject({ subtotal: 8.4, tax_total: 1.6, total: 10, original_total: 10 });
    expect(view.raw_subtotal.value).toMatch(/^8\.40336134453781512\d*$/);
  });
});

describe('computeTotals — adjustments', () => {
  it('applies a percentage-style discount given as an amount (10 % of 200 = 20) before tax on an exclusive line', () => {
    const line = computeLineTotals({ amount: '200', is_tax_inclusive: false, tax_lines: tax(25), adjustments: adj('20') });
    expect(exact(line)).toEqual({
      subtotal: '200',
      total: '225',
      original_subtotal: '200',
      original_total: '250',
      discount_subtotal: '20',
      discount_tax_total: '5',
      discount_total: '25',
      tax_total: '45',
      original_tax_total: '50',
    });
  });

  it('reads adjustments of a tax-inclusive line as tax-inclusive amounts', () => {
    const line = computeLineTotals({ amount: '125', is_tax_inclusive: true, tax_lines: tax(25), adjustments: adj(25) });
    expect(exact(line)).toEqual({
      subtotal: '100',
      total: '100',
      original_subtotal: '100',
      original_total: '125',
      discount_subtotal: '20',
      discount_tax_total: '5',
      discount_total: '25',
      tax_total: '20',
      original_tax_total: '25',
    });
  });

  it('adds several adjustments of one line', () => {
    const result = computeTotals({
      items: [item({ unit_price: '50', quantity: 4, adjustments: adj('20', 5.5) })],
      shipping_methods: [],
    });
    expect(exact(lineOf(result, 'cali_1'))).toMatchObject({ discount_subtotal: '25.5', discount_total: '25.5', total: '174.5' });
    expect(exact(result.totals)).toMatchObject({ item_discount_total: '25.5', discount_total: '25.5', total: '174.5', original_total: '200' });
  });

  it('clamps a fixed discount larger than an exclusive line at the line: the line is free, never negative', () => {
    const line = computeLineTotals({ amount: '30', is_tax_inclusive: false, tax_lines: tax(25), adjustments: adj(50) });
    expect(exact(line)).toEqual({
      subtotal: '30',
      total: '0',
      original_subtotal: '30',
      original_total: '37.5',
      discount_subtotal: '30',
      discount_tax_total: '7.5',
      discount_total: '37.5',
      tax_total: '0',
      original_tax_total: '7.5',
    });
  });

  it('clamps adjustments that together exceed a tax-inclusive line', () => {
    const line = computeLineTotals({ amount: '125', is_tax_inclusive: true, tax_lines: tax(25), adjustments: adj(100, 100) });
    expect(exact(line)).toMatchObject({ discount_subtotal: '100', discount_tax_total: '25', discount_total: '125', tax_total: '0', total: '0' });
  });

  it('clamps each line on its own: a big discount on one line leaves the others untouched', () => {
    const result = computeTotals({
      items: [item({ id: 'a', unit_price: '5', adjustments: adj(8) }), item({ id: 'b', unit_price: '10' })],
      shipping_methods: [],
    });
    expect(exact(result.totals)).toMatchObject({ item_total: '10', item_discount_total: '5', item_subtotal: '15' });
  });

  it('ignores a negative adjustment: a discount never raises a price', () => {
    const line = computeLineTotals({ amount: '30', is_tax_inclusive: false, tax_lines: [], adjustments: adj(-10, 4) });
    expect(exact(line)).toMatchObject({ discount_subtotal: '4', total: '26' });
  });
});

describe('computeTotals — shipping and credit lines', () => {
  it('taxes and discounts shipping methods like lines of quantity 1, and keeps them apart from items', () => {
    const result = computeTotals({
      items: [item({ id: 'i', unit_price: '10', quantity: 2, tax_lines: tax(25) })], // 20 + 5
      shipping_methods: [shipping({ id: 's', amount: '10', tax_lines: tax(25), adjustments: adj(4) })], // (10 − 4) + 1.5
    });
    expect(exact(lineOf(result, 's'))).toEqual({
      subtotal: '10',
      total: '7.5',
      original_subtotal: '10',
      original_total: '12.5',
      discount_subtotal: '4',
      discount_tax_total: '1',
      discount_total: '5',
      tax_total: '1.5',
      original_tax_total: '2.5',
    });
    expect(exact(result.totals)).toEqual({
      total: '32.5',
      subtotal: '30',
      tax_total: '6.5',
      discount_total: '5',
      discount_subtotal: '4',
      discount_tax_total: '1',
      original_total: '37.5',
      original_subtotal: '30',
      original_tax_total: '7.5',
      item_total: '25',
      item_subtotal: '20',
      item_tax_total: '5',
      item_discount_total: '0',
      original_item_total: '25',
      original_item_subtotal: '20',
      original_item_tax_total: '5',
      shipping_total: '7.5',
      shipping_subtotal: '10',
      shipping_tax_total: '1.5',
      shipping_discount_total: '5',
      original_shipping_tax_total: '2.5',
      original_shipping_subtotal: '10',
      original_shipping_total: '12.5',
      credit_line_subtotal: '0',
      credit_line_tax_total: '0',
      credit_line_total: '0',
    });
  });

  it('takes the tax out of a tax-inclusive shipping amount', () => {
    const result = computeTotals({ items: [], shipping_methods: [shipping({ amount: '12.50', is_tax_inclusive: true, tax_lines: tax(25) })] });
    expect(exact(result.totals)).toMatchObject({ shipping_subtotal: '10', shipping_tax_total: '2.5', shipping_total: '12.5', total: '12.5' });
  });

  it('subtracts credit lines from the total only', () => {
    const result = computeTotals({
      items: [item({ unit_price: '10', quantity: 2 })],
      shipping_methods: [shipping({ amount: '10' })],
      credit_lines: [{ amount: '5' }, { amount: 2.5 }],
    });
    expect(exact(result.totals)).toMatchObject({
      credit_line_subtotal: '7.5',
      credit_line_tax_total: '0',
      credit_line_total: '7.5',
      total: '22.5',
      subtotal: '30',
      original_total: '30',
      item_total: '20',
      shipping_total: '10',
    });
  });

  it('does not hide credits larger than the cart: the total goes negative for the caller to refuse', () => {
    const result = computeTotals({ items: [item({ unit_price: '10' })], shipping_methods: [], credit_lines: [{ amount: '40' }] });
    expect(decimalString(result.totals.total)).toBe('-30');
  });
});

describe('computeTotals — exact decimals', () => {
  it('adds 0.1 and 0.2 to exactly 0.3', () => {
    const result = computeTotals({
      items: [item({ id: 'a', unit_price: 0.1 }), item({ id: 'b', unit_price: '0.2' })],
      shipping_methods: [],
    });
    expect(decimalString(result.totals.item_subtotal)).toBe('0.3');
    expect(decimalString(result.totals.total)).toBe('0.3');
    expect(documentTotalsView(result.totals).total).toBe(0.3);
  });

  it('multiplies by decimal quantities and normalises stored numeric strings', () => {
    const line = lineOf(
      computeTotals({ items: [item({ unit_price: '19.990000', quantity: '1.5' })], shipping_methods: [] }),
      'cali_1',
    );
    expect(lineTotalsView(line)).toMatchObject({ subtotal: 29.99, raw_subtotal: { value: '29.985', precision: 20 } });
  });

  it('rounds the wire half away from zero once, from the exact value', () => {
    // 0.99 × 3 = 2.97; tax 7.5 % = 0.22275 → 0.22; total 3.19275 → 3.19
    const result = computeTotals({ items: [item({ unit_price: '0.99', quantity: 3, tax_lines: tax('7.5') })], shipping_methods: [] });
    expect(documentTotalsView(result.totals)).toMatchObject({ subtotal: 2.97, tax_total: 0.22, total: 3.19 });
    // three lines of 0.005 tax: each rounds to 0.01, the exact sum 0.015 rounds to 0.02
    const three = computeTotals({
      items: ['a', 'b', 'c'].map((id) => item({ id, unit_price: '0.1', tax_lines: tax(5) })),
      shipping_methods: [],
    });
    expect(lineTotalsView(lineOf(three, 'a')).tax_total).toBe(0.01);
    expect(documentTotalsView(three.totals).tax_total).toBe(0.02);
  });

  it('rounds to another minor unit when asked (0 decimals)', () => {
    const result = computeTotals({ items: [item({ unit_price: '1000', tax_lines: tax('7.55') })], shipping_methods: [] });
    expect(documentTotalsView(result.totals, 0)).toMatchObject({ tax_total: 76, total: 1076 });
    expect(lineTotalsView(lineOf(result, 'cali_1'), 0)).toMatchObject({ tax_total: 76, raw_tax_total: { value: '75.5', precision: 20 } });
  });

  it('holds the line identities for many mixed lines', () => {
    const rates = ['0', '5', '7.5', '19', '25'];
    for (let i = 0; i < 200; i++) {
      const amount = new Decimal(i * 37 + 1).div(7).toDecimalPlaces(2);
      const line = computeLineTotals({
        amount,
        is_tax_inclusive: i % 2 === 0,
        tax_lines: tax(rates[i % rates.length], i % 3 === 0 ? '2.5' : '0'),
        adjustments: adj(new Decimal(i % 11).times(3).toFixed()),
      });
      const rate = new Decimal(rates[i % rates.length]).plus(i % 3 === 0 ? '2.5' : '0').div(100);
      const close = (a: Decimal, b: Decimal) => a.minus(b).abs().lt('1e-12');
      expect(close(line.total, line.subtotal.minus(line.discount_subtotal).plus(line.tax_total))).toBe(true);
      expect(close(line.tax_total, line.subtotal.minus(line.discount_subtotal).times(rate))).toBe(true);
      expect(close(line.original_tax_total, line.subtotal.times(rate))).toBe(true);
      expect(close(line.discount_total, line.discount_subtotal.plus(line.discount_tax_total))).toBe(true);
      expect(line.total.gte(0)).toBe(true);
      expect(line.discount_subtotal.lte(line.subtotal)).toBe(true);
    }
  });
});
