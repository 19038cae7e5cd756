import { Context } from '../../framework/context/context';
import { preparedByIds } from '../../framework/database/prepared';
import type { VariantForCart } from '../../modules/product/product.types';
import { toVariantForCart, VARIANTS_FOR_CART_SQL, type VariantForCartRow } from '../../modules/product/product.service';

/**
 * What changing a cart's lines needs to know about their variants, in ONE statement instead of
 * six: the variants as the product module reads them for a cart, their products' sales channels,
 * their price sets, their inventory items, and each item's stock available at the stock locations
 * of the cart's sales channel. A read model across module tables (ARCHITECTURE §4.4), built on the
 * product module's own statement so the variant shape stays the product module's. Availability is
 * what `InventoryService.availability` computes: undeleted levels at the channel's locations,
 * stocked minus reserved, 0 without a level or without a channel.
 */
const SQL = `
with v as (${VARIANTS_FOR_CART_SQL})
select v.variant, v.option_values, v.product,
  coalesce((select jsonb_agg(psc.sales_channel_id order by psc.created_at, psc.sales_channel_id)
    from product_sales_channel psc where psc.product_id = v.product->>'id'), '[]'::jsonb) as channel_ids,
  (select pvps.price_set_id from product_variant_price_set pvps where pvps.variant_id = v.variant->>'id') as price_set_id,
  coalesce((select jsonb_agg(jsonb_build_object(
      'inventory_item_id', vi.inventory_item_id,
      'required_quantity', vi.required_quantity,
      'available', coalesce((select sum(l.stocked_quantity - l.reserved_quantity) from inventory_level l
        where l.deleted_at is null and l.inventory_item_id = vi.inventory_item_id
          and l.location_id in (select scl.stock_location_id from sales_channel_stock_location scl where scl.sales_channel_id = ?)), 0))
      order by vi.created_at, vi.inventory_item_id)
    from product_variant_inventory_item vi where vi.variant_id = v.variant->>'id'), '[]'::jsonb) as inventory_items
from v`;

type Row = VariantForCartRow & {
  channel_ids: string[];
  price_set_id: string | null;
  inventory_items: Array<{ inventory_item_id: string; required_quantity: number | string; available: number | string }>;
};

export interface CartLineFacts {
  /** The variants found (deleted ones and those of deleted products are absent). */
  variants: Map<string, VariantForCart>;
  /** Product id → the sales channels it is sold in. */
  channels: Map<string, string[]>;
  /** Variant id → its price set, for the variants that have one. */
  priceSets: Map<string, string>;
  /** Variant id → the inventory items one unit consumes. */
  inventory: Map<string, Array<{ inventory_item_id: string; required_quantity: number }>>;
  /** Inventory item id → units available at the channel's stock locations. */
  available: Map<string, number>;
}

export async function readCartLineFacts(ctx: Context, variantIds: string[], salesChannelId: string | null): Promise<CartLineFacts> {
  const facts: CartLineFacts = { variants: new Map(), channels: new Map(), priceSets: new Map(), inventory: new Map(), available: new Map() };
  const unique = [...new Set(variantIds)];
  if (!unique.length) return facts;
  const rows = await preparedByIds<Row>(ctx, 'stheno_cart_line_facts', SQL, unique, [salesChannelId]);
  for (const row of rows) {
    const found = toVariantForCart(row);
    facts.variants.set(found.variant.id, found);
    facts.channels.set(found.product.id, row.channel_ids);
    if (row.price_set_id) facts.priceSets.set(found.variant.id, row.price_set_id);
    facts.inventory.set(
      found.variant.id,
      row.inventory_items.map((i) => ({ inventory_item_id: i.inventory_item_id, required_quantity: Number(i.required_quantity) })),
    );
    for (const item of row.inventory_items) facts.available.set(item.inventory_item_id, Number(item.available));
  }
  return facts;
}
