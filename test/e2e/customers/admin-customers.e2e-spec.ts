import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { Body, eventsNamed, KEY, signUp, sql } from './customer-helpers';

/** The operator's side: customers, their addresses and groups (Appendix A). */
describe('admin customers and customer groups', () => {
  let t: IdentityApp;
  let registered: { customer: Body; token: string };

  beforeAll(async () => {
    t = await createIdentityApp();
    registered = await signUp(t, 'shopper@example.com', { first_name: 'Sam', company_name: 'Acme' });
  });
  afterAll(() => t.close());

  const admin = () => bearer(t.adminToken);
  const adminGet = (url: string) => t.api.get(url).set(...admin());
  const adminPost = (url: string, body: unknown) => t.api.post(url).set(...admin()).send(body as object);
  const adminDelete = (url: string) => t.api.delete(url).set(...admin());
  const rowsOf = (table: string, where = 'true', params: unknown[] = []) => sql<Body>(t, `select * from ${table} where ${where} order by id`, params);

  describe('customers', () => {
    let guest: Body;

    it('creates a guest customer (no account), recorded as the admin’s, with customer.created', async () => {
      const res = await adminPost('/admin/customers', { email: 'Guest@Example.com', first_name: 'Gus', phone: '+45 1', metadata: { source: 'phone' } }).expect(200);
      guest = res.body.customer;
      expect(guest).toMatchObject({ email: 'guest@example.com', first_name: 'Gus', has_account: false, created_by: t.adminUserId, metadata: { source: 'phone' } });
      expect(guest).not.toHaveProperty('addresses');
      expect(await eventsNamed(t, 'customer.created', guest.id)).toBe(1);
    });

    it('allows one guest and one account per email, as Medusa (email, has_account) is unique', async () => {
      // the registered shopper's email may also have a guest record
      await adminPost('/admin/customers', { email: 'shopper@example.com' }).expect(200);
      const before = await rowsOf('customer');
      const res = await adminPost('/admin/customers', { email: 'GUEST@example.com' }).expect(422);
      expect(res.body).toEqual({ type: 'duplicate_error', code: 'invalid_request_error', message: 'Customer with email: guest@example.com, has_account: false, already exists.' });
      expect(await rowsOf('customer')).toEqual(before);
    });

    it('lists with filters, q, order, paging and relations', async () => {
      const all = await adminGet('/admin/customers?order=email').expect(200);
      expect(all.body).toMatchObject({ count: 3, offset: 0, limit: 50 });
      expect(all.body.customers.map((c: Body) => [c.email, c.has_account])).toEqual([
        ['guest@example.com', false],
        // equal emails: by id, the registered one (created first) before the guest
        ['shopper@example.com', true],
        ['shopper@example.com', false],
      ]);
      const accounts = await adminGet('/admin/customers?has_account=true').expect(200);
      expect(accounts.body.customers.map((c: Body) => c.id)).toEqual([registered.customer.id]);
      const byCompany = await adminGet('/admin/customers?q=acm').expect(200);
      expect(byCompany.body.customers.map((c: Body) => c.id)).toEqual([registered.customer.id]);
      const byEmail = await adminGet(`/admin/customers?email=guest@example.com&fields=id,email`).expect(200);
      expect(byEmail.body.customers).toEqual([{ id: guest.id, email: 'guest@example.com' }]);
      const ids = await adminGet(`/admin/customers?id[]=${guest.id}&id[]=${registered.customer.id}&order=-created_at&limit=1`).expect(200);
      expect(ids.body).toMatchObject({ count: 2, limit: 1, customers: [{ id: expect.any(String) }] });
      const created = await adminGet(`/admin/customers?created_at[$gte]=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`).expect(200);
      expect(created.body.count).toBe(0);
      const withRelations = await adminGet(`/admin/customers?id=${registered.customer.id}&fields=id,*addresses,*groups`).expect(200);
      expect(withRelations.body.customers[0]).toMatchObject({ id: registered.customer.id, addresses: [], groups: [] });
    });

    it.each([
      ['has_account=maybe'],
      ['order=password'],
      ['fields=password'],
      ['unknown=1'],
      ['created_at[$gte]=yesterday'],
      ['limit=-1'],
    ])('refuses the bad query %s (400)', async (query) => {
      const res = await adminGet(`/admin/customers?${query}`).expect(400);
      expect(res.body.type).toBe('invalid_data');
    });

    it('retrieves and updates a customer with customer.updated; unknown ids are 404', async () => {
      expect((await adminGet(`/admin/customers/${guest.id}`).expect(200)).body.customer).toMatchObject({ id: guest.id, email: 'guest@example.com' });
      const res = await adminPost(`/admin/customers/${guest.id}`, { last_name: 'Gusto', company_name: null }).expect(200);
      expect(res.body.customer).toMatchObject({ last_name: 'Gusto', company_name: null, first_name: 'Gus' });
      expect(await eventsNamed(t, 'customer.updated', guest.id)).toBe(1);
      const missing = await adminGet('/admin/customers/cus_missing').expect(404);
      expect(missing.body).toEqual({ type: 'not_found', message: 'Customer with id: cus_missing was not found' });
      await adminPost('/admin/customers/cus_missing', { first_name: 'X' }).expect(404);
      await adminDelete('/admin/customers/cus_missing').expect(404);
    });

    it('refuses malformed bodies and a taken email, changing nothing', async () => {
      const before = await rowsOf('customer');
      for (const body of [{ email: 'nope' }, { first_name: 1 }, { has_account: true }, { metadata: 'x' }]) {
        expect((await adminPost(`/admin/customers/${guest.id}`, body).expect(400)).body.type).toBe('invalid_data');
        expect((await adminPost('/admin/customers', body).expect(400)).body.type).toBe('invalid_data');
      }
      await adminPost(`/admin/customers/${guest.id}`, { email: 'shopper@example.com' }).expect(422);
      expect(await rowsOf('customer')).toEqual(before);
    });

    it('manages a customer’s addresses: list, create (→ customer), get, update, delete', async () => {
      const created = await adminPost(`/admin/customers/${guest.id}/addresses?fields=id,*addresses`, { address_1: 'Main St 1', country_code: 'US', is_default_billing: true }).expect(200);
      const [address] = created.body.customer.addresses;
      expect(address).toMatchObject({ address_1: 'Main St 1', country_code: 'us', is_default_billing: true, customer_id: guest.id });
      const list = await adminGet(`/admin/customers/${guest.id}/addresses`).expect(200);
      expect(list.body).toMatchObject({ count: 1, offset: 0, limit: 50, addresses: [{ id: address.id }] });
      expect((await adminGet(`/admin/customers/${guest.id}/addresses/${address.id}`).expect(200)).body.address).toMatchObject({ id: address.id });
      await adminPost(`/admin/customers/${guest.id}/addresses/${address.id}`, { city: 'Springfield' }).expect(200);
      expect((await rowsOf('customer_address', 'id = ?', [address.id]))[0].city).toBe('Springfield');
      // scoped to the customer in the path
      await adminGet(`/admin/customers/${registered.customer.id}/addresses/${address.id}`).expect(404);
      await adminPost(`/admin/customers/${registered.customer.id}/addresses/${address.id}`, { city: 'Elsewhere' }).expect(404);
      await adminDelete(`/admin/customers/${registered.customer.id}/addresses/${address.id}`).expect(404);
      await adminGet('/admin/customers/cus_missing/addresses').expect(404);
      await adminPost('/admin/customers/cus_missing/addresses', { city: 'X' }).expect(404);
      expect((await rowsOf('customer_address', 'id = ?', [address.id]))[0]).toMatchObject({ city: 'Springfield', deleted_at: null });
      const removed = await adminDelete(`/admin/customers/${guest.id}/addresses/${address.id}`).expect(200);
      expect(removed.body).toMatchObject({ id: address.id, object: 'customer_address', deleted: true, parent: { id: guest.id } });
      expect((await adminGet(`/admin/customers/${guest.id}/addresses`).expect(200)).body.count).toBe(0);
    });
  });

  describe('customer groups', () => {
    let vip: Body;
    let wholesale: Body;

    it('creates, lists, retrieves and updates groups; names are unique', async () => {
      vip = (await adminPost('/admin/customer-groups', { name: 'VIP', metadata: { tier: 1 } }).expect(200)).body.customer_group;
      wholesale = (await adminPost('/admin/customer-groups', { name: 'Wholesale' }).expect(200)).body.customer_group;
      expect(vip).toMatchObject({ id: expect.stringMatching(/^cusgroup_/), name: 'VIP', metadata: { tier: 1 }, created_by: t.adminUserId });
      const dup = await adminPost('/admin/customer-groups', { name: 'VIP' }).expect(422);
      expect(dup.body.type).toBe('duplicate_error');
      await adminPost(`/admin/customer-groups/${wholesale.id}`, { name: 'VIP' }).expect(422);
      const list = await adminGet('/admin/customer-groups?q=vi').expect(200);
      expect(list.body).toMatchObject({ count: 1, customer_groups: [{ id: vip.id }] });
      const renamed = await adminPost(`/admin/customer-groups/${wholesale.id}`, { name: 'Trade' }).expect(200);
      expect(renamed.body.customer_group.name).toBe('Trade');
      expect((await adminGet(`/admin/customer-groups/${vip.id}`).expect(200)).body.customer_group.name).toBe('VIP');
      await adminGet('/admin/customer-groups/cusgroup_missing').expect(404);
      for (const body of [{}, { name: '' }, { name: 5 }, { name: 'X', extra: true }]) {
        expect((await adminPost('/admin/customer-groups', body).expect(400)).body.type).toBe('invalid_data');
      }
    });

    it('adds and removes members from either side; unknown ids are 404 and change nothing', async () => {
      const res = await adminPost(`/admin/customer-groups/${vip.id}/customers?fields=id,*customers`, { add: [registered.customer.id] }).expect(200);
      expect(res.body.customer_group.customers.map((c: Body) => c.id)).toEqual([registered.customer.id]);
      const viaCustomer = await adminPost(`/admin/customers/${registered.customer.id}/customer-groups?fields=id,*groups`, { add: [wholesale.id, vip.id] }).expect(200);
      expect(viaCustomer.body.customer.groups.map((g: Body) => g.name)).toEqual(['Trade', 'VIP']);
      const members = await adminGet(`/admin/customers?groups=${vip.id}`).expect(200);
      expect(members.body.customers.map((c: Body) => c.id)).toEqual([registered.customer.id]);

      const before = await rowsOf('customer_group_customer');
      expect(before).toHaveLength(2);
      await adminPost(`/admin/customer-groups/${vip.id}/customers`, { add: ['cus_missing'] }).expect(404);
      await adminPost(`/admin/customer-groups/cusgroup_missing/customers`, { add: [registered.customer.id] }).expect(404);
      await adminPost(`/admin/customers/${registered.customer.id}/customer-groups`, { add: ['cusgroup_missing'], remove: [vip.id] }).expect(404);
      await adminPost(`/admin/customers/${registered.customer.id}/customer-groups`, { add: 'x' }).expect(400);
      await adminPost(`/admin/customers/${registered.customer.id}/customer-groups`, { add: [1] }).expect(400);
      expect(await rowsOf('customer_group_customer')).toEqual(before);

      await adminPost(`/admin/customers/${registered.customer.id}/customer-groups`, { remove: [wholesale.id] }).expect(200);
      const shopper = await t.api.get('/store/customers/me?fields=id,*groups').set(KEY, t.publishableKey).set(...bearer(registered.token)).expect(200);
      expect(shopper.body.customer.groups.map((g: Body) => g.id)).toEqual([vip.id]);
    });

    it('deletes a group: its members leave it', async () => {
      await adminDelete(`/admin/customer-groups/${vip.id}`).expect(200, { id: vip.id, object: 'customer_group', deleted: true });
      await adminGet(`/admin/customer-groups/${vip.id}`).expect(404);
      expect(await rowsOf('customer_group_customer', 'customer_group_id = ?', [vip.id])).toEqual([]);
      const customer = await adminGet(`/admin/customers/${registered.customer.id}?fields=id,*groups`).expect(200);
      expect(customer.body.customer.groups).toEqual([]);
    });
  });

  describe('deleting a customer', () => {
    it('soft-deletes it with its addresses, records customer.deleted and ends its sign-in', async () => {
      const shopper = await signUp(t, 'leaving@example.com');
      const store = () => t.api.get('/store/customers/me').set(KEY, t.publishableKey).set(...bearer(shopper.token));
      await t.api.post('/store/customers/me/addresses').set(KEY, t.publishableKey).set(...bearer(shopper.token)).send({ address_1: 'Gone 1', is_default_shipping: true }).expect(200);
      await store().expect(200);
      await adminDelete(`/admin/customers/${shopper.customer.id}`).expect(200, { id: shopper.customer.id, object: 'customer', deleted: true });
      await adminGet(`/admin/customers/${shopper.customer.id}`).expect(404);
      expect((await rowsOf('customer_address', 'customer_id = ?', [shopper.customer.id]))[0].deleted_at).not.toBeNull();
      expect(await eventsNamed(t, 'customer.deleted', shopper.customer.id)).toBe(1);
      await store().expect(401);
      // signing in again gives a token with no customer, which may sign up anew
      const again = await t.login('customer', 'leaving@example.com', 'pw-shopper-1');
      const res = await t.api.post('/store/customers').set(KEY, t.publishableKey).set(...bearer(again)).send({ email: 'leaving@example.com' }).expect(200);
      expect(res.body.customer.id).not.toBe(shopper.customer.id);
    });
  });

  it('requires an admin on every route', async () => {
    for (const url of ['/admin/customers', `/admin/customers/${registered.customer.id}`, `/admin/customers/${registered.customer.id}/addresses`, '/admin/customer-groups']) {
      await t.api.get(url).expect(401);
      await t.api.get(url).set(...bearer(registered.token)).expect(401);
    }
    await t.api.post('/admin/customers').send({ email: 'x@example.com' }).expect(401);
    await t.api.delete(`/admin/customers/${registered.customer.id}`).set(...bearer(registered.token)).expect(401);
    await t.api.post('/admin/customer-groups').send({ name: 'X' }).expect(401);
    expect((await rowsOf('customer', 'id = ?', [registered.customer.id]))[0].deleted_at).toBeNull();
  });
});
