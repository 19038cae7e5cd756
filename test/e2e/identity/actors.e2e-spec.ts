import { createHmac } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { systemContext } from '../../../src/framework/context/context';
import { AuthService } from '../../../src/modules/auth/auth.service';
import { CustomerRouteFixtureModule } from '../../fixtures/customer-route.fixture';
import { waitFor } from '../../fixtures/recording-subscribers.fixture';
import { bearer, claimsOf, createIdentityApp, IdentityApp } from '../../utils/identity';

function sign(claims: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 600, ...claims })}`;
  return `${unsigned}.${createHmac('sha256', 'supersecret').update(unsigned).digest('base64url')}`;
}

/** Every actor reaches only its own routes: a user is not a customer, a customer is not a user. */
describe('actors and route families', () => {
  let t: IdentityApp;
  let customerJwt: string;
  beforeAll(async () => {
    t = await createIdentityApp({ imports: [CustomerRouteFixtureModule] });
    // a real identity linked to a customer id (the customer module itself comes later)
    const registered = await t.api.post('/auth/customer/emailpass/register').send({ email: 'linked@example.com', password: 'pw-linked-1' }).expect(200);
    const ctx = systemContext(t.app.get(MikroORM).em as EntityManager);
    await t.app.get(AuthService).linkActor(ctx, claimsOf(registered.body.token).auth_identity_id as string, 'customer', 'cus_01TEST');
    customerJwt = await t.login('customer', 'linked@example.com', 'pw-linked-1');
  });
  afterAll(() => t.close());

  const customerRoute = () => t.api.get('/store/test-customer-only').set('x-publishable-api-key', t.publishableKey);
  const customerToken = () => customerJwt;

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

  it('refuses a well-signed token whose identity does not exist', async () => {
    const forged = sign({ actor_id: 'cus_01TEST', actor_type: 'customer', auth_identity_id: 'authid_missing', app_metadata: { customer_id: 'cus_01TEST' } });
    await customerRoute().set(...bearer(forged)).expect(401);
  });

  it('matches route families case-insensitively, as Express matches routes', async () => {
    const res = await t.raw().get('/STORE/test-customer-only').set(...bearer(customerToken())).expect(400);
    expect(res.body.type).toBe('not_allowed');
    await t.raw().get('/Admin/sales-channels').expect(401);
  });

  it('drops a deleted sales channel from the key\'s scope at once', async () => {
    const admin = bearer(t.adminToken);
    const channel = await t.api.post('/admin/sales-channels').set(...admin).send({ name: 'Pop-up' }).expect(200);
    const [key] = (await t.api.get('/admin/api-keys?type=publishable&limit=1&order=created_at').set(...admin).expect(200)).body.api_keys;
    await t.api.post(`/admin/api-keys/${key.id}/sales-channels`).set(...admin).send({ add: [channel.body.sales_channel.id] }).expect(200);
    const before = await customerRoute().set(...bearer(customerToken())).expect(200);
    expect(before.body.sales_channel_ids).toContain(channel.body.sales_channel.id);
    await t.api.delete(`/admin/sales-channels/${channel.body.sales_channel.id}`).set(...admin).expect(200);
    // the sales-channel.deleted event clears every process's key cache right after the commit
    await waitFor(async () => {
      const after = await customerRoute().set(...bearer(customerToken())).expect(200);
      return JSON.stringify(after.body.sales_channel_ids) === JSON.stringify([t.salesChannelId]);
    }, 3000, 'the deleted channel to leave the scope');
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
