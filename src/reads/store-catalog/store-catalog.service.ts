import { Inject, Injectable, Optional } from '@nestjs/common';
import { Context } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import { projectFields } from '../../framework/http/envelopes';
import { ListQuery, ResolvedFields, RetrieveQuery } from '../../framework/http/list-query';
import { CustomerService } from '../../modules/customer/customer.service';
import { PricingService } from '../../modules/pricing/pricing.service';
import { PricingContext } from '../../modules/pricing/pricing.types';
import { VARIANT_SCALARS } from './catalog-fields';
import { productFilters, productMatches, productScope, productSearch, orderBy, searchQuery, variantFilters } from './catalog-filters';
import { productJson, ProductLoad, variantJson, VariantLoad } from './catalog-json.sql';
import { CountCache } from './count-cache';
import { MISSING_PRICING_CONTEXT, PricingContextResolver, PricingParams } from './pricing-context';
import { Sql, sql, textArray } from './sql';

type Row = Record<string, unknown>;

/** Searches matching more visible products than this are listed oldest first rather than ranked. */
export const RANKED_SEARCH_LIMIT = 1000;

export interface CatalogPage {
  items: Row[];
  count: number;
}

/**
 * The storefront's view of who is asking: the publishable key's sales channels and, for a
 * signed-in customer, the ids of its customer groups (price lists may be restricted to them).
 */
export interface StoreScope {
  channels: readonly string[];
  /** Sorted; empty for a guest or a customer in no group (both are priced alike). */
  customerGroupIds?: readonly string[];
}

/** Whether the catalog may show stock: false when the configuration file switches inventory off. */
export const CATALOG_SHOWS_STOCK = Symbol('CATALOG_SHOWS_STOCK');

/** Whether `fields` selects `path` itself or anything under it. */
function selects(fields: ResolvedFields, path: string): boolean {
  return fields.fields.some((f) => f === path || f.startsWith(`${path}.`));
}

function has(fields: ResolvedFields, relation: string): boolean {
  return fields.relations.includes(relation);
}

/**
 * Medusa adds `calculated_price` to the default variant fields when the request has a region
 * (medusa-wire 04, 05): a storefront listing with `region_id` gets prices without asking.
 */
function withRegionPrices(fields: ResolvedFields, variantsPath: string, context: PricingContext | null): ResolvedFields {
  const pricePath = variantsPath ? `${variantsPath}.calculated_price` : 'calculated_price';
  // the variant's defaults are still selected: `variants.*` under a product, the scalars on a variant route
  const wholeVariants = variantsPath ? fields.fields.includes(`${variantsPath}.*`) : VARIANT_SCALARS.every((f) => fields.fields.includes(f));
  if (!context || !wholeVariants || fields.fields.includes(pricePath)) return fields;
  return { ...fields, fields: [...fields.fields, pricePath].sort() };
}

/**
 * The purpose-built store catalog read (ARCHITECTURE §4.4, §9). Per request, whatever the page size:
 * one statement for the page ids (with the count, or only the catalog version when the cached count
 * is still exact), one for the page's products with every requested relation as JSON (stock
 * included), and, when prices are asked for, one for the region and PricingService.calculatePrices
 * for all the page's price sets at once (a fixed number of statements too).
 */
@Injectable()
export class StoreCatalogService {
  private readonly productCounts = new CountCache();
  private readonly variantCounts = new CountCache();

  constructor(
    private readonly prices: PricingService,
    private readonly pricing: PricingContextResolver,
    // absent when the configuration file switches the customer module off: guest prices for all
    @Optional() private readonly customers?: CustomerService,
    @Optional() @Inject(CATALOG_SHOWS_STOCK) private readonly showsStock: boolean = true,
  ) {}

  /** The scope with the signed-in customer's groups (one statement; none for a guest). */
  async withCustomerGroups(ctx: Context, scope: StoreScope): Promise<StoreScope> {
    if (ctx.actor?.type !== 'customer' || !this.customers) return { ...scope, customerGroupIds: [] };
    return { ...scope, customerGroupIds: await this.customers.groupIdsOf(ctx, ctx.actor.id) };
  }

  async listProducts(ctx: Context, scope: StoreScope, query: ListQuery): Promise<CatalogPage> {
    const context = await this.pricingFor(ctx, scope, query.extra, query.fields, 'variants');
    const fields = withRegionPrices(query.fields, 'variants', context);
    const descendants = this.includeDescendants(query.extra.include_descendants_tree);
    const visible = [productScope('p', scope.channels), ...productFilters(query.filters, descendants)];
    const where = query.q ? [...visible, productSearch(query.q, 'p.id')] : visible;
    const tsquery = query.q ? searchQuery(query.q) : null;
    const oldestFirst = new Sql('p.created_at asc, p.id asc');
    const order = query.order.length ? orderBy('p', query.order) : tsquery ? sql`ts_rank(p.search_vector, ${tsquery}) desc, ${oldestFirst}` : oldestFirst;
    // ranking reads every match's search_vector: a broad search is listed oldest first instead, by
    // walking the created_at index with the match as a filter (a page costs a page, not the catalog)
    const broad = tsquery && !query.order.length ? { where: Sql.join([...visible, productMatches(query.q!)], ' and '), order: oldestFirst } : null;
    const cacheKey = JSON.stringify([query.filters, query.q ?? null, descendants, [...scope.channels].sort()]);
    const { ids, count } = await this.page(ctx, 'product p', Sql.join(where, ' and '), order, query, this.productCounts, cacheKey, broad);
    const items = await this.loadProducts(ctx, scope, sql`p.id = any(${textArray(ids)})`, fields, context);
    const byId = new Map(items.map((item) => [item.id as string, item]));
    return { items: ids.map((id) => byId.get(id)!).filter(Boolean), count };
  }

  async retrieveProduct(ctx: Context, scope: StoreScope, id: string, query: RetrieveQuery): Promise<Row> {
    const context = await this.pricingFor(ctx, scope, query.extra, query.fields, 'variants');
    const fields = withRegionPrices(query.fields, 'variants', context);
    const [product] = await this.loadProducts(ctx, scope, sql`p.id = ${id} and ${productScope('p', scope.channels)}`, fields, context);
    if (!product) throw SthenoError.notFound(`Product with id: ${id} was not found`);
    return product;
  }

  async listVariants(ctx: Context, scope: StoreScope, query: ListQuery): Promise<CatalogPage> {
    const context = await this.pricingFor(ctx, scope, query.extra, query.fields, '');
    const fields = withRegionPrices(query.fields, '', context);
    const where = [new Sql('v.deleted_at is null'), productScope('p', scope.channels), ...variantFilters(query.filters)];
    if (query.q) where.push(productSearch(query.q, 'v.product_id'));
    const order = query.order.length ? orderBy('v', query.order) : new Sql('v.created_at asc, v.id asc');
    const cacheKey = JSON.stringify([query.filters, query.q ?? null, [...scope.channels].sort()]);
    const from = 'product_variant v join product p on p.id = v.product_id';
    const { ids, count } = await this.page(ctx, from, Sql.join(where, ' and '), order, query, this.variantCounts, cacheKey);
    const items = await this.loadVariants(ctx, scope, sql`v.id = any(${textArray(ids)})`, fields, context);
    const byId = new Map(items.map((item) => [item.id as string, item]));
    return { items: ids.map((id) => byId.get(id)!).filter(Boolean), count };
  }

  async retrieveVariant(ctx: Context, scope: StoreScope, id: string, query: RetrieveQuery): Promise<Row> {
    const context = await this.pricingFor(ctx, scope, query.extra, query.fields, '');
    const fields = withRegionPrices(query.fields, '', context);
    const condition = sql`v.id = ${id} and v.deleted_at is null and exists (select 1 from product p where p.id = v.product_id and ${productScope('p', scope.channels)})`;
    const [variant] = await this.loadVariants(ctx, scope, condition, fields, context);
    if (!variant) throw SthenoError.notFound(`Variant with id: ${id} was not found`);
    return variant;
  }

  /**
   * The page's ids in order, with the count in the same statement: computed only when the cached
   * one was taken under another catalog version (the CASE evaluates its subquery lazily). With
   * `broad`, a match of more than RANKED_SEARCH_LIMIT rows (the exact count of this version, so
   * every page of it agrees) is paged by `broad` instead of `order`; only the chosen branch runs.
   */
  private async page(
    ctx: Context,
    from: string,
    where: Sql,
    order: Sql,
    query: ListQuery,
    counts: CountCache,
    cacheKey: string,
    broad: { where: Sql; order: Sql } | null = null,
  ): Promise<{ ids: string[]; count: number }> {
    const cached = counts.get(cacheKey);
    const key = new Sql(from.startsWith('product_variant') ? 'v' : 'p');
    const pageOf = (condition: Sql, ordering: Sql) =>
      sql`array(select ${key}.id from ${new Sql(from)} where ${condition} order by ${ordering} limit ${query.limit} offset ${query.offset})`;
    const ids = broad
      ? sql`case when coalesce(c.count, ${cached?.count ?? 0}::bigint) > ${RANKED_SEARCH_LIMIT} then ${pageOf(broad.where, broad.order)} else ${pageOf(where, order)} end`
      : pageOf(where, order);
    // materialized: the count is computed at most once even though the ids expression reads it too
    const statement = sql`with c as materialized (
        select v.version, case when v.version = ${cached?.version ?? '-1'}::bigint then null
               else (select count(*) from ${new Sql(from)} where ${where}) end as count
          from catalog_version v where v.id = 1)
      select c.version::text as version, c.count, ${ids} as ids from c`;
    const [row] = await ctx.em.execute<Array<{ version: string; count: string | null; ids: string[] }>>(statement.text, statement.params);
    // a null count means the version still equals the cached entry's: that count is exact
    if (row.count === null && cached) return { ids: row.ids, count: cached.count };
    const count = Number(row.count);
    counts.set(cacheKey, row.version, count);
    return { ids: row.ids, count };
  }

  private async loadProducts(ctx: Context, scope: StoreScope, where: Sql, fields: ResolvedFields, context: PricingContext | null): Promise<Row[]> {
    const load: ProductLoad = {
      variants: has(fields, 'variants') ? this.variantLoad(fields, 'variants', scope, context) : null,
      options: has(fields, 'options'),
      images: has(fields, 'images'),
      tags: has(fields, 'tags'),
      type: has(fields, 'type'),
      collection: has(fields, 'collection'),
      categories: has(fields, 'categories'),
    };
    const statement = sql`select ${productJson(load)} as item from product p where ${where}`;
    const rows = (await ctx.em.execute<Array<{ item: Row }>>(statement.text, statement.params)).map((r) => r.item);
    const variants = rows.flatMap((product) => (product.variants as Row[] | undefined) ?? []);
    await this.finishVariants(ctx, variants, load.variants, context);
    return rows.map((product) => projectFields(product, fields));
  }

  private async loadVariants(ctx: Context, scope: StoreScope, where: Sql, fields: ResolvedFields, context: PricingContext | null): Promise<Row[]> {
    const load = this.variantLoad(fields, '', scope, context);
    const product = has(fields, 'product') ? sql`'product', (select ${productJson(NO_RELATIONS)} from product p where p.id = v.product_id)` : null;
    const statement = sql`select ${variantJson(load, product)} as item from product_variant v where ${where}`;
    const rows = (await ctx.em.execute<Array<{ item: Row }>>(statement.text, statement.params)).map((r) => r.item);
    await this.finishVariants(ctx, rows, load, context);
    return rows.map((variant) => projectFields(variant, fields));
  }

  private variantLoad(fields: ResolvedFields, prefix: string, scope: StoreScope, context: PricingContext | null): VariantLoad {
    const path = (name: string) => (prefix ? `${prefix}.${name}` : name);
    const stock = selects(fields, path('inventory_quantity'));
    if (stock && this.showsStock === false) throw SthenoError.invalidData('inventory_quantity cannot be requested: the inventory module is switched off');
    return {
      options: has(fields, path('options')),
      optionOfValue: has(fields, path('options.option')),
      priceSet: context !== null && selects(fields, path('calculated_price')),
      stockChannels: stock ? scope.channels : null,
    };
  }

  /** Prices for the variants' price sets (one call for the whole page), then the hidden keys go. */
  private async finishVariants(ctx: Context, variants: Row[], load: VariantLoad | null, context: PricingContext | null): Promise<void> {
    if (load?.priceSet && context) {
      const setIds = [...new Set(variants.map((v) => v._price_set_id).filter((id): id is string => typeof id === 'string'))];
      const prices = await this.prices.calculatePrices(ctx, setIds, context);
      for (const variant of variants) {
        const setId = variant._price_set_id as string | null;
        variant.calculated_price = setId ? (prices.get(setId) ?? null) : null;
      }
    }
    for (const variant of variants) {
      delete variant._price_set_id;
      // Medusa reports stock for managed variants only
      if (variant.inventory_quantity === null && variant.manage_inventory === false) delete variant.inventory_quantity;
    }
  }

  /** The pricing context, required when prices are requested (Medusa's 400 otherwise). */
  private async pricingFor(ctx: Context, scope: StoreScope, extra: PricingParams, fields: ResolvedFields, variantsPath: string): Promise<PricingContext | null> {
    const context = await this.pricing.resolve(ctx, extra, scope.customerGroupIds ?? []);
    const pricePath = variantsPath ? `${variantsPath}.calculated_price` : 'calculated_price';
    if (!context && selects(fields, pricePath)) throw SthenoError.invalidData(MISSING_PRICING_CONTEXT);
    return context;
  }

  private includeDescendants(raw: unknown): boolean {
    if (raw === undefined || raw === 'false') return false;
    if (raw === 'true') return true;
    throw SthenoError.invalidData('include_descendants_tree must be true or false');
  }
}

const NO_RELATIONS: ProductLoad = { variants: null, options: false, images: false, tags: false, type: false, collection: false, categories: false };
