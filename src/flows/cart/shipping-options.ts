import Decimal from 'decimal.js';
import { rawAmount, toWireNumber } from '../../commerce/money';
import { Context } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import type { CartView } from '../../modules/cart/cart.types';
import type { ShippingOptionView } from '../../modules/fulfillment/fulfillment.types';
import type { CartFlowServices, StorefrontCaller } from './cart-flow.types';
import { assertCallerMayUse } from './cart.flows';
import { INVALID_SHIPPING_OPTIONS } from './checkout-cart.flows';
import { shippingContextOf } from './refresh-cart';

/** The cart named by a request body or query: 404 for an unknown one, or one of another customer. */
async function cartFor(services: CartFlowServices, ctx: Context, cartId: string, caller: StorefrontCaller): Promise<CartView> {
  const cart = await services.carts.retrieve(ctx, cartId);
  assertCallerMayUse(cart, caller);
  return cart;
}

/**
 * `GET /store/shipping-options?cart_id=`: the options the cart can use — in a service zone covering
 * its shipping address, of a fulfillment set of a stock location of its sales channel, enabled in
 * the store, not for returns (unless asked), with a price in its currency/region (flat options carry
 * `calculated_price`; calculated ones are priced through `/calculate`). None without an address.
 */
export async function shippingOptionsForCart(
  services: CartFlowServices,
  ctx: Context,
  cartId: string,
  caller: StorefrontCaller,
  isReturn = false,
): Promise<ShippingOptionView[]> {
  const cart = await cartFor(services, ctx, cartId, caller);
  const context = await shippingContextOf(services, ctx, cart);
  return services.fulfillment.listShippingOptionsForContext(ctx, { ...context, is_return: isReturn });
}

/**
 * `POST /store/shipping-options/:id/calculate`: the option (available for the cart, or 400) with
 * its price for the cart — a calculated option's from its provider, given `data`.
 */
export async function calculateShippingOptionForCart(
  services: CartFlowServices,
  ctx: Context,
  optionId: string,
  cartId: string,
  data: Record<string, unknown>,
  caller: StorefrontCaller,
): Promise<ShippingOptionView> {
  const cart = await cartFor(services, ctx, cartId, caller);
  const context = await shippingContextOf(services, ctx, cart);
  const [option] = await services.fulfillment.listShippingOptionsForContext(ctx, context).then((all) => all.filter((o) => o.id === optionId));
  if (!option) throw SthenoError.invalidData(INVALID_SHIPPING_OPTIONS);
  if (option.price_type === 'flat') return option;
  const price = await services.fulfillment.calculateShippingPrice(ctx, option.id, {
    currency_code: cart.currency_code,
    region_id: cart.region_id ?? '',
    data,
    cart: context.cart_context,
  });
  const amount = new Decimal(price.amount);
  return {
    ...option,
    calculated_price: {
      calculated_amount: toWireNumber(amount),
      raw_calculated_amount: rawAmount(amount),
      is_calculated_price_tax_inclusive: price.is_tax_inclusive,
      currency_code: cart.currency_code,
    } as unknown as ShippingOptionView['calculated_price'],
    amount: toWireNumber(amount),
    is_tax_inclusive: price.is_tax_inclusive,
  };
}
