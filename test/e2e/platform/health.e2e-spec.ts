import { createTestApp, TestApp } from '../../utils/create-test-app';

describe('health', () => {
  describe('with its dependencies up', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('GET /health answers 200 OK as plain text without credentials', async () => {
      const res = await t.api.get('/health').expect(200);
      expect(res.text).toBe('OK');
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
    });

    it('GET /health/ready answers 200 with each dependency up', async () => {
      const res = await t.api.get('/health/ready').expect(200);
      expect(res.body.status).toBe('ok');
      expect(res.body.checks.database.status).toBe('up');
      if (process.env.REDIS_URL) expect(res.body.checks.redis.status).toBe('up');
      else expect(res.body.checks.redis).toBeUndefined();
    });
  });

  describe('with Redis unreachable', () => {
    let t: TestApp;
    beforeAll(async () => {
      // nothing listens on port 1: Redis is "stopped" (a probed free port could be taken meanwhile
      // by a server another test worker starts)
      t = await createTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    });
    afterAll(() => t.close());

    it('still answers liveness', async () => {
      await t.api.get('/health').expect(200);
    });

    it('answers readiness 503, naming Redis', async () => {
      const res = await t.api.get('/health/ready').expect(503);
      expect(res.body.status).toBe('error');
      expect(res.body.message).toBe('Not ready: redis unavailable');
      // the reason (host, port, credentials) stays in the log: the endpoint is anonymous
      expect(res.body.checks.redis).toEqual({ status: 'down' });
      expect(res.body.checks.database.status).toBe('up');
    });
  });
});

describe('worker mode over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { WORKER_MODE: 'worker' } });
  });
  afterAll(() => t.close());

  it('serves its health checks', async () => {
    await t.api.get('/health').expect(200);
    await t.api.get('/health/ready').expect(200);
  });

  it('serves nothing else: no API, no docs', async () => {
    const res = await t.raw().get('/store/products').expect(404);
    expect(res.body).toEqual({ type: 'not_found', message: 'This process runs in worker mode: only /health, /health/ready and /metrics are served' });
    await t.raw().get('/docs').expect(404);
    await t.raw().get('/openapi.json').expect(404);
  });
});
