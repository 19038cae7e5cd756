import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';

const basic = (secret: string): [string, string] => ['Authorization', `Basic ${Buffer.from(`${secret}:`).toString('base64')}`];

describe('API keys and the publishable-key guard', () => {
  let t: IdentityApp;
  beforeAll(async () => {
    t = await createIdentityApp();
  });
  afterAll(() => t.close());

  const admin = () => bearer(t.adminToken);

  describe('publishable keys on store routes', () => {
    it('answers Medusa\'s exact 400 without a key, or with an unknown or secret one', async () => {
      const missing = await t.api.get('/store/currencies').expect(400);
      expect(missing.body).toEqual({
        type: 'not_allowed',
        message:
          'Publishable API key required in the request header: x-publishable-api-key. You can manage your keys in settings in the dashboard.',
      });
      for (const key of ['pk_unknown', 'sk_0123', 'garbage']) {
        const res = await t.api.get('/store/currencies').set('x-publishable-api-key', key).expect(400);
        expect(res.body).toEqual({ type: 'not_allowed', message: 'A valid publishable key is required to proceed with the request' });
      }
    });

    it('lets the seeded key through', async () => {
      await t.api.get('/store/currencies/eur').set('x-publishable-api-key', t.publishableKey).expect(200);
    });

    it('stops a revoked key at once, and a key revoked for later only then', async () => {
      const created = await t.api.post('/admin/api-keys').set(...admin()).send({ title: 'Shop B', type: 'publishable' }).expect(200);
      const { id, token } = created.body.api_key;
      expect(token).toMatch(/^pk_[0-9a-f]{64}$/);
      await t.api.get('/store/currencies').set('x-publishable-api-key', token).expect(200); // now cached
      const later = await t.api.post(`/admin/api-keys/${id}/revoke`).set(...admin()).send({ revoke_in: 3600 }).expect(200);
      expect(new Date(later.body.api_key.revoked_at).getTime()).toBeGreaterThan(Date.now() + 3500_000);
      await t.api.get('/store/currencies').set('x-publishable-api-key', token).expect(200);

      const other = await t.api.post('/admin/api-keys').set(...admin()).send({ title: 'Shop C', type: 'publishable' }).expect(200);
      await t.api.get('/store/currencies').set('x-publishable-api-key', other.body.api_key.token).expect(200);
      const revoked = await t.api.post(`/admin/api-keys/${other.body.api_key.id}/revoke`).set(...admin()).send({}).expect(200);
      expect(revoked.body.api_key.revoked_by).toBe(t.adminUserId);
      await t.api.get('/store/currencies').set('x-publishable-api-key', other.body.api_key.token).expect(400);
      await t.api.post(`/admin/api-keys/${other.body.api_key.id}/revoke`).set(...admin()).send({}).expect(400);
      // a pending revocation cannot be postponed
      const postponed = await t.api.post(`/admin/api-keys/${id}/revoke`).set(...admin()).send({ revoke_in: 315_000_000 }).expect(400);
      expect(postponed.body.message).toBe(`API key with id: ${id} is already revoked or scheduled to be`);
      await t.api.post(`/admin/api-keys/${id}/revoke`).set(...admin()).send({ revoke_in: 1e13 }).expect(400);
    });

    it('cannot be deleted before it is revoked', async () => {
      const created = await t.api.post('/admin/api-keys').set(...admin()).send({ title: 'Temp', type: 'publishable' }).expect(200);
      const res = await t.api.delete(`/admin/api-keys/${created.body.api_key.id}`).set(...admin()).expect(400);
      expect(res.body.message).toBe(`Cannot delete api keys that are not revoked - ${created.body.api_key.id}`);
      await t.api.post(`/admin/api-keys/${created.body.api_key.id}/revoke`).set(...admin()).send({}).expect(200);
      await t.api.delete(`/admin/api-keys/${created.body.api_key.id}`).set(...admin()).expect(200);
    });

    it('stays revoked when requests using it race the revocation', async () => {
      const created = await t.api.post('/admin/api-keys').set(...admin()).send({ title: 'Racy', type: 'publishable' }).expect(200);
      const { id, token } = created.body.api_key;
      const uses = Array.from({ length: 6 }, () => t.raw().get('/store/currencies?limit=1').set('x-publishable-api-key', token));
      await Promise.all([...uses.map((u) => u.then(() => undefined)), t.api.post(`/admin/api-keys/${id}/revoke`).set(...admin()).send({}).expect(200)]);
      for (let i = 0; i < 3; i++) await t.api.get('/store/currencies').set('x-publishable-api-key', token).expect(400);
    });
  });

  describe('sales channels of a publishable key', () => {
    it('links and unlinks sales channels, answering the key with {id, name} channels', async () => {
      const channel = await t.api.post('/admin/sales-channels').set(...admin()).send({ name: 'Wholesale' }).expect(200);
      const key = await t.api.post('/admin/api-keys').set(...admin()).send({ title: 'Wholesale shop', type: 'publishable' }).expect(200);
      const linked = await t.api
        .post(`/admin/api-keys/${key.body.api_key.id}/sales-channels`)
        .set(...admin())
        .send({ add: [channel.body.sales_channel.id, t.salesChannelId] })
        .expect(200);
      expect(linked.body.api_key.sales_channels.map((c: { name: string }) => c.name).sort()).toEqual(['Default Sales Channel', 'Wholesale']);
      const unlinked = await t.api
        .post(`/admin/api-keys/${key.body.api_key.id}/sales-channels`)
        .set(...admin())
        .send({ remove: [t.salesChannelId] })
        .expect(200);
      expect(unlinked.body.api_key.sales_channels).toEqual([{ id: channel.body.sales_channel.id, name: 'Wholesale' }]);
    });

    it('refuses unknown channels and secret keys, changing nothing', async () => {
      const [key] = (await t.api.get('/admin/api-keys?type=publishable&limit=1&order=created_at').set(...admin()).expect(200)).body.api_keys;
      const unknown = await t.api.post(`/admin/api-keys/${key.id}/sales-channels`).set(...admin()).send({ add: ['sc_missing'] }).expect(404);
      expect(unknown.body).toEqual({ type: 'not_found', message: 'Sales channel with id: sc_missing was not found' });
      const after = await t.api.get(`/admin/api-keys/${key.id}`).set(...admin()).expect(200);
      expect(after.body.api_key.sales_channels).toEqual([{ id: t.salesChannelId, name: 'Default Sales Channel' }]);
    });
  });

  describe('secret keys on admin routes', () => {
    let secret: string;
    let secretId: string;

    it('shows the full secret once, then only its redacted form, never its hash', async () => {
      const created = await t.api.post('/admin/api-keys').set(...admin()).send({ title: 'CI', type: 'secret' }).expect(200);
      secret = created.body.api_key.token;
      secretId = created.body.api_key.id;
      expect(secret).toMatch(/^sk_[0-9a-f]{64}$/);
      expect(created.body.api_key.redacted).toBe(`${secret.slice(0, 6)}***${secret.slice(-3)}`);
      const listed = await t.api.get('/admin/api-keys?type=secret').set(...admin()).expect(200);
      expect(listed.body.api_keys).toHaveLength(1);
      expect(listed.body.api_keys[0].token).toBe(created.body.api_key.redacted);
      expect(JSON.stringify(listed.body)).not.toMatch(/scrypt|sk_[0-9a-f]{64}/);
    });

    it('opens admin routes as Basic base64(sk_…:) or as the raw key', async () => {
      const res = await t.api.get('/admin/sales-channels').set(...basic(secret)).expect(200);
      expect(res.body.count).toBeGreaterThan(0);
      await t.api.get('/admin/sales-channels').set('Authorization', secret).expect(200);
      // one character off (never the same character: a secret ending in 0 once made this a valid key)
      const tampered = `${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}`;
      await t.api.get('/admin/sales-channels').set(...basic(tampered)).expect(401);
    });

    it('does not open the users routes, which need a person', async () => {
      await t.api.get('/admin/users').set(...basic(secret)).expect(401);
    });

    it('allows one active secret key at a time', async () => {
      const res = await t.api.post('/admin/api-keys').set(...admin()).send({ title: 'Second', type: 'secret' }).expect(400);
      expect(res.body).toEqual({
        type: 'invalid_data',
        message: 'You can only have one active secret key a time. Revoke or delete your existing key before creating a new one.',
      });
    });

    it('refuses linking sales channels to a secret key', async () => {
      const res = await t.api.post(`/admin/api-keys/${secretId}/sales-channels`).set(...admin()).send({ add: [t.salesChannelId] }).expect(400);
      expect(res.body.message).toBe('Sales channels can only be associated with publishable API keys');
    });

    it('stops working at once when revoked, and a new one can then be created', async () => {
      await t.api.post(`/admin/api-keys/${secretId}/revoke`).set(...admin()).send({}).expect(200);
      const res = await t.api.get('/admin/sales-channels').set(...basic(secret)).expect(401);
      expect(res.body).toEqual({ message: 'Unauthorized' });
      await t.api.post('/admin/api-keys').set(...admin()).send({ title: 'Rotated', type: 'secret' }).expect(200);
    });
  });

  describe('bad input', () => {
    it.each([
      [{ title: 'x', type: 'admin' }, /type must be one of the following values: publishable, secret/],
      [{ type: 'publishable' }, /title/],
      [{ title: '', type: 'publishable' }, /title should not be empty/],
    ])('refuses %j with 400', async (body, message) => {
      const res = await t.api.post('/admin/api-keys').set(...admin()).send(body).expect(400);
      expect(res.body.message).toMatch(message);
    });

    it('renames a key, refusing an empty title or other fields', async () => {
      const [key] = (await t.api.get('/admin/api-keys?type=publishable&limit=1&order=created_at').set(...admin()).expect(200)).body.api_keys;
      const renamed = await t.api.post(`/admin/api-keys/${key.id}`).set(...admin()).send({ title: 'Main storefront' }).expect(200);
      expect(renamed.body.api_key).toMatchObject({ id: key.id, title: 'Main storefront', token: key.token });
      await t.api.post(`/admin/api-keys/${key.id}`).set(...admin()).send({ title: '' }).expect(400);
      const other = await t.api.post(`/admin/api-keys/${key.id}`).set(...admin()).send({ type: 'secret' }).expect(400);
      expect(other.body.message).toBe("Invalid request: Unrecognized fields: 'type'");
      expect((await t.api.get(`/admin/api-keys/${key.id}`).set(...admin()).expect(200)).body.api_key.type).toBe('publishable');
      await t.api.post('/admin/api-keys/apk_missing').set(...admin()).send({ title: 'x' }).expect(404);
    });

    it('answers an unknown key with 404', async () => {
      const res = await t.api.get('/admin/api-keys/apk_missing').set(...admin()).expect(404);
      expect(res.body).toEqual({ type: 'not_found', message: 'API key with id: apk_missing was not found' });
    });
  });
});
