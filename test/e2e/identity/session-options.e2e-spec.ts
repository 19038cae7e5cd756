import { createHmac } from 'node:crypto';
import Medusa from '@medusajs/js-sdk';
import Redis from 'ioredis';
import type { Response } from 'supertest';
import { KEY, signUp, sql } from '../customers/customer-helpers';
import { ADMIN, bearer, claimsOf, createIdentityApp, IdentityApp } from '../../utils/identity';

const SESSIONS_CONFIG = 'test/fixtures/config/sessions.config.ts';
/** What the fixture sets. */
const NAME = 'shop.sid';
const TTL_MS = 4000;
const SECRET = 'session-secret-in-the-file';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** express-session's `s:<id>.<hmac>`, computed here independently of the code under test. */
function signedHere(id: string, secret: string): string {
  return `s:${id}.${createHmac('sha256', secret).update(id).digest('base64').replace(/=+$/, '')}`;
}

function cookiesSet(res: Response, name: string): string[] {
  return ((res.headers['set-cookie'] as unknown as string[] | undefined) ?? []).filter((cookie) => cookie.startsWith(`${name}=`));
}

/**
 * A browser's cookie jar around the global fetch, which the js-sdk calls: it keeps what responses
 * set and sends it back, as the browser does for `credentials: 'include'`.
 */
function cookieJar() {
  const cookies = new Map<string, string>();
  const original = globalThis.fetch;
  globalThis.fetch = async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    if (cookies.size) headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await original(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0];
      const name = pair.slice(0, pair.indexOf('='));
      if (/expires=thu, 01 jan 1970/i.test(line)) cookies.delete(name);
      else cookies.set(name, pair.slice(name.length + 1));
    }
    return response;
  };
  return { cookies, restore: () => (globalThis.fetch = original) };
}

/** Cookie sessions as `projectConfig.sessionOptions` configures them, on both stores. */
describe('cookie sessions configured by sessionOptions (name, ttl, rolling, secret)', () => {
  let t: IdentityApp;
  /** Set when the suite runs with REDIS_URL: sessions then live in Redis. */
  let redis: Redis | undefined;
  beforeAll(async () => {
    t = await createIdentityApp({ env: { STHENO_CONFIG: SESSIONS_CONFIG } });
    if (process.env.REDIS_URL) redis = new Redis(process.env.REDIS_URL);
  });
  afterAll(async () => {
    redis?.disconnect();
    await t.close();
  });

  const sessionKey = (id: string) => `${t.config.redis.prefix}:sess:${id}`;

  async function startSession(token = t.adminToken) {
    const res = await t.api.post('/auth/session').set(...bearer(token)).expect(200);
    const [header, ...more] = cookiesSet(res, NAME);
    expect(more).toEqual([]);
    const cookie = header.split(';')[0];
    const value = decodeURIComponent(cookie.slice(NAME.length + 1));
    return { res, header, cookie, value, id: value.slice(2, value.lastIndexOf('.')) };
  }

  /** Milliseconds the store gives the session still, or undefined when the store holds none. */
  async function msLeft(id: string): Promise<number | undefined> {
    if (redis) {
      const pttl = await redis.pttl(sessionKey(id));
      return pttl > 0 ? pttl : undefined;
    }
    const [row] = await sql<{ expires_at: Date }>(t, 'select expires_at from auth_session where id = ?', [id]);
    return row ? new Date(row.expires_at).getTime() - Date.now() : undefined;
  }

  it('names the cookie after sessionOptions.name, with Max-Age from ttl, signed with sessionOptions.secret', async () => {
    const session = await startSession();
    expect(session.header).toMatch(/; Max-Age=4; /);
    expect(session.header).toMatch(/; HttpOnly/);
    expect(cookiesSet(session.res, 'connect.sid')).toEqual([]);
    expect(session.value).toBe(signedHere(session.id, SECRET));

    const me = await t.api.get('/admin/users/me').set('Cookie', session.cookie).expect(200);
    expect(me.body.user.id).toBe(t.adminUserId);
    // the same session under the default name, or signed with COOKIE_SECRET, opens nothing
    await t.api.get('/admin/users/me').set('Cookie', `connect.sid=${session.value}`).expect(401);
    await t.api.get('/admin/users/me').set('Cookie', `${NAME}=${signedHere(session.id, t.config.auth.cookieSecret)}`).expect(401);
  });

  it('keeps the session in Redis, expiring with the ttl, when Redis is configured, and in auth_session otherwise', async () => {
    const session = await startSession();
    const rows = await sql(t, 'select id from auth_session where id = ?', [session.id]);
    const left = await msLeft(session.id);
    expect(left).toBeGreaterThan(TTL_MS - 2000);
    expect(left).toBeLessThanOrEqual(TTL_MS);
    if (redis) {
      expect(rows).toEqual([]);
      const identity = claimsOf(t.adminToken).auth_identity_id as string;
      expect(await redis.zscore(`${t.config.redis.prefix}:sess-identity:${identity}`, session.id)).not.toBeNull();
    } else {
      expect(rows).toHaveLength(1);
    }
  });

  it('rolls: each authenticated request extends the session and re-sends the cookie; left alone, it expires', async () => {
    const session = await startSession();
    for (let request = 0; request < 3; request++) {
      await sleep(1500);
      const res = await t.api.get('/admin/users/me').set('Cookie', session.cookie).expect(200);
      const [again] = cookiesSet(res, NAME);
      expect(again.split(';')[0]).toBe(session.cookie);
      expect(again).toMatch(/; Max-Age=4; /);
    }
    // 4.5 s after it started, past the end a 4 s session first had, it lives on
    expect(await msLeft(session.id)).toBeGreaterThan(TTL_MS - 1500);

    await sleep(TTL_MS + 500);
    await t.api.get('/admin/users/me').set('Cookie', session.cookie).expect(401);
    if (redis) expect(await redis.exists(sessionKey(session.id))).toBe(0);
  });

  it('ends the session on logout and clears the cookie (one Set-Cookie, the clearing one)', async () => {
    const session = await startSession();
    const res = await t.api.delete('/auth/session').set('Cookie', session.cookie).expect(200, { success: true });
    const cleared = cookiesSet(res, NAME);
    expect(cleared).toHaveLength(1);
    expect(cleared[0]).toMatch(new RegExp(`^${NAME.replace('.', '\\.')}=;.*Expires=Thu, 01 Jan 1970`));
    expect(await msLeft(session.id)).toBeUndefined();
    await t.api.get('/admin/users/me').set('Cookie', session.cookie).expect(401);
  });

  it("ends every session of a removed customer in the store itself, not only in the guard's eyes", async () => {
    const shopper = await signUp(t, 'rolling.shopper@example.com');
    const first = await startSession(shopper.token);
    const second = await startSession(shopper.token);
    await t.api.get('/store/customers/me').set(KEY, t.publishableKey).set('Cookie', first.cookie).expect(200);

    await t.api.delete(`/admin/customers/${shopper.customer.id}`).set(...bearer(t.adminToken)).expect(200);

    expect(await msLeft(first.id)).toBeUndefined();
    expect(await msLeft(second.id)).toBeUndefined();
    await t.api.get('/store/customers/me').set(KEY, t.publishableKey).set('Cookie', second.cookie).expect(401);
    if (redis) {
      const identity = claimsOf(shopper.token).auth_identity_id as string;
      expect(await redis.exists(`${t.config.redis.prefix}:sess-identity:${identity}`)).toBe(0);
    }
  });

  it('lets @medusajs/js-sdk sign in with a session under the configured cookie name, and out', async () => {
    const baseUrl = await t.listen();
    const jar = cookieJar();
    try {
      const sdk = new Medusa({ baseUrl, auth: { type: 'session', jwtTokenStorageMethod: 'memory' } });
      await sdk.auth.login('user', 'emailpass', ADMIN);
      expect([...jar.cookies.keys()]).toEqual([NAME]);
      const { user } = await sdk.admin.user.me();
      expect(user.id).toBe(t.adminUserId);

      const kept = `${NAME}=${jar.cookies.get(NAME)}`;
      await sdk.auth.logout();
      expect(jar.cookies.size).toBe(0);
      await expect(sdk.admin.user.me()).rejects.toMatchObject({ status: 401 });
      // ended on the server too: the cookie a client kept opens nothing
      await t.raw().get('/admin/users/me').set('Cookie', kept).expect(401);
    } finally {
      jar.restore();
    }
  });
});
