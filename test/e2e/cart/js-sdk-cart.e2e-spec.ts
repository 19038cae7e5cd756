import Medusa from '@medusajs/js-sdk';
import { CatalogFixture, seedCatalog } from '../../fixtures/catalog.fixture';
import { createIdentityApp, IdentityApp } from '../../utils/identity';

/** The official client's cart calls, unchanged, against Stheno: what the Next.js starter runs. */
describe('@medusajs/js-sdk store cart', () => {
  let t: IdentityApp;
  let c: CatalogFixture;
  let sdk: Medusa;

  beforeAll(async () => {
    t = await createIdentityApp({ env: { OUTBOX_POLL_INTERVAL_MS: '3600000' } });
    c = await seedCatalog(t.app, t.salesChannelId);
    sdk = new Medusa({ baseUrl: await t.listen(), publishableKey: t.publishableKey });
  });
  afterAll(() => t.close());

  it('creates, fills, updates, empties and re-reads a cart', async () => {
    const { cart } = await sdk.store.cart.create({ region_id: c.regionId });
    expect(cart).toMatchObject({ region_id: c.regionId, currency_code: 'eur', items: [], total: 0 });

    const added = await sdk.store.cart.createLineItem(cart.id, { variant_id: c.ids.mugVariant, quantity: 2 });
    expect(added.cart.items).toEqual([expect.objectContaining({ variant_id: c.ids.mugVariant, quantity: 2, unit_price: 8.5 })]);
    expect(added.cart.total).toBe(17);
    const lineId = added.cart.items![0].id;

    const updated = await sdk.store.cart.updateLineItem(cart.id, lineId, { quantity: 3 });
    expect(updated.cart.items![0].quantity).toBe(3);

    const withEmail = await sdk.store.cart.update(cart.id, { email: 'buyer@example.com', shipping_address: { country_code: 'fr', city: 'Paris' } });
    expect(withEmail.cart).toMatchObject({ email: 'buyer@example.com', shipping_address: { country_code: 'fr', city: 'Paris' } });

    const fields = '*items, *region, *items.product, *items.variant, *items.thumbnail, *items.metadata, +items.total, *promotions, +shipping_methods.name';
    const { cart: read } = await sdk.store.cart.retrieve(cart.id, { fields });
    expect(read.items![0]).toMatchObject({ total: 25.5, variant: expect.objectContaining({ id: c.ids.mugVariant }) });

    const deleted = await sdk.store.cart.deleteLineItem(cart.id, lineId);
    expect(deleted).toMatchObject({ id: lineId, object: 'line-item', deleted: true, parent: expect.objectContaining({ id: cart.id, items: [] }) });
  });

  it('surfaces Medusa\'s errors as FetchErrors', async () => {
    const { cart } = await sdk.store.cart.create({});
    const error = await sdk.store.cart.createLineItem(cart.id, { variant_id: c.ids.shirtS, quantity: 50 }).catch((e: unknown) => e as { status?: number; message?: string });
    expect(error).toMatchObject({ status: 400, message: 'Some variant does not have the required inventory' });
  });
});
