import { CatalogFixture, seedCatalog } from '../../fixtures/catalog.fixture';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { Body, KEY, signUp } from './customer-helpers';

/**
 * Storefront prices honour the signed-in customer's groups: a price list restricted to a group
 * prices its members only, and the store response cache never hands one side the other's body.
 */
describe('customer group prices in the store catalog', () => {
  let t: IdentityApp;
  let c: CatalogFixture;
  let member: { customer: Body; token: string };
  let outsider: { customer: Body; token: string };
  let vipId: string;
  let otherGroupId: string;

  beforeAll(async () => {
    t = await createIdentityApp();
    c = await seedCatalog(t.app, t.salesChannelId);
    const admin = () => bearer(t.adminToken);
    vipId = (await t.api.post('/admin/customer-groups').set(...admin()).send({ name: 'VIP' }).expect(200)).body.customer_group.id;
    otherGroupId = (await t.api.post('/admin/customer-groups').set(...admin()).send({ name: 'Wholesale' }).expect(200)).body.customer_group.id;
    member = await signUp(t, 'vip@example.com');
    outsider = await signUp(t, 'regular@example.com');
    await t.api.post(`/admin/customers/${member.customer.id}/customer-groups`).set(...admin()).send({ add: [vipId, otherGroupId] }).expect(200);
    await t.api.post(`/admin/customers/${outsider.customer.id}/customer-groups`).set(...admin()).send({ add: [otherGroupId] }).expect(200);
    await t.api
      .post('/admin/price-lists')
      .set(...admin())
      .send({ title: 'VIP prices', description: '', status: 'active', type: 'sale', rules: { customer_group_id: [vipId] }, prices: [{ variant_id: c.ids.shirtM, currency_code: 'eur', amount: 12 }] })
      .expect(200);
  });
  afterAll(() => t.close());

  const productUrl = () => `/store/products/${c.ids.shirt}?region_id=${c.regionId}`;
  const variantUrl = () => `/store/product-variants/${c.ids.shirtM}?region_id=${c.regionId}`;
  const get = (url: string, token?: string) => {
    const req = t.api.get(url).set(KEY, t.publishableKey);
    return token ? req.set(...bearer(token)) : req;
  };
  const shirtM = (body: Body) => body.product.variants.find((v: Body) => v.id === c.ids.shirtM);

  it('shows the group price to a member and the regular price to a guest and to a non-member, with the cache warm', async () => {
    for (let round = 0; round < 2; round++) {
      const guest = await get(productUrl()).expect(200);
      const vip = await get(productUrl(), member.token).expect(200);
      const regular = await get(productUrl(), outsider.token).expect(200);
      expect(shirtM(guest.body).calculated_price).toMatchObject({ calculated_amount: 18, calculated_price: { price_list_type: null } });
      expect(shirtM(vip.body).calculated_price).toMatchObject({ calculated_amount: 12, original_amount: 18, calculated_price: { price_list_type: 'sale' } });
      expect(shirtM(regular.body).calculated_price).toMatchObject({ calculated_amount: 18 });
      if (round === 1) {
        expect([guest.headers['x-cache'], vip.headers['x-cache'], regular.headers['x-cache']]).toEqual(['hit', 'hit', 'hit']);
      }
    }
  });

  it('prices the variant route the same way', async () => {
    for (let round = 0; round < 2; round++) {
      expect((await get(variantUrl()).expect(200)).body.variant.calculated_price.calculated_amount).toBe(18);
      expect((await get(variantUrl(), member.token).expect(200)).body.variant.calculated_price.calculated_amount).toBe(12);
    }
  });

  it('follows membership changes at once, even with the cache warm', async () => {
    await get(productUrl(), member.token).expect(200);
    const admin = () => bearer(t.adminToken);
    await t.api.post(`/admin/customers/${member.customer.id}/customer-groups`).set(...admin()).send({ remove: [vipId] }).expect(200);
    expect(shirtM((await get(productUrl(), member.token).expect(200)).body).calculated_price.calculated_amount).toBe(18);
    await t.api.post(`/admin/customer-groups/${vipId}/customers`).set(...admin()).send({ add: [outsider.customer.id] }).expect(200);
    expect(shirtM((await get(productUrl(), outsider.token).expect(200)).body).calculated_price.calculated_amount).toBe(12);
    // deleting the group ends its prices for its former members
    await t.api.delete(`/admin/customer-groups/${vipId}`).set(...admin()).expect(200);
    expect(shirtM((await get(productUrl(), outsider.token).expect(200)).body).calculated_price.calculated_amount).toBe(18);
    expect(shirtM((await get(productUrl()).expect(200)).body).calculated_price.calculated_amount).toBe(18);
  });
});
