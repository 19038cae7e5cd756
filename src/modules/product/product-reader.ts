import { Injectable } from '@nestjs/common';
import type { FilterQuery, FindOptions } from '@mikro-orm/core';
import { Context } from '../../framework/context/context';
import { containsPattern } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { toMikroOrmOrderBy } from '../../framework/http/list-query';
import { ProductCollection } from './entities/product-collection.entity';
import { ProductOption } from './entities/product-option.entity';
import { ProductType } from './entities/product-type.entity';
import { ProductVariant } from './entities/product-variant.entity';
import { Product } from './entities/product.entity';
import { toOptionView, toProductView, toVariantView } from './product-views';
import type { ProductListQuery, ProductOptionView, ProductVariantView, ProductView, VariantListQuery } from './product.types';

/** MikroORM populate hints for each product relation a client may request. */
const POPULATE: Record<string, string[]> = {
  variants: ['variants'],
  'variants.options': ['variants.options', 'variants.options.option'],
  options: ['options'],
  'options.values': ['options.values'],
  images: ['images'],
  tags: ['tags'],
  categories: ['categories'],
};

/**
 * Reads of products and variants. Every requested relation is loaded with one query for the whole
 * page (`select-in` populate, or one lookup by ids for type and collection), so a page costs a
 * fixed number of statements whatever its size.
 */
@Injectable()
export class ProductReader {
  async list(context: Context, query: ProductListQuery): Promise<[ProductView[], number]> {
    const ctx = fresh(context);
    const where = this.productWhere(ctx, query);
    const options = { limit: query.limit, offset: query.offset, orderBy: toMikroOrmOrderBy(query.order) } as FindOptions<Product>;
    const [rows, count] = await ctx.em.findAndCount(Product, where, options as never);
    return [await this.toViews(ctx, rows, query.relations), count];
  }

  async retrieve(context: Context, id: string, relations: readonly string[]): Promise<ProductView> {
    const ctx = fresh(context);
    const product = await ctx.em.findOne(Product, { id });
    if (!product) throw SthenoError.notFound(`Product with id: ${id} was not found`);
    const [view] = await this.toViews(ctx, [product], relations);
    return view;
  }

  /** Views of already loaded products with the requested relations. */
  async toViews(ctx: Context, products: Product[], relations: readonly string[]): Promise<ProductView[]> {
    if (!products.length) return [];
    const wanted = new Set(relations.filter((r) => r in POPULATE || r === 'type' || r === 'collection'));
    if (wanted.has('variants.options')) wanted.add('variants');
    if (wanted.has('options.values')) wanted.add('options');
    const populate = [...wanted].flatMap((r) => POPULATE[r] ?? []);
    if (populate.length) await ctx.em.populate(products, populate as never, { strategy: 'select-in' } as never);
    const typeIds = wanted.has('type') ? unique(products.map((p) => p.type_id)) : [];
    const collectionIds = wanted.has('collection') ? unique(products.map((p) => p.collection_id)) : [];
    const [types, collections] = await Promise.all([
      typeIds.length ? ctx.em.find(ProductType, { id: { $in: typeIds } }) : [],
      collectionIds.length ? ctx.em.find(ProductCollection, { id: { $in: collectionIds } }) : [],
    ]);
    const lookups = { types: new Map(types.map((t) => [t.id, t])), collections: new Map(collections.map((c) => [c.id, c])) };
    return products.map((product) => toProductView(product, wanted, lookups));
  }

  async listVariants(context: Context, query: VariantListQuery): Promise<[ProductVariantView[], number]> {
    const ctx = fresh(context);
    const where: Record<string, unknown> = { ...query.filters };
    if (query.q) {
      const like = { $ilike: containsPattern(query.q) };
      where.$or = [{ title: like }, { sku: like }];
    }
    const options = { limit: query.limit, offset: query.offset, orderBy: toMikroOrmOrderBy(query.order) } as FindOptions<ProductVariant>;
    const [rows, count] = await ctx.em.findAndCount(ProductVariant, where as FilterQuery<ProductVariant>, options as never);
    return [await this.toVariantViews(ctx, rows, query.relations), count];
  }

  async retrieveVariant(context: Context, productId: string, variantId: string, relations: readonly string[]): Promise<ProductVariantView> {
    const ctx = fresh(context);
    const variant = await ctx.em.findOne(ProductVariant, { id: variantId, product: productId });
    if (!variant) throw SthenoError.notFound(`Variant with id: ${variantId} was not found`);
    const [view] = await this.toVariantViews(ctx, [variant], relations);
    return view;
  }

  /** `relations` may hold `options` and `product` (with `product.*` relations after it). */
  async toVariantViews(ctx: Context, variants: ProductVariant[], relations: readonly string[]): Promise<ProductVariantView[]> {
    if (!variants.length) return [];
    const withOptions = relations.includes('options');
    if (withOptions) await ctx.em.populate(variants, ['options', 'options.option'] as never, { strategy: 'select-in' } as never);
    const views = variants.map((variant) => toVariantView(variant, withOptions));
    if (relations.includes('product')) {
      const productRelations = relations.filter((r) => r.startsWith('product.')).map((r) => r.slice('product.'.length));
      const products = await ctx.em.find(Product, { id: { $in: unique(variants.map((v) => v.product.id)) } });
      const productViews = new Map((await this.toViews(ctx, products, productRelations)).map((p) => [p.id, p]));
      for (const view of views) view.product = productViews.get(view.product_id);
    }
    return views;
  }

  async listOptions(context: Context, productId: string, filters: Record<string, unknown>): Promise<ProductOptionView[]> {
    const ctx = fresh(context);
    await this.assertProduct(ctx, productId);
    const options = await ctx.em.find(ProductOption, { ...filters, product: productId }, { populate: ['values'] as never, orderBy: { created_at: 'ASC', id: 'ASC' } });
    return options.map((o) => toOptionView(o, true));
  }

  async retrieveOption(context: Context, productId: string, optionId: string): Promise<ProductOptionView> {
    const ctx = fresh(context);
    const option = await ctx.em.findOne(ProductOption, { id: optionId, product: productId }, { populate: ['values'] as never, refresh: true });
    if (!option) throw SthenoError.notFound(`Product option with id: ${optionId} was not found`);
    return toOptionView(option, true);
  }

  async assertProduct(ctx: Context, productId: string): Promise<void> {
    if (!(await ctx.em.count(Product, { id: productId }))) throw SthenoError.notFound(`Product with id: ${productId} was not found`);
  }

  async variantIdsOf(ctx: Context, productIds: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(productIds.map((id) => [id, []]));
    if (!productIds.length) return result;
    const rows = await ctx.em.find(
      ProductVariant,
      { product: { $in: productIds } },
      { fields: ['id', 'product'], orderBy: { variant_rank: 'ASC', created_at: 'ASC', id: 'ASC' } },
    );
    for (const row of rows) result.get(row.product.id)?.push(row.id);
    return result;
  }

  /**
   * The filters of a product list. Tag, category and sales-channel filters and `q` are `id in
   * (subquery)` conditions: a join would repeat products and break the page count.
   */
  private productWhere(ctx: Context, query: ProductListQuery): FilterQuery<Product> {
    const { tag_id, category_id, sales_channel_id, ...columns } = query.filters;
    const knex = ctx.em.getKnex();
    const and: Array<Record<string, unknown>> = [columns as Record<string, unknown>];
    if (tag_id) and.push({ id: { $in: knex('product_tags').select('product_id').whereIn('product_tag_id', tag_id) } });
    if (category_id) and.push({ id: { $in: knex('product_category_product').select('product_id').whereIn('product_category_id', category_id) } });
    if (sales_channel_id) and.push({ id: { $in: knex('product_sales_channel').select('product_id').whereIn('sales_channel_id', sales_channel_id) } });
    if (query.q) {
      const pattern = containsPattern(query.q.toLowerCase());
      const matches = knex('product')
        .select('id')
        .whereRaw(`lower(title) like ? or lower(handle) like ? or search_vector @@ plainto_tsquery('simple', ?)`, [pattern, pattern, query.q]);
      and.push({ id: { $in: matches } });
    }
    return (and.length === 1 ? columns : { $and: and }) as FilterQuery<Product>;
  }
}

/**
 * Reads outside a transaction use their own EntityManager: the request's may hold entities merged
 * back from a transaction that just committed, with collections loaded before the write.
 */
function fresh(ctx: Context): Context {
  return ctx.em.isInTransaction() ? ctx : { ...ctx, em: ctx.em.fork() };
}

function unique(values: Array<string | null>): string[] {
  return [...new Set(values.filter((v): v is string => !!v))];
}
