import { createHmac } from 'node:crypto';
import { CustomerRouteFixtureModule } from '../../fixtures/customer-route.fixture';
import { bearer, claimsOf, createIdentityApp, IdentityApp } from '../../utils/identity';

function sign(claims: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 600, ...claims })}`;
  return `${unsigned}.${createHmac('sha256', 'supersecret').update(unsigned).digest('base64url')}`;
}

/** Every actor reaches only its own routes: a user is not a customer, a customer is not a user. */
describe('actors and route families', () => {
  let t: IdentityApp;
  beforeAll(async () => {
    t = await createIdentityApp({ imports: [CustomerRouteFixtureModule] });
  });
  afterAll(() => t.close());

  const customerRoute = () => t.api.get('/store/test-customer-only').set('x-publishable-api-key', t.publishableKey);
  const customerToken = () => sign({ actor_id: 'cus_01TEST', actor_type: 'customer', auth_identity_id: 'authid_x', app_metadata: { customer_id: 'cus_01TEST' } });

  it('opens a customer route to a customer, scoped to the publishable key\'s sales channels', async () => {
    const res = await customerRoute().set(...bearer(customerToken())).expect(200);
    expect(res.body).toEqual({ actor_id: 'cus_01TEST', sales_channel_ids: [t.salesChannelId] });
  });

  it('refuses a user token, a registration token and no token on a customer route', async () => {
    await customerRoute().set(...bearer(t.adminToken)).expect(401, { message: 'Unauthorized' });
    const registration = await t.api.post('/auth/customer/emailpass/register').send({ email: 'actor@example.com', password: 'pw-actor-1' }).expect(200);
    expect(claimsOf(registration.body.token).actor_id).toBe('');
    await customerRoute().set(...bearer(registration.body.token)).expect(401);
    await customerRoute().expect(401);
  });

  it('refuses a customer token on admin routes', async () => {
    await t.api.get('/admin/sales-channels').set(...bearer(customerToken())).expect(401, { message: 'Unauthorized' });
  });

  it('checks the publishable key before the customer', async () => {
    const res = await t.api.get('/store/test-customer-only').set(...bearer(customerToken())).expect(400);
    expect(res.body.type).toBe('not_allowed');
  });

  it('lets a store route without customer requirements through anonymously, ignoring a foreign token', async () => {
    await t.api.get('/store/regions').set('x-publishable-api-key', t.publishableKey).set(...bearer(t.adminToken)).expect(200);
  });
});
