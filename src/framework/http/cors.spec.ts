import { originAllowed, routeFamily } from './cors';

describe('routeFamily', () => {
  it.each([
    ['/store', 'store'],
    ['/store/x', 'store'],
    ['/store/products/prod_1', 'store'],
    ['/admin', 'admin'],
    ['/admin/x', 'admin'],
    ['/auth', 'auth'],
    ['/auth/x', 'auth'],
  ])('puts %s in the %s family', (path, family) => {
    expect(routeFamily(path)).toBe(family);
  });

  it.each(['/health', '/storefront', '/administrator', '/authors', '/', '/docs/store', ''])(
    'puts %j in no family',
    (path) => {
      expect(routeFamily(path)).toBeUndefined();
    },
  );
});

describe('originAllowed', () => {
  it('allows an origin listed exactly', () => {
    expect(originAllowed('https://shop.example.com', ['http://localhost:8000', 'https://shop.example.com'])).toBe(true);
  });

  it('rejects an origin that differs by scheme, port or subdomain', () => {
    const allowed = ['https://shop.example.com'];
    expect(originAllowed('http://shop.example.com', allowed)).toBe(false);
    expect(originAllowed('https://shop.example.com:8443', allowed)).toBe(false);
    expect(originAllowed('https://evil.shop.example.com', allowed)).toBe(false);
  });

  it("allows any origin with '*'", () => {
    expect(originAllowed('https://anything.test', ['*'])).toBe(true);
  });

  it('allows an origin matching a regular expression', () => {
    const allowed = [/\.example\.com$/];
    expect(originAllowed('https://preview-42.example.com', allowed)).toBe(true);
    expect(originAllowed('https://example.com.evil.test', allowed)).toBe(false);
  });

  it('combines exact entries and regular expressions', () => {
    const allowed = ['http://localhost:7000', /^https:\/\/[a-z]+\.vercel\.app$/];
    expect(originAllowed('http://localhost:7000', allowed)).toBe(true);
    expect(originAllowed('https://admin.vercel.app', allowed)).toBe(true);
    expect(originAllowed('http://localhost:7001', allowed)).toBe(false);
  });

  it('allows nothing with an empty list', () => {
    expect(originAllowed('http://localhost:8000', [])).toBe(false);
  });
});
