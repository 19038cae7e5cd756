import { Injectable } from '@nestjs/common';
import { Context } from '../../../framework/context/context';
import { ListQuery, ResolvedFields, internalListQuery } from '../../../framework/http/list-query';
import { projectFields } from '../../../framework/http/envelopes';
import { ProductSalesChannelLinks } from '../../../links/product-sales-channel.service';
import { VariantInventoryLinks } from '../../../links/variant-inventory-item.service';
import { VariantPriceSetLinks } from '../../../links/variant-price-set.service';
import { PricingService } from '../../pricing/pricing.service';
import { SalesChannelService } from '../../sales-channel/sales-channel.service';
import type { SalesChannelView } from '../../sales-channel/sales-channel.types';
import { ProductService } from '../product.service';
import type { ProductListFilters, ProductVariantView, ProductView } from '../product.types';

/** A variant's base price as the admin API shows it. */
export interface AdminVariantPrice {
  id: string;
  amount: number;
  currency_code: string;
  min_quantity: number | null;
  max_quantity: number | null;
  variant_id: string;
  price_set_id: string;
  rules: Record<string, string>;
  created_at: string;
  updated_at: string;
}

type AdminVariant = ProductVariantView & {
  prices?: AdminVariantPrice[];
  inventory_items?: Array<{ variant_id: string; inventory_item_id: string; required_quantity: number }>;
};
type AdminProduct = Omit<ProductView, 'variants'> & { variants?: AdminVariant[]; sales_channels?: SalesChannelView[] };

const RELATION_NAMES = new Set([
  'variants', 'variants.options', 'variants.options.option', 'variants.prices', 'variants.inventory_items', 'options', 'options.values',
  'images', 'tags', 'type', 'collection', 'categories', 'sales_channels', 'prices', 'inventory_items', 'product',
]);

/** The relations to load: parents of the selected fields, and relations selected by name (`+categories`). */
function relationsOf(fields: ResolvedFields): string[] {
  const named = fields.fields.filter((f) => RELATION_NAMES.has(f) || RELATION_NAMES.has(f.replace(/^product\./, '')));
  return [...new Set([...fields.relations, ...named])];
}

/** Filter values for ids arrive as `x` or `{$in: [...]}`: always a list here. */
function idList(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return [value];
  const inner = (value as { $in?: unknown; $eq?: unknown }).$in ?? (value as { $eq?: unknown }).$eq;
  return Array.isArray(inner) ? inner.map(String) : [String(inner)];
}

/**
 * The admin views of products and variants: the product module's view plus what other modules
 * own (sales channels, prices, inventory item links), each read with one query for the whole page.
 */
@Injectable()
export class AdminProductViews {
  constructor(
    private readonly products: ProductService,
    private readonly pricing: PricingService,
    private readonly salesChannels: SalesChannelService,
    private readonly variantPrices: VariantPriceSetLinks,
    private readonly variantInventory: VariantInventoryLinks,
    private readonly productChannels: ProductSalesChannelLinks,
  ) {}

  async list(ctx: Context, query: ListQuery): Promise<[Partial<AdminProduct>[], number]> {
    const { tag_id, category_id, sales_channel_id, ...columns } = query.filters;
    const filters: ProductListFilters = { ...columns, tag_id: idList(tag_id), category_id: idList(category_id), sales_channel_id: idList(sales_channel_id) };
    const [views, count] = await this.products.list(ctx, { ...query, filters, relations: relationsOf(query.fields) });
    return [(await this.decorate(ctx, views, relationsOf(query.fields))).map((p) => projectFields(p, query.fields)), count];
  }

  async retrieve(ctx: Context, id: string, fields: ResolvedFields): Promise<Partial<AdminProduct>> {
    const view = await this.products.retrieve(ctx, id, relationsOf(fields));
    const [product] = await this.decorate(ctx, [view], relationsOf(fields));
    return projectFields(product, fields);
  }

  async byIds(ctx: Context, ids: string[], fields: ResolvedFields): Promise<Partial<AdminProduct>[]> {
    const views = await this.products.listByIds(ctx, ids, relationsOf(fields));
    return (await this.decorate(ctx, views, relationsOf(fields))).map((p) => projectFields(p, fields));
  }

  /** Variants, of one product when `productId` is given. */
  async listVariants(ctx: Context, query: ListQuery, productId?: string): Promise<[Partial<AdminVariant>[], number]> {
    const filters = productId ? { ...query.filters, product: productId } : query.filters;
    if (productId) await this.products.assertExist(ctx, [productId]);
    const [views, count] = await this.products.listVariants(ctx, { ...query, filters, relations: relationsOf(query.fields) });
    return [(await this.decorateVariants(ctx, views, relationsOf(query.fields))).map((v) => projectFields(v, query.fields)), count];
  }

  async retrieveVariant(ctx: Context, productId: string, variantId: string, fields: ResolvedFields): Promise<Partial<AdminVariant>> {
    const view = await this.products.retrieveVariant(ctx, productId, variantId, relationsOf(fields));
    const [variant] = await this.decorateVariants(ctx, [view], relationsOf(fields));
    return projectFields(variant, fields);
  }

  private async decorate(ctx: Context, products: ProductView[], relations: readonly string[]): Promise<AdminProduct[]> {
    const result: AdminProduct[] = products.map((p) => ({ ...p }));
    if (relations.includes('sales_channels')) {
      const links = await this.productChannels.channelsOf(ctx, products.map((p) => p.id));
      const channels = await this.channelViews(ctx, [...new Set([...links.values()].flat())]);
      for (const product of result) product.sales_channels = (links.get(product.id) ?? []).map((id) => channels.get(id)).filter((c): c is SalesChannelView => !!c);
    }
    const variantRelations = relations.filter((r) => r.startsWith('variants.')).map((r) => r.slice('variants.'.length));
    const variants = result.flatMap((p) => p.variants ?? []);
    if (variants.length) {
      const decorated = new Map((await this.decorateVariants(ctx, variants, variantRelations)).map((v) => [v.id, v]));
      for (const product of result) if (product.variants) product.variants = product.variants.map((v) => decorated.get(v.id) ?? v);
    }
    return result;
  }

  private async decorateVariants(ctx: Context, variants: ProductVariantView[], relations: readonly string[]): Promise<AdminVariant[]> {
    const result: AdminVariant[] = variants.map((v) => ({ ...v }));
    const ids = variants.map((v) => v.id);
    if (relations.includes('prices')) {
      const sets = await this.variantPrices.priceSetsOf(ctx, ids);
      const prices = await this.pricing.listPrices(ctx, [...new Set(sets.values())]);
      for (const variant of result) {
        const setId = sets.get(variant.id);
        variant.prices = (setId ? (prices.get(setId) ?? []) : []).map((p) => ({
          id: p.id,
          amount: p.amount,
          currency_code: p.currency_code,
          min_quantity: p.min_quantity,
          max_quantity: p.max_quantity,
          variant_id: variant.id,
          price_set_id: p.price_set_id,
          rules: p.rules,
          created_at: p.created_at,
          updated_at: p.updated_at,
        }));
      }
    }
    if (relations.includes('inventory_items')) {
      const items = await this.variantInventory.itemsOf(ctx, ids);
      for (const variant of result) variant.inventory_items = (items.get(variant.id) ?? []).map((l) => ({ variant_id: variant.id, ...l }));
    }
    return result;
  }

  private async channelViews(ctx: Context, ids: string[]): Promise<Map<string, SalesChannelView>> {
    if (!ids.length) return new Map();
    const [channels] = await this.salesChannels.list(ctx, internalListQuery({ id: { $in: ids } }, { limit: ids.length }));
    return new Map(channels.map((c) => [c.id, c]));
  }
}
