import Decimal from 'decimal.js';
import { Context } from '../../framework/context/context';
import type { CartView, LineItemAdjustmentInput, ShippingMethodAdjustmentInput, ShippingMethodUpdate } from '../../modules/cart/cart.types';
import type { ShippingContextInput, ShippingOptionView } from '../../modules/fulfillment/fulfillment.types';
import type { PromotionCartContext, PromotionView } from '../../modules/promotion/promotion.types';
import type { VariantForCart } from '../../modules/product/product.types';
import type { RegionView } from '../../modules/region/region.types';
import { type CartState, readCartState, rememberLinks, rememberRegion } from '../../reads/cart-state/cart-state';
import { SthenoError } from '../../framework/errors/stheno-error';
import type { CartFlowServices } from './cart-flow.types';

/**
 * The refresh pipeline: what every cart-changing flow runs last, inside its transaction, on the
 * locked cart, so that a cart is always consistent with its lines, address and customer.
 *
 * 1. Line prices stay as added (the flows re-price on a region or quantity-tier change only).
 * 2. Shipping methods are re-validated against the cart as it now is (address, sales channel's
 *    stock locations, region, currency, `enabled_in_store`, not returns): a method whose option is
 *    no longer available is removed; the others are re-priced (flat options at their price for the
 *    cart's currency/region, calculated ones by their provider). A custom method (no option) stays.
 * 3. Promotions: the codes applied to the cart (link `cart_promotion`) plus every active automatic
 *    promotion go through `PromotionService.computeActions`; the adjustments of lines and shipping
 *    methods are replaced by what it computes. A code stays applied while it is valid (it may give
 *    nothing until the cart qualifies); it is dropped when its promotion is no longer active or
 *    deleted, or when its campaign budget would be exceeded (`campaignBudgetExceeded`).
 *    Tax basis: the engine computes a line's discount on the line's own basis (a line's `subtotal`
 *    handed to it is unit_price × quantity as priced, gross for a tax-inclusive line), so an
 *    adjustment of a tax-inclusive line is stored with `is_tax_inclusive: true` and is a gross
 *    amount; `commerce/totals` takes adjustments on the line's basis, which splits it into
 *    discount_subtotal and discount_tax_total. A 10 % promotion thus takes exactly 10 % off the
 *    line whatever its basis. Shipping methods likewise (their amount on their own basis).
 * 4. Taxes: with `automatic_taxes` on the region (or when forced by `POST /store/carts/:id/taxes`)
 *    and a shipping address with a country, `TaxService.taxLinesFor` gives every line and method
 *    its tax lines; otherwise tax lines are cleared (they would be stale: without automatic taxes
 *    the storefront asks for them with `POST /store/carts/:id/taxes` before checkout).
 * 5. The cart's payment collection (link `cart_payment_collection`), if any, is set to the cart's
 *    total rounded to the minor unit and the cart's currency; sessions for another amount or
 *    currency are dropped (PaymentService).
 */
export interface RefreshOptions {
  /** Compute tax lines even when the region's automatic_taxes is off (`POST /store/carts/:id/taxes`). */
  forceTaxes?: boolean;
  /**
   * The options available to the cart, listed by the caller in this transaction for the cart's
   * current address, channel, region and currency (adding a shipping method lists them to validate
   * the option): step 2 uses them instead of listing again, unless a rule of one of them reads the
   * cart's `total`, which the change may have moved since they were listed.
   */
  availableOptions?: ShippingOptionView[];
}

/** The shipping context of a cart: what decides which options it may use. */
export async function shippingContextOf(services: CartFlowServices, ctx: Context, cart: CartView): Promise<ShippingContextInput> {
  const address = cart.shipping_address;
  const locations = cart.sales_channel_id ? await services.channelLocations.locationsOf(ctx, [cart.sales_channel_id]) : [];
  return {
    address: address?.country_code
      ? { country_code: address.country_code, province_code: address.province, city: address.city, postal_code: address.postal_code }
      : null,
    location_ids: locations,
    is_return: false,
    enabled_in_store: true,
    currency_code: cart.currency_code,
    region_id: cart.region_id ?? '',
    cart_context: cartRuleContext(cart),
  };
}

/** What shipping option rules may test besides `enabled_in_store` / `is_return` (Medusa passes the cart). */
function cartRuleContext(cart: CartView): Record<string, unknown> {
  return {
    id: cart.id,
    customer_id: cart.customer_id,
    email: cart.email,
    region_id: cart.region_id,
    sales_channel_id: cart.sales_channel_id,
    currency_code: cart.currency_code,
    item_total: cart.item_total,
    total: cart.total,
    shipping_address: cart.shipping_address,
  };
}

const sameAmount = (a: string, b: number) => new Decimal(a).eq(new Decimal(String(b)));

/** Step 2: drops shipping methods that are no longer valid and re-prices the others. True when anything changed. */
async function refreshShipping(services: CartFlowServices, ctx: Context, cart: CartView, listed?: ShippingOptionView[]): Promise<boolean> {
  const methods = cart.shipping_methods.filter((m) => m.shipping_option_id);
  if (!methods.length) return false;
  // the context (the channel's locations are one more read) only when listing or asking a provider
  let context: ShippingContextInput | undefined;
  const contextOf = async () => (context ??= await shippingContextOf(services, ctx, cart));
  const reusable = listed && !listed.some((o) => o.rules.some((r) => r.attribute === 'total'));
  const available = new Map<string, ShippingOptionView>(
    (reusable ? listed : await services.fulfillment.listShippingOptionsForContext(ctx, await contextOf())).map((o) => [o.id, o]),
  );
  const removed: string[] = [];
  const updates: ShippingMethodUpdate[] = [];
  for (const method of methods) {
    const option = available.get(method.shipping_option_id!);
    if (!option) {
      removed.push(method.id);
      continue;
    }
    const price =
      option.price_type === 'flat' && option.calculated_price
        ? { amount: option.calculated_price.raw_calculated_amount.value, is_tax_inclusive: option.calculated_price.is_calculated_price_tax_inclusive }
        : await contextOf().then((known) =>
            services.fulfillment.calculateShippingPrice(ctx, option.id, {
              currency_code: known.currency_code,
              region_id: known.region_id,
              data: method.data ?? {},
              cart: known.cart_context,
            }),
          );
    if (!sameAmount(price.amount, method.amount) || price.is_tax_inclusive !== method.is_tax_inclusive) {
      updates.push({ id: method.id, amount: new Decimal(price.amount).toFixed(), is_tax_inclusive: price.is_tax_inclusive });
    }
  }
  if (removed.length) await services.carts.removeShippingMethods(ctx, cart.id, removed);
  await services.carts.updateShippingMethods(ctx, cart.id, updates);
  return removed.length > 0 || updates.length > 0;
}

/** The promotion engine's view of the cart: lines on their own tax basis, product attributes, customer groups. */
async function promotionContextOf(services: CartFlowServices, ctx: Context, cart: CartView): Promise<PromotionCartContext> {
  const variantIds = [...new Set(cart.items.map((i) => i.variant_id).filter((id): id is string => !!id))];
  const catalog: Map<string, VariantForCart> = variantIds.length ? await services.products.variantsForCart(ctx, variantIds) : new Map();
  const groups = cart.customer_id ? await services.customers.groupIdsOf(ctx, cart.customer_id) : [];
  return {
    currency_code: cart.currency_code,
    region_id: cart.region_id,
    customer: cart.customer_id ? { id: cart.customer_id, groups: groups.map((id) => ({ id })) } : null,
    items: cart.items.map((item) => {
      const product = item.variant_id ? catalog.get(item.variant_id)?.product : undefined;
      return {
        id: item.id,
        quantity: item.quantity,
        subtotal: new Decimal(String(item.unit_price)).times(item.quantity).toFixed(),
        is_discountable: item.is_discountable,
        product_id: item.product_id,
        variant_id: item.variant_id,
        product_collection_id: product?.collection_id ?? null,
        product_category_ids: product?.category_ids ?? [],
        product_type_id: item.product_type_id ?? product?.type_id ?? null,
        product_tag_ids: product?.tags.map((t) => t.id) ?? [],
      };
    }),
    shipping_methods: cart.shipping_methods.map((m) => ({ id: m.id, subtotal: new Decimal(String(m.amount)).toFixed(), shipping_option_id: m.shipping_option_id })),
  };
}

/**
 * The codes applied to the cart that are still valid (active promotions), in the order applied.
 * Links of promotions that are gone or no longer active are removed. `linked`: the cart's
 * promotion links when the caller read them already, under the cart's lock.
 */
export async function validCartPromotions(services: CartFlowServices, ctx: Context, cartId: string, linked?: string[]): Promise<PromotionView[]> {
  linked ??= await services.cartPromotions.promotionsOf(ctx, cartId);
  if (!linked.length) return [];
  const promotions = (await services.promotions.listByIds(ctx, linked)).filter((p) => p.status === 'active');
  if (promotions.length !== linked.length) await services.cartPromotions.replace(ctx, cartId, promotions.map((p) => p.id));
  return promotions;
}

/** What the promotion step reads when the caller has not: the cart's links and whether automatic promotions are active. */
type PromotionInputs = Pick<CartState, 'links' | 'automaticPromotionsActive'>;

/**
 * Step 3: recomputes the cart's adjustments from `codes` (validated already, or the cart's valid
 * codes when omitted) and the automatic promotions; links the codes that apply. Returns the
 * codes refused for an exhausted budget and the promotions linked afterwards. `known`: the
 * cart's links and the automatic flag, read under the cart's lock (read here otherwise).
 */
export async function refreshPromotions(
  services: CartFlowServices,
  ctx: Context,
  cart: CartView,
  codes?: string[],
  known?: PromotionInputs,
): Promise<PromotionRefresh> {
  const valid = codes ? null : await validCartPromotions(services, ctx, cart.id, known?.links.promotionIds);
  const wanted = codes ?? valid!.map((p) => p.code);
  const unchanged = valid?.map((p) => p.id) ?? null;
  const hadAdjustments = cart.items.some((i) => i.adjustments.length) || cart.shipping_methods.some((m) => m.adjustments.length);
  const nothingToCompute = async () => {
    if (!cart.items.length && !cart.shipping_methods.length) return true;
    // nothing applied, nothing to remove and no automatic promotion that could apply: the engine has nothing to do
    const automatic = known ? known.automaticPromotionsActive : await services.promotions.hasActiveAutomatic(ctx);
    return !wanted.length && !hadAdjustments && !automatic;
  };
  if (await nothingToCompute()) {
    if (codes) await linkCodes(services, ctx, cart.id, wanted, []);
    return { budgetExceeded: [], wrote: false, linked: codes ? null : unchanged };
  }
  const { actions } = await services.promotions.computeActions(ctx, wanted, await promotionContextOf(services, ctx, cart));
  const exceeded = actions.filter((a) => a.action === 'campaignBudgetExceeded').map((a) => a.code.toLowerCase());
  const itemBasis = new Map(cart.items.map((i) => [i.id, i.is_tax_inclusive]));
  const itemAdjustments: LineItemAdjustmentInput[] = [];
  const methodAdjustments: ShippingMethodAdjustmentInput[] = [];
  for (const action of actions) {
    if (action.action === 'addItemAdjustment') {
      itemAdjustments.push({
        item_id: action.item_id,
        amount: action.amount,
        code: action.code,
        promotion_id: action.promotion_id,
        description: action.description ?? null,
        is_tax_inclusive: itemBasis.get(action.item_id) ?? false,
      });
    } else if (action.action === 'addShippingMethodAdjustment') {
      methodAdjustments.push({ shipping_method_id: action.shipping_method_id, amount: action.amount, code: action.code, promotion_id: action.promotion_id });
    }
  }
  const wrote = hadAdjustments || itemAdjustments.length > 0 || methodAdjustments.length > 0;
  if (wrote) {
    await services.carts.setLineItemAdjustments(ctx, cart.id, itemAdjustments);
    await services.carts.setShippingMethodAdjustments(ctx, cart.id, methodAdjustments);
  }
  const relinked = codes !== undefined || exceeded.length > 0;
  if (relinked) await linkCodes(services, ctx, cart.id, wanted, exceeded);
  return { budgetExceeded: wanted.filter((c) => exceeded.includes(c.toLowerCase())), wrote, linked: relinked ? null : unchanged };
}

/** What the promotion step did: codes refused for their budget, whether adjustments were rewritten. */
export interface PromotionRefresh {
  budgetExceeded: string[];
  wrote: boolean;
  /** The cart's promotion links as they now are, in their stored order; null when relinked (read them again). */
  linked: string[] | null;
}

/** Makes the cart's linked promotions the (valid) `codes` minus those refused for their budget. */
async function linkCodes(services: CartFlowServices, ctx: Context, cartId: string, codes: string[], exceeded: string[]): Promise<void> {
  const keep = codes.filter((c) => !exceeded.includes(c.toLowerCase()));
  const promotions = keep.length ? await services.promotions.listByCodes(ctx, keep) : [];
  await services.cartPromotions.replace(ctx, cartId, promotions.map((p) => p.id));
}

/** Step 4: the tax lines of every line and method, or none. */
async function refreshTaxes(services: CartFlowServices, ctx: Context, cart: CartView, region: RegionView | null, force: boolean): Promise<boolean> {
  const country = cart.shipping_address?.country_code;
  const hasTaxLines = cart.items.some((i) => i.tax_lines.length) || cart.shipping_methods.some((m) => m.tax_lines.length);
  if (!country || !(force || region?.automatic_taxes)) {
    if (hasTaxLines) {
      await services.carts.setLineItemTaxLines(ctx, cart.id, []);
      await services.carts.setShippingMethodTaxLines(ctx, cart.id, []);
    }
    return hasTaxLines;
  }
  if (!cart.items.length && !cart.shipping_methods.length) return false;
  const result = await services.tax.taxLinesFor(ctx, {
    address: {
      country_code: country,
      province_code: cart.shipping_address?.province ?? null,
      city: cart.shipping_address?.city ?? null,
      postal_code: cart.shipping_address?.postal_code ?? null,
    },
    items: cart.items.map((i) => ({
      id: i.id,
      product_id: i.product_id,
      product_type_id: i.product_type_id,
      quantity: i.quantity,
      unit_price: new Decimal(String(i.unit_price)).toFixed(),
      is_tax_inclusive: i.is_tax_inclusive,
    })),
    shipping_methods: cart.shipping_methods.map((m) => ({
      id: m.id,
      shipping_option_id: m.shipping_option_id,
      amount: new Decimal(String(m.amount)).toFixed(),
      is_tax_inclusive: m.is_tax_inclusive,
    })),
  });
  const toInput = (line: { rate_id: string | null; code: string; name: string; rate: number; provider_id: string }) => ({
    code: line.code,
    rate: line.rate,
    description: line.name,
    tax_rate_id: line.rate_id,
    provider_id: line.provider_id,
  });
  const itemLines = [...result.items].flatMap(([itemId, lines]) => lines.map((l) => ({ item_id: itemId, ...toInput(l) })));
  const methodLines = [...result.shipping_methods].flatMap(([methodId, lines]) => lines.map((l) => ({ shipping_method_id: methodId, ...toInput(l) })));
  const current = {
    items: cart.items.flatMap((i) => i.tax_lines.map((t) => ({ ...t, item_id: i.id }))),
    methods: cart.shipping_methods.flatMap((m) => m.tax_lines.map((t) => ({ ...t, shipping_method_id: m.id }))),
  };
  // the usual refresh changes no rate: tax lines equal to the current ones are not rewritten
  const itemsChanged = !sameTaxLines(current.items, itemLines, 'item_id');
  const methodsChanged = !sameTaxLines(current.methods, methodLines, 'shipping_method_id');
  if (itemsChanged) await services.carts.setLineItemTaxLines(ctx, cart.id, itemLines);
  if (methodsChanged) await services.carts.setShippingMethodTaxLines(ctx, cart.id, methodLines);
  return itemsChanged || methodsChanged;
}

type ComparableTaxLine = { code: string; rate: number | string; description?: string | null; tax_rate_id?: string | null; provider_id?: string | null };

/** Whether two sets of tax lines (of lines or of methods, keyed by `owner`) are the same lines. */
function sameTaxLines<K extends string>(a: Array<ComparableTaxLine & Record<K, string>>, b: Array<ComparableTaxLine & Record<K, string>>, owner: K): boolean {
  if (a.length !== b.length) return false;
  const key = (l: ComparableTaxLine & Record<K, string>) =>
    JSON.stringify([l[owner], l.code, new Decimal(String(l.rate)).toFixed(), l.description ?? null, l.tax_rate_id ?? null, l.provider_id ?? null]);
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.every((k, i) => k === right[i]);
}

/**
 * Step 5: the payment collection pays the cart's total, in the cart's currency (a region change
 * moves the cart to another currency: a collection left in the old one could never be completed).
 */
async function refreshPaymentCollection(services: CartFlowServices, ctx: Context, cart: CartView, collectionId: string | null): Promise<void> {
  if (!collectionId) return;
  await services.payments.updateCollectionAmount(ctx, collectionId, new Decimal(String(cart.total)), cart.currency_code);
}

/** The cart's state, read in the caller's transaction; not_found when the cart is gone. */
export async function cartStateOf(ctx: Context, cartId: string): Promise<CartState> {
  const state = await readCartState(ctx, cartId);
  if (!state) throw SthenoError.notFound(`Cart id not found: ${cartId}`);
  return state;
}

/**
 * Runs the pipeline on the (locked) cart and answers the cart as it now is; its links as the
 * refresh leaves them, and its region, are remembered for the response (`rememberLinks`, `rememberRegion`). `cart`: its id, or its state as the flow
 * read it under the lock and, for a change of lines only, as `CartService.updateLineItems`
 * answered it (not read again). `codes` replaces the cart's promotion codes (already validated by
 * the caller's computeActions or to be validated here).
 */
export async function refreshCart(
  services: CartFlowServices,
  ctx: Context,
  cartOrId: string | CartState,
  options: RefreshOptions & { codes?: string[] } = {},
): Promise<{ cart: CartView; budgetExceeded: string[] }> {
  let state = typeof cartOrId === 'string' ? await cartStateOf(ctx, cartOrId) : cartOrId;
  const cartId = state.cart.id;
  if (await refreshShipping(services, ctx, state.cart, options.availableOptions)) state = await cartStateOf(ctx, cartId);
  let cart = state.cart;
  const promotions = await refreshPromotions(services, ctx, cart, options.codes, state);
  // the region only decides whether taxes are automatic, which matters only with a country to tax for
  const force = options.forceTaxes ?? false;
  const known = state.region && state.region.id === cart.region_id ? state.region : null;
  const region = cart.region_id && cart.shipping_address?.country_code && !force ? (known ?? (await services.regions.retrieve(ctx, cart.region_id).catch(() => null))) : null;
  const taxesWrote = await refreshTaxes(services, ctx, cart, region, force);
  // reread only what was rewritten: the cart as loaded above is current otherwise
  if (promotions.wrote || taxesWrote) cart = await services.carts.retrieve(ctx, cartId);
  await refreshPaymentCollection(services, ctx, cart, state.links.paymentCollectionId);
  rememberLinks(cart, {
    promotionIds: promotions.linked ?? (await services.cartPromotions.promotionsOf(ctx, cartId)),
    paymentCollectionId: state.links.paymentCollectionId,
  });
  if (known) rememberRegion(cart, known);
  return { cart, budgetExceeded: promotions.budgetExceeded };
}
