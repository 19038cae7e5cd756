import { createIdentityApp, IdentityApp } from '../../utils/identity';

/** Login, register and reset attempts are limited per IP and email; over the limit: 429 + Retry-After. */
describe('login throttling', () => {
  let t: IdentityApp;
  const prefix = `stheno-throttle-${process.env.JEST_WORKER_ID ?? '0'}-${Date.now()}`;
  beforeAll(async () => {
    t = await createIdentityApp({ env: { AUTH_RATE_LIMIT: '3', AUTH_RATE_WINDOW_MS: '60000', REDIS_PREFIX: prefix } });
  });
  afterAll(() => t.close());

  const attempt = (email: string) => t.api.post('/auth/user/emailpass').send({ email, password: 'wrong-password' });

  it('answers 429 with Retry-After once an email is over the limit from one address', async () => {
    for (let i = 0; i < 3; i++) await attempt('target@stheno.dev').expect(401);
    const limited = await attempt('target@stheno.dev').expect(429);
    expect(limited.body.type).toBe('too_many_requests');
    expect(limited.body.message).toMatch(/^Too many attempts: try again in \d+ seconds$/);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('counts each email separately, so one target is not everyone', async () => {
    await attempt('someone-else@stheno.dev').expect(401);
  });

  it('limits registration too', async () => {
    for (let i = 0; i < 3; i++) {
      await t.api.post('/auth/customer/emailpass/register').send({ email: `spam@example.com`, password: `pw-${i}-long` }).expect(i === 0 ? 200 : 401);
    }
    await t.api.post('/auth/customer/emailpass/register').send({ email: 'spam@example.com', password: 'pw-x-long' }).expect(429);
  });

  if (process.env.REDIS_URL) {
    it('shares the count across processes through Redis', async () => {
      const other = await createIdentityApp({ env: { AUTH_RATE_LIMIT: '3', REDIS_PREFIX: prefix }, resetDatabase: false });
      try {
        // the first app used up the target's attempts; the second process sees it
        await other.api.post('/auth/user/emailpass').send({ email: 'target@stheno.dev', password: 'wrong-password' }).expect(429);
      } finally {
        await other.close();
      }
    });
  }
});

describe('login throttling behind a proxy: per email and per client IP, independently', () => {
  let t: IdentityApp;
  beforeAll(async () => {
    t = await createIdentityApp({ env: { AUTH_RATE_LIMIT: '3', AUTH_RATE_LIMIT_IP: '5', TRUST_PROXY: 'true' } });
  });
  afterAll(() => t.close());

  const attempt = (email: string, ip: string) =>
    t.api.post('/auth/user/emailpass').set('X-Forwarded-For', ip).send({ email, password: 'wrong-password' });

  it('limits one email whatever address the attempts come from', async () => {
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) await attempt('victim@stheno.dev', ip).expect(401);
    const limited = await attempt('victim@stheno.dev', '198.51.100.4').expect(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('limits one address whatever emails it tries', async () => {
    for (let i = 0; i < 5; i++) await attempt(`spray-${i}@stheno.dev`, '203.0.113.9').expect(401);
    await attempt('spray-5@stheno.dev', '203.0.113.9').expect(429);
    // another address is unaffected
    await attempt('spray-6@stheno.dev', '203.0.113.10').expect(401);
  });
});
