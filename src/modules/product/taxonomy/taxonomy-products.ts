import { Injectable } from '@nestjs/common';
import { Context } from '../../../framework/context/context';
import { ProductSalesChannelLinks } from '../../../links/product-sales-channel.service';
import { ProductCategoryPivot } from '../entities/pivots.entity';
import { Product } from '../entities/product.entity';
import { iso } from './taxonomy-support';
import { CollectionProductView } from './taxonomy.types';

const PRODUCT_COLUMNS = [
  'id', 'title', 'subtitle', 'handle', 'description', 'status', 'thumbnail', 'is_giftcard', 'discountable',
  'collection_id', 'type_id', 'metadata', 'created_at', 'updated_at', 'deleted_at',
] as const;

/** Whose products a taxonomy response may show: every product (admin) or a storefront's. */
export type ProductAudience = { kind: 'admin' } | { kind: 'store'; channels: readonly string[] };

export function toCollectionProductView(p: Pick<Product, (typeof PRODUCT_COLUMNS)[number]>): CollectionProductView {
  return {
    id: p.id,
    title: p.title,
    subtitle: p.subtitle,
    handle: p.handle,
    description: p.description,
    status: p.status,
    thumbnail: p.thumbnail,
    is_giftcard: p.is_giftcard,
    discountable: p.discountable,
    collection_id: p.collection_id,
    type_id: p.type_id,
    metadata: p.metadata,
    created_at: iso(p.created_at),
    updated_at: iso(p.updated_at),
    deleted_at: iso(p.deleted_at),
  };
}

/**
 * The products of collections and categories (`fields=*products`), one query per kind for a whole
 * page. A storefront sees what /store/products would show it: published products sold in one of its
 * publishable key's sales channels (Medusa's Next.js starter reads `*products` of both).
 */
@Injectable()
export class TaxonomyProducts {
  constructor(private readonly channels: ProductSalesChannelLinks) {}

  async ofCollections(ctx: Context, collectionIds: string[], audience: ProductAudience): Promise<Map<string, CollectionProductView[]>> {
    const result = new Map<string, CollectionProductView[]>(collectionIds.map((id) => [id, []]));
    if (!collectionIds.length) return result;
    const products = await ctx.em.find(
      Product,
      { collection_id: { $in: collectionIds }, ...(audience.kind === 'store' ? { status: 'published' as const } : {}) },
      // fresh rows: a link may just have changed collection_id with a native update
      { fields: [...PRODUCT_COLUMNS], orderBy: [{ created_at: 'ASC' }, { id: 'ASC' }], disableIdentityMap: true },
    );
    for (const product of await this.visible(ctx, products, audience)) result.get(product.collection_id!)?.push(toCollectionProductView(product));
    return result;
  }

  async ofCategories(ctx: Context, categoryIds: string[], audience: ProductAudience): Promise<Map<string, CollectionProductView[]>> {
    const result = new Map<string, CollectionProductView[]>(categoryIds.map((id) => [id, []]));
    if (!categoryIds.length) return result;
    const links = await ctx.em.find(
      ProductCategoryPivot,
      { category: { $in: categoryIds }, product: { deleted_at: null, ...(audience.kind === 'store' ? { status: 'published' as const } : {}) } },
      { populate: ['product'], orderBy: [{ product: { created_at: 'ASC' } }, { product: { id: 'ASC' } }], disableIdentityMap: true },
    );
    const visible = new Set((await this.visible(ctx, links.map((l) => l.product), audience)).map((p) => p.id));
    for (const link of links) {
      if (visible.has(link.product.id)) result.get(link.category.id)?.push(toCollectionProductView(link.product));
    }
    return result;
  }

  private async visible<P extends { id: string }>(ctx: Context, products: P[], audience: ProductAudience): Promise<P[]> {
    if (audience.kind === 'admin' || !products.length) return products;
    const wanted = new Set(audience.channels);
    const channelsOf = await this.channels.channelsOf(ctx, [...new Set(products.map((p) => p.id))]);
    return products.filter((p) => (channelsOf.get(p.id) ?? []).some((channel) => wanted.has(channel)));
  }
}
