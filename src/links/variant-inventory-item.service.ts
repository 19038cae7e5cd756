import { Injectable } from '@nestjs/common';
import { Context } from '../framework/context/context';
import { SthenoError } from '../framework/errors/stheno-error';
import { linkedIds } from './linked-ids';
import { ProductVariantInventoryItem } from './catalog-links.entity';

/** Reads and writes the variant ↔ inventory item link (`required_quantity` units of the item per unit of the variant). */
@Injectable()
export class VariantInventoryLinks {
  /** Links (or re-links with a new required quantity) variants to inventory items. */
  async link(ctx: Context, rows: Array<{ variant_id: string; inventory_item_id: string; required_quantity?: number }>): Promise<void> {
    if (!rows.length) return;
    for (const row of rows) {
      const quantity = row.required_quantity ?? 1;
      if (!Number.isSafeInteger(quantity) || quantity < 1) throw SthenoError.invalidData('required_quantity must be a positive integer');
    }
    await ctx.em.execute(
      `insert into product_variant_inventory_item (variant_id, inventory_item_id, required_quantity)
       select * from unnest(?::text[], ?::text[], ?::int[])
       on conflict (variant_id, inventory_item_id) do update set required_quantity = excluded.required_quantity`,
      [
        textArray(rows.map((r) => r.variant_id)),
        textArray(rows.map((r) => r.inventory_item_id)),
        `{${rows.map((r) => r.required_quantity ?? 1).join(',')}}`,
      ],
    );
  }

  /** Inventory items per variant, in one query for any number of variants. */
  async itemsOf(ctx: Context, variantIds: string[]): Promise<Map<string, Array<{ inventory_item_id: string; required_quantity: number }>>> {
    const result = new Map<string, Array<{ inventory_item_id: string; required_quantity: number }>>(variantIds.map((id) => [id, []]));
    if (!variantIds.length) return result;
    const rows = await ctx.em.execute<Array<{ variant_id: string; inventory_item_id: string; required_quantity: number }>>(
      `select variant_id, inventory_item_id, required_quantity from product_variant_inventory_item
        where variant_id = any(?::text[]) order by created_at, inventory_item_id`,
      [textArray([...new Set(variantIds)])],
    );
    for (const row of rows) result.get(row.variant_id)?.push({ inventory_item_id: row.inventory_item_id, required_quantity: Number(row.required_quantity) });
    return result;
  }

  /** Variants per inventory item, in one query. */
  variantsOf(ctx: Context, itemIds: string[]): Promise<Map<string, string[]>> {
    return linkedIds(ctx, ProductVariantInventoryItem, 'inventory_item_id', 'variant_id', itemIds);
  }

  async unlink(ctx: Context, rows: Array<{ variant_id: string; inventory_item_id: string }>): Promise<void> {
    if (!rows.length) return;
    await ctx.em.nativeDelete(ProductVariantInventoryItem, { $or: rows.map((r) => ({ variant_id: r.variant_id, inventory_item_id: r.inventory_item_id })) });
  }

  async unlinkVariants(ctx: Context, variantIds: string[]): Promise<void> {
    if (!variantIds.length) return;
    await ctx.em.nativeDelete(ProductVariantInventoryItem, { variant_id: { $in: variantIds } });
  }

  async unlinkItems(ctx: Context, itemIds: string[]): Promise<void> {
    if (!itemIds.length) return;
    await ctx.em.nativeDelete(ProductVariantInventoryItem, { inventory_item_id: { $in: itemIds } });
  }
}

/** A PostgreSQL text[] literal (ids hold no quotes or backslashes; JSON quoting covers them anyway). */
function textArray(values: string[]): string {
  return `{${values.map((value) => JSON.stringify(value)).join(',')}}`;
}
