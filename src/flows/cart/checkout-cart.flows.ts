import Decimal from 'decimal.js';
import { Context } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import { createFlow, createStep } from '../../framework/flows/flow';
import type { CartView } from '../../modules/cart/cart.types';
import type { ShippingOptionView } from '../../modules/fulfillment/fulfillment.types';
import type { AddShippingMethodRequest, CartFlowServices, CreatePaymentSessionRequest, StorefrontCaller } from './cart-flow.types';
import { assertCallerMayUse, openCart, openCartState } from './cart.flows';
import { assertCodesValid, uniqueCodes } from './promotion-codes';
import { refreshCart, shippingContextOf, validCartPromotions } from './refresh-cart';

/** Medusa's refusal of an option the cart cannot use (also FulfillmentService's message). */
export const INVALID_SHIPPING_OPTIONS = 'Shipping Options are invalid for cart.';

/** `POST /store/carts/:id/promotions`: adds codes to the cart's (each must be an active promotion). */
export function addPromotionsFlow(services: CartFlowServices) {
  type Input = { cartId: string; codes: string[]; caller: StorefrontCaller };
  const add = createStep('add-cart-promotions', async (input: Input, ctx) => {
    const { cart, links } = await openCartState(services, ctx, input.cartId, input.caller);
    const codes = uniqueCodes(input.codes);
    await assertCodesValid(services, ctx, codes);
    const current = (await validCartPromotions(services, ctx, cart.id, links.promotionIds)).map((p) => p.code);
    const { cart: refreshed } = await refreshCart(services, ctx, cart.id, { codes: uniqueCodes([...current, ...codes]) });
    await services.carts.recordUpdated(ctx, cart.id);
    return refreshed;
  });
  return createFlow('update-cart-promotions', async (run, input: Input) => run(add, input));
}

/** `DELETE /store/carts/:id/promotions`: removes codes from the cart's (unknown codes are ignored, as Medusa). */
export function removePromotionsFlow(services: CartFlowServices) {
  type Input = { cartId: string; codes: string[]; caller: StorefrontCaller };
  const remove = createStep('remove-cart-promotions', async (input: Input, ctx) => {
    const { cart, links } = await openCartState(services, ctx, input.cartId, input.caller);
    const removed = new Set(input.codes.map((c) => c.trim().toLowerCase()));
    const current = (await validCartPromotions(services, ctx, cart.id, links.promotionIds)).map((p) => p.code);
    const { cart: refreshed } = await refreshCart(services, ctx, cart.id, { codes: current.filter((c) => !removed.has(c.toLowerCase())) });
    await services.carts.recordUpdated(ctx, cart.id);
    return refreshed;
  });
  return createFlow('remove-cart-promotions', async (run, input: Input) => run(remove, input));
}

/** The price of an option for the cart: a flat option's listed price, a calculated one's provider price. */
async function priceFor(
  services: CartFlowServices,
  ctx: Context,
  option: ShippingOptionView,
  cart: CartView,
  data: Record<string, unknown>,
): Promise<{ amount: string; is_tax_inclusive: boolean }> {
  if (option.price_type === 'flat' && option.calculated_price) {
    return { amount: option.calculated_price.raw_calculated_amount.value, is_tax_inclusive: option.calculated_price.is_calculated_price_tax_inclusive };
  }
  return services.fulfillment.calculateShippingPrice(ctx, option.id, {
    currency_code: cart.currency_code,
    region_id: cart.region_id ?? '',
    data,
    cart: { id: cart.id, customer_id: cart.customer_id, email: cart.email, shipping_address: cart.shipping_address, item_total: cart.item_total },
  });
}

/**
 * `POST /store/carts/:id/shipping-methods`: the option must be available for the cart as it is
 * (address, channel's locations, region, currency, enabled in store); it replaces the cart's method
 * of the same shipping profile (and any method whose option is no longer available).
 */
export function addShippingMethodFlow(services: CartFlowServices) {
  type Input = { cartId: string; request: AddShippingMethodRequest; caller: StorefrontCaller };
  const add = createStep('add-shipping-method', async (input: Input, ctx) => {
    const cart = await openCart(services, ctx, input.cartId, input.caller);
    const listed = await services.fulfillment.listShippingOptionsForContext(ctx, await shippingContextOf(services, ctx, cart));
    const available = new Map(listed.map((o) => [o.id, o]));
    const option = available.get(input.request.option_id);
    if (!option) throw SthenoError.invalidData(INVALID_SHIPPING_OPTIONS);
    const data = input.request.data ?? {};
    const price = await priceFor(services, ctx, option, cart, data);
    const replaced = cart.shipping_methods.filter((m) => {
      if (!m.shipping_option_id) return false;
      const current = available.get(m.shipping_option_id);
      return !current || current.shipping_profile_id === option.shipping_profile_id;
    });
    await services.carts.removeShippingMethods(ctx, cart.id, replaced.map((m) => m.id));
    // the insert records cart.updated too
    await services.carts.addShippingMethods(
      ctx,
      cart.id,
      [{ name: option.name, amount: new Decimal(price.amount).toFixed(), is_tax_inclusive: price.is_tax_inclusive, shipping_option_id: option.id, data }],
      { recordUpdated: true },
    );
    // the options were just listed for this cart's address, channel, region and currency
    const { cart: refreshed } = await refreshCart(services, ctx, cart.id, { availableOptions: listed });
    return refreshed;
  });
  return createFlow('add-shipping-method-to-cart', async (run, input: Input) => run(add, input));
}

/** `POST /store/carts/:id/taxes`: tax lines for the cart now, whatever the region's automatic_taxes. */
export function calculateTaxesFlow(services: CartFlowServices) {
  type Input = { cartId: string; caller: StorefrontCaller };
  const taxes = createStep('update-tax-lines', async (input: Input, ctx) => {
    const cart = await openCart(services, ctx, input.cartId, input.caller);
    return (await refreshCart(services, ctx, cart.id, { forceTaxes: true })).cart;
  });
  return createFlow('update-tax-lines', async (run, input: Input) => run(taxes, input));
}

/**
 * `POST /store/carts/:id/customer`: a guest cart becomes the signed-in customer's (customer_id
 * and email); a cart of another customer is not found for this one. Promotions are recomputed
 * (customer-group rules). Records `cart.customer_transferred`.
 */
export function transferCartFlow(services: CartFlowServices) {
  type Input = { cartId: string; caller: StorefrontCaller };
  const transfer = createStep('transfer-cart-customer', async (input: Input, ctx) => {
    const customerId = input.caller.customer_id;
    if (!customerId) throw new SthenoError('unauthorized', 'Unauthorized');
    const cart = await openCart(services, ctx, input.cartId, input.caller);
    if (cart.customer_id === customerId) return cart;
    const customer = await services.customers.retrieve(ctx, customerId);
    await services.carts.update(ctx, cart.id, { customer_id: customer.id, email: customer.email, transferred: true });
    return (await refreshCart(services, ctx, cart.id)).cart;
  });
  return createFlow('transfer-cart-customer', async (run, input: Input) => run(transfer, input));
}

/**
 * `POST /store/payment-collections {cart_id}`: the cart's payment collection, created for the cart's
 * total and currency the first time; later calls answer the same one (the cart row lock and the
 * unique link make it one per cart under concurrency too).
 */
export function createPaymentCollectionFlow(services: CartFlowServices) {
  type Input = { cartId: string; caller: StorefrontCaller };
  const create = createStep('create-payment-collection-for-cart', async (input: Input, ctx) => {
    const cart = await services.carts.retrieveForUpdate(ctx, input.cartId).catch((error: unknown) => {
      if (SthenoError.isSthenoError(error) && error.type === 'not_found') throw SthenoError.notFound(`Cart with id: ${input.cartId} was not found`);
      throw error;
    });
    assertCallerMayUse(cart, input.caller);
    const existing = await services.cartCollections.collectionOf(ctx, cart.id);
    if (existing) return existing;
    if (cart.completed_at) throw SthenoError.invalidData(`Cart ${cart.id} is already completed.`);
    const collection = await services.payments.createCollection(ctx, { currency_code: cart.currency_code, amount: new Decimal(String(cart.total)) });
    if (!(await services.cartCollections.link(ctx, cart.id, collection.id))) {
      throw SthenoError.conflict(`Cart ${cart.id} already has a payment collection`);
    }
    return collection.id;
  });
  return createFlow('create-payment-collection-for-cart', async (run, input: Input) => run(create, input));
}

/**
 * `POST /store/payment-collections/:id/payment-sessions`: a session with a provider enabled in the
 * cart's region, for the collection's amount (kept equal to the cart's total by the refresh);
 * replaces the collection's other open sessions (PaymentService).
 */
export function createPaymentSessionFlow(services: CartFlowServices) {
  type Input = { collectionId: string; request: CreatePaymentSessionRequest; caller: StorefrontCaller };
  const create = createStep('create-payment-session', async (input: Input, ctx) => {
    const notFound = () => SthenoError.notFound(`Payment collection with id: ${input.collectionId} was not found`);
    const cartId = await services.cartCollections.cartOf(ctx, input.collectionId);
    if (!cartId) throw notFound();
    // the owner, region and completion are all this step needs of the cart, read as the lock leaves them
    const cart = await services.carts.lockHeader(ctx, cartId);
    if (cart.customer_id && input.caller.customer_id && cart.customer_id !== input.caller.customer_id) throw notFound();
    if (cart.completed_at) throw SthenoError.invalidData(`Cart ${cart.id} is already completed.`);
    const providers = cart.region_id ? await services.payments.providersForRegion(ctx, cart.region_id) : [];
    if (!providers.some((p) => p.id === input.request.provider_id && p.is_enabled)) {
      throw SthenoError.invalidData(`Payment provider ${input.request.provider_id} is not enabled in the cart's region`);
    }
    await services.payments.startSession(ctx, input.collectionId, {
      provider_id: input.request.provider_id,
      data: input.request.data ?? {},
    });
  });
  return createFlow('create-payment-session', async (run, input: Input) => {
    await run(create, input);
  });
}
