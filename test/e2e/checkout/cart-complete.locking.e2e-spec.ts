import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LockingService } from '../../../src/framework/locking/locking.service';
import { REDIS_CLIENT } from '../../../src/framework/redis/redis.module';
import { CheckoutFixture, DK_ADDRESS, seedCheckout } from '../../fixtures/checkout.fixture';
import { createTestApp } from '../../utils/create-test-app';
import { createIdentityApp, IdentityApp } from '../../utils/identity';

type Body = any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Choice = 'memory' | 'postgres' | 'redis';

/**
 * Cart completion under the lock `cart:<id>` of the configured locking implementation
 * (`modules.locking`): concurrent completions of one cart queue on it and all answer the same single
 * order; a completion waits while another holder has the cart's lock; and the lock is freed.
 */
const choices: Choice[] = process.env.REDIS_URL ? ['memory', 'postgres', 'redis'] : ['memory', 'postgres'];

describe.each(choices)("cart completion with modules.locking: '%s'", (choice) => {
  let t: IdentityApp;
  let f: CheckoutFixture;
  const sql = (statement: string, params: unknown[] = []): Promise<Body[]> =>
    (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute(statement, params);
  const store = (path: string) => t.api.post(path).set('x-publishable-api-key', t.publishableKey);

  beforeAll(async () => {
    t = await createIdentityApp({ configFile: { modules: { locking: choice } }, env: { OUTBOX_POLL_INTERVAL_MS: '3600000' } });
    f = await seedCheckout(t);
  });
  afterAll(() => t.close());

  /** A guest cart with one tee, Standard shipping and a system payment session, through the store API. */
  async function readyCart(): Promise<string> {
    const cart = (await store('/store/carts').send({ region_id: f.regionId, email: 'lock@example.com', shipping_address: DK_ADDRESS, billing_address: DK_ADDRESS }).expect(200)).body.cart;
    await store(`/store/carts/${cart.id}/line-items`).send({ variant_id: f.variants.tee, quantity: 1 }).expect(200);
    await store(`/store/carts/${cart.id}/shipping-methods`).send({ option_id: f.options.standard }).expect(200);
    const collection = (await store('/store/payment-collections').send({ cart_id: cart.id }).expect(200)).body.payment_collection;
    await store(`/store/payment-collections/${collection.id}/payment-sessions`).send({ provider_id: 'pp_system_default' }).expect(200);
    return cart.id;
  }

  it('runs the configured implementation', () => {
    expect(t.app.get(LockingService).implementation).toBe(choice);
  });

  it('8 concurrent completions of one cart → one order, reserved once, every response 200 with its id; the lock is freed', async () => {
    const cartId = await readyCart();
    const reserved = async () => (await sql('select sum(reserved_quantity)::int as n from inventory_level where inventory_item_id = ?', [f.inventoryItems.tee]))[0].n;
    const before = await reserved();
    const responses = await Promise.all(Array.from({ length: 8 }, () => store(`/store/carts/${cartId}/complete`)));
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
    const ids = new Set(responses.map((r) => r.body.order?.id));
    expect(ids.size).toBe(1);
    expect(await sql('select count(*)::int as n from order_cart where cart_id = ?', [cartId])).toEqual([{ n: 1 }]);
    expect(await reserved()).toBe(before + 1);
    const [order] = [...ids];
    expect(await sql(`select count(*)::int as n from event_outbox where name = 'order.placed' and data->>'id' = ?`, [order])).toEqual([{ n: 1 }]);
    // nothing is left held: another owner takes the cart's lock at once
    const owner = await t.app.get(LockingService).acquire(`cart:${cartId}`, { timeoutMs: 50 });
    await t.app.get(LockingService).release(`cart:${cartId}`, owner);
    if (choice === 'postgres') expect(await sql('select count(*)::int as n from locking_lock')).toEqual([{ n: 0 }]);
  });

  it('a completion waits while the cart is locked by someone else, and completes once it is freed', async () => {
    const cartId = await readyCart();
    const locking = t.app.get(LockingService);
    const owner = await locking.acquire(`cart:${cartId}`, { expireMs: 30_000 });
    let settled = false;
    const completing = store(`/store/carts/${cartId}/complete`).then((r) => ((settled = true), r));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(settled).toBe(false);
    expect(await sql('select completed_at from cart where id = ?', [cartId])).toEqual([{ completed_at: null }]);
    await locking.release(`cart:${cartId}`, owner);
    const res = await completing;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'order', order: { id: expect.stringMatching(/^order_/) } });
    if (choice === 'redis') {
      const redis = t.app.get(REDIS_CLIENT);
      expect(await redis.keys(`*:lock:cart:${cartId}`)).toEqual([]);
    }
  });
});

describe("modules.locking: 'redis' without Redis", () => {
  it('stops the boot naming the path', async () => {
    await expect(createTestApp({ env: { REDIS_URL: undefined }, configFile: { modules: { locking: 'redis' } } })).rejects.toThrow(
      /modules\.locking: 'redis' needs projectConfig\.redisUrl \(REDIS_URL\)/,
    );
    await expect(
      createTestApp({
        env: { REDIS_URL: undefined },
        configFile: { modules: { locking: { resolve: '@medusajs/medusa/locking', options: { providers: [{ resolve: '@medusajs/medusa/locking-redis', id: 'locking-redis', is_default: true }] } } } },
      }),
    ).rejects.toThrow(/modules\.locking\.options\.providers\[0\]\.resolve: 'redis' needs projectConfig\.redisUrl/);
  });
});
