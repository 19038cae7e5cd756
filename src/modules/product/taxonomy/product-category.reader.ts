import { Injectable } from '@nestjs/common';
import type { FilterQuery } from '@mikro-orm/core';
import { Context } from '../../../framework/context/context';
import { findPage } from '../../../framework/database/find-page';
import { SthenoError } from '../../../framework/errors/stheno-error';
import { ListQuery } from '../../../framework/http/list-query';
import { ProductCategory } from '../entities/product-category.entity';
import { ancestorChain, ancestorIdsOf, descendantTree, groupByParent, toCategoryView, withNullParentFilter } from './category-tree';
import { likeLiteral } from './handles';
import { TaxonomyProducts } from './taxonomy-products';
import { withConditions } from './taxonomy-support';
import { CategoryTreeOptions, CategoryView } from './taxonomy.types';

/**
 * Every category the store must not see: the inactive or internal ones and everything below
 * them, so that a storefront never reaches a hidden branch through a visible child.
 */
const HIDDEN_CATEGORY_IDS = `
  select c.id from product_category c
  join product_category h
    on h.deleted_at is null and (h.is_active = false or h.is_internal = true)
   and (c.id = h.id or left(c.mpath, length(h.mpath) + 1) = h.mpath || '.')
  where c.deleted_at is null`;

const BY_RANK = [{ rank: 'ASC' }, { id: 'ASC' }] as const;

/**
 * Reads categories with the parts of the tree a response asks for, in a fixed number of queries
 * whatever the page size or the depth: one for the page, one for the ancestors (ids from the
 * mpaths), one for the descendants (a prefix match per listed node), one for the hidden set (store).
 * Rows are refreshed: ranks and paths change through native updates the identity map never sees.
 */
@Injectable()
export class ProductCategoryReader {
  constructor(private readonly products: TaxonomyProducts) {}

  async list(ctx: Context, query: ListQuery, options: CategoryTreeOptions): Promise<[CategoryView[], number]> {
    const hidden = await this.hiddenIds(ctx, options);
    let scoped: ListQuery = { ...query, filters: withNullParentFilter(query.filters) };
    if (options.audience === 'store') {
      scoped = withConditions(scoped, { is_active: true, is_internal: false }, hidden.size ? { id: { $nin: [...hidden] } } : {});
    }
    const [rows, count] = await findPage(ctx, ProductCategory, scoped, ['name', 'handle']);
    return [await this.withTree(ctx, rows, options, hidden), count];
  }

  async retrieve(ctx: Context, id: string, options: CategoryTreeOptions): Promise<CategoryView> {
    const hidden = await this.hiddenIds(ctx, options);
    const category = hidden.has(id) ? null : await ctx.em.findOne(ProductCategory, { id }, { refresh: true });
    if (!category) throw SthenoError.notFound(`Product category with id: ${id} was not found`);
    const [view] = await this.withTree(ctx, [category], options, hidden);
    return view;
  }

  private async hiddenIds(ctx: Context, options: CategoryTreeOptions): Promise<Set<string>> {
    if (options.audience !== 'store') return new Set();
    const rows = await ctx.em.execute<Array<{ id: string }>>(HIDDEN_CATEGORY_IDS);
    return new Set(rows.map((r) => r.id));
  }

  private async withTree(ctx: Context, rows: ProductCategory[], options: CategoryTreeOptions, hidden: Set<string>): Promise<CategoryView[]> {
    const views = rows.map(toCategoryView);
    if (!views.length) return views;
    const visible = (c: ProductCategory) => !hidden.has(c.id);

    if (options.ancestors || options.withParent) {
      const ids = options.ancestors ? views.flatMap((v) => ancestorIdsOf(v.mpath)) : views.map((v) => v.parent_category_id);
      const wanted = [...new Set(ids.filter((id): id is string => !!id))];
      const parents = wanted.length ? await ctx.em.find(ProductCategory, { id: { $in: wanted } }, { refresh: true }) : [];
      const byId = new Map(parents.filter(visible).map((p) => [p.id, toCategoryView(p)]));
      for (const view of views) {
        const parent = view.parent_category_id ? byId.get(view.parent_category_id) : undefined;
        view.parent_category = options.ancestors ? ancestorChain(view.parent_category_id, byId) : parent ? { ...parent } : null;
      }
    }

    if (options.descendants || options.withChildren) {
      const where: FilterQuery<ProductCategory> = options.descendants
        ? { $or: views.map((v) => ({ mpath: { $like: `${likeLiteral(v.mpath)}.%` } })) }
        : { parent_category_id: { $in: views.map((v) => v.id) } };
      const below = await ctx.em.find(ProductCategory, where, { orderBy: [...BY_RANK], refresh: true });
      const childrenOf = groupByParent(below.filter(visible).map(toCategoryView));
      for (const view of views) {
        view.category_children = options.descendants
          ? descendantTree(view.id, childrenOf)
          : (childrenOf.get(view.id) ?? []).map((child) => ({ ...child }));
      }
    }

    if (options.products) {
      const byCategory = await this.products.ofCategories(ctx, views.map((v) => v.id), options.products);
      for (const view of views) view.products = byCategory.get(view.id) ?? [];
    }
    return views;
  }
}
