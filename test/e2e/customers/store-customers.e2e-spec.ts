import { bearer, claimsOf, createIdentityApp, IdentityApp } from '../../utils/identity';
import { Body, eventsNamed, KEY, registrationToken, signUp, sql } from './customer-helpers';

/** The shopper's side: sign-up, its own record and its address book (reference §2a rows 17–24). */
describe('store customers', () => {
  let t: IdentityApp;
  let alice: { customer: Body; token: string };
  let bob: { customer: Body; token: string };

  beforeAll(async () => {
    t = await createIdentityApp();
    alice = await signUp(t, 'Alice@Example.com', { first_name: 'Alice', last_name: 'Liddell' });
    bob = await signUp(t, 'bob@example.com');
  });
  afterAll(() => t.close());

  const store = (method: 'get' | 'post' | 'delete', url: string, token?: string) => {
    const req = t.api[method](url).set(KEY, t.publishableKey);
    return token ? req.set(...bearer(token)) : req;
  };
  const customerCount = async () => Number((await sql<{ n: string }>(t, 'select count(*) as n from customer'))[0].n);
  const addressRows = (customerId: string) =>
    sql<Body>(t, 'select id, address_1, is_default_shipping, is_default_billing, deleted_at from customer_address where customer_id = ? order by created_at, id', [customerId]);

  describe('sign-up (POST /store/customers)', () => {
    it('creates a customer with an account, links the identity, and records customer.created', async () => {
      expect(alice.customer).toMatchObject({
        email: 'alice@example.com',
        first_name: 'Alice',
        last_name: 'Liddell',
        has_account: true,
        addresses: [],
        deleted_at: null,
      });
      expect(alice.customer.id).toMatch(/^cus_/);
      expect(alice.customer).not.toHaveProperty('created_by');
      expect(claimsOf(alice.token)).toMatchObject({ actor_id: alice.customer.id, actor_type: 'customer', app_metadata: { customer_id: alice.customer.id } });
      expect(await eventsNamed(t, 'customer.created', alice.customer.id)).toBe(1);
    });

    it('refuses a registration token whose identity already has a customer (400), creating nothing', async () => {
      const token = await registrationToken(t, 'twice@example.com');
      await store('post', '/store/customers', token).send({ email: 'twice@example.com' }).expect(200);
      const before = await customerCount();
      const res = await store('post', '/store/customers', token).send({ email: 'twice-again@example.com' }).expect(400);
      expect(res.body).toEqual({ type: 'invalid_data', message: 'The identity is already linked to a customer' });
      expect(await customerCount()).toBe(before);
    });

    it('refuses a token already acting as a customer, as Medusa', async () => {
      const before = await customerCount();
      const res = await store('post', '/store/customers', alice.token).send({ email: 'other@example.com' }).expect(400);
      expect(res.body).toEqual({ type: 'invalid_data', message: 'Request already authenticated as a customer.' });
      expect(await customerCount()).toBe(before);
    });

    it('refuses a second account for an email (422), leaving the new identity unlinked', async () => {
      const token = await registrationToken(t, 'carol@example.com');
      const before = await customerCount();
      const res = await store('post', '/store/customers', token).send({ email: 'ALICE@example.com' }).expect(422);
      expect(res.body).toEqual({ type: 'duplicate_error', code: 'invalid_request_error', message: 'Customer with email: alice@example.com, has_account: true, already exists.' });
      expect(await customerCount()).toBe(before);
      const [identity] = await sql<{ app_metadata: Body | null }>(t, 'select app_metadata from auth_identity where id = ?', [claimsOf(token).auth_identity_id]);
      expect(identity.app_metadata?.customer_id).toBeUndefined();
    });

    it('needs a token and a publishable key, and rejects a user token', async () => {
      await store('post', '/store/customers').send({ email: 'anon@example.com' }).expect(401);
      await store('post', '/store/customers', t.adminToken).send({ email: 'anon@example.com' }).expect(401);
      const token = await registrationToken(t, 'nokey@example.com');
      const res = await t.api.post('/store/customers').set(...bearer(token)).send({ email: 'nokey@example.com' }).expect(400);
      expect(res.body.type).toBe('not_allowed');
    });

    it.each([
      [{}, 'email'],
      [{ email: 'not-an-email' }, 'email'],
      [{ email: 'x@example.com', first_name: 42 }, 'first_name'],
      [{ email: 'x@example.com', metadata: 'nope' }, 'metadata'],
      [{ email: 'x@example.com', has_account: false }, 'has_account'],
    ])('refuses the malformed body %j (400 invalid_data), creating nothing', async (body, field) => {
      const token = await registrationToken(t, `bad-${Math.random().toString(36).slice(2)}@example.com`);
      const before = await customerCount();
      const res = await store('post', '/store/customers', token).send(body).expect(400);
      expect(res.body.type).toBe('invalid_data');
      expect(res.body.message).toContain(field);
      expect(await customerCount()).toBe(before);
    });
  });

  describe('GET/POST /store/customers/me', () => {
    it('answers the signed-in customer with its addresses; fields narrow it', async () => {
      const res = await store('get', '/store/customers/me', alice.token).expect(200);
      expect(res.body.customer).toMatchObject({ id: alice.customer.id, email: 'alice@example.com', addresses: expect.any(Array) });
      const narrow = await store('get', '/store/customers/me?fields=id,email', alice.token).expect(200);
      expect(narrow.body.customer).toEqual({ id: alice.customer.id, email: 'alice@example.com' });
      const bad = await store('get', '/store/customers/me?fields=password', alice.token).expect(400);
      expect(bad.body.type).toBe('invalid_data');
    });

    it('requires a customer: no token, a registration token or a user token → 401', async () => {
      await store('get', '/store/customers/me').expect(401);
      await store('get', '/store/customers/me', await registrationToken(t, 'me-anon@example.com')).expect(401);
      await store('get', '/store/customers/me', t.adminToken).expect(401);
    });

    it('updates the customer and records customer.updated', async () => {
      const before = await eventsNamed(t, 'customer.updated', bob.customer.id);
      const res = await store('post', '/store/customers/me', bob.token).send({ first_name: 'Bob', phone: '+45 1234', metadata: { vip: false } }).expect(200);
      expect(res.body.customer).toMatchObject({ id: bob.customer.id, first_name: 'Bob', phone: '+45 1234', metadata: { vip: false } });
      expect(await eventsNamed(t, 'customer.updated', bob.customer.id)).toBe(before + 1);
    });

    it('refuses an email change or an unknown field, changing nothing', async () => {
      for (const body of [{ email: 'new@example.com' }, { has_account: false }, { first_name: ['x'] }]) {
        const res = await store('post', '/store/customers/me', bob.token).send(body).expect(400);
        expect(res.body.type).toBe('invalid_data');
      }
      const [row] = await sql<Body>(t, 'select email, has_account, first_name from customer where id = ?', [bob.customer.id]);
      expect(row).toEqual({ email: 'bob@example.com', has_account: true, first_name: 'Bob' });
    });
  });

  describe('the address book', () => {
    const home = { address_name: 'Home', first_name: 'Alice', address_1: 'Nyhavn 1', city: 'Copenhagen', country_code: 'DK', postal_code: '1051' };
    let homeId: string;
    let officeId: string;

    it('creates an address and answers with the customer, as Medusa', async () => {
      const res = await store('post', '/store/customers/me/addresses', alice.token).send({ ...home, is_default_shipping: true }).expect(200);
      expect(res.body.customer.id).toBe(alice.customer.id);
      expect(res.body.customer.addresses).toHaveLength(1);
      const [address] = res.body.customer.addresses;
      expect(address).toMatchObject({ ...home, country_code: 'dk', customer_id: alice.customer.id, is_default_shipping: true, is_default_billing: false });
      homeId = address.id;
      expect(homeId).toMatch(/^cuaddr_/);
    });

    it('keeps one default shipping and one default billing address per customer', async () => {
      const res = await store('post', '/store/customers/me/addresses', alice.token)
        .send({ address_name: 'Office', address_1: 'Strøget 2', country_code: 'dk', is_default_shipping: true, is_default_billing: true })
        .expect(200);
      officeId = res.body.customer.addresses.find((a: Body) => a.address_name === 'Office').id;
      expect(await addressRows(alice.customer.id)).toEqual([
        expect.objectContaining({ id: homeId, is_default_shipping: false, is_default_billing: false }),
        expect.objectContaining({ id: officeId, is_default_shipping: true, is_default_billing: true }),
      ]);
      await store('post', `/store/customers/me/addresses/${homeId}`, alice.token).send({ is_default_billing: true }).expect(200);
      expect(await addressRows(alice.customer.id)).toEqual([
        expect.objectContaining({ id: homeId, is_default_shipping: false, is_default_billing: true }),
        expect.objectContaining({ id: officeId, is_default_shipping: true, is_default_billing: false }),
      ]);
    });

    it('serialises concurrent default changes: still exactly one default shipping address', async () => {
      await Promise.all([
        store('post', `/store/customers/me/addresses/${homeId}`, alice.token).send({ is_default_shipping: true }).expect(200),
        store('post', `/store/customers/me/addresses/${officeId}`, alice.token).send({ is_default_shipping: true }).expect(200),
      ]);
      const rows = await addressRows(alice.customer.id);
      expect(rows.filter((r) => r.is_default_shipping)).toHaveLength(1);
    });

    it('lists, retrieves and narrows addresses', async () => {
      const list = await store('get', '/store/customers/me/addresses?order=created_at', alice.token).expect(200);
      expect(list.body).toMatchObject({ count: 2, offset: 0, limit: 50 });
      expect(list.body.addresses.map((a: Body) => a.id)).toEqual([homeId, officeId]);
      const page = await store('get', '/store/customers/me/addresses?limit=1&offset=1&order=created_at&fields=id,city', alice.token).expect(200);
      expect(page.body).toEqual({ addresses: [{ id: officeId, city: null }], count: 2, offset: 1, limit: 1 });
      const filtered = await store('get', '/store/customers/me/addresses?q=nyhavn', alice.token).expect(200);
      expect(filtered.body.addresses.map((a: Body) => a.id)).toEqual([homeId]);
      const one = await store('get', `/store/customers/me/addresses/${homeId}`, alice.token).expect(200);
      expect(one.body.address).toMatchObject({ id: homeId, address_1: 'Nyhavn 1', customer_id: alice.customer.id });
    });

    it('updates an address and answers with the customer', async () => {
      const res = await store('post', `/store/customers/me/addresses/${homeId}`, alice.token).send({ address_2: '2. sal', phone: null }).expect(200);
      expect(res.body.customer.addresses.find((a: Body) => a.id === homeId)).toMatchObject({ address_2: '2. sal', phone: null, address_1: 'Nyhavn 1' });
    });

    it.each([
      [{ country_code: 'dnk' }],
      [{ is_default_shipping: 'yes' }],
      [{ address_1: 12 }],
      [{ customer_id: 'cus_other' }],
      [{ metadata: [] }],
    ])('refuses the malformed address %j (400), changing nothing', async (body) => {
      const before = await addressRows(alice.customer.id);
      const created = await store('post', '/store/customers/me/addresses', alice.token).send(body).expect(400);
      expect(created.body.type).toBe('invalid_data');
      const updated = await store('post', `/store/customers/me/addresses/${homeId}`, alice.token).send(body).expect(400);
      expect(updated.body.type).toBe('invalid_data');
      expect(await addressRows(alice.customer.id)).toEqual(before);
    });

    it("never shows or changes another customer's address: 404 as for an unknown id", async () => {
      const before = await addressRows(alice.customer.id);
      for (const id of [homeId, 'cuaddr_unknown']) {
        const read = await store('get', `/store/customers/me/addresses/${id}`, bob.token).expect(404);
        expect(read.body).toEqual({ type: 'not_found', message: `Address with id: ${id} was not found` });
        await store('post', `/store/customers/me/addresses/${id}`, bob.token).send({ address_1: 'Hijacked', is_default_shipping: true }).expect(404);
        await store('delete', `/store/customers/me/addresses/${id}`, bob.token).expect(404);
      }
      const list = await store('get', '/store/customers/me/addresses', bob.token).expect(200);
      expect(list.body).toEqual({ addresses: [], count: 0, offset: 0, limit: 50 });
      expect(await addressRows(alice.customer.id)).toEqual(before);
    });

    it('deletes an address: {id, object, deleted, parent: customer}', async () => {
      const res = await store('delete', `/store/customers/me/addresses/${officeId}`, alice.token).expect(200);
      expect(res.body).toMatchObject({ id: officeId, object: 'address', deleted: true, parent: { id: alice.customer.id } });
      expect(res.body.parent.addresses.map((a: Body) => a.id)).toEqual([homeId]);
      await store('get', `/store/customers/me/addresses/${officeId}`, alice.token).expect(404);
      await store('delete', `/store/customers/me/addresses/${officeId}`, alice.token).expect(404);
      // the deleted address was the default shipping one: it no longer is, and a new default is allowed
      await store('post', '/store/customers/me/addresses', alice.token).send({ address_1: 'New', is_default_shipping: true }).expect(200);
      const rows = await addressRows(alice.customer.id);
      expect(rows.filter((r) => r.is_default_shipping && r.deleted_at === null)).toHaveLength(1);
    });

    it('requires a customer on every address route', async () => {
      await store('get', '/store/customers/me/addresses').expect(401);
      await store('post', '/store/customers/me/addresses').send(home).expect(401);
      await store('get', `/store/customers/me/addresses/${homeId}`).expect(401);
      await store('delete', `/store/customers/me/addresses/${homeId}`, t.adminToken).expect(401);
    });
  });
});
