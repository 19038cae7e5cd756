import { Context } from '../../framework/context/context';
import { preparedByIds } from '../../framework/database/prepared';
import type { VariantForCart } from './product.types';

/**
 * One statement for any number of variants (run through `preparedByIds`, which fills `{ids}`): the
 * variant row, its option values by option title, and its product with type, collection, category
 * ids and tags. Deleted variants and variants of deleted products are left out.
 */
export const VARIANTS_FOR_CART_SQL = `
select to_jsonb(v) - 'search_vector' as variant,
  coalesce((select jsonb_object_agg(o.title, ov.value)
    from product_variant_option vo
    join product_option_value ov on ov.id = vo.option_value_id and ov.deleted_at is null
    join product_option o on o.id = ov.option_id and o.deleted_at is null
    where vo.variant_id = v.id), '{}'::jsonb) as option_values,
  jsonb_build_object(
    'id', p.id, 'title', p.title, 'subtitle', p.subtitle, 'description', p.description, 'handle', p.handle,
    'status', p.status, 'thumbnail', p.thumbnail, 'is_giftcard', p.is_giftcard, 'discountable', p.discountable,
    'collection_id', p.collection_id, 'collection_title', pc.title, 'type_id', p.type_id, 'type_value', pt.value,
    'category_ids', coalesce((select jsonb_agg(cp.product_category_id order by cp.product_category_id)
      from product_category_product cp join product_category cat on cat.id = cp.product_category_id and cat.deleted_at is null
      where cp.product_id = p.id), '[]'::jsonb),
    'tags', coalesce((select jsonb_agg(jsonb_build_object('id', tg.id, 'value', tg.value) order by tg.value, tg.id)
      from product_tags ptg join product_tag tg on tg.id = ptg.product_tag_id and tg.deleted_at is null
      where ptg.product_id = p.id), '[]'::jsonb)) as product
from product_variant v
join product p on p.id = v.product_id and p.deleted_at is null
left join product_collection pc on pc.id = p.collection_id and pc.deleted_at is null
left join product_type pt on pt.id = p.type_id and pt.deleted_at is null
where v.id {ids} and v.deleted_at is null`;

/** A row of `VARIANTS_FOR_CART_SQL` (read models that extend the statement map it with `toVariantForCart`). */
export type VariantForCartRow = { variant: Record<string, unknown>; option_values: Record<string, string>; product: VariantForCart['product'] };

const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string).toISOString());

export async function variantsForCart(ctx: Context, variantIds: string[]): Promise<Map<string, VariantForCart>> {
  const unique = [...new Set(variantIds)];
  if (!unique.length) return new Map();
  const rows = await preparedByIds<VariantForCartRow>(ctx, 'stheno_variants_for_cart', VARIANTS_FOR_CART_SQL, unique);
  return new Map(rows.map((row) => [row.variant.id as string, toVariantForCart(row)]));
}

/** A row of the statement as the product module's VariantForCart. */
export function toVariantForCart(row: VariantForCartRow): VariantForCart {
  const v = row.variant;
  const variant = {
    id: v.id,
    title: v.title,
    sku: v.sku ?? null,
    barcode: v.barcode ?? null,
    ean: v.ean ?? null,
    upc: v.upc ?? null,
    allow_backorder: v.allow_backorder,
    manage_inventory: v.manage_inventory,
    hs_code: v.hs_code ?? null,
    origin_country: v.origin_country ?? null,
    mid_code: v.mid_code ?? null,
    material: v.material ?? null,
    weight: v.weight ?? null,
    length: v.length ?? null,
    height: v.height ?? null,
    width: v.width ?? null,
    metadata: v.metadata ?? null,
    variant_rank: v.variant_rank,
    thumbnail: v.thumbnail ?? null,
    product_id: v.product_id,
    created_at: iso(v.created_at),
    updated_at: iso(v.updated_at),
    deleted_at: iso(v.deleted_at),
  } as VariantForCart['variant'];
  return { variant, option_values: row.option_values, product: row.product };
}
