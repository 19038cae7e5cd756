import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';

interface RuleBody {
  id: string;
  attribute: string;
  operator: string;
  values: Array<{ id?: string; value: string; label?: string }>;
}

interface PromotionBody {
  id: string;
  code: string;
  type: string;
  status: string;
  is_automatic: boolean;
  campaign_id: string | null;
  campaign: { id: string; budget: { type: string; limit: number | null } | null } | null;
  application_method: {
    id: string;
    type: string;
    target_type: string;
    allocation: string | null;
    value: number;
    currency_code: string | null;
    target_rules: RuleBody[];
    buy_rules: RuleBody[];
  };
  rules: RuleBody[];
}

describe('admin promotions and campaigns', () => {
  let t: IdentityApp;
  let orm: MikroORM;
  let regionId: string;
  const admin = () => bearer(t.adminToken);
  const sql = <T>(query: string, params: unknown[] = []) => (orm.em.fork() as EntityManager).getConnection().execute<T[]>(query, params);
  const count = async (table: string, where = 'true') => Number((await sql<{ n: string }>(`select count(*) as n from ${table} where ${where}`))[0].n);
  /** Every row of the module's tables, to prove a refused request changed nothing. */
  const snapshot = async () => {
    const tables = ['promotion', 'promotion_application_method', 'promotion_rule', 'promotion_rule_value', 'promotion_promotion_rule', 'application_method_target_rules', 'application_method_buy_rules', 'promotion_campaign', 'promotion_campaign_budget'];
    const out: Record<string, unknown> = {};
    for (const table of tables) out[table] = await sql(`select * from ${table} order by 1, 2`);
    return out;
  };

  const percentItems = (code: string, extra: Record<string, unknown> = {}) => ({
    code,
    type: 'standard',
    status: 'active',
    application_method: { type: 'percentage', target_type: 'items', allocation: 'across', value: 10 },
    ...extra,
  });

  async function create(body: Record<string, unknown>): Promise<PromotionBody> {
    const res = await t.api.post('/admin/promotions').set(...admin()).send(body).expect(200);
    return res.body.promotion as PromotionBody;
  }

  beforeAll(async () => {
    t = await createIdentityApp();
    orm = t.app.get(MikroORM);
    const region = await t.api.post('/admin/regions').set(...admin()).send({ name: 'Europe', currency_code: 'eur' }).expect(200);
    regionId = region.body.region.id;
  });
  afterAll(() => t.close());

  describe('POST /admin/promotions', () => {
    it('creates a promotion with its application method, target rules and cart rules', async () => {
      const promotion = await create(
        percentItems('SUMMER15', {
          application_method: {
            type: 'percentage',
            target_type: 'items',
            allocation: 'each',
            max_quantity: 2,
            value: 15,
            target_rules: [{ attribute: 'items.product.tags.id', operator: 'in', values: ['ptag_1', 'ptag_2'] }],
          },
          rules: [{ attribute: 'region.id', operator: 'eq', values: regionId }, { attribute: 'currency_code', operator: 'eq', values: ['eur'] }],
        }),
      );
      expect(promotion).toMatchObject({
        id: expect.stringMatching(/^promo_/),
        code: 'SUMMER15',
        type: 'standard',
        status: 'active',
        is_automatic: false,
        campaign: null,
        application_method: { id: expect.stringMatching(/^proappmet_/), type: 'percentage', target_type: 'items', allocation: 'each', value: 15, currency_code: null, buy_rules: [] },
      });
      expect(promotion.application_method.target_rules).toEqual([
        expect.objectContaining({ id: expect.stringMatching(/^prorul_/), attribute: 'items.product.tags.id', operator: 'in', values: [expect.objectContaining({ id: expect.stringMatching(/^prorulval_/), value: 'ptag_1' }), expect.objectContaining({ value: 'ptag_2' })] }),
      ]);
      expect(promotion.rules.map((r) => [r.attribute, r.values.map((v) => v.value)])).toEqual([['region.id', [regionId]], ['currency_code', ['eur']]]);
      expect(await count('promotion_promotion_rule', `promotion_id = '${promotion.id}'`)).toBe(2);
      expect(await count('event_outbox', `name = 'promotion.created' and data->>'id' = '${promotion.id}'`)).toBe(1);
    });

    it('creates a buy-get promotion with a nested campaign and budget', async () => {
      const promotion = await create({
        code: 'B2G1',
        type: 'buyget',
        application_method: {
          type: 'percentage', target_type: 'items', allocation: 'each', value: 100, max_quantity: 1, apply_to_quantity: 1, buy_rules_min_quantity: 2,
          buy_rules: [{ attribute: 'items.product.id', operator: 'in', values: ['prod_a'] }],
          target_rules: [{ attribute: 'items.product.id', operator: 'in', values: ['prod_a'] }],
        },
        campaign: { name: 'Spring', campaign_identifier: 'spring-2030', budget: { type: 'usage', limit: 100 } },
      });
      expect(promotion.status).toBe('draft');
      expect(promotion.campaign).toMatchObject({ id: expect.stringMatching(/^procamp_/), budget: { type: 'usage', limit: 100 } });
      expect(promotion.campaign_id).toBe(promotion.campaign!.id);
      expect(promotion.application_method.buy_rules).toHaveLength(1);
    });

    it('refuses a code already used (any case) with 422 duplicate_error and writes nothing', async () => {
      await create(percentItems('DUPE'));
      const before = await snapshot();
      const res = await t.api.post('/admin/promotions').set(...admin()).send(percentItems('dupe')).expect(422);
      expect(res.body).toMatchObject({ type: 'duplicate_error', message: 'Promotion with code: dupe, already exists.' });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses bad input with 400 and writes nothing', async () => {
      const am = (over: Record<string, unknown>) => ({ code: 'BAD', type: 'standard', application_method: { type: 'percentage', target_type: 'items', allocation: 'across', value: 10, ...over } });
      const cases: Array<[Record<string, unknown>, string | RegExp]> = [
        [am({ value: 101 }), 'Application Method value should be a percentage number between 0 and 100'],
        [am({ type: 'fixed', value: 5 }), "application_method.currency_code is required when application_method.type is 'fixed'"],
        [am({ type: 'fixed', value: 5, currency_code: 'xyz' }), 'Currency with code: xyz does not exist'],
        [am({ allocation: 'each' }), "application_method.max_quantity is required when application_method.allocation is 'each'"],
        [am({ allocation: undefined }), /application_method.allocation should be either/],
        [am({ target_type: 'order', allocation: 'each', max_quantity: 1 }), "application_method.allocation should be 'across' when application_method.target_type is 'order'"],
        [{ ...am({}), type: 'buyget' }, 'Buy rules are required for buyget promotion type'],
        [am({ buy_rules: [{ attribute: 'items.product.id', operator: 'in', values: ['p'] }] }), 'Buy rules can only be added to a Promotion type of buyget'],
        [{ ...am({}), rules: [{ attribute: 'sales_channel_id', operator: 'in', values: ['sc'] }] }, /Rule attribute sales_channel_id is not supported for rules/],
        [am({ target_rules: [{ attribute: 'items.product.id', operator: 'gt', values: ['abc'] }] }), 'Operator gt needs one numeric value, got: abc'],
        [am({ target_rules: [{ attribute: 'items.product.id', operator: 'in', values: [] }] }), /values must be a string, a number or a list/],
        [{ ...am({}), campaign_id: 'procamp_missing' }, 'Campaign with id: procamp_missing was not found'],
        [{ ...am({}), status: 'paused' }, /status must be one of the following values/],
        [{ ...am({}), colour: 'red' }, "Invalid request: Unrecognized fields: 'colour'"],
        [{ type: 'standard', application_method: { type: 'percentage', target_type: 'items', allocation: 'across', value: 10 } }, /code/],
      ];
      const before = await snapshot();
      for (const [body, message] of cases) {
        const res = await t.api.post('/admin/promotions').set(...admin()).send(body);
        expect([res.status, res.body.type]).toEqual([400, 'invalid_data']);
        if (typeof message === 'string') expect(res.body.message).toBe(message);
        else expect(res.body.message).toMatch(message);
      }
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('GET /admin/promotions', () => {
    it('filters by code, q, campaign_id and application_method type', async () => {
      const fixed = await create(percentItems('FIXED5', { application_method: { type: 'fixed', target_type: 'order', value: 5, currency_code: 'eur' } }));
      const byCode = await t.api.get('/admin/promotions?code=fixed5').set(...admin()).expect(200);
      expect(byCode.body.promotions.map((p: PromotionBody) => p.id)).toEqual([fixed.id]);
      const byType = await t.api.get('/admin/promotions?application_method[type]=fixed').set(...admin()).expect(200);
      expect(byType.body.promotions.map((p: PromotionBody) => p.code)).toEqual(['FIXED5']);
      expect(byType.body.count).toBe(1);
      const byQ = await t.api.get('/admin/promotions?q=summer&fields=id,code').set(...admin()).expect(200);
      expect(byQ.body.promotions).toEqual([{ id: expect.any(String), code: 'SUMMER15' }]);
      const b2g1 = (await t.api.get('/admin/promotions?code=B2G1').set(...admin()).expect(200)).body.promotions[0] as PromotionBody;
      const byCampaign = await t.api.get(`/admin/promotions?campaign_id=${b2g1.campaign_id}`).set(...admin()).expect(200);
      expect(byCampaign.body.promotions.map((p: PromotionBody) => p.code)).toEqual(['B2G1']);
    });

    it('applies code and q together (neither filter drops the other)', async () => {
      const a = await create(percentItems('QBOTH-A'));
      await create(percentItems('QBOTH-B'));
      const both = await t.api.get('/admin/promotions?code=qboth-a&q=qboth').set(...admin()).expect(200);
      expect(both.body.promotions.map((p: PromotionBody) => p.id)).toEqual([a.id]);
      expect(both.body.count).toBe(1);
      const none = await t.api.get('/admin/promotions?code=qboth-a&q=nothing-like-it').set(...admin()).expect(200);
      expect(none.body).toMatchObject({ promotions: [], count: 0 });
    });

    it('refuses unknown filters', async () => {
      const res = await t.api.get('/admin/promotions?application_method[colour]=red').set(...admin()).expect(400);
      expect(res.body.type).toBe('invalid_data');
    });

    it('answers 404 for an unknown promotion', async () => {
      const res = await t.api.get('/admin/promotions/promo_missing').set(...admin()).expect(404);
      expect(res.body).toEqual({ type: 'not_found', message: 'Promotion with id: promo_missing was not found' });
    });
  });

  describe('POST /admin/promotions/:id and DELETE', () => {
    it('updates fields and the application method, revalidating it', async () => {
      const p = await create(percentItems('UPD'));
      const res = await t.api.post(`/admin/promotions/${p.id}`).set(...admin()).send({ status: 'inactive', application_method: { value: 25 } }).expect(200);
      expect(res.body.promotion).toMatchObject({ status: 'inactive', application_method: { value: 25 } });
      const before = await snapshot();
      const bad = await t.api.post(`/admin/promotions/${p.id}`).set(...admin()).send({ status: 'active', application_method: { value: 250 } }).expect(400);
      expect(bad.body.message).toBe('Application Method value should be a percentage number between 0 and 100');
      const dupe = await t.api.post(`/admin/promotions/${p.id}`).set(...admin()).send({ code: 'summer15' }).expect(422);
      expect(dupe.body.type).toBe('duplicate_error');
      expect(await snapshot()).toEqual(before);
    });

    it('deletes a promotion; its code can be used again', async () => {
      const p = await create(percentItems('GONE'));
      const res = await t.api.delete(`/admin/promotions/${p.id}`).set(...admin()).expect(200);
      expect(res.body).toEqual({ id: p.id, object: 'promotion', deleted: true });
      await t.api.get(`/admin/promotions/${p.id}`).set(...admin()).expect(404);
      await create(percentItems('gone'));
      await t.api.delete(`/admin/promotions/${p.id}`).set(...admin()).expect(404);
    });
  });

  describe('rules batch routes', () => {
    it('creates, updates and deletes rules of each set', async () => {
      const p = await create(percentItems('BATCH', { rules: [{ attribute: 'currency_code', operator: 'eq', values: 'eur' }] }));
      const existing = p.rules[0].id;
      const res = await t.api
        .post(`/admin/promotions/${p.id}/rules/batch`)
        .set(...admin())
        .send({ create: [{ attribute: 'region.id', operator: 'in', values: [regionId] }], update: [], delete: [existing] })
        .expect(200);
      expect(res.body.created).toEqual([expect.objectContaining({ attribute: 'region.id', values: [expect.objectContaining({ value: regionId })] })]);
      expect(res.body.deleted).toEqual({ ids: [existing], object: 'promotion-rule', deleted: true });
      const target = await t.api
        .post(`/admin/promotions/${p.id}/target-rules/batch`)
        .set(...admin())
        .send({ create: [{ attribute: 'items.product.id', operator: 'in', values: ['prod_x'] }] })
        .expect(200);
      const targetId = target.body.created[0].id as string;
      const upd = await t.api
        .post(`/admin/promotions/${p.id}/target-rules/batch`)
        .set(...admin())
        .send({ update: [{ id: targetId, values: ['prod_y', 'prod_z'] }] })
        .expect(200);
      expect(upd.body.updated[0].values.map((v: { value: string }) => v.value)).toEqual(['prod_y', 'prod_z']);
      const promotion = (await t.api.get(`/admin/promotions/${p.id}`).set(...admin()).expect(200)).body.promotion as PromotionBody;
      expect(promotion.rules.map((r) => r.attribute)).toEqual(['region.id']);
      expect(promotion.application_method.target_rules.map((r) => r.values.map((v) => v.value))).toEqual([['prod_y', 'prod_z']]);
    });

    it('refuses foreign rule ids, buy rules on a standard promotion and unknown rule types; nothing changes', async () => {
      const p = await create(percentItems('BATCHBAD'));
      const other = await create(percentItems('OTHER', { rules: [{ attribute: 'currency_code', operator: 'eq', values: 'eur' }] }));
      const before = await snapshot();
      const foreign = await t.api.post(`/admin/promotions/${p.id}/rules/batch`).set(...admin()).send({ delete: [other.rules[0].id] }).expect(400);
      expect(foreign.body.message).toContain('are not rules of promotion');
      const buy = await t.api.post(`/admin/promotions/${p.id}/buy-rules/batch`).set(...admin()).send({ create: [{ attribute: 'items.product.id', operator: 'in', values: ['x'] }] }).expect(400);
      expect(buy.body.message).toBe('Buy rules can only be added to a Promotion type of buyget');
      const kind = await t.api.post(`/admin/promotions/${p.id}/other-rules/batch`).set(...admin()).send({}).expect(400);
      expect(kind.body.message).toBe('Invalid param rule_type (other-rules)');
      await t.api.post('/admin/promotions/promo_missing/rules/batch').set(...admin()).send({ delete: [] }).expect(404);
      expect(await snapshot()).toEqual(before);
    });

    it('lists a rule set with labels from the real data', async () => {
      const p = await create(percentItems('LABELS', { rules: [{ attribute: 'region.id', operator: 'in', values: [regionId] }, { attribute: 'currency_code', operator: 'eq', values: 'eur' }] }));
      const res = await t.api.get(`/admin/promotions/${p.id}/rules`).set(...admin()).expect(200);
      expect(res.body.rules).toEqual([
        expect.objectContaining({ attribute: 'region.id', attribute_label: 'Region', operator_label: 'In', values: [expect.objectContaining({ value: regionId, label: 'Europe' })] }),
        expect.objectContaining({ attribute: 'currency_code', attribute_label: 'Currency Code', values: [expect.objectContaining({ value: 'eur', label: 'EUR' })] }),
      ]);
    });
  });

  describe('rule options', () => {
    it('lists the attributes per rule type', async () => {
      const rules = await t.api.get('/admin/promotions/rule-attribute-options/rules?application_method_type=fixed').set(...admin()).expect(200);
      expect(rules.body.attributes.map((a: { id: string }) => a.id)).toEqual(['customer_group', 'region', 'currency_code']);
      expect(rules.body.attributes[2].required).toBe(true);
      const buy = await t.api.get('/admin/promotions/rule-attribute-options/buy-rules?promotion_type=buyget').set(...admin()).expect(200);
      expect(buy.body.attributes.map((a: { id: string }) => a.id)).toEqual(['product', 'product_category', 'product_collection', 'product_type', 'product_tag', 'buy_rules_min_quantity']);
      await t.api.get('/admin/promotions/rule-attribute-options/nope').set(...admin()).expect(400);
    });

    it('lists values from the real data', async () => {
      const regions = await t.api.get('/admin/promotions/rule-value-options/rules/region').set(...admin()).expect(200);
      expect(regions.body.values).toContainEqual({ value: regionId, label: 'Europe' });
      const currencies = await t.api.get('/admin/promotions/rule-value-options/rules/currency_code?q=eur').set(...admin()).expect(200);
      expect(currencies.body.values).toContainEqual({ value: 'eur', label: 'EUR' });
      const tag = await t.api.post('/admin/product-tags').set(...admin()).send({ value: 'Promo-tag' }).expect(200);
      const tags = await t.api.get('/admin/promotions/rule-value-options/target-rules/product_tag?q=promo').set(...admin()).expect(200);
      expect(tags.body.values).toEqual([{ value: tag.body.product_tag.id, label: 'Promo-tag' }]);
      const bad = await t.api.get('/admin/promotions/rule-value-options/rules/product').set(...admin()).expect(400);
      expect(bad.body.message).toBe('Invalid rule attribute - product');
      await t.api.get('/admin/promotions/rule-value-options/rules/customer_group').set(...admin()).expect(400);
    });
  });

  describe('campaigns', () => {
    it('creates, lists, updates and deletes a campaign with a budget', async () => {
      const res = await t.api
        .post('/admin/campaigns')
        .set(...admin())
        .send({ name: 'Black Friday', campaign_identifier: 'bf-2030', starts_at: '2030-11-28T00:00:00.000Z', ends_at: '2030-11-30T00:00:00.000Z', budget: { type: 'spend', limit: 1000, currency_code: 'EUR' } })
        .expect(200);
      const campaign = res.body.campaign;
      expect(campaign).toMatchObject({ id: expect.stringMatching(/^procamp_/), name: 'Black Friday', budget: { id: expect.stringMatching(/^probudg_/), type: 'spend', limit: 1000, used: 0, currency_code: 'eur' }, promotions: [] });
      const list = await t.api.get('/admin/campaigns?q=black').set(...admin()).expect(200);
      expect(list.body.campaigns.map((c: { id: string }) => c.id)).toEqual([campaign.id]);

      const p = await create(percentItems('BF10'));
      const added = await t.api.post(`/admin/campaigns/${campaign.id}/promotions`).set(...admin()).send({ add: [p.id] }).expect(200);
      expect(added.body.campaign.promotions.map((x: { id: string }) => x.id)).toEqual([p.id]);
      const upd = await t.api.post(`/admin/campaigns/${campaign.id}`).set(...admin()).send({ budget: { limit: 500 } }).expect(200);
      expect(upd.body.campaign.budget.limit).toBe(500);

      const removed = await t.api.post(`/admin/campaigns/${campaign.id}/promotions`).set(...admin()).send({ remove: [p.id] }).expect(200);
      expect(removed.body.campaign.promotions).toEqual([]);
      await t.api.delete(`/admin/campaigns/${campaign.id}`).set(...admin()).expect(200);
      await t.api.get(`/admin/campaigns/${campaign.id}`).set(...admin()).expect(404);
    });

    it('refuses bad campaigns and writes nothing', async () => {
      await t.api.post('/admin/campaigns').set(...admin()).send({ name: 'A', campaign_identifier: 'taken' }).expect(200);
      const before = await snapshot();
      const dupe = await t.api.post('/admin/campaigns').set(...admin()).send({ name: 'B', campaign_identifier: 'taken' }).expect(422);
      expect(dupe.body).toMatchObject({ type: 'duplicate_error', message: 'Campaign with campaign_identifier: taken, already exists.' });
      const cases: Array<[Record<string, unknown>, string | RegExp]> = [
        [{ name: 'C', campaign_identifier: 'c1', starts_at: '2030-02-01T00:00:00Z', ends_at: '2030-01-01T00:00:00Z' }, 'Campaign ends_at must not be before starts_at'],
        [{ name: 'C', campaign_identifier: 'c2', budget: { type: 'spend', limit: 10 } }, 'Campaign budget currency_code is required when the budget type is spend'],
        [{ name: 'C', campaign_identifier: 'c3', budget: { type: 'usage', limit: -1 } }, /limit must not be less than 0/],
        [{ name: 'C', campaign_identifier: 'c4', budget: { type: 'spend', limit: 10, currency_code: 'xyz' } }, 'Currency with code: xyz does not exist'],
      ];
      for (const [body, message] of cases) {
        const res = await t.api.post('/admin/campaigns').set(...admin()).send(body).expect(400);
        if (typeof message === 'string') expect(res.body.message).toBe(message);
        else expect(res.body.message).toMatch(message);
      }
      const campaign = (await t.api.get('/admin/campaigns?campaign_identifier=taken').set(...admin()).expect(200)).body.campaigns[0];
      const missing = await t.api.post(`/admin/campaigns/${campaign.id}/promotions`).set(...admin()).send({ add: ['promo_missing'] }).expect(400);
      expect(missing.body.message).toBe('Promotions with ids: promo_missing were not found');
      expect(await snapshot()).toEqual(before);
    });

    it('a spend budget refuses fixed promotions in another currency', async () => {
      const campaign = (await t.api.post('/admin/campaigns').set(...admin()).send({ name: 'Usd', campaign_identifier: 'usd-only', budget: { type: 'spend', limit: 100, currency_code: 'usd' } }).expect(200)).body.campaign;
      const res = await t.api
        .post('/admin/promotions')
        .set(...admin())
        .send(percentItems('EURFIX', { campaign_id: campaign.id, application_method: { type: 'fixed', target_type: 'order', value: 5, currency_code: 'eur' } }))
        .expect(400);
      expect(res.body.message).toContain("Currency code doesn't match for campaign");
      expect(await count('promotion', "code = 'EURFIX'")).toBe(0);
    });
  });

  it('admin routes need a user', async () => {
    await t.api.get('/admin/promotions').expect(401);
    await t.api.post('/admin/campaigns').send({}).expect(401);
  });
});
