import { Injectable } from '@nestjs/common';
import { Context } from '../framework/context/context';
import { SthenoError } from '../framework/errors/stheno-error';
import { ProductVariantPriceSet } from './catalog-links.entity';
import { textArray } from './linked-ids';

const jsonb = (value: unknown): string => JSON.stringify(value);

/** Reads and writes the variant ↔ price set link (one price set per variant, one variant per set). */
@Injectable()
export class VariantPriceSetLinks {
  /**
   * Links in one statement. Linking a pair again is a no-op; a variant that has another set, or a set
   * that prices another variant, is refused rather than silently kept or re-pointed.
   */
  async link(ctx: Context, rows: Array<{ variant_id: string; price_set_id: string }>): Promise<void> {
    if (!rows.length) return;
    const inserted = await ctx.em.execute<Array<{ variant_id: string }>>(
      `insert into product_variant_price_set (variant_id, price_set_id)
       select v.variant_id, v.price_set_id from jsonb_to_recordset(?::jsonb) as v(variant_id text, price_set_id text)
       on conflict do nothing returning variant_id`,
      [jsonb(rows.map((r) => ({ variant_id: r.variant_id, price_set_id: r.price_set_id })))],
    );
    if (inserted.length === rows.length) return;
    const existing = await this.priceSetsOf(ctx, rows.map((r) => r.variant_id));
    const clash = rows.find((r) => existing.get(r.variant_id) !== r.price_set_id);
    if (clash) {
      throw SthenoError.invalidData(`Cannot link variant ${clash.variant_id} to price set ${clash.price_set_id}: one of them is already linked`);
    }
  }

  /** variant_id → price_set_id, for the variants that have one; one query. */
  async priceSetsOf(ctx: Context, variantIds: string[]): Promise<Map<string, string>> {
    if (!variantIds.length) return new Map();
    const rows = await ctx.em.execute<Array<{ variant_id: string; price_set_id: string }>>(
      'select variant_id, price_set_id from product_variant_price_set where variant_id = any(?::text[])',
      [textArray([...new Set(variantIds)])],
    );
    return new Map(rows.map((r) => [r.variant_id, r.price_set_id]));
  }

  /** price_set_id → variant_id, for the sets linked to a variant; one query. */
  async variantsOf(ctx: Context, priceSetIds: string[]): Promise<Map<string, string>> {
    if (!priceSetIds.length) return new Map();
    const rows = await ctx.em.find(ProductVariantPriceSet, { price_set_id: { $in: [...new Set(priceSetIds)] } }, { disableIdentityMap: true });
    return new Map(rows.map((r) => [r.price_set_id, r.variant_id]));
  }

  async unlinkVariants(ctx: Context, variantIds: string[]): Promise<void> {
    if (!variantIds.length) return;
    await ctx.em.nativeDelete(ProductVariantPriceSet, { variant_id: { $in: [...new Set(variantIds)] } });
  }
}
