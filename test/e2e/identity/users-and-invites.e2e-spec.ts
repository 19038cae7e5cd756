import { bearer, claimsOf, createIdentityApp, IdentityApp } from '../../utils/identity';

describe('admin users and invites', () => {
  let t: IdentityApp;
  beforeAll(async () => {
    t = await createIdentityApp();
  });
  afterAll(() => t.close());

  const admin = () => bearer(t.adminToken);

  it('lists users and answers /me for the signed-in user', async () => {
    const list = await t.api.get('/admin/users').set(...admin()).expect(200);
    expect(list.body).toMatchObject({ count: 1, offset: 0, limit: 50 });
    expect(list.body.users[0]).toMatchObject({ id: t.adminUserId, email: 'admin@stheno.dev' });
    const me = await t.api.get('/admin/users/me?fields=email').set(...admin()).expect(200);
    expect(me.body).toEqual({ user: { id: t.adminUserId, email: 'admin@stheno.dev' } });
  });

  it('updates a user, refusing unknown fields and the email', async () => {
    const updated = await t.api.post(`/admin/users/${t.adminUserId}`).set(...admin()).send({ first_name: 'Ada', last_name: 'Lovelace' }).expect(200);
    expect(updated.body.user).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', email: 'admin@stheno.dev' });
    const res = await t.api.post(`/admin/users/${t.adminUserId}`).set(...admin()).send({ email: 'x@y.z' }).expect(400);
    expect(res.body.message).toBe("Invalid request: Unrecognized fields: 'email'");
  });

  describe('invite → register → accept → login', () => {
    let inviteToken: string;
    let inviteId: string;

    it('creates an invite with an expiring token', async () => {
      const res = await t.api.post('/admin/invites').set(...admin()).send({ email: 'New.Admin@stheno.dev' }).expect(200);
      expect(res.body.invite).toMatchObject({ email: 'new.admin@stheno.dev', accepted: false });
      const expiresIn = new Date(res.body.invite.expires_at).getTime() - Date.now();
      expect(expiresIn).toBeGreaterThan(23 * 3600_000);
      expect(expiresIn).toBeLessThanOrEqual(24 * 3600_000);
      inviteToken = res.body.invite.token;
      inviteId = res.body.invite.id;
      // Medusa's admin dashboard decodes the token: a JWT naming the invite
      expect(claimsOf(inviteToken)).toMatchObject({ id: inviteId, jti: expect.any(String), exp: expect.any(Number), iat: expect.any(Number) });
    });

    it('refuses a forged invite token', async () => {
      const registered = await t.api.post('/auth/user/emailpass/register').send({ email: 'forger@stheno.dev', password: 'pw-forger-1' }).expect(200);
      const [header, , signature] = inviteToken.split('.');
      const forgedClaims = Buffer.from(JSON.stringify({ id: inviteId, jti: 'x', exp: 4102444800, iat: 1 })).toString('base64url');
      await t.api.post(`/admin/invites/accept?token=${header}.${forgedClaims}.${signature}`).set(...bearer(registered.body.token)).send({}).expect(401);
    });

    it('lists invites with the list conventions', async () => {
      const pending = await t.api.get('/admin/invites?accepted=false&fields=email').set(...admin()).expect(200);
      expect(pending.body).toEqual({ invites: [{ id: inviteId, email: 'new.admin@stheno.dev' }], count: 1, offset: 0, limit: 50 });
      expect((await t.api.get('/admin/invites?accepted=true').set(...admin()).expect(200)).body.count).toBe(0);
      await t.api.get('/admin/invites?accepted=maybe').set(...admin()).expect(400);
    });

    it('refuses inviting someone who already is a user', async () => {
      const res = await t.api.post('/admin/invites').set(...admin()).send({ email: 'admin@stheno.dev' }).expect(400);
      expect(res.body.message).toBe('User with email: admin@stheno.dev already exists');
    });

    it('resending replaces the token', async () => {
      const res = await t.api.post(`/admin/invites/${inviteId}/resend`).set(...admin()).expect(200);
      expect(res.body.invite.token).not.toBe(inviteToken);
      const stale = await t.api.post('/auth/user/emailpass/register').send({ email: 'stale@stheno.dev', password: 'pw-stale-1' }).expect(200);
      await t.api.post(`/admin/invites/accept?token=${inviteToken}`).set(...bearer(stale.body.token)).send({}).expect(401);
      inviteToken = res.body.invite.token;
    });

    it('the invitee registers, accepts with its registration token, then logs in as the new user', async () => {
      const registered = await t.api.post('/auth/user/emailpass/register').send({ email: 'new.admin@stheno.dev', password: 'invited-pw-1' }).expect(200);
      const accepted = await t.api
        .post(`/admin/invites/accept?token=${inviteToken}`)
        .set(...bearer(registered.body.token))
        // Medusa's dashboard sends the email too: accepted and ignored
        .send({ first_name: 'Grace', email: 'new.admin@stheno.dev' })
        .expect(200);
      expect(accepted.body.user).toMatchObject({ email: 'new.admin@stheno.dev', first_name: 'Grace' });
      const token = await t.login('user', 'new.admin@stheno.dev', 'invited-pw-1');
      expect(claimsOf(token).actor_id).toBe(accepted.body.user.id);
      await t.api.get('/admin/users/me').set(...bearer(token)).expect(200);
      const invite = await t.api.get(`/admin/invites/${inviteId}`).set(...admin()).expect(200);
      expect(invite.body.invite.accepted).toBe(true);
    });

    it('an accepted invite cannot be accepted again', async () => {
      const other = await t.api.post('/auth/user/emailpass/register').send({ email: 'late@stheno.dev', password: 'pw-late-12' }).expect(200);
      const res = await t.api.post(`/admin/invites/accept?token=${inviteToken}`).set(...bearer(other.body.token)).send({}).expect(401);
      expect(res.body).toEqual({ type: 'unauthorized', message: 'Invalid invite token' });
    });

    it('a signed-in user cannot accept an invite', async () => {
      const invite = await t.api.post('/admin/invites').set(...admin()).send({ email: 'third@stheno.dev' }).expect(200);
      await t.api.post(`/admin/invites/accept?token=${invite.body.invite.token}`).set(...admin()).send({}).expect(400);
      await t.api.delete(`/admin/invites/${invite.body.invite.id}`).set(...admin()).expect(200, { id: invite.body.invite.id, object: 'invite', deleted: true });
      await t.api.get(`/admin/invites/${invite.body.invite.id}`).set(...admin()).expect(404);
    });
  });

  it('deletes another user, never oneself; the deleted user loses every credential and can be invited again', async () => {
    const [other] = (await t.api.get('/admin/users?email=new.admin@stheno.dev').set(...admin()).expect(200)).body.users;
    const token = await t.login('user', 'new.admin@stheno.dev', 'invited-pw-1');
    const session = await t.api.post('/auth/session').set(...bearer(token)).expect(200);
    const cookie = (session.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const self = await t.api.delete(`/admin/users/${t.adminUserId}`).set(...admin()).expect(400);
    expect(self.body.message).toBe('You cannot delete your own user');
    await t.api.delete(`/admin/users/${other.id}`).set(...admin()).expect(200, { id: other.id, object: 'user', deleted: true });
    await t.api.get(`/admin/users/${other.id}`).set(...admin()).expect(404);

    await t.api.get('/admin/sales-channels').set(...bearer(token)).expect(401);
    await t.api.get('/admin/sales-channels').set('Cookie', cookie).expect(401);
    const again = await t.login('user', 'new.admin@stheno.dev', 'invited-pw-1');
    expect(claimsOf(again).actor_id).toBe('');
    await t.api.get('/admin/sales-channels').set(...bearer(again)).expect(401);
    await t.api.post('/admin/invites').set(...admin()).send({ email: 'new.admin@stheno.dev' }).expect(200);
  });
});

describe('sales channels and currencies', () => {
  let t: IdentityApp;
  beforeAll(async () => {
    t = await createIdentityApp();
  });
  afterAll(() => t.close());

  it('manages sales channels with the list conventions', async () => {
    const admin = bearer(t.adminToken);
    const created = await t.api.post('/admin/sales-channels').set(...admin).send({ name: 'App', description: 'Mobile app' }).expect(200);
    expect(created.body.sales_channel).toMatchObject({ name: 'App', is_disabled: false, id: expect.stringMatching(/^sc_/) });
    const id = created.body.sales_channel.id;
    await t.api.post(`/admin/sales-channels/${id}`).set(...admin).send({ is_disabled: true }).expect(200);
    const disabled = await t.api.get('/admin/sales-channels?is_disabled=true&fields=name').set(...admin).expect(200);
    expect(disabled.body).toEqual({ sales_channels: [{ id, name: 'App' }], count: 1, offset: 0, limit: 20 });
    const searched = await t.api.get('/admin/sales-channels?q=mobile').set(...admin).expect(200);
    expect(searched.body.sales_channels.map((c: { id: string }) => c.id)).toEqual([id]);
    // a % typed by the client is a character to find, not a wildcard
    const percent = await t.api.post('/admin/sales-channels').set(...admin).send({ name: '100% Organic' }).expect(200);
    const literal = await t.api.get('/admin/sales-channels?q=%25').set(...admin).expect(200);
    expect(literal.body.sales_channels.map((c: { id: string }) => c.id)).toEqual([percent.body.sales_channel.id]);
    await t.api.post('/admin/sales-channels').set(...admin).send({ name: 42 }).expect(400);
    await t.api.delete(`/admin/sales-channels/${id}`).set(...admin).expect(200, { id, object: 'sales-channel', deleted: true });
    await t.api.get(`/admin/sales-channels/${id}`).set(...admin).expect(404);
  });

  it('lists the ISO 4217 currencies to storefronts and admins', async () => {
    const store = await t.api.get('/store/currencies?code[]=eur&code[]=usd').set('x-publishable-api-key', t.publishableKey).expect(200);
    expect(store.body.count).toBe(2);
    expect(store.body.currencies).toEqual([
      expect.objectContaining({ code: 'eur', symbol: '€', decimal_digits: 2, name: 'Euro' }),
      expect.objectContaining({ code: 'usd', symbol: '$', decimal_digits: 2, name: 'US Dollar' }),
    ]);
    // currencies are keyed by code: no invented id
    expect(store.body.currencies[0]).not.toHaveProperty('id');
    const jpy = await t.api.get('/admin/currencies/JPY').set(...bearer(t.adminToken)).expect(200);
    expect(jpy.body.currency).toMatchObject({ code: 'jpy', decimal_digits: 0 });
    const all = await t.api.get('/admin/currencies?limit=1').set(...bearer(t.adminToken)).expect(200);
    expect(all.body.count).toBeGreaterThan(150);
    await t.api.get('/store/currencies/xyz').set('x-publishable-api-key', t.publishableKey).expect(404);
  });
});
