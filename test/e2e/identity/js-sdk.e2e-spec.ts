import Medusa from '@medusajs/js-sdk';
import { ADMIN, createIdentityApp, IdentityApp } from '../../utils/identity';

/** The official client, unchanged, against Stheno: what a Medusa storefront or admin runs. */
describe('@medusajs/js-sdk against Stheno', () => {
  let t: IdentityApp;
  let baseUrl: string;
  beforeAll(async () => {
    t = await createIdentityApp();
    baseUrl = await t.listen();
  });
  afterAll(() => t.close());

  const adminSdk = () => new Medusa({ baseUrl, auth: { type: 'jwt', jwtTokenStorageMethod: 'memory' } });

  it('logs an admin in and reads /admin/users/me', async () => {
    const sdk = adminSdk();
    const token = await sdk.auth.login('user', 'emailpass', ADMIN);
    expect(typeof token).toBe('string');
    const { user } = await sdk.admin.user.me();
    expect(user).toMatchObject({ id: t.adminUserId, email: ADMIN.email });
  });

  it('surfaces a failed login as a FetchError with status 401 and Medusa\'s message', async () => {
    const error = await adminSdk()
      .auth.login('user', 'emailpass', { email: ADMIN.email, password: 'nope' })
      .catch((e: unknown) => e as { status?: number; message?: string });
    expect(error).toMatchObject({ status: 401, message: 'Invalid email or password' });
  });

  it('manages sales channels and API keys through sdk.admin', async () => {
    const sdk = adminSdk();
    await sdk.auth.login('user', 'emailpass', ADMIN);
    const { sales_channel } = await sdk.admin.salesChannel.create({ name: 'Marketplace' });
    const { api_key } = await sdk.admin.apiKey.create({ title: 'Marketplace storefront', type: 'publishable' });
    const linked = await sdk.admin.apiKey.batchSalesChannels(api_key.id, { add: [sales_channel.id] });
    expect(linked.api_key.sales_channels).toEqual([{ id: sales_channel.id, name: 'Marketplace' }]);
    const { api_keys, count } = await sdk.admin.apiKey.list({ type: 'publishable', limit: 10 });
    expect(count).toBe(2);
    expect(api_keys.map((k: { title: string }) => k.title)).toContain('Marketplace storefront');
    const { sales_channels } = await sdk.admin.salesChannel.list({ q: 'market' });
    expect(sales_channels.map((c: { id: string }) => c.id)).toEqual([sales_channel.id]);
  });

  it('registers a customer identity and refreshes its token', async () => {
    const sdk = new Medusa({ baseUrl, publishableKey: t.publishableKey, auth: { type: 'jwt', jwtTokenStorageMethod: 'memory' } });
    const token = await sdk.auth.register('customer', 'emailpass', { email: 'sdk.shopper@example.com', password: 'sdk-password-1' });
    expect(typeof token).toBe('string');
    // the 2.2x SDK returns the response body of /auth/token/refresh
    const refreshed = (await sdk.auth.refresh()) as unknown as { token: string };
    expect(refreshed).toEqual({ token: expect.stringMatching(/^ey/) });
  });

  it('sends the publishable key on store calls', async () => {
    const store = new Medusa({ baseUrl, publishableKey: t.publishableKey });
    const body = await store.client.fetch<{ currencies: Array<{ code: string }> }>('/store/currencies', { query: { code: ['eur'] } });
    expect(body.currencies.map((c) => c.code)).toEqual(['eur']);
    const anonymous = new Medusa({ baseUrl });
    await expect(anonymous.client.fetch('/store/currencies')).rejects.toMatchObject({ status: 400 });
  });
});
