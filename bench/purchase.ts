/**
 * One purchase of the checkout benchmark (`bench/checkout.ts`): the setup it runs against, the JSON
 * call every request goes through, and the 8 calls of a purchase in order.
 */

export type Json = Record<string, unknown>;

export interface Setup {
  /** The first server: setup goes through it. */
  url: string;
  /** Every server given (`--url a,b`): the load is spread over them. */
  urls: string[];
  key: string;
  adminToken: string;
  region: string;
  country: string;
  variantIds: string[];
  providerId: string;
}

export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    label: string,
  ) {
    super(`${label} answered ${status}: ${body.slice(0, 300)}`);
  }
}

/** One JSON request; throws HttpFailure on a non-2xx answer. */
export async function call(setup: Pick<Setup, 'url'> & Partial<Pick<Setup, 'key' | 'adminToken'>>, method: string, path: string, body?: unknown, admin = false): Promise<Json> {
  const headers: Record<string, string> = {};
  if (setup.key && !admin) headers['x-publishable-api-key'] = setup.key;
  if (admin && setup.adminToken) headers.authorization = `Bearer ${setup.adminToken}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${setup.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new HttpFailure(response.status, text, `${method} ${path}`);
  return (text ? JSON.parse(text) : {}) as Json;
}

/** One purchase in progress: what its calls send, and what earlier calls answered. */
export interface Purchase {
  setup: Setup;
  email: string;
  variantId: string;
  address: Record<string, string>;
  cartId?: string;
  options?: Array<{ id: string; name: string }>;
  collectionId?: string;
}

/** The 8 calls of a purchase, in order; each throws on a non-2xx answer or an answer it cannot use. */
export const STEPS: ReadonlyArray<{ name: string; request: string; run: (p: Purchase) => Promise<void> }> = [
  {
    name: 'create cart',
    request: 'POST /store/carts',
    run: async (p) => {
      p.cartId = ((await call(p.setup, 'POST', '/store/carts', { region_id: p.setup.region })).cart as { id: string }).id;
    },
  },
  {
    name: 'add item',
    request: 'POST /store/carts/:id/line-items',
    run: async (p) => void (await call(p.setup, 'POST', `/store/carts/${p.cartId}/line-items`, { variant_id: p.variantId, quantity: 1 })),
  },
  {
    name: 'email + addresses',
    request: 'POST /store/carts/:id',
    run: async (p) => void (await call(p.setup, 'POST', `/store/carts/${p.cartId}`, { email: p.email, shipping_address: p.address, billing_address: p.address })),
  },
  {
    name: 'shipping options',
    request: 'GET /store/shipping-options?cart_id=:id',
    run: async (p) => {
      p.options = ((await call(p.setup, 'GET', `/store/shipping-options?cart_id=${p.cartId}`)).shipping_options as Purchase['options']) ?? [];
    },
  },
  {
    name: 'shipping method',
    request: 'POST /store/carts/:id/shipping-methods',
    run: async (p) => {
      const option = p.options?.find((o) => /standard/i.test(o.name)) ?? p.options?.[0];
      if (!option) throw new Error(`no shipping option for a cart shipping to ${p.setup.country}`);
      await call(p.setup, 'POST', `/store/carts/${p.cartId}/shipping-methods`, { option_id: option.id });
    },
  },
  {
    name: 'payment collection',
    request: 'POST /store/payment-collections',
    run: async (p) => {
      p.collectionId = ((await call(p.setup, 'POST', '/store/payment-collections', { cart_id: p.cartId })).payment_collection as { id: string }).id;
    },
  },
  {
    name: 'payment session',
    request: 'POST /store/payment-collections/:id/payment-sessions',
    run: async (p) => void (await call(p.setup, 'POST', `/store/payment-collections/${p.collectionId}/payment-sessions`, { provider_id: p.setup.providerId })),
  },
  {
    name: 'complete',
    request: 'POST /store/carts/:id/complete',
    run: async (p) => {
      const completed = await call(p.setup, 'POST', `/store/carts/${p.cartId}/complete`);
      if (completed.type !== 'order') throw new Error(`answered 200 without an order: ${JSON.stringify(completed.error ?? completed).slice(0, 300)}`);
    },
  },
];

/** Places the demo seed ships to, by country. */
const ADDRESSES: Record<string, { city: string; postal_code: string; address_1: string; province?: string }> = {
  dk: { city: 'Copenhagen', postal_code: '2200', address_1: 'Nørrebrogade 10' },
  fr: { city: 'Paris', postal_code: '75001', address_1: '1 Rue de Rivoli' },
  de: { city: 'Berlin', postal_code: '10115', address_1: 'Invalidenstraße 1' },
  us: { city: 'New York', postal_code: '10001', address_1: '350 5th Ave', province: 'us-ny' },
};

/** A purchase's address in the setup's country (a place the demo seed ships to when known). */
export function addressFor(setup: Setup, lastName: string): Record<string, string> {
  const place = ADDRESSES[setup.country] ?? { city: 'Capital', postal_code: '1000', address_1: '1 Main Street' };
  return { first_name: 'Bench', last_name: lastName, country_code: setup.country, phone: '+4512345678', ...place };
}
