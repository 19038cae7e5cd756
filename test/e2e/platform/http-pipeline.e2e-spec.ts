import { createWidgetsApp } from '../../fixtures/widgets';
import { TestApp } from '../../utils/create-test-app';

describe('CORS per route family', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createWidgetsApp({
      env: {
        STORE_CORS: 'https://shop.example.com,/^https:\\/\\/preview-\\d+\\.example\\.com$/',
        ADMIN_CORS: 'https://admin.example.com',
        AUTH_CORS: 'https://login.example.com',
      },
    });
  });
  afterAll(() => t.close());

  const preflight = (path: string, origin: string) =>
    t.raw().options(path).set('Origin', origin).set('Access-Control-Request-Method', 'POST');

  it.each([
    ['/store/carts', 'https://shop.example.com'],
    ['/store/carts', 'https://preview-42.example.com'],
    ['/admin/products', 'https://admin.example.com'],
    ['/auth/user/emailpass', 'https://login.example.com'],
  ])('allows %s from %s with credentials', async (path, origin) => {
    const res = await preflight(path, origin).expect(204);
    expect(res.headers['access-control-allow-origin']).toBe(origin);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
  });

  it.each([
    ['/store/carts', 'https://admin.example.com'],
    ['/store/carts', 'https://preview-x.example.com'],
    ['/admin/products', 'https://shop.example.com'],
    ['/auth/user/emailpass', 'https://admin.example.com'],
  ])('refuses %s from %s', async (path, origin) => {
    const res = await preflight(path, origin);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends no CORS headers outside the three families', async () => {
    const res = await t.raw().get('/health').set('Origin', 'https://shop.example.com').expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('HTTP compression', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createWidgetsApp({ env: { HTTP_COMPRESSION: 'true', HTTP_COMPRESSION_THRESHOLD: '0' } });
  });
  afterAll(() => t.close());

  it('compresses when the client accepts gzip', async () => {
    const res = await t.api.get('/test/widgets').set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.widgets).toEqual([]);
  });

  it('does not compress when x-no-compression is sent', async () => {
    const res = await t.api.get('/test/widgets').set('Accept-Encoding', 'gzip').set('x-no-compression', 'true').expect(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});

describe('HTTP compression off (the default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createWidgetsApp();
  });
  afterAll(() => t.close());

  it('sends identity bodies', async () => {
    const res = await t.api.get('/test/widgets').set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
