import { createHmac } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { systemContext } from '../../../src/framework/context/context';
import { OutboxRelay } from '../../../src/framework/events/outbox-relay.service';
import { AuthService } from '../../../src/modules/auth/auth.service';
import { ADMIN, bearer, claimsOf, createIdentityApp, IdentityApp } from '../../utils/identity';

/** A JWT signed here, independently of the code under test. */
function forge(claims: Record<string, unknown>, secret: string, alg = 'HS256'): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg, typ: 'JWT' })}.${encode(claims)}`;
  const signature = alg === 'none' ? '' : createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

describe('auth: emailpass, tokens, sessions, password reset', () => {
  let t: IdentityApp;
  beforeAll(async () => {
    t = await createIdentityApp();
  });
  afterAll(() => t.close());

  describe('login', () => {
    it('answers {token} with Medusa claims for the seeded admin', async () => {
      const res = await t.api.post('/auth/user/emailpass').send(ADMIN).expect(200);
      expect(Object.keys(res.body)).toEqual(['token']);
      const claims = claimsOf(res.body.token);
      expect(claims).toMatchObject({
        actor_id: t.adminUserId,
        actor_type: 'user',
        auth_identity_id: expect.stringMatching(/^authid_/),
        app_metadata: { user_id: t.adminUserId },
      });
      expect((claims.exp as number) - (claims.iat as number)).toBe(24 * 3600);
    });

    it('treats the email case-insensitively', async () => {
      await t.api.post('/auth/user/emailpass').send({ email: 'ADMIN@Stheno.dev', password: ADMIN.password }).expect(200);
    });

    it('answers a wrong password and an unknown email alike, in comparable time', async () => {
      const timed = async (body: object) => {
        const started = performance.now();
        const res = await t.api.post('/auth/user/emailpass').send(body).expect(401);
        return { body: res.body, ms: performance.now() - started };
      };
      const wrongPassword = await timed({ email: ADMIN.email, password: 'wrong-password' });
      const unknownEmail = await timed({ email: 'nobody@stheno.dev', password: 'wrong-password' });
      expect(wrongPassword.body).toEqual({ type: 'unauthorized', message: 'Invalid email or password' });
      expect(unknownEmail.body).toEqual(wrongPassword.body);
      // both pay for one scrypt: neither is an order of magnitude faster
      expect(unknownEmail.ms).toBeGreaterThan(wrongPassword.ms / 5);
    });

    it.each([
      [{ email: 'not-an-email', password: 'x' }, /email must be an email/],
      [{ email: ADMIN.email }, /password/],
      [{ email: ADMIN.email, password: 'x', role: 'admin' }, /Unrecognized fields: 'role'/],
    ])('rejects a malformed body %j with 400', async (body, message) => {
      const res = await t.api.post('/auth/user/emailpass').send(body).expect(400);
      expect(res.body.type).toBe('invalid_data');
      expect(res.body.message).toMatch(message);
    });

    it('refuses an unknown actor or provider', async () => {
      const res = await t.api.post('/auth/robot/emailpass').send(ADMIN).expect(401);
      expect(res.body.message).toBe('The actor type robot is not allowed to use the auth provider emailpass');
      await t.api.post('/auth/user/google').send(ADMIN).expect(401);
    });
  });

  describe('register', () => {
    it('registers an identity whose token has no actor yet', async () => {
      const res = await t.api.post('/auth/customer/emailpass/register').send({ email: 'shopper@example.com', password: 'correct horse' }).expect(200);
      expect(claimsOf(res.body.token)).toMatchObject({ actor_id: '', actor_type: 'customer', app_metadata: {} });
    });

    it('refuses a second identity with the same email', async () => {
      const res = await t.api.post('/auth/customer/emailpass/register').send({ email: 'Shopper@example.com', password: 'other' }).expect(401);
      expect(res.body).toEqual({ type: 'unauthorized', message: 'Identity with email already exists' });
    });

    it('a registered identity logs in, still without an actor, and refresh keeps it so', async () => {
      const token = await t.login('customer', 'shopper@example.com', 'correct horse');
      expect(claimsOf(token).actor_id).toBe('');
      const refreshed = await t.api.post('/auth/token/refresh').set(...bearer(token)).expect(200);
      expect(claimsOf(refreshed.body.token)).toMatchObject({ actor_id: '', actor_type: 'customer' });
    });
  });

  describe('tokens on admin routes', () => {
    const claimsFor = (overrides: Record<string, unknown> = {}) => ({
      actor_id: t.adminUserId,
      actor_type: 'user',
      auth_identity_id: 'authid_x',
      app_metadata: {},
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 3600,
      ...overrides,
    });

    it('accepts a valid user token', async () => {
      await t.api.get('/admin/users/me').set(...bearer(t.adminToken)).expect(200);
    });

    it.each([
      ['no credentials', undefined],
      ['a malformed token', 'not.a.jwt'],
      ['an expired token', () => forge(claimsFor({ exp: Math.floor(Date.now() / 1000) - 60 }), 'supersecret')],
      ['a token signed with another secret', () => forge(claimsFor(), 'another-secret')],
      ['an unsigned (alg none) token', () => forge(claimsFor(), '', 'none')],
      ['a customer token', () => forge(claimsFor({ actor_type: 'customer' }), 'supersecret')],
      ['a registration token (no actor yet)', () => forge(claimsFor({ actor_id: '' }), 'supersecret')],
    ])('answers 401 {"message":"Unauthorized"} for %s', async (_name, token) => {
      const request = t.api.get('/admin/users/me');
      const value = typeof token === 'function' ? token() : token;
      if (value) request.set(...bearer(value));
      const res = await request.expect(401);
      expect(res.body).toEqual({ message: 'Unauthorized' });
    });
  });

  describe('cookie sessions', () => {
    it('exchanges a bearer token for a session cookie that opens admin routes until deleted', async () => {
      const created = await t.api.post('/auth/session').set(...bearer(t.adminToken)).expect(200);
      expect(created.body.user).toMatchObject({ actor_id: t.adminUserId, actor_type: 'user' });
      const cookie = (created.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('connect.sid='))!;
      expect(cookie).toMatch(/HttpOnly/);
      // Medusa's default lifetime, 10 hours
      expect(cookie).toMatch(/; Max-Age=36000; /);
      const sessionCookie = cookie.split(';')[0];

      const me = await t.api.get('/admin/users/me').set('Cookie', sessionCookie).expect(200);
      expect(me.body.user.id).toBe(t.adminUserId);
      // not rolling by default: using the session does not re-send the cookie
      expect(me.headers['set-cookie']).toBeUndefined();

      await t.api.delete('/auth/session').set('Cookie', sessionCookie).expect(200, { success: true });
      await t.api.get('/admin/users/me').set('Cookie', sessionCookie).expect(401);
    });

    it('refuses a real session id with a tampered signature, and a forged one', async () => {
      const created = await t.api.post('/auth/session').set(...bearer(t.adminToken)).expect(200);
      const value = decodeURIComponent((created.headers['set-cookie'] as unknown as string[])[0].split(';')[0].split('=')[1]);
      const sessionId = value.slice(2, value.lastIndexOf('.'));
      const tampered = `connect.sid=${encodeURIComponent(`s:${sessionId}.AAAA${value.slice(value.lastIndexOf('.') + 5)}`)}`;
      await t.api.get('/admin/users/me').set('Cookie', tampered).expect(401);
      await t.api.get('/admin/users/me').set('Cookie', `connect.sid=${encodeURIComponent(value)}`).expect(200);
      await t.api.get('/admin/users/me').set('Cookie', 'connect.sid=s%3Aforged.invalidsignature').expect(401);
    });
  });

  describe('password reset', () => {
    const resetTokens = async (): Promise<string[]> => {
      await t.app.get(OutboxRelay).drain();
      const rows = await (t.app.get(MikroORM).em.fork() as EntityManager)
        .getConnection()
        .execute<Array<{ data: { token: string; entity_id: string } }>>(
          `select data from event_outbox where name = 'auth.password_reset' order by id`,
        );
      return rows.filter((r) => r.data.entity_id === 'shopper@example.com').map((r) => r.data.token);
    };

    it('answers 201 with no body whether or not the identity exists', async () => {
      const unknown = await t.api.post('/auth/customer/emailpass/reset-password').send({ identifier: 'ghost@example.com' }).expect(201);
      const known = await t.api.post('/auth/customer/emailpass/reset-password').send({ identifier: 'shopper@example.com' }).expect(201);
      expect(unknown.text).toBe('');
      expect(known.text).toBe('');
      expect(await resetTokens()).toHaveLength(1);
    });

    it('sets a new password with the token, once, ending the sessions and tokens issued before', async () => {
      // sessions need an actor: link the shopper's identity to a customer id (the customer module comes later)
      const registered = await t.login('customer', 'shopper@example.com', 'correct horse');
      const ctx = systemContext(t.app.get(MikroORM).em as EntityManager);
      await t.app.get(AuthService).linkActor(ctx, claimsOf(registered).auth_identity_id as string, 'customer', 'cus_01RESET');
      const oldToken = await t.login('customer', 'shopper@example.com', 'correct horse');
      const session = await t.api.post('/auth/session').set(...bearer(oldToken)).expect(200);
      const cookie = (session.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
      await t.api.post('/auth/token/refresh').set('Cookie', cookie).expect(401); // refresh takes bearer only
      await t.api.post('/auth/token/refresh').set(...bearer(oldToken)).expect(200);
      await new Promise((resolve) => setTimeout(resolve, 1100)); // tokens are dated to the second
      const [token] = await resetTokens();
      await t.api.post(`/auth/customer/emailpass/update?token=${token}`).send({ password: 'a brand new one' }).expect(200, { success: true });
      await t.api.post('/auth/token/refresh').set(...bearer(oldToken)).expect(401);
      await t.api.delete('/auth/session').set('Cookie', cookie).expect(401);
      const fresh = await t.login('customer', 'shopper@example.com', 'a brand new one');
      await t.api.post('/auth/token/refresh').set(...bearer(fresh)).expect(200);
      await t.api.post('/auth/customer/emailpass').send({ email: 'shopper@example.com', password: 'correct horse' }).expect(401);
      const reused = await t.api.post(`/auth/customer/emailpass/update?token=${token}`).send({ password: 'hijack' }).expect(401);
      expect(reused.body).toEqual({ type: 'unauthorized', message: 'Invalid or expired password reset token' });
    });

    it('refuses a token for another actor, a forged one, or none', async () => {
      await t.api.post('/auth/customer/emailpass/reset-password').send({ identifier: 'shopper@example.com' }).expect(201);
      const token = (await resetTokens()).at(-1)!;
      await t.api.post(`/auth/user/emailpass/update?token=${token}`).send({ password: 'x' }).expect(401);
      await t.api.post('/auth/customer/emailpass/update?token=forged').send({ password: 'x' }).expect(401);
      await t.api.post('/auth/customer/emailpass/update').send({ password: 'x' }).expect(401);
    });
  });
});
