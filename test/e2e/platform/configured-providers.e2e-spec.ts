import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConfigFileError } from '../../../src/framework/config/config-file';
import { ConfiguredProviders } from '../../../src/framework/providers/configured-providers';
import { packageRoot } from '../../../src/framework/runtime/package-root';
import { NotificationService } from '../../../src/modules/notification/notification.service';
import { CheckoutFixture, DE_BY_ADDRESS, DK_ADDRESS, seedCheckout } from '../../fixtures/checkout.fixture';
import type AcmePaymentProvider from '../../fixtures/providers/acme-payment';
import type { DepotFulfillmentProvider } from '../../fixtures/providers/depot-fulfillment';
import type { FlatTaxProvider } from '../../fixtures/providers/flat-tax';
import type { MailerNotificationProvider } from '../../fixtures/providers/mailer-notification';
import { waitFor } from '../../fixtures/recording-subscribers.fixture';
import { startTsProcess } from '../../utils/child-process';
import { createTestApp } from '../../utils/create-test-app';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { workerDatabaseUrl } from '../../utils/test-database';

type Body = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const PROVIDERS_CONFIG = 'test/fixtures/config/providers.config.ts';
const BROKEN_CONFIG = 'test/fixtures/config/providers-broken.config.ts';
const mode = process.env.REDIS_URL ? 'Bull on Redis' : 'in-process';

/**
 * `modules.<key>.options.providers` of the configuration file, end to end: providers loaded from
 * project files, given their options, used by the store in place of (or beside) the built-ins.
 */
describe(`providers from the configuration file (${mode})`, () => {
  describe('a store whose payment, fulfillment, notification and tax providers come from the file', () => {
    let t: IdentityApp;
    let f: CheckoutFixture;
    let acme: AcmePaymentProvider;
    let bank: { authorized: Array<{ amount: string; data: Record<string, unknown> }> };
    let depot: DepotFulfillmentProvider;
    let mailer: MailerNotificationProvider;
    let flat: FlatTaxProvider;

    beforeAll(async () => {
      t = await createIdentityApp({ env: { STHENO_CONFIG: PROVIDERS_CONFIG } });
      f = await seedCheckout(t);
      const configured = t.app.get(ConfiguredProviders);
      const instance = <T>(moduleKey: string, id: string): T => configured.of<T>(moduleKey).find((c) => c.id === id)!.instance;
      acme = instance('payment', 'pp_acme_acme');
      bank = instance('payment', 'pp_system_default');
      depot = instance('fulfillment', 'manual_manual');
      mailer = instance('notification', 'mail');
      flat = instance('tax', 'tp_flat_eu');
    });
    afterAll(() => t?.close());

    const admin = () => bearer(t.adminToken);
    const store = (method: 'get' | 'post', url: string) => t.api[method](url).set('x-publishable-api-key', t.publishableKey);
    const sql = (statement: string, params: unknown[] = []): Promise<Body[]> =>
      (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute(statement, params);

    /** A Danish cart with a tee, Standard shipping and a payment collection. */
    async function cartReadyToPay(email: string): Promise<{ cart: Body; collection: Body }> {
      const cart = (
        await store('post', '/store/carts')
          .send({ region_id: f.regionId, email, shipping_address: DK_ADDRESS, billing_address: DK_ADDRESS, items: [{ variant_id: f.variants.tee, quantity: 1 }] })
          .expect(200)
      ).body.cart;
      await store('post', `/store/carts/${cart.id}/shipping-methods`).send({ option_id: f.options.standard }).expect(200);
      const collection = (await store('post', '/store/payment-collections').send({ cart_id: cart.id }).expect(200)).body.payment_collection;
      return { cart, collection };
    }
    const session = async (collectionId: string, providerId: string): Promise<Body> =>
      (await store('post', `/store/payment-collections/${collectionId}/payment-sessions`).send({ provider_id: providerId }).expect(200)).body.payment_collection
        .payment_sessions[0];
    const complete = async (cartId: string): Promise<Body> => {
      const res = await store('post', `/store/carts/${cartId}/complete`).expect(200);
      expect(res.body.type).toBe('order');
      return res.body.order;
    };

    it('a configured payment provider: a region offers it, a session is created with it, and it works with the options it was given', async () => {
      const region = (
        await t.api
          .post(`/admin/regions/${f.regionId}?fields=id,*payment_providers`)
          .set(...admin())
          .send({ payment_providers: ['pp_acme_acme', 'pp_system_default'] })
          .expect(200)
      ).body.region;
      expect([...region.payment_providers].sort((a: Body, b: Body) => a.id.localeCompare(b.id))).toEqual([
        { id: 'pp_acme_acme', is_enabled: true },
        { id: 'pp_system_default', is_enabled: true },
      ]);
      const offered = await store('get', `/store/payment-providers?region_id=${f.regionId}`).expect(200);
      expect(offered.body.payment_providers.map((p: Body) => p.id).sort()).toEqual(['pp_acme_acme', 'pp_system_default']);

      const { cart, collection } = await cartReadyToPay('acme@example.com');
      const created = await session(collection.id, 'pp_acme_acme');
      expect(created).toMatchObject({ provider_id: 'pp_acme_acme', status: 'pending', data: { acme_ref: 'acme_1', statement: 'STHENO SHOP' } });
      const options = { apiKey: 'acme-test-key', statement: 'STHENO SHOP' };
      expect(acme.calls).toEqual([{ method: 'initiatePayment', options, amount: expect.any(String), currency_code: 'eur' }]);
      expect(Number(acme.calls[0].amount)).toBe(collection.amount);

      const order = await complete(cart.id);
      expect(acme.calls.map((c) => [c.method, c.options])).toEqual([
        ['initiatePayment', options],
        ['authorizePayment', options],
      ]);
      const [payment] = await sql(
        `select p.provider_id, p.data from payment p join order_payment_collection l on l.payment_collection_id = p.payment_collection_id where l.order_id = ?`,
        [order.id],
      );
      expect(payment).toMatchObject({ provider_id: 'pp_acme_acme', data: { acme_ref: 'acme_1', authorized_by: 'pp_acme_acme' } });
    });

    describe('replaced built-ins, and a notification provider from the file', () => {
      let order: Body;

      beforeAll(async () => {
        const { cart, collection } = await cartReadyToPay('bank@example.com');
        const created = await session(collection.id, 'pp_system_default');
        expect(created).toMatchObject({ provider_id: 'pp_system_default', data: { pay_to: 'DK50 0040 0440 1162 43' } });
        order = await complete(cart.id);
      });

      it('pp_system_default is the replacement: it took the session and authorized the payment', async () => {
        expect(bank.authorized).toEqual([{ amount: expect.any(String), data: { pay_to: 'DK50 0040 0440 1162 43' } }]);
        expect(Number(bank.authorized[0].amount)).toBe(order.total);
        const providers = await t.api.get('/admin/payments/payment-providers?limit=50').set(...admin()).expect(200);
        expect(providers.body.payment_providers.filter((p: Body) => p.id === 'pp_system_default')).toEqual([{ id: 'pp_system_default', is_enabled: true }]);
      });

      it("manual_manual is the replacement: the order's fulfillment goes to its depot and carries its label", async () => {
        const items = order.items.map((i: Body) => ({ id: i.id, quantity: i.quantity }));
        const res = await t.api.post(`/admin/orders/${order.id}/fulfillments`).set(...admin()).send({ items, location_id: f.locationId }).expect(200);
        expect(depot.created).toEqual([{ depot: 'Aarhus', items: [['Checkout Tee', 1]], location_id: f.locationId }]);
        const [fulfillment] = await sql(`select id, provider_id, data from fulfillment where id = ?`, [res.body.order.fulfillments[0].id]);
        expect(fulfillment).toMatchObject({ provider_id: 'manual_manual', data: { depot: 'Aarhus' } });
        expect(await sql(`select tracking_number from fulfillment_label where fulfillment_id = ?`, [fulfillment.id])).toEqual([{ tracking_number: 'DEPOT-1' }]);
        const listed = await t.api.get('/admin/fulfillment-providers').set(...admin()).expect(200);
        expect(listed.body.fulfillment_providers.filter((p: Body) => p.id === 'manual_manual')).toEqual([{ id: 'manual_manual', is_enabled: true }]);
      });

      it("serves the email channel with the configured 'mail' provider: the order confirmation reaches it, sent from its options' address", async () => {
        await waitFor(async () => {
          const rows = await sql(`select status from notification where resource_id = ? and template = 'order-placed'`, [order.id]);
          return rows.length === 1 && rows[0].status !== 'pending';
        }, 15000, 'the order confirmation');
        const [row] = await sql(`select id, provider_id, status, external_id, channel from notification where resource_id = ? and template = 'order-placed'`, [order.id]);
        expect(row).toMatchObject({ provider_id: 'mail', status: 'success', channel: 'email' });
        expect(mailer.sent.filter((s) => s.id === row.id)).toEqual([
          { id: row.id, to: 'bank@example.com', channel: 'email', template: 'order-placed', from: 'shop@example.com' },
        ]);
        expect(row.external_id).toMatch(/^mail_\d+$/);
      });

      it("serves only the channels of its entry's options, not its class's", async () => {
        await expect(t.app.get(NotificationService).send(undefined, { to: '+4512345678', channel: 'sms', template: 'hello' })).rejects.toMatchObject({
          type: 'invalid_data',
          message: "No notification provider serves the channel 'sms'",
        });
      });
    });

    it("the default tax provider computes the cart's taxes; tp_system still serves a region that names it", async () => {
      const listed = await t.api.get('/admin/tax-providers').set(...admin()).expect(200);
      expect([...listed.body.tax_providers].sort((a: Body, b: Body) => a.id.localeCompare(b.id))).toEqual([
        { id: 'tp_flat_eu', is_enabled: true },
        { id: 'tp_system', is_enabled: true },
      ]);
      // seedCheckout created the dk and de regions naming no provider: they got the default
      const regions = await t.api.get('/admin/tax-regions?parent_id=null&fields=country_code,provider_id').set(...admin()).expect(200);
      expect(regions.body.tax_regions.filter((r: Body) => ['dk', 'de'].includes(r.country_code)).map((r: Body) => r.provider_id)).toEqual(['tp_flat_eu', 'tp_flat_eu']);

      const calls = flat.calls.length;
      const cart = (
        await store('post', '/store/carts').send({ region_id: f.regionId, shipping_address: DK_ADDRESS, items: [{ variant_id: f.variants.tee, quantity: 1 }] }).expect(200)
      ).body.cart;
      expect(cart.items[0].tax_lines).toEqual([expect.objectContaining({ code: 'FLAT', rate: 10, description: 'Flat tax', tax_rate_id: null, provider_id: 'tp_flat_eu' })]);
      expect(cart).toMatchObject({ item_subtotal: 40, item_tax_total: 4, total: 44 });
      // it was given the rates the rules chose for the line, and the address
      expect(flat.calls.slice(calls)).toContainEqual({ country: 'dk', items: [['DK_VAT']], shipping: [] });

      const [de] = await sql(`select id from tax_region where country_code = 'de' and province_code is null and deleted_at is null`);
      await t.api.post(`/admin/tax-regions/${de.id}`).set(...admin()).send({ provider_id: 'tp_system' }).expect(200);
      const bavarian = (
        await store('post', '/store/carts').send({ region_id: f.regionId, shipping_address: DE_BY_ADDRESS, items: [{ variant_id: f.variants.tee, quantity: 1 }] }).expect(200)
      ).body.cart;
      expect(bavarian.items[0].tax_lines).toEqual([expect.objectContaining({ code: 'DE_BY', rate: 7, provider_id: 'system' })]);
    });
  });

  describe('entries that cannot be used stop the boot, every problem named by its path', () => {
    const PROBLEMS = [
      `modules.payment.options.providers[0].resolve: cannot find './test/fixtures/providers/nope' (nothing at ${join(packageRoot(), 'test/fixtures/providers/nope')})`,
      "modules.payment.options.providers[1].resolve: './test/fixtures/providers/not-a-provider' exports no payment provider class: " +
        'expected a class marked @RegisterPaymentProvider() as the default export, a named export, or `{ services: [Class] }`',
      "modules.payment.options.providers[2].resolve: './test/fixtures/providers/depot-fulfillment' exports a fulfillment provider (DepotFulfillmentProvider), " +
        'not a payment provider: list it under modules.fulfillment',
      "modules.fulfillment.options.providers[1].id: duplicate id 'manual_north' (modules.fulfillment.options.providers[0] has it too)",
      'modules.fulfillment.options.providers[2].id: required: ids are <identifier>_<id>, without other underscores',
      'modules.notification.options.providers[0].is_default: notification providers have no default',
      'modules.notification.options.providers[0].options.channels: expected a non-empty list of channel names (email, feed, sms …)',
      'modules.tax.options.providers[1].is_default: only one tax provider can be the default (modules.tax.options.providers[0] is)',
    ];

    it('createTestApp rejects with a ConfigFileError listing them all', async () => {
      const failure = await createTestApp({ env: { STHENO_CONFIG: BROKEN_CONFIG }, resetDatabase: false }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ConfigFileError);
      expect((failure as ConfigFileError).problems).toEqual(PROBLEMS);
    });

    it('the server process exits 1 printing them, without a stack', async () => {
      const run = startTsProcess('src/main.ts', {
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: workerDatabaseUrl(),
        PORT: '0',
        STHENO_CONFIG: BROKEN_CONFIG,
      });
      const { code } = await run.exited;
      expect(code).toBe(1);
      expect(run.output().trim().split('\n')).toEqual(['Stheno failed to start: Invalid configuration file:', ...PROBLEMS.map((p) => `  - ${p}`)]);
    }, 90000);
  });
});
