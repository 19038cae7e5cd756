import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { inTransaction, systemContext } from '../../../src/framework/context/context';
import { TaxService } from '../../../src/modules/tax/tax.service';
import type { TaxCalculationInput, TaxLinesResult } from '../../../src/modules/tax/tax.types';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { Body, sqlOf } from '../../utils/product-fixtures';
import { StatementCounter } from '../../utils/statement-counter';
import { insertProducts } from '../catalog/taxonomy.helpers';

describe('TaxService.taxLinesFor against the database', () => {
  let t: IdentityApp;
  let tax: TaxService;
  const rates: Record<string, string> = {};
  let lamp: string;
  let novel: string;

  const admin = () => bearer(t.adminToken);
  const post = async (path: string, body: unknown): Promise<Body> => (await t.api.post(path).set(...admin()).send(body as object).expect(200)).body;
  const ctx = () => systemContext(t.app.get(MikroORM).em as EntityManager);

  function input(address: TaxCalculationInput['address'], items: Array<[string, string | null, string | null]>, shipping: Array<[string, string | null]> = []): TaxCalculationInput {
    return {
      address,
      items: items.map(([id, product_id, product_type_id]) => ({ id, product_id, product_type_id, quantity: 2, unit_price: '10', is_tax_inclusive: false })),
      shipping_methods: shipping.map(([id, shipping_option_id]) => ({ id, shipping_option_id, amount: '4.5', is_tax_inclusive: false })),
    };
  }
  /** id → "code:rate" of each line, in order. */
  const brief = (result: TaxLinesResult) => {
    const show = (m: TaxLinesResult['items']) => Object.fromEntries([...m].map(([id, lines]) => [id, lines.map((l) => `${l.code}:${l.rate}`)]));
    return { items: show(result.items), shipping: show(result.shipping_methods) };
  };

  beforeAll(async () => {
    t = await createIdentityApp({ env: { OUTBOX_POLL_INTERVAL_MS: '3600000' } });
    tax = t.app.get(TaxService);
    [lamp, novel] = await insertProducts(t, ['Tax lamp', 'Tax novel']);
    await sqlOf(t)(`insert into product_type (id, value) values ('ptyp_books', 'books')`);

    const dk = (await post('/admin/tax-regions', { country_code: 'dk', default_tax_rate: { rate: 25, code: 'DK_VAT', name: 'Moms' } })).tax_region;
    rates.dk = dk.tax_rates[0].id;
    const us = (await post('/admin/tax-regions', { country_code: 'us', default_tax_rate: { rate: 5, code: 'US', name: 'Federal' } })).tax_region;
    rates.us = us.tax_rates[0].id;
    const rate = async (region: string, body: Record<string, unknown>) => (await post('/admin/tax-rates', { tax_region_id: region, ...body })).tax_rate.id as string;
    rates.us_books = await rate(us.id, { rate: 1, code: 'US_BOOKS', name: 'Books', rules: [{ reference: 'product_type', reference_id: 'ptyp_books' }] });
    rates.us_lamp = await rate(us.id, { rate: 0, code: 'US_LAMP', name: 'Lamps', rules: [{ reference: 'product', reference_id: lamp }] });
    rates.us_express = await rate(us.id, { rate: 3, code: 'US_EXPRESS', name: 'Express', rules: [{ reference: 'shipping_option', reference_id: 'so_express' }] });
    const ca = (await post('/admin/tax-regions', { country_code: 'us', province_code: 'us-ca', default_tax_rate: { rate: 7.25, code: 'CA', name: 'California', is_combinable: true } }))
      .tax_region;
    rates.ca = ca.tax_rates[0].id;
    const ny = (await post('/admin/tax-regions', { country_code: 'us', province_code: 'us-ny', default_tax_rate: { rate: 4, code: 'NY', name: 'New York' } })).tax_region;
    rates.ny = ny.tax_rates[0].id;
  });
  afterAll(() => t.close());

  it("country default: every item and shipping method gets the country's default rate, with the system provider", async () => {
    const result = await tax.taxLinesFor(ctx(), input({ country_code: 'DK', postal_code: '2100' }, [['i1', lamp, null], ['i2', null, null]], [['s1', 'so_express']]));
    const line = { rate_id: rates.dk, code: 'DK_VAT', name: 'Moms', rate: 25, provider_id: 'system' };
    expect(result.items).toEqual(new Map([['i1', [line]], ['i2', [line]]]));
    expect(result.shipping_methods).toEqual(new Map([['s1', [line]]]));
  });

  it("province override: a province region's rate replaces the country's", async () => {
    expect(brief(await tax.taxLinesFor(ctx(), input({ country_code: 'us', province_code: 'US-NY' }, [['i1', null, null]], [['s1', null]])))).toEqual({
      items: { i1: ['NY:4'] },
      shipping: { s1: ['NY:4'] },
    });
    expect(brief(await tax.taxLinesFor(ctx(), input({ country_code: 'us', province_code: 'us-tx' }, [['i1', null, null]])))).toEqual({ items: { i1: ['US:5'] }, shipping: {} });
  });

  it("combinable: a combinable province rate adds the country's rate for the same line", async () => {
    const result = await tax.taxLinesFor(ctx(), input({ country_code: 'us', province_code: 'us-ca' }, [['plain', null, null], ['book', novel, 'ptyp_books']], [['s1', 'so_express']]));
    expect(brief(result)).toEqual({ items: { plain: ['CA:7.25', 'US:5'], book: ['CA:7.25', 'US_BOOKS:1'] }, shipping: { s1: ['CA:7.25', 'US_EXPRESS:3'] } });
    expect(result.items.get('book')!.map((l) => l.rate_id)).toEqual([rates.ca, rates.us_books]);
  });

  it('product rule: a rate with a rule on the product beats the type rule and the default', async () => {
    expect(brief(await tax.taxLinesFor(ctx(), input({ country_code: 'us' }, [['lamp', lamp, 'ptyp_books'], ['other', novel, null]])))).toEqual({
      items: { lamp: ['US_LAMP:0'], other: ['US:5'] },
      shipping: {},
    });
  });

  it('product-type rule: a rate with a rule on the type beats the default', async () => {
    expect(brief(await tax.taxLinesFor(ctx(), input({ country_code: 'us' }, [['book', novel, 'ptyp_books']])))).toEqual({ items: { book: ['US_BOOKS:1'] }, shipping: {} });
  });

  it('shipping: the default rate unless a shipping_option rule names the option', async () => {
    expect(brief(await tax.taxLinesFor(ctx(), input({ country_code: 'us' }, [], [['express', 'so_express'], ['standard', 'so_standard'], ['custom', null]])))).toEqual({
      items: {},
      shipping: { express: ['US_EXPRESS:3'], standard: ['US:5'], custom: ['US:5'] },
    });
  });

  it('no region: no tax lines at all, in one statement', async () => {
    const counter = new StatementCounter(t.app);
    let result: TaxLinesResult | undefined;
    const statements = await counter.record(async () => {
      result = await tax.taxLinesFor(ctx(), input({ country_code: 'se', province_code: 'se-ab' }, [['i1', lamp, null]], [['s1', 'so_express']]));
    });
    expect(result!.items.size + result!.shipping_methods.size).toBe(0);
    expect(statements).toHaveLength(1);
  });

  it('runs one statement whatever the number of lines, inside or outside a transaction', async () => {
    const counter = new StatementCounter(t.app);
    const many = input(
      { country_code: 'us', province_code: 'us-ca' },
      Array.from({ length: 60 }, (_, i): [string, string | null, string | null] => [`i${i}`, i % 2 ? lamp : novel, i % 3 ? 'ptyp_books' : null]),
      Array.from({ length: 5 }, (_, i): [string, string | null] => [`s${i}`, i % 2 ? 'so_express' : `so_${i}`]),
    );
    let result: TaxLinesResult | undefined;
    const statements = await counter.record(async () => {
      result = await tax.taxLinesFor(ctx(), many);
    });
    expect(statements).toHaveLength(1);
    expect(result!.items.size).toBe(60);
    expect(result!.items.get('i1')!.map((l) => l.code)).toEqual(['CA', 'US_LAMP']);

    const inTx = await inTransaction(ctx(), (tx) => tax.taxLinesFor(tx, input({ country_code: 'dk' }, [['i1', null, null]])));
    expect(brief(inTx).items).toEqual({ i1: ['DK_VAT:25'] });
  });

  it('deleted rates, rules and regions stop applying', async () => {
    const region = (await post('/admin/tax-regions', { country_code: 'no', default_tax_rate: { rate: 25, code: 'NO', name: 'MVA' } })).tax_region;
    const food = (await post('/admin/tax-rates', { tax_region_id: region.id, rate: 15, code: 'NO_FOOD', name: 'Food', rules: [{ reference: 'product', reference_id: lamp }] })).tax_rate;
    const lines = async () => brief(await tax.taxLinesFor(ctx(), input({ country_code: 'no' }, [['i1', lamp, null]]))).items;
    expect(await lines()).toEqual({ i1: ['NO_FOOD:15'] });
    await t.api.delete(`/admin/tax-rates/${food.id}/rules/${food.rules[0].id}`).set(...admin()).expect(200);
    expect(await lines()).toEqual({ i1: ['NO:25'] });
    await t.api.delete(`/admin/tax-regions/${region.id}`).set(...admin()).expect(200);
    expect(await lines()).toEqual({});
  });
});
