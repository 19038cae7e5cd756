import Decimal from 'decimal.js';
import { Context } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import type { CartView, LineItemInput } from '../../modules/cart/cart.types';
import type { VariantForCart } from '../../modules/product/product.types';
import { CartLineFacts, readCartLineFacts } from '../../reads/cart-lines/cart-line-facts';
import type { CartFlowServices } from './cart-flow.types';

export const INSUFFICIENT_INVENTORY = 'Some variant does not have the required inventory';

/** A line priced for the cart: unit price, tax basis and the compare-at price of a sale. */
export interface LinePrice {
  unit_price: string;
  is_tax_inclusive: boolean;
  compare_at_unit_price: string | null;
}

/**
 * The variants with what a line change needs to know of them (`CartLineFacts`: one statement),
 * checked for the cart: each of `variantIds` must exist, be of a published product, and be sold in
 * the cart's sales channel.
 */
export async function sellableVariants(
  ctx: Context,
  cart: Pick<CartView, 'sales_channel_id'>,
  variantIds: string[],
  /** Other variants to load in the same statement (the cart's other lines, for the stock check), unchecked. */
  alsoLoad: Array<string | null> = [],
): Promise<CartLineFacts> {
  const unique = [...new Set(variantIds)];
  const extra = alsoLoad.filter((id): id is string => !!id);
  const facts = await readCartLineFacts(ctx, [...new Set([...unique, ...extra])], cart.sales_channel_id);
  const { variants, channels } = facts;
  const missing = unique.filter((id) => variants.get(id)?.product.status !== 'published');
  if (missing.length) throw SthenoError.invalidData(`Variants with IDs ${missing.join(', ')} do not exist`);
  const outside = unique.filter((id) => !cart.sales_channel_id || !channels.get(variants.get(id)!.product.id)?.includes(cart.sales_channel_id));
  if (outside.length) {
    throw SthenoError.invalidData(`Variants with IDs ${outside.join(', ')} are not available in the cart's sales channel`);
  }
  return facts;
}

/**
 * Prices `(variant, quantity)` pairs in the cart's currency and region, quantity tiers included
 * (one pricing call per distinct quantity). Throws Medusa's invalid_data when a variant has no price.
 */
export async function priceLines(
  services: CartFlowServices,
  ctx: Context,
  cart: { currency_code: string; region_id: string | null },
  lines: Array<{ variant_id: string; quantity: number }>,
  /** Variant → price set, when read already (`CartLineFacts`). */
  knownPriceSets?: Map<string, string>,
): Promise<LinePrice[]> {
  const priceSets = knownPriceSets ?? (await services.variantPrices.priceSetsOf(ctx, [...new Set(lines.map((l) => l.variant_id))]));
  const results: Array<LinePrice | null> = lines.map(() => null);
  const byQuantity = new Map<number, number[]>();
  lines.forEach((line, index) => byQuantity.set(line.quantity, [...(byQuantity.get(line.quantity) ?? []), index]));
  for (const [quantity, indexes] of byQuantity) {
    const sets = indexes.map((i) => priceSets.get(lines[i].variant_id)).filter((id): id is string => !!id);
    const context = { currency_code: cart.currency_code, ...(cart.region_id ? { region_id: cart.region_id } : {}), quantity };
    const prices = await services.pricing.calculatePrices(ctx, sets, context);
    for (const i of indexes) {
      const setId = priceSets.get(lines[i].variant_id);
      const price = setId ? prices.get(setId) : null;
      if (!price) continue;
      const calculated = new Decimal(price.raw_calculated_amount.value);
      const original = new Decimal(price.raw_original_amount.value);
      results[i] = {
        unit_price: calculated.toFixed(),
        is_tax_inclusive: price.is_calculated_price_tax_inclusive,
        compare_at_unit_price: original.gt(calculated) ? original.toFixed() : null,
      };
    }
  }
  const unpriced = [...new Set(lines.filter((_, i) => !results[i]).map((l) => l.variant_id))];
  if (unpriced.length) throw SthenoError.invalidData(`Variants with IDs ${unpriced.join(', ')} do not have a price`);
  return results as LinePrice[];
}

/**
 * Checks that the stock locations of the cart's sales channel hold enough of every inventory item
 * the cart's lines need, for variants that manage inventory and do not allow backorders. Demand is
 * summed per inventory item over all lines, so two lines (or two kits) sharing an item are checked
 * together. `lines` is the cart's lines as they will be after the change; only the items of the
 * `changed` variants are checked, so a line that ran short since it was added does not block others.
 */
export function assertStock(
  /** Read with the cart's lines' variants (`sellableVariants`): their items and what is available at the cart's channel. */
  facts: CartLineFacts,
  lines: Array<{ variant_id: string | null; quantity: number }>,
  /** The variants the change is about: only their inventory items are checked. */
  changed: string[],
): void {
  const { variants, inventory: items, available } = facts;
  const tracked = lines.filter((l): l is { variant_id: string; quantity: number } => {
    const v = l.variant_id ? variants.get(l.variant_id) : undefined;
    return !!v && v.variant.manage_inventory && !v.variant.allow_backorder;
  });
  if (!tracked.length) return;
  const demand = new Map<string, number>();
  for (const line of tracked) {
    for (const item of items.get(line.variant_id) ?? []) {
      demand.set(item.inventory_item_id, (demand.get(item.inventory_item_id) ?? 0) + line.quantity * item.required_quantity);
    }
  }
  const checked = new Set(changed.flatMap((variantId) => (items.get(variantId) ?? []).map((i) => i.inventory_item_id)));
  for (const itemId of [...demand.keys()]) if (!checked.has(itemId)) demand.delete(itemId);
  if (!demand.size) return;
  for (const [itemId, needed] of demand) {
    if ((available.get(itemId) ?? 0) < needed) throw SthenoError.notAllowed(INSUFFICIENT_INVENTORY, 'insufficient_inventory');
  }
}

/** Medusa's line item snapshot of a variant (title = product title, subtitle = variant title). */
export function snapshotLine(found: VariantForCart, quantity: number, price: LinePrice, metadata?: Record<string, unknown> | null): LineItemInput {
  const { variant, product } = found;
  return {
    title: product.title,
    subtitle: variant.title,
    thumbnail: variant.thumbnail ?? product.thumbnail,
    quantity,
    variant_id: variant.id,
    product_id: product.id,
    product_title: product.title,
    product_description: product.description,
    product_subtitle: product.subtitle,
    product_type: product.type_value,
    product_type_id: product.type_id,
    product_collection: product.collection_title,
    product_handle: product.handle,
    variant_sku: variant.sku,
    variant_barcode: variant.barcode,
    variant_title: variant.title,
    variant_option_values: Object.keys(found.option_values).length ? found.option_values : null,
    requires_shipping: true,
    is_discountable: product.discountable,
    is_giftcard: product.is_giftcard,
    is_tax_inclusive: price.is_tax_inclusive,
    is_custom_price: false,
    compare_at_unit_price: price.compare_at_unit_price,
    unit_price: price.unit_price,
    metadata: metadata ?? {},
  };
}

/** A completed cart refuses every change (Medusa's validateCartStep). */
export function assertOpen(cart: Pick<CartView, 'id' | 'completed_at'>): void {
  if (cart.completed_at) throw SthenoError.invalidData(`Cart ${cart.id} is already completed.`);
}

/** An address's country must be one the cart's region sells to. */
export function assertCountryInRegion(countryCode: string | null | undefined, regionCountries: string[]): void {
  if (!countryCode) return;
  if (!regionCountries.includes(countryCode.toLowerCase())) {
    throw SthenoError.invalidData(`Country with code ${countryCode.toLowerCase()} is not within region`);
  }
}
