import type { VariantForCart } from '../modules/product/product.types';

/** A line's live product as the store shows it under `items.product` (carts and orders alike). */
export function productOf(found: VariantForCart): Record<string, unknown> {
  const p = found.product;
  return {
    id: p.id,
    title: p.title,
    subtitle: p.subtitle,
    description: p.description,
    handle: p.handle,
    status: p.status,
    thumbnail: p.thumbnail,
    is_giftcard: p.is_giftcard,
    discountable: p.discountable,
    collection_id: p.collection_id,
    type_id: p.type_id,
    categories: p.category_ids.map((id) => ({ id })),
    tags: p.tags,
  };
}
