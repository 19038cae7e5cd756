import { CalcRate, CalcRegion, CalcRule, computeTaxLines, TaxData } from './tax-calculator';
import type { TaxCalculationInput } from './tax.types';

const DK: CalcRegion = { id: 'txreg_dk', country_code: 'dk', province_code: null, parent_id: null, provider_id: 'tp_system' };
const US: CalcRegion = { id: 'txreg_us', country_code: 'us', province_code: null, parent_id: null, provider_id: 'tp_system' };
const CA: CalcRegion = { id: 'txreg_us_ca', country_code: 'us', province_code: 'us-ca', parent_id: 'txreg_us', provider_id: null };

function rate(id: string, region: CalcRegion, value: number | null, extra: Partial<CalcRate> = {}): CalcRate {
  return { id, rate: value, code: id, name: `Rate ${id}`, is_default: false, is_combinable: false, tax_region_id: region.id, ...extra };
}
const rule = (tax_rate_id: string, reference: string, reference_id: string): CalcRule => ({ tax_rate_id, reference, reference_id });

function input(address: TaxCalculationInput['address'], items: Array<[string, string | null, string | null]>, shipping: Array<[string, string | null]> = []): TaxCalculationInput {
  return {
    address,
    items: items.map(([id, product_id, product_type_id]) => ({ id, product_id, product_type_id, quantity: 1, unit_price: '10', is_tax_inclusive: false })),
    shipping_methods: shipping.map(([id, shipping_option_id]) => ({ id, shipping_option_id, amount: '5', is_tax_inclusive: false })),
  };
}

/** item or shipping id → "rate_id:rate" of its lines, in order. */
function summary(data: TaxData, calc: TaxCalculationInput) {
  const result = computeTaxLines(data, calc, 'system');
  const show = (m: Map<string, Array<{ rate_id: string | null; rate: number }>>) =>
    Object.fromEntries([...m].map(([id, lines]) => [id, lines.map((l) => `${l.rate_id}:${l.rate}`)]));
  return { items: show(result.items), shipping: show(result.shipping_methods) };
}

describe('computeTaxLines', () => {
  const usData: TaxData = {
    regions: [US, CA, DK],
    rates: [
      rate('us_default', US, 5, { is_default: true }),
      rate('us_books', US, 1),
      rate('ca_default', CA, 7.25, { is_default: true }),
      rate('ca_shirt', CA, 2),
      rate('dk_default', DK, 25, { is_default: true }),
    ],
    rules: [rule('us_books', 'product_type', 'ptyp_books'), rule('ca_shirt', 'product', 'prod_shirt')],
  };

  it("gives every line the country's default rate, with the rate's id, code, name and the provider label", () => {
    const result = computeTaxLines(usData, input({ country_code: 'DK' }, [['i1', 'prod_x', null]], [['s1', 'so_1']]), 'system');
    const line = { rate_id: 'dk_default', code: 'dk_default', name: 'Rate dk_default', rate: 25, provider_id: 'system' };
    expect(result.items.get('i1')).toEqual([line]);
    expect(result.shipping_methods.get('s1')).toEqual([line]);
  });

  it('returns empty maps when no region covers the country', () => {
    const result = computeTaxLines(usData, input({ country_code: 'se' }, [['i1', 'prod_x', null]], [['s1', 'so_1']]), 'system');
    expect(result.items.size).toBe(0);
    expect(result.shipping_methods.size).toBe(0);
  });

  it('ignores a province region whose country has no region of its own', () => {
    const data: TaxData = { regions: [{ ...CA, parent_id: null }], rates: [rate('ca_default', CA, 7.25, { is_default: true })], rules: [] };
    expect(summary(data, input({ country_code: 'us', province_code: 'us-ca' }, [['i1', null, null]]))).toEqual({ items: {}, shipping: {} });
  });

  it("a province's rates win over the country's; other provinces fall back to the country", () => {
    expect(summary(usData, input({ country_code: 'us', province_code: 'US-CA' }, [['i1', 'prod_x', null]])).items).toEqual({ i1: ['ca_default:7.25'] });
    expect(summary(usData, input({ country_code: 'us', province_code: 'us-ny' }, [['i1', 'prod_x', null]])).items).toEqual({ i1: ['us_default:5'] });
    expect(summary(usData, input({ country_code: 'us', province_code: null }, [['i1', 'prod_x', null]])).items).toEqual({ i1: ['us_default:5'] });
  });

  it('a product rule beats a type rule, which beats the default, within a region', () => {
    const data: TaxData = {
      regions: [DK],
      rates: [rate('dk_default', DK, 25, { is_default: true }), rate('dk_type', DK, 10), rate('dk_product', DK, 0)],
      rules: [rule('dk_type', 'product_type', 'ptyp_food'), rule('dk_product', 'product', 'prod_bread')],
    };
    const calc = input({ country_code: 'dk' }, [
      ['bread', 'prod_bread', 'ptyp_food'],
      ['cheese', 'prod_cheese', 'ptyp_food'],
      ['shirt', 'prod_shirt', 'ptyp_clothes'],
      ['custom', null, null],
    ]);
    expect(summary(data, calc).items).toEqual({ bread: ['dk_product:0'], cheese: ['dk_type:10'], shirt: ['dk_default:25'], custom: ['dk_default:25'] });
  });

  it('a province default beats a country product rule (province first, then specificity)', () => {
    const data: TaxData = { ...usData, rules: [...usData.rules, rule('us_books', 'product', 'prod_novel')] };
    expect(summary(data, input({ country_code: 'us', province_code: 'us-ca' }, [['i1', 'prod_novel', null]])).items).toEqual({ i1: ['ca_default:7.25'] });
    expect(summary(data, input({ country_code: 'us', province_code: 'us-ca' }, [['i1', 'prod_shirt', null]])).items).toEqual({ i1: ['ca_shirt:2'] });
    expect(summary(data, input({ country_code: 'us' }, [['i1', 'prod_novel', null]])).items).toEqual({ i1: ['us_books:1'] });
  });

  it("a combinable province rate adds the country's rate that applies to the same line", () => {
    const data: TaxData = {
      ...usData,
      rates: usData.rates.map((r) => (r.id === 'ca_default' || r.id === 'ca_shirt' ? { ...r, is_combinable: true } : r)),
    };
    const calc = input({ country_code: 'us', province_code: 'us-ca' }, [
      ['plain', 'prod_x', null],
      ['book', 'prod_novel', 'ptyp_books'],
      ['shirt', 'prod_shirt', null],
    ]);
    expect(summary(data, calc).items).toEqual({
      plain: ['ca_default:7.25', 'us_default:5'],
      book: ['ca_default:7.25', 'us_books:1'],
      shirt: ['ca_shirt:2', 'us_default:5'],
    });
  });

  it('a combinable rate adds nothing when it is a country rate or the country has no applicable rate', () => {
    const data: TaxData = {
      regions: [US, CA],
      rates: [rate('us_default', US, 5, { is_default: true, is_combinable: true }), rate('ca_default', CA, 7, { is_default: true, is_combinable: true }), rate('us_books', US, 1)],
      rules: [rule('us_books', 'product_type', 'ptyp_books')],
    };
    expect(summary(data, input({ country_code: 'us' }, [['i1', null, null]])).items).toEqual({ i1: ['us_default:5'] });
    const noCountryDefault: TaxData = { ...data, rates: data.rates.filter((r) => r.id !== 'us_default') };
    expect(summary(noCountryDefault, input({ country_code: 'us', province_code: 'us-ca' }, [['i1', null, null]])).items).toEqual({ i1: ['ca_default:7'] });
  });

  it('shipping gets the default rate unless a shipping_option rule targets its option; product rules never apply to it', () => {
    const data: TaxData = {
      regions: [DK],
      rates: [rate('dk_default', DK, 25, { is_default: true }), rate('dk_express', DK, 12), rate('dk_product', DK, 0)],
      rules: [rule('dk_express', 'shipping_option', 'so_express'), rule('dk_product', 'product', 'so_standard')],
    };
    const calc = input({ country_code: 'dk' }, [['i1', 'so_express', null]], [['express', 'so_express'], ['standard', 'so_standard'], ['none', null]]);
    expect(summary(data, calc)).toEqual({
      items: { i1: ['dk_default:25'] },
      shipping: { express: ['dk_express:12'], standard: ['dk_default:25'], none: ['dk_default:25'] },
    });
  });

  it('a line that no rate covers gets no tax lines; a rate without a number counts as 0', () => {
    const data: TaxData = { regions: [DK], rates: [rate('dk_books', DK, null)], rules: [rule('dk_books', 'product_type', 'ptyp_books')] };
    expect(summary(data, input({ country_code: 'dk' }, [['book', 'p1', 'ptyp_books'], ['other', 'p2', 'ptyp_x']])).items).toEqual({ book: ['dk_books:0'], other: [] });
  });

  it('two rates of equal standing: the older (smaller id) wins, whatever the row order', () => {
    const data: TaxData = {
      regions: [DK],
      rates: [rate('txr_02', DK, 12), rate('txr_01', DK, 10)],
      rules: [rule('txr_02', 'product', 'p1'), rule('txr_01', 'product', 'p1')],
    };
    expect(summary(data, input({ country_code: 'dk' }, [['i1', 'p1', null]])).items).toEqual({ i1: ['txr_01:10'] });
  });
});
