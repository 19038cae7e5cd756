import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context, systemContext } from '../../../src/framework/context/context';
import { PromotionService } from '../../../src/modules/promotion/promotion.service';
import type { PromotionCartContext } from '../../../src/modules/promotion/promotion.types';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { isEmbeddedTestDatabase } from '../../utils/test-database';

/** The facade the cart and checkout flows use, against the database. */
describe('promotion facade', () => {
  let t: IdentityApp;
  let orm: MikroORM;
  let promotions: PromotionService;
  const admin = () => bearer(t.adminToken);
  const ctx = (): Context => systemContext(orm.em as EntityManager);
  const sql = <T>(query: string, params: unknown[] = []) => (orm.em.fork() as EntityManager).getConnection().execute<T[]>(query, params);
  const budgetUsed = async (campaignId: string) => (await sql<{ used: string }>('select used from promotion_campaign_budget where campaign_id = ?', [campaignId]))[0].used;

  const cart = (over: Partial<PromotionCartContext> = {}): PromotionCartContext => ({
    currency_code: 'eur',
    region_id: 'reg_eu',
    customer: null,
    items: [
      { id: 'cali_1', quantity: 2, subtotal: '40', is_discountable: true, product_id: 'prod_shirt', variant_id: 'variant_1', product_collection_id: null, product_category_ids: [], product_type_id: null, product_tag_ids: [] },
      { id: 'cali_2', quantity: 1, subtotal: '20', is_discountable: true, product_id: 'prod_hat', variant_id: 'variant_2', product_collection_id: null, product_category_ids: [], product_type_id: null, product_tag_ids: [] },
    ],
    shipping_methods: [{ id: 'casm_1', subtotal: '8', shipping_option_id: 'so_1' }],
    ...over,
  });

  async function createPromotion(body: Record<string, unknown>): Promise<{ id: string; campaign_id: string | null }> {
    const res = await t.api
      .post('/admin/promotions')
      .set(...admin())
      .send({ type: 'standard', status: 'active', application_method: { type: 'percentage', target_type: 'items', allocation: 'across', value: 10 }, ...body })
      .expect(200);
    return res.body.promotion;
  }

  beforeAll(async () => {
    t = await createIdentityApp();
    orm = t.app.get(MikroORM);
    promotions = t.app.get(PromotionService);
  });
  afterAll(() => t.close());

  describe('computeActions', () => {
    it('applies the codes (any case) and the automatic promotions, and returns the applied ones', async () => {
      const code = await createPromotion({ code: 'TEN' });
      const auto = await createPromotion({
        code: 'FREESHIP',
        is_automatic: true,
        application_method: { type: 'percentage', target_type: 'shipping_methods', allocation: 'each', max_quantity: 1, value: 100 },
      });
      const { actions, promotions: applied } = await promotions.computeActions(ctx(), ['ten'], cart());
      expect(actions).toEqual([
        { action: 'addItemAdjustment', item_id: 'cali_1', amount: '4', code: 'TEN', promotion_id: code.id },
        { action: 'addItemAdjustment', item_id: 'cali_2', amount: '2', code: 'TEN', promotion_id: code.id },
        { action: 'addShippingMethodAdjustment', shipping_method_id: 'casm_1', amount: '8', code: 'FREESHIP', promotion_id: auto.id },
      ]);
      expect(applied.map((p) => p.code)).toEqual(['TEN', 'FREESHIP']);
      expect(applied[0].application_method).toMatchObject({ type: 'percentage', value: 10 });
      // the automatic one stays off once made inactive
      await t.api.post(`/admin/promotions/${auto.id}`).set(...admin()).send({ status: 'inactive' }).expect(200);
      expect((await promotions.computeActions(ctx(), [], cart())).actions).toEqual([]);
    });

    it('refuses an unknown or not active code', async () => {
      await createPromotion({ code: 'DRAFTY', status: 'draft' });
      await expect(promotions.computeActions(ctx(), ['NOPE'], cart())).rejects.toMatchObject({ type: 'invalid_data', message: 'The promotion code NOPE is invalid' });
      await expect(promotions.computeActions(ctx(), ['DRAFTY'], cart())).rejects.toMatchObject({ type: 'invalid_data', message: 'The promotion code DRAFTY is invalid' });
    });

    it('respects cart rules and target rules stored in the database', async () => {
      await createPromotion({
        code: 'HATS',
        rules: [{ attribute: 'currency_code', operator: 'eq', values: 'eur' }],
        application_method: { type: 'fixed', currency_code: 'eur', target_type: 'items', allocation: 'each', max_quantity: 1, value: 5, target_rules: [{ attribute: 'items.product.id', operator: 'in', values: ['prod_hat'] }] },
      });
      expect((await promotions.computeActions(ctx(), ['HATS'], cart())).actions).toEqual([expect.objectContaining({ item_id: 'cali_2', amount: '5', code: 'HATS' })]);
      expect((await promotions.computeActions(ctx(), ['HATS'], cart({ currency_code: 'usd' }))).actions).toEqual([]);
    });

    it('skips a promotion outside its campaign window and reports a budget that would be exceeded', async () => {
      await createPromotion({ code: 'LATER', campaign: { name: 'Later', campaign_identifier: 'later', starts_at: '2999-01-01T00:00:00Z' } });
      expect((await promotions.computeActions(ctx(), ['LATER'], cart())).actions).toEqual([]);
      await createPromotion({ code: 'SMALLBUDGET', campaign: { name: 'Small', campaign_identifier: 'small', budget: { type: 'spend', limit: 5, currency_code: 'eur' } } });
      expect((await promotions.computeActions(ctx(), ['SMALLBUDGET'], cart())).actions).toEqual([{ action: 'campaignBudgetExceeded', code: 'SMALLBUDGET' }]);
    });

    it('lists by ids and codes in the order given', async () => {
      const a = await createPromotion({ code: 'LIST-A' });
      const b = await createPromotion({ code: 'LIST-B' });
      expect((await promotions.listByIds(ctx(), [b.id, 'promo_missing', a.id])).map((p) => p.id)).toEqual([b.id, a.id]);
      expect((await promotions.listByCodes(ctx(), ['list-b', 'LIST-A', 'nope'])).map((p) => p.code)).toEqual(['LIST-B', 'LIST-A']);
    });
  });

  describe('registerUsage / revertUsage', () => {
    it('usage budgets count one per promotion, spend budgets the amounts; over the limit nothing moves', async () => {
      const usage = await createPromotion({ code: 'USAGE2', campaign: { name: 'U', campaign_identifier: 'usage-2', budget: { type: 'usage', limit: 2 } } });
      const spend = await createPromotion({ code: 'SPEND50', campaign: { name: 'S', campaign_identifier: 'spend-50', budget: { type: 'spend', limit: 50, currency_code: 'eur' } } });
      await promotions.registerUsage(ctx(), [{ promotion_id: usage.id, amount: '6', code: 'USAGE2' }, { promotion_id: spend.id, amount: '30.5', code: 'SPEND50' }]);
      expect(Number(await budgetUsed(usage.campaign_id!))).toBe(1);
      expect(Number(await budgetUsed(spend.campaign_id!))).toBe(30.5);

      await expect(promotions.registerUsage(ctx(), [{ promotion_id: usage.id, amount: '1', code: 'USAGE2' }, { promotion_id: spend.id, amount: '20', code: 'SPEND50' }])).rejects.toMatchObject({
        type: 'not_allowed',
        message: 'Promotion usage exceeds the budget limit.',
      });
      // one transaction: the usage budget's increment was rolled back with the refused spend
      expect(Number(await budgetUsed(usage.campaign_id!))).toBe(1);
      expect(Number(await budgetUsed(spend.campaign_id!))).toBe(30.5);

      await promotions.registerUsage(ctx(), [{ promotion_id: spend.id, amount: '19.5', code: 'SPEND50' }]);
      expect(Number(await budgetUsed(spend.campaign_id!))).toBe(50);
      // the cart now sees the budget exhausted
      expect((await promotions.computeActions(ctx(), ['SPEND50'], cart())).actions).toEqual([{ action: 'campaignBudgetExceeded', code: 'SPEND50' }]);

      await promotions.revertUsage(ctx(), [{ promotion_id: spend.id, amount: '20', code: 'SPEND50' }]);
      expect(Number(await budgetUsed(spend.campaign_id!))).toBe(30);
      await promotions.revertUsage(ctx(), [{ promotion_id: usage.id, amount: '0', code: 'USAGE2' }, { promotion_id: usage.id, amount: '0', code: 'USAGE2' }]);
      expect(Number(await budgetUsed(usage.campaign_id!))).toBe(0);
    });

    it('a usage budget counts a promotion once per checkout, however many lines it discounted (Medusa)', async () => {
      const promo = await createPromotion({ code: 'PERLINE', campaign: { name: 'P', campaign_identifier: 'per-line', budget: { type: 'usage', limit: 3 } } });
      // one usage per adjustment, as a checkout passes its computed actions: two lines, one use
      const lines = [
        { promotion_id: promo.id, amount: '4', code: 'PERLINE' },
        { promotion_id: promo.id, amount: '2', code: 'PERLINE' },
      ];
      await promotions.registerUsage(ctx(), lines);
      expect(Number(await budgetUsed(promo.campaign_id!))).toBe(1);
      await promotions.registerUsage(ctx(), lines);
      await promotions.registerUsage(ctx(), lines);
      expect(Number(await budgetUsed(promo.campaign_id!))).toBe(3);
      await promotions.revertUsage(ctx(), lines);
      expect(Number(await budgetUsed(promo.campaign_id!))).toBe(2);
    });

    it('a promotion without a campaign registers nothing; an unknown promotion is refused', async () => {
      const plain = await createPromotion({ code: 'NOCAMPAIGN' });
      await promotions.registerUsage(ctx(), [{ promotion_id: plain.id, amount: '5', code: 'NOCAMPAIGN' }]);
      await expect(promotions.registerUsage(ctx(), [{ promotion_id: 'promo_missing', amount: '5', code: 'X' }])).rejects.toMatchObject({ type: 'invalid_data' });
    });

    if (!isEmbeddedTestDatabase()) {
      it('concurrent checkouts never exceed a budget (PostgreSQL)', async () => {
        const promo = await createPromotion({ code: 'RACE5', campaign: { name: 'Race', campaign_identifier: 'race-5', budget: { type: 'usage', limit: 5 } } });
        const attempts = 30;
        const results = await Promise.allSettled(
          Array.from({ length: attempts }, () =>
            (orm.em.fork() as EntityManager).transactional(async (em) => {
              await promotions.registerUsage({ em: em as EntityManager }, [{ promotion_id: promo.id, amount: '1', code: 'RACE5' }]);
              // hold the transaction open a little, as a checkout does after registering usage
              await new Promise((resolve) => setTimeout(resolve, 20));
            }),
          ),
        );
        const ok = results.filter((r) => r.status === 'fulfilled').length;
        const refused = results.filter((r) => r.status === 'rejected' && (r.reason as { message?: string }).message === 'Promotion usage exceeds the budget limit.').length;
        expect([ok, refused]).toEqual([5, attempts - 5]);
        expect(Number(await budgetUsed(promo.campaign_id!))).toBe(5);
      });
    }
  });
});
