import Medusa from '@medusajs/js-sdk';
import { CheckoutFixture, DK_ADDRESS, seedCheckout } from '../../fixtures/checkout.fixture';
import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { signUp } from '../customers/customer-helpers';

/** The official client's checkout calls, unchanged, against Stheno: what the Next.js starter runs between cart and completion. */
describe('@medusajs/js-sdk store checkout steps', () => {
  let t: IdentityApp;
  let f: CheckoutFixture;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createIdentityApp({ env: { OUTBOX_POLL_INTERVAL_MS: '3600000' } });
    f = await seedCheckout(t);
    await t.api
      .post('/admin/promotions')
      .set(...bearer(t.adminToken))
      .send({ code: 'SDK10', type: 'standard', status: 'active', application_method: { type: 'percentage', target_type: 'items', allocation: 'across', value: 10 } })
      .expect(200);
    baseUrl = await t.listen();
  });
  afterAll(() => t.close());

  it('lists options, ships, applies a code, pays with pp_system_default', async () => {
    const sdk = new Medusa({ baseUrl, publishableKey: t.publishableKey });
    const { cart } = await sdk.store.cart.create({ region_id: f.regionId, email: 'sdk@example.com', shipping_address: DK_ADDRESS });
    await sdk.store.cart.createLineItem(cart.id, { variant_id: f.variants.tee, quantity: 1 });

    const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id });
    expect(shipping_options.map((o: { name: string; amount?: number | null }) => [o.name, o.amount])).toEqual([
      ['Standard', 5],
      ['Express', 12.5],
    ]);
    const { shipping_option } = await sdk.store.fulfillment.calculate(f.options.express, { cart_id: cart.id });
    expect(shipping_option).toMatchObject({ id: f.options.express, amount: 12.5 });

    const shipped = await sdk.store.cart.addShippingMethod(cart.id, { option_id: f.options.standard });
    expect(shipped.cart.shipping_methods).toEqual([expect.objectContaining({ shipping_option_id: f.options.standard, amount: 5 })]);
    expect(shipped.cart.total).toBe(56.25);

    const promoted = await sdk.store.cart.update(cart.id, { promo_codes: ['SDK10'] });
    expect(promoted.cart.promotions).toEqual([expect.objectContaining({ code: 'SDK10' })]);
    expect(promoted.cart.total).toBe(51.25); // (40 − 4) × 1.25 + 6.25

    const { payment_providers } = await sdk.store.payment.listPaymentProviders({ region_id: f.regionId });
    expect(payment_providers.map((p: { id: string }) => p.id)).toEqual(['pp_system_default']);

    const { payment_collection } = await sdk.store.payment.initiatePaymentSession(promoted.cart, { provider_id: 'pp_system_default' });
    expect(payment_collection).toMatchObject({ amount: 51.25, currency_code: 'eur' });
    expect(payment_collection.payment_sessions).toEqual([expect.objectContaining({ provider_id: 'pp_system_default', amount: 51.25, status: 'pending' })]);

    // the starter re-reads the cart and, holding a collection, starts the session on it directly
    const { cart: read } = await sdk.store.cart.retrieve(cart.id);
    expect(read.payment_collection).toMatchObject({ id: payment_collection.id });
    const again = await sdk.store.payment.initiatePaymentSession(read, { provider_id: 'pp_system_default' });
    expect(again.payment_collection.id).toBe(payment_collection.id);
  });

  it('transfers a guest cart to the customer who signs in', async () => {
    const { customer } = await signUp(t, 'sdk.transfer@example.com');
    const sdk = new Medusa({ baseUrl, publishableKey: t.publishableKey, auth: { type: 'jwt', jwtTokenStorageMethod: 'memory' } });
    const { cart } = await sdk.store.cart.create({ region_id: f.regionId });
    expect(cart.customer_id).toBeNull();
    await sdk.auth.login('customer', 'emailpass', { email: 'sdk.transfer@example.com', password: 'pw-shopper-1' });
    const { cart: transferred } = await sdk.store.cart.transferCart(cart.id);
    expect(transferred).toMatchObject({ id: cart.id, customer_id: customer.id, email: 'sdk.transfer@example.com' });
  });
});
