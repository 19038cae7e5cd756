import type { EntityManager } from '@mikro-orm/postgresql';
import { CheckoutFixture, DE_BY_ADDRESS, DK_ADDRESS, FR_ADDRESS, seedCheckout } from '../../fixtures/checkout.fixture';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { StatementCounter } from '../../utils/statement-counter';

type Body = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The refresh pipeline seen from the store: tax lines by address (country, province override,
 * tax-inclusive prices), promotion codes and automatic promotions with totals checked to the cent
 * against hand-computed values, budgets, and the payment collection amount following the cart.
 */
describe('Checkout pricing: taxes, promotions, totals', () => {
  let t: IdentityApp;
  let f: CheckoutFixture;
  let em: EntityManager;

  beforeAll(async () => {
    t = await createIdentityApp({ env: { OUTBOX_POLL_INTERVAL_MS: '3600000' } });
    f = await seedCheckout(t);
    em = t.app.get(StatementCounter.ormToken()).em.fork() as EntityManager;
  });
  afterAll(() => t.close());

  const sql = (statement: string, params: unknown[] = []) => em.getConnection().execute(statement, params);
  const admin = () => bearer(t.adminToken);
  const adminPost = async (path: string, body: Record<string, unknown>): Promise<Body> => (await t.api.post(path).set(...admin()).send(body).expect(200)).body;
  const store = (method: 'get' | 'post' | 'delete', url: string) => t.api[method](url).set('x-publishable-api-key', t.publishableKey);
  const cartWith = async (body: Record<string, unknown>): Promise<Body> => (await store('post', '/store/carts').send({ region_id: f.regionId, ...body }).expect(200)).body.cart;
  const ship = async (cartId: string, optionId: string): Promise<Body> =>
    (await store('post', `/store/carts/${cartId}/shipping-methods`).send({ option_id: optionId }).expect(200)).body.cart;
  const addCodes = (cartId: string, codes: string[]) => store('post', `/store/carts/${cartId}/promotions`).send({ promo_codes: codes });
  const promotion = async (code: string, extra: Record<string, unknown> = {}): Promise<Body> =>
    (
      await adminPost('/admin/promotions', {
        code,
        type: 'standard',
        status: 'active',
        application_method: { type: 'percentage', target_type: 'items', allocation: 'across', value: 10 },
        ...extra,
      })
    ).promotion;
  const taxCodes = (line: Body) => line.tax_lines.map((l: Body) => `${l.code}:${l.rate}`);
  const cartRows = async (cartId: string) => ({
    adjustments: await sql(
      `select a.item_id, a.code, a.amount::float8 as amount, a.is_tax_inclusive from cart_line_item_adjustment a join cart_line_item i on i.id = a.item_id where i.cart_id = ? order by a.item_id`,
      [cartId],
    ),
    links: await sql(`select promotion_id from cart_promotion where cart_id = ? order by promotion_id`, [cartId]),
    taxLines: await sql(`select t.code from cart_line_item_tax_line t join cart_line_item i on i.id = t.item_id where i.cart_id = ?`, [cartId]),
  });

  describe('taxes', () => {
    it('gives items and shipping 25 % tax lines for a Danish address, with the rate, code and provider', async () => {
      const cart = await cartWith({ shipping_address: DK_ADDRESS, items: [{ variant_id: f.variants.tee, quantity: 1 }] });
      expect(cart.items[0].tax_lines).toEqual([
        expect.objectContaining({ code: 'DK_VAT', rate: 25, description: 'Moms', tax_rate_id: f.taxRates.dk, provider_id: 'system' }),
      ]);
      const shipped = await ship(cart.id, f.options.standard);
      expect(taxCodes(shipped.shipping_methods[0])).toEqual(['DK_VAT:25']);
      expect(shipped).toMatchObject({ item_subtotal: 40, item_tax_total: 10, shipping_subtotal: 5, shipping_tax_total: 1.25, tax_total: 11.25, total: 56.25 });
    });

    it("uses a province's own rate (override) and the country's elsewhere in the country", async () => {
      const cart = await cartWith({ shipping_address: DE_BY_ADDRESS, items: [{ variant_id: f.variants.mug, quantity: 1 }] });
      expect(taxCodes(cart.items[0])).toEqual(['DE_BY:7']);
      const berlin = (await store('post', `/store/carts/${cart.id}`).send({ shipping_address: { ...DE_BY_ADDRESS, province: 'de-be' } }).expect(200)).body.cart;
      expect(taxCodes(berlin.items[0])).toEqual(['DE_VAT:19']);
      // 12.99 × 19 % = 2.4681
      expect(berlin).toMatchObject({ item_subtotal: 12.99, tax_total: 2.47, total: 15.46 });
    });

    it('has no tax lines without an address or in a country without a tax region, and drops them when the address goes', async () => {
      const none = await cartWith({ items: [{ variant_id: f.variants.mug, quantity: 1 }] });
      expect(none.items[0].tax_lines).toEqual([]);
      const fr = await cartWith({ shipping_address: FR_ADDRESS, items: [{ variant_id: f.variants.mug, quantity: 1 }] });
      expect(fr.items[0].tax_lines).toEqual([]);
      expect(fr.total).toBe(12.99);
      const dk = await cartWith({ shipping_address: DK_ADDRESS, items: [{ variant_id: f.variants.mug, quantity: 1 }] });
      expect(taxCodes(dk.items[0])).toEqual(['DK_VAT:25']);
      const moved = (await store('post', `/store/carts/${dk.id}`).send({ shipping_address: FR_ADDRESS }).expect(200)).body.cart;
      expect(moved.items[0].tax_lines).toEqual([]);
      expect((await cartRows(dk.id)).taxLines).toEqual([]);
    });

    it('computes tax lines on demand with POST /store/carts/:id/taxes when the region has automatic taxes off', async () => {
      await adminPost(`/admin/regions/${f.regionId}`, { automatic_taxes: false });
      try {
        const cart = await cartWith({ shipping_address: DK_ADDRESS, items: [{ variant_id: f.variants.tee, quantity: 1 }] });
        expect(cart.items[0].tax_lines).toEqual([]);
        const taxed = (await store('post', `/store/carts/${cart.id}/taxes`).expect(200)).body.cart;
        expect(taxCodes(taxed.items[0])).toEqual(['DK_VAT:25']);
        expect(taxed.total).toBe(50);
        // a later change makes them stale: cleared until the storefront asks again
        const changed = (await store('post', `/store/carts/${cart.id}/line-items/${cart.items[0].id}`).send({ quantity: 2 }).expect(200)).body.cart;
        expect(changed.items[0].tax_lines).toEqual([]);
        await store('post', '/store/carts/cart_nope/taxes').expect(404);
      } finally {
        await adminPost(`/admin/regions/${f.regionId}`, { automatic_taxes: true });
      }
    });

    it('honours tax-inclusive prices (eur price preference): items and shipping hold their tax, discounts too', async () => {
      const preference = (await adminPost('/admin/price-preferences', { attribute: 'currency_code', value: 'eur', is_tax_inclusive: true })).price_preference;
      await promotion('INCL10');
      try {
        const cart = await cartWith({ shipping_address: DK_ADDRESS, items: [{ variant_id: f.variants.tee, quantity: 1 }] });
        expect(cart.items[0]).toMatchObject({ unit_price: 40, is_tax_inclusive: true });
        const shipped = await ship(cart.id, f.options.standard);
        expect(shipped.shipping_methods[0]).toMatchObject({ amount: 5, is_tax_inclusive: true });
        // 40 incl. 25 % = 32 + 8; shipping 5 = 4 + 1
        expect(shipped).toMatchObject({ item_subtotal: 32, item_tax_total: 8, item_total: 40, shipping_subtotal: 4, shipping_tax_total: 1, total: 45 });
        const discounted = (await addCodes(cart.id, ['INCL10']).expect(200)).body.cart;
        // 10 % of the gross 40 = 4 (stored gross, is_tax_inclusive), i.e. 3.20 net + 0.80 tax
        expect(discounted.items[0].adjustments).toEqual([expect.objectContaining({ code: 'INCL10', amount: 4 })]);
        expect((await cartRows(cart.id)).adjustments).toEqual([{ item_id: cart.items[0].id, code: 'INCL10', amount: 4, is_tax_inclusive: true }]);
        expect(discounted).toMatchObject({
          item_total: 36,
          item_tax_total: 7.2,
          discount_total: 4,
          discount_subtotal: 3.2,
          discount_tax_total: 0.8,
          total: 41,
          original_total: 45,
        });
      } finally {
        await t.api.delete(`/admin/price-preferences/${preference.id}`).set(...admin()).expect(200);
      }
    });
  });

  describe('promotions', () => {
    it('applies a 10 % code: totals equal the hand-computed example to the cent (tax, shipping, discount)', async () => {
      await promotion('WELCOME10');
      const cart = await cartWith({
        email: 'buyer@example.com',
        shipping_address: DK_ADDRESS,
        items: [
          { variant_id: f.variants.tee, quantity: 2 },
          { variant_id: f.variants.mug, quantity: 1 },
        ],
      });
      await ship(cart.id, f.options.standard);
      const collection = (await store('post', '/store/payment-collections').send({ cart_id: cart.id }).expect(200)).body.payment_collection;
      expect(collection.amount).toBe(122.49); // (80 + 12.99 + 5) × 1.25 = 122.4875, before the code
      const res = await addCodes(cart.id, ['welcome10']).expect(200);
      const after = res.body.cart;
      // items: tee 2 × 40 = 80, −10 % = 8 → 72, tax 25 % = 18 → 90
      //        mug 12.99, −10 % = 1.299 → 1.30 (rounded to the cent) → 11.69, tax 2.9225 → 14.6125
      // shipping: 5, tax 1.25 → 6.25
      // total = 90 + 14.6125 + 6.25 = 110.8625 → 110.86; tax = 18 + 2.9225 + 1.25 = 22.1725 → 22.17
      const tee = after.items.find((i: Body) => i.variant_id === f.variants.tee);
      const mug = after.items.find((i: Body) => i.variant_id === f.variants.mug);
      expect(tee.adjustments).toEqual([expect.objectContaining({ code: 'WELCOME10', amount: 8 })]);
      expect(mug.adjustments).toEqual([expect.objectContaining({ code: 'WELCOME10', amount: 1.3 })]);
      expect(after).toMatchObject({
        item_subtotal: 92.99,
        item_discount_total: 11.63,
        item_tax_total: 20.92,
        item_total: 104.61,
        shipping_total: 6.25,
        discount_subtotal: 9.3,
        discount_tax_total: 2.33,
        discount_total: 11.63,
        tax_total: 22.17,
        subtotal: 97.99,
        total: 110.86,
        original_total: 122.49,
      });
      expect(after.promotions).toEqual([
        { id: expect.stringMatching(/^promo_/), code: 'WELCOME10', is_automatic: false, application_method: { value: 10, type: 'percentage', currency_code: null } },
      ]);
      // the payment collection follows the cart
      const read = (await store('get', `/store/carts/${cart.id}`).expect(200)).body.cart;
      expect(read.payment_collection).toMatchObject({ id: collection.id, amount: 110.86, currency_code: 'eur' });
    });

    it('refuses an unknown or inactive code with 400 and changes nothing', async () => {
      await promotion('DRAFTY', { status: 'draft' });
      const cart = await cartWith({ shipping_address: DK_ADDRESS, items: [{ variant_id: f.variants.tee, quantity: 1 }] });
      await addCodes(cart.id, ['WELCOME10']).expect(200);
      const before = await cartRows(cart.id);
      for (const code of ['NOPE', 'DRAFTY']) {
        const res = await addCodes(cart.id, ['WELCOME10', code]).expect(400);
        expect(res.body).toEqual({ type: 'invalid_data', message: `The promotion code ${code} is invalid` });
        expect(await cartRows(cart.id)).toEqual(before);
      }
      // the same through POST /store/carts/:id {promo_codes}
      expect((await store('post', `/store/carts/${cart.id}`).send({ promo_codes: ['NOPE'] }).expect(400)).body.message).toBe('The promotion code NOPE is invalid');
      expect(await cartRows(cart.id)).toEqual(before);
    });

    it('removes a code (DELETE /store/carts/:id/promotions) and replaces codes through POST /store/carts/:id', async () => {
      await promotion('FIVER', { application_method: { type: 'fixed', target_type: 'items', allocation: 'across', value: 5, currency_code: 'eur' } });
      const cart = await cartWith({ shipping_address: DK_ADDRESS, items: [{ variant_id: f.variants.tee, quantity: 1 }] });
      const both = (await addCodes(cart.id, ['WELCOME10', 'FIVER']).expect(200)).body.cart;
      expect(both.promotions.map((p: Body) => p.code).sort()).toEqual(['FIVER', 'WELCOME10']);
      expect(both.discount_subtotal).toBe(9); // 10 % of 40 = 4, then 5 fixed
      const removed = (await store('delete', `/store/carts/${cart.id}/promotions`).send({ promo_codes: ['welcome10'] }).expect(200)).body.cart;
      expect(removed.promotions.map((p: Body) => p.code)).toEqual(['FIVER']);
      expect(removed.items[0].adjustments).toEqual([expect.objectContaining({ code: 'FIVER', amount: 5 })]);
      expect(removed.total).toBe(43.75); // (40 − 5) × 1.25
      const replaced = (await store('post', `/store/carts/${cart.id}`).send({ promo_codes: ['WELCOME10'] }).expect(200)).body.cart;
      expect(replaced.promotions.map((p: Body) => p.code)).toEqual(['WELCOME10']);
      const cleared = (await store('post', `/store/carts/${cart.id}`).send({ promo_codes: [] }).expect(200)).body.cart;
      expect(cleared.promotions).toEqual([]);
      expect(cleared.items[0].adjustments).toEqual([]);
      expect(cleared.total).toBe(50);
    });

    it('answers a line change with exactly the cart a read then gives (tax lines, adjustments, links, collection)', async () => {
      const cart = await cartWith({
        shipping_address: DK_ADDRESS,
        items: [
          { variant_id: f.variants.tee, quantity: 1 },
          { variant_id: f.variants.mug, quantity: 1 },
        ],
      });
      await ship(cart.id, f.options.standard);
      await store('post', '/store/payment-collections').send({ cart_id: cart.id }).expect(200);
      const read = async () => (await store('get', `/store/carts/${cart.id}`).expect(200)).body.cart;
      const tee = (await read()).items.find((i: Body) => i.variant_id === f.variants.tee);
      // adding to an existing line without promotions: the change is applied to the cart as read, not read again
      const added = (await store('post', `/store/carts/${cart.id}/line-items`).send({ variant_id: f.variants.tee, quantity: 2 }).expect(200)).body.cart;
      expect(added.items.find((i: Body) => i.id === tee.id)).toMatchObject({ quantity: 3, tax_lines: [expect.objectContaining({ rate: 25 })] });
      expect(added.total).toBe(172.49); // (3 × 40 + 12.99 + 5) × 1.25 = 172.4875
      expect(added.payment_collection).toMatchObject({ amount: 172.49 });
      expect(added).toEqual(await read());
      const changed = (await store('post', `/store/carts/${cart.id}/line-items/${tee.id}`).send({ quantity: 1 }).expect(200)).body.cart;
      expect(changed.total).toBe(72.49);
      expect(changed).toEqual(await read());
      // with a code the adjustments are rewritten: the same answer either way
      await promotion('SAMEANSWER');
      await addCodes(cart.id, ['SAMEANSWER']).expect(200);
      const discounted = (await store('post', `/store/carts/${cart.id}/line-items`).send({ variant_id: f.variants.mug, quantity: 1 }).expect(200)).body.cart;
      expect(discounted.promotions.map((p: Body) => p.code)).toEqual(['SAMEANSWER']);
      expect(discounted.discount_total).toBeGreaterThan(0);
      expect(discounted).toEqual(await read());
    });

    it('keeps a code while valid and recomputes it when the cart changes', async () => {
      const cart = await cartWith({ shipping_address: DK_ADDRESS });
      // applied to an empty cart: linked, nothing to discount yet
      const empty = (await addCodes(cart.id, ['WELCOME10']).expect(200)).body.cart;
      expect(empty.promotions.map((p: Body) => p.code)).toEqual(['WELCOME10']);
      const added = (await store('post', `/store/carts/${cart.id}/line-items`).send({ variant_id: f.variants.tee, quantity: 3 }).expect(200)).body.cart;
      expect(added.items[0].adjustments).toEqual([expect.objectContaining({ code: 'WELCOME10', amount: 12 })]);
      const fewer = (await store('post', `/store/carts/${cart.id}/line-items/${added.items[0].id}`).send({ quantity: 1 }).expect(200)).body.cart;
      expect(fewer.items[0].adjustments).toEqual([expect.objectContaining({ code: 'WELCOME10', amount: 4 })]);
    });

    it('does not apply a code whose campaign budget is exhausted (200, no adjustment, not linked)', async () => {
      const spent = await promotion('SPENT', { campaign: { name: 'Spent', campaign_identifier: 'spent', budget: { type: 'usage', limit: 1 } } });
      await sql(`update promotion_campaign_budget set used = 1 where campaign_id = ?`, [spent.campaign_id]);
      const cart = await cartWith({ shipping_address: DK_ADDRESS, items: [{ variant_id: f.variants.tee, quantity: 1 }] });
      const res = (await addCodes(cart.id, ['SPENT']).expect(200)).body.cart;
      expect(res.promotions).toEqual([]);
      expect(res.items[0].adjustments).toEqual([]);
      expect(await cartRows(cart.id)).toMatchObject({ adjustments: [], links: [] });
      expect(res.total).toBe(50);
    });

    it('drops a code whose promotion is deactivated at the next refresh', async () => {
      const gone = await promotion('GOING');
      const cart = await cartWith({ shipping_address: DK_ADDRESS, items: [{ variant_id: f.variants.tee, quantity: 1 }] });
      expect((await addCodes(cart.id, ['GOING']).expect(200)).body.cart.discount_subtotal).toBe(4);
      await adminPost(`/admin/promotions/${gone.id}`, { status: 'inactive' });
      const after = (await store('post', `/store/carts/${cart.id}/line-items`).send({ variant_id: f.variants.mug, quantity: 1 }).expect(200)).body.cart;
      expect(after.promotions).toEqual([]);
      expect(after.discount_total).toBe(0);
      expect((await cartRows(cart.id)).links).toEqual([]);
    });

    it('applies an automatic promotion without a code, to shipping, and shows it among the promotions', async () => {
      const auto = await promotion('AUTOSHIP', {
        is_automatic: true,
        application_method: { type: 'percentage', target_type: 'shipping_methods', allocation: 'each', max_quantity: 1, value: 100 },
      });
      try {
        const cart = await cartWith({ shipping_address: DK_ADDRESS, items: [{ variant_id: f.variants.mug, quantity: 1 }] });
        const shipped = await ship(cart.id, f.options.express);
        expect(shipped.shipping_methods[0].adjustments).toEqual([expect.objectContaining({ code: 'AUTOSHIP', amount: 12.5, promotion_id: auto.id })]);
        expect(shipped).toMatchObject({ shipping_total: 0, shipping_discount_total: 15.63, total: 16.24 }); // 12.99 × 1.25 = 16.2375
        expect(shipped.promotions).toEqual([expect.objectContaining({ code: 'AUTOSHIP', is_automatic: true })]);
        expect((await cartRows(cart.id)).links).toEqual([]);
      } finally {
        await t.api.delete(`/admin/promotions/${auto.id}`).set(...admin()).expect(200);
      }
    });
  });
});
