import { Context } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import { createFlow, createStep } from '../../framework/flows/flow';
import type { CartView } from '../../modules/cart/cart.types';
import type { VariantForCart } from '../../modules/product/product.types';
import type { RegionView } from '../../modules/region/region.types';
import type { CartFlowServices, CreateCartRequest, LineRequest, StorefrontCaller, UpdateCartRequest, UpdateLineRequest } from './cart-flow.types';
import { assertCountryInRegion, assertOpen, assertStock, priceLines, sellableVariants, snapshotLine } from './cart-lines';
import type { CartState } from '../../reads/cart-state/cart-state';
import { cartStateOf, refreshCart } from './refresh-cart';
import { assertCodesValid } from './promotion-codes';

/**
 * A cart is readable and changeable by whoever holds its id (Medusa: the id is the capability),
 * except that a cart of a customer is hidden from a different signed-in customer: 404, as for an
 * unknown id, so nothing tells that the cart exists.
 */
export function assertCallerMayUse(cart: Pick<CartView, 'id' | 'customer_id'>, caller: StorefrontCaller): void {
  if (cart.customer_id && caller.customer_id && cart.customer_id !== caller.customer_id) {
    throw SthenoError.notFound(`Cart id not found: ${cart.id}`);
  }
}

/** The cart, locked for the rest of the transaction, checked for the caller and for being open. */
export async function openCart(services: CartFlowServices, ctx: Context, cartId: string, caller: StorefrontCaller): Promise<CartView> {
  return (await openCartState(services, ctx, cartId, caller)).cart;
}

/** `openCart`, with the cart's links as read under the lock (what `refreshCart` takes instead of reading them). */
export async function openCartState(services: CartFlowServices, ctx: Context, cartId: string, caller: StorefrontCaller): Promise<CartState> {
  await services.carts.lock(ctx, cartId);
  const state = await cartStateOf(ctx, cartId);
  assertCallerMayUse(state.cart, caller);
  assertOpen(state.cart);
  return state;
}

/** Region by id, 400 when unknown (a body reference, not the route's resource). */
async function regionOf(services: CartFlowServices, ctx: Context, regionId: string): Promise<RegionView> {
  try {
    return await services.regions.retrieve(ctx, regionId);
  } catch (error) {
    if (SthenoError.isSthenoError(error) && error.type === 'not_found') throw SthenoError.invalidData(`Region with id: ${regionId} was not found`);
    throw error;
  }
}

const countriesOf = (region: RegionView) => region.countries.map((c) => c.iso_2);

/** The key must cover the channel; Medusa's message. */
function assertChannelOfKey(salesChannelId: string, caller: StorefrontCaller): void {
  if (!caller.sales_channel_ids.includes(salesChannelId)) {
    throw SthenoError.invalidData(`Sales channel ID in payload ${salesChannelId} is not associated with the Publishable API Key in the header.`);
  }
}

/** Metadata as a canonical string: absent and empty are the same, key order does not matter. */
function metadataKey(metadata: Record<string, unknown> | null | undefined): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
    }
    return value;
  };
  return metadata && Object.keys(metadata).length ? JSON.stringify(canonical(metadata)) : '';
}

/**
 * Adds lines, merging a request into the cart's line of the same variant only when their metadata
 * match (both empty, or deep-equal), as Medusa: a line with other metadata (an engraving, a gift
 * note) stays its own line and keeps its metadata. Lines are priced for the merged quantity and
 * checked against stock with the whole cart's demand.
 */
async function addLines(
  services: CartFlowServices,
  ctx: Context,
  cart: CartView,
  requests: LineRequest[],
  options: { recordUpdated?: boolean } = {},
): Promise<{ variants: Map<string, VariantForCart>; changed: CartView | null }> {
  if (!requests.length) return { variants: new Map(), changed: cart };
  const facts = await sellableVariants(ctx, cart, requests.map((r) => r.variant_id), cart.items.map((i) => i.variant_id));
  const variants = facts.variants;
  // merge requests of the same variant and metadata with each other and with the cart's matching line
  const merged = new Map<string, { variantId: string; existingId: string | null; quantity: number; metadata?: Record<string, unknown> | null }>();
  for (const request of requests) {
    const key = `${request.variant_id}\u0000${metadataKey(request.metadata)}`;
    const current = merged.get(key);
    if (current) {
      current.quantity += request.quantity;
      continue;
    }
    const existing = cart.items.find(
      (i) => i.variant_id === request.variant_id && !i.is_custom_price && metadataKey(i.metadata) === metadataKey(request.metadata),
    );
    merged.set(key, {
      variantId: request.variant_id,
      existingId: existing?.id ?? null,
      quantity: (existing?.quantity ?? 0) + request.quantity,
      metadata: request.metadata,
    });
  }
  const entries = [...merged.values()];
  const prices = await priceLines(services, ctx, cart, entries.map((m) => ({ variant_id: m.variantId, quantity: m.quantity })), facts.priceSets);
  const after = [
    ...cart.items.filter((i) => !entries.some((m) => m.existingId === i.id)).map((i) => ({ variant_id: i.variant_id, quantity: i.quantity })),
    ...entries.map((m) => ({ variant_id: m.variantId, quantity: m.quantity })),
  ];
  assertStock(facts, after, [...new Set(entries.map((m) => m.variantId))]);

  const updates = entries
    .map((m, index) => ({ m, price: prices[index] }))
    .filter(({ m }) => m.existingId)
    .map(({ m, price }) => ({ id: m.existingId!, quantity: m.quantity, ...price }));
  const creates = entries
    .map((m, index) => ({ m, price: prices[index] }))
    .filter(({ m }) => !m.existingId)
    .map(({ m, price }) => snapshotLine(variants.get(m.variantId)!, m.quantity, price, m.metadata));
  // the writes answer the cart as changed (lines and totals), so it is not read again; the first write records the
  // request's cart.updated when asked (the update writes nothing when there are no updates)
  // every variant of the cart's lines, as read for the change: the response shows them without reading again
  const event = { recordUpdated: options.recordUpdated ?? false };
  const updated = await services.carts.updateLineItems(ctx, cart.id, updates, cart, updates.length ? event : {});
  if (!creates.length) return { variants, changed: updated };
  const added = await services.carts.addLineItemsTo(ctx, updated ?? cart, creates, updates.length ? {} : event);
  // a cart the update could not answer (a view the cart loader did not build) is read again by the caller
  return { variants, changed: updated ? added : null };
}

export function createCartFlow(services: CartFlowServices) {
  const resolve = createStep('resolve-cart-context', async (input: { request: CreateCartRequest; caller: StorefrontCaller }, ctx) => {
    const { request, caller } = input;
    // the store only answers what the request and the key leave open: the default region, or the
    // default channel of a key with several channels (a key with one channel names the cart's)
    const needsStore = !request.region_id || (!request.sales_channel_id && caller.sales_channel_ids.length !== 1);
    const store = needsStore ? await services.stores.current(ctx) : null;
    const regionId = request.region_id ?? store?.default_region_id;
    if (!regionId) throw SthenoError.invalidData('No regions found');
    const region = await regionOf(services, ctx, regionId);
    if (request.currency_code && request.currency_code.toLowerCase() !== region.currency_code) {
      throw SthenoError.invalidData(`Currency ${request.currency_code.toLowerCase()} is not the currency of region ${region.id} (${region.currency_code})`);
    }
    let salesChannelId = request.sales_channel_id ?? null;
    if (salesChannelId) assertChannelOfKey(salesChannelId, caller);
    else if (caller.sales_channel_ids.length === 1) salesChannelId = caller.sales_channel_ids[0];
    else if (store?.default_sales_channel_id && (!caller.sales_channel_ids.length || caller.sales_channel_ids.includes(store.default_sales_channel_id))) {
      salesChannelId = store.default_sales_channel_id;
    } else salesChannelId = caller.sales_channel_ids[0] ?? null;
    assertCountryInRegion(request.shipping_address?.country_code, countriesOf(region));
    assertCountryInRegion(request.billing_address?.country_code, countriesOf(region));
    return { region, salesChannelId };
  });
  const create = createStep('create-cart', async (input: { request: CreateCartRequest; caller: StorefrontCaller; region: RegionView; salesChannelId: string | null }, ctx) => {
    const { request } = input;
    // a signed-in shopper's cart is theirs, with their email; a guest's stays without a customer
    const customer = input.caller.customer_id ? await services.customers.retrieve(ctx, input.caller.customer_id) : null;
    const id = await services.carts.create(ctx, {
      region_id: input.region.id,
      currency_code: input.region.currency_code,
      sales_channel_id: input.salesChannelId,
      customer_id: customer?.id ?? null,
      email: customer?.email ?? request.email ?? null,
      locale: request.locale ?? null,
      metadata: request.metadata ?? null,
      shipping_address: request.shipping_address ?? null,
      billing_address: request.billing_address ?? null,
    });
    if (request.items?.length) await addLines(services, ctx, await services.carts.retrieveForUpdate(ctx, id), request.items);
    if (request.items?.length || request.shipping_address) await refreshCart(services, ctx, id);
    return id;
  });
  return createFlow('create-cart', async (run, input: { request: CreateCartRequest; caller: StorefrontCaller }) => {
    const { region, salesChannelId } = await run(resolve, input);
    return run(create, { ...input, region, salesChannelId });
  });
}

export function addLineItemsFlow(services: CartFlowServices) {
  const add = createStep('add-line-items', async (input: { cartId: string; items: LineRequest[]; caller: StorefrontCaller }, ctx) => {
    const state = await openCartState(services, ctx, input.cartId, input.caller);
    // cart.updated is recorded by the lines' write
    const { variants: catalog, changed } = await addLines(services, ctx, state.cart, input.items, { recordUpdated: true });
    const { cart: refreshed } = await refreshCart(services, ctx, changed ? { ...state, cart: changed } : state.cart.id);
    return { cart: refreshed, catalog };
  });
  return createFlow('add-to-cart', async (run, input: { cartId: string; items: LineRequest[]; caller: StorefrontCaller }) => run(add, input));
}

export function updateLineItemFlow(services: CartFlowServices) {
  type Input = { cartId: string; lineId: string; data: UpdateLineRequest; caller: StorefrontCaller };
  const update = createStep('update-line-item', async (input: Input, ctx) => {
    const state = await openCartState(services, ctx, input.cartId, input.caller);
    const cart = state.cart;
    const line = cart.items.find((i) => i.id === input.lineId);
    if (!line) throw SthenoError.notFound(`Line item with id: ${input.lineId} was not found`);
    let changed: CartView | null = null;
    if (input.data.quantity === 0) {
      await services.carts.removeLineItems(ctx, cart.id, [line.id]);
      await services.carts.recordUpdated(ctx, cart.id);
    } else {
      const change: { quantity: number; metadata?: Record<string, unknown> | null } = { quantity: input.data.quantity };
      if (input.data.metadata !== undefined) change.metadata = input.data.metadata;
      if (line.variant_id && !line.is_custom_price) {
        const facts = await sellableVariants(ctx, cart, [line.variant_id], cart.items.map((i) => i.variant_id));
        const [price] = await priceLines(services, ctx, cart, [{ variant_id: line.variant_id, quantity: input.data.quantity }], facts.priceSets);
        const after = cart.items.map((i) => ({ variant_id: i.variant_id, quantity: i.id === line.id ? input.data.quantity : i.quantity }));
        assertStock(facts, after, [line.variant_id]);
        Object.assign(change, price);
      }
      // records cart.updated in the same statement
      changed = await services.carts.updateLineItem(ctx, cart.id, line.id, change, cart, { recordUpdated: true });
    }
    const { cart: refreshed } = await refreshCart(services, ctx, changed ? { ...state, cart: changed } : cart.id);
    return refreshed;
  });
  return createFlow('update-line-item-in-cart', async (run, input: Input) => run(update, input));
}

export function deleteLineItemFlow(services: CartFlowServices) {
  type Input = { cartId: string; lineId: string; caller: StorefrontCaller };
  const remove = createStep('delete-line-item', async (input: Input, ctx) => {
    const cart = await openCart(services, ctx, input.cartId, input.caller);
    if (!cart.items.some((i) => i.id === input.lineId)) throw SthenoError.notFound(`Line item with id: ${input.lineId} was not found`);
    await services.carts.removeLineItems(ctx, cart.id, [input.lineId]);
    const { cart: refreshed } = await refreshCart(services, ctx, cart.id);
    await services.carts.recordUpdated(ctx, cart.id);
    return refreshed;
  });
  return createFlow('delete-line-items', async (run, input: Input) => run(remove, input));
}

/**
 * Updates the cart. A new region re-prices every line in its currency (a line without a price there
 * fails the whole update), clears the shipping methods (priced for the old region), and drops an
 * address whose country the new region does not sell to.
 */
export function updateCartFlow(services: CartFlowServices) {
  type Input = { cartId: string; data: UpdateCartRequest; caller: StorefrontCaller };
  const update = createStep('update-cart', async (input: Input, ctx) => {
    const { data, caller } = input;
    const { cart, region: current } = await openCartState(services, ctx, input.cartId, caller);
    const regionChanges = data.region_id !== undefined && data.region_id !== cart.region_id;
    // the cart's own region was read with it
    const region = !regionChanges && current ? current : await regionOf(services, ctx, data.region_id ?? cart.region_id!);
    const countries = countriesOf(region);
    if (data.sales_channel_id !== undefined) assertChannelOfKey(data.sales_channel_id, caller);
    if (data.shipping_address) assertCountryInRegion(data.shipping_address.country_code, countries);
    if (data.billing_address) assertCountryInRegion(data.billing_address.country_code, countries);
    if (data.promo_codes) await assertCodesValid(services, ctx, data.promo_codes);

    const change: Parameters<CartFlowServices['carts']['update']>[2] = {};
    for (const key of ['email', 'locale', 'metadata', 'shipping_address', 'billing_address', 'sales_channel_id'] as const) {
      if (data[key] !== undefined) (change as Record<string, unknown>)[key] = data[key];
    }
    if (regionChanges) {
      change.region_id = region.id;
      change.currency_code = region.currency_code;
      const outside = (address: CartView['shipping_address']) => !!address?.country_code && !countries.includes(address.country_code);
      if (data.shipping_address === undefined && outside(cart.shipping_address)) change.shipping_address = null;
      if (data.billing_address === undefined && outside(cart.billing_address)) change.billing_address = null;
      const priced = cart.items.filter((i) => i.variant_id && !i.is_custom_price);
      const prices = await priceLines(
        services,
        ctx,
        { currency_code: region.currency_code, region_id: region.id },
        priced.map((i) => ({ variant_id: i.variant_id!, quantity: i.quantity })),
      );
      await services.carts.updateLineItems(ctx, cart.id, priced.map((i, index) => ({ id: i.id, ...prices[index] })));
      await services.carts.removeShippingMethods(ctx, cart.id);
    }
    await services.carts.update(ctx, cart.id, change);
    return (await refreshCart(services, ctx, cart.id, data.promo_codes ? { codes: data.promo_codes } : {})).cart;
  });
  return createFlow('update-cart', async (run, input: Input) => run(update, input));
}
