import { Injectable } from '@nestjs/common';
import { Context, inTransaction } from '../../framework/context/context';
import { containsPattern } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { ProductCategory } from './entities/product-category.entity';
import { ProductCollection } from './entities/product-collection.entity';
import { ProductTag } from './entities/product-tag.entity';
import { ProductType } from './entities/product-type.entity';
import { ProductVariant } from './entities/product-variant.entity';
import { ProductReader } from './product-reader';
import { ProductWriter } from './product-writer';
import {
  CreatedProduct,
  CreateProductInput,
  CreateVariantInput,
  OptionInput,
  OptionUpsertInput,
  ProductListQuery,
  ProductOptionView,
  ProductVariantView,
  ProductView,
  UpdateProductInput,
  UpdateVariantInput,
  VariantForCart,
  VariantListQuery,
} from './product.types';
import { variantsForCart } from './variants-for-cart';

import { ProductCategoryService } from './taxonomy/product-category.service';
import type { CreateCategoryInput } from './taxonomy/taxonomy.types';
import { VariantWriter } from './variant-writer';

/** The cart read of variants, for read models that extend it (src/reads/cart-lines). */
export { toVariantForCart, VARIANTS_FOR_CART_SQL } from './variants-for-cart';
export type { VariantForCartRow } from './variants-for-cart';

/**
 * The product module's facade: products with their options, variants and images. Prices,
 * inventory and sales channels live in other modules; the product flows (`src/flows/product`)
 * combine them with these writes in one transaction.
 */
@Injectable()
export class ProductService {
  constructor(
    private readonly reader: ProductReader,
    private readonly writer: ProductWriter,
    private readonly variants: VariantWriter,
    private readonly categories: ProductCategoryService,
  ) {}

  // ---- reads -------------------------------------------------------------------------------

  /** A page of products; `relations` are the product relations to load (see PRODUCT_RELATIONS). */
  list(ctx: Context, query: ProductListQuery): Promise<[ProductView[], number]> {
    return this.reader.list(ctx, query);
  }

  retrieve(ctx: Context, id: string, relations: readonly string[]): Promise<ProductView> {
    return this.reader.retrieve(ctx, id, relations);
  }

  /** Products by id, in the order given (missing ids are skipped). */
  async listByIds(ctx: Context, ids: string[], relations: readonly string[]): Promise<ProductView[]> {
    if (!ids.length) return [];
    const [views] = await this.reader.list(ctx, { filters: { id: { $in: ids } }, limit: ids.length, offset: 0, order: [], relations });
    const byId = new Map(views.map((v) => [v.id, v]));
    return ids.map((id) => byId.get(id)).filter((v): v is ProductView => !!v);
  }

  /** Variants; `relations` may hold `options`, `product` and `product.<relation>`. */
  listVariants(ctx: Context, query: VariantListQuery): Promise<[ProductVariantView[], number]> {
    return this.reader.listVariants(ctx, query);
  }

  retrieveVariant(ctx: Context, productId: string, variantId: string, relations: readonly string[]): Promise<ProductVariantView> {
    return this.reader.retrieveVariant(ctx, productId, variantId, relations);
  }

  listOptions(ctx: Context, productId: string, filters: Record<string, unknown> = {}): Promise<ProductOptionView[]> {
    return this.reader.listOptions(ctx, productId, filters);
  }

  retrieveOption(ctx: Context, productId: string, optionId: string): Promise<ProductOptionView> {
    return this.reader.retrieveOption(ctx, productId, optionId);
  }

  /** product_id → its (undeleted) variant ids, in variant order; one query. */
  variantIdsOf(ctx: Context, productIds: string[]): Promise<Map<string, string[]>> {
    return this.reader.variantIdsOf(ctx, productIds);
  }

  /** Throws not_found naming the first id that is not an (undeleted) product. */
  async assertExist(ctx: Context, ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (!unique.length) return;
    const found = new Set((await this.listByIds(ctx, unique, [])).map((p) => p.id));
    const missing = unique.find((id) => !found.has(id));
    if (missing) throw SthenoError.notFound(`Product with id: ${missing} was not found`);
  }

  /** The variants' `sku`, `title` and `manage_inventory` (what inventory items are made from). */
  async variantBasics(ctx: Context, variantIds: string[]): Promise<Map<string, { id: string; product_id: string; title: string; sku: string | null; manage_inventory: boolean }>> {
    if (!variantIds.length) return new Map();
    const rows = await ctx.em.find(ProductVariant, { id: { $in: variantIds } }, { fields: ['id', 'title', 'sku', 'manage_inventory', 'product'] });
    return new Map(rows.map((v) => [v.id, { id: v.id, product_id: v.product.id, title: v.title, sku: v.sku, manage_inventory: v.manage_inventory }]));
  }

  /** Variants (undeleted, of undeleted products) with everything a cart line needs; one statement. */
  variantsForCart(ctx: Context, variantIds: string[]): Promise<Map<string, VariantForCart>> {
    return variantsForCart(ctx, variantIds);
  }

  // ---- writes (each joins the caller's transaction) -----------------------------------------

  create(ctx: Context, inputs: CreateProductInput[]): Promise<CreatedProduct[]> {
    return inTransaction(ctx, (tx) => this.writer.create(tx, inputs));
  }

  update(ctx: Context, id: string, input: UpdateProductInput): Promise<void> {
    return inTransaction(ctx, (tx) => this.writer.update(tx, id, input));
  }

  /** Soft-deletes products with everything they own; returns product_id → deleted variant ids. */
  delete(ctx: Context, ids: string[]): Promise<Map<string, string[]>> {
    return inTransaction(ctx, (tx) => this.writer.delete(tx, ids));
  }

  async createVariants(ctx: Context, productId: string, inputs: CreateVariantInput[]): Promise<string[]> {
    return inTransaction(ctx, async (tx) => {
      const product = await this.writer.load(tx, productId);
      const options = await this.writer.optionsOf(tx, productId);
      const variants = await this.variants.create(tx, product, options, inputs);
      product.updated_at = new Date();
      await tx.em.flush();
      return variants.map((v) => v.id);
    });
  }

  async updateVariant(ctx: Context, productId: string, variantId: string, input: UpdateVariantInput): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const product = await this.writer.load(tx, productId);
      const variant = await tx.em.findOne(ProductVariant, { id: variantId, product: productId });
      if (!variant) throw SthenoError.notFound(`Variant with id: ${variantId} was not found`);
      await this.variants.update(tx, variant, await this.writer.optionsOf(tx, productId), input);
      product.updated_at = new Date();
      await tx.em.flush();
    });
  }

  /** Soft-deletes variants of the product; throws not_found for an id that is not one of them. */
  async deleteVariants(ctx: Context, productId: string, variantIds: string[]): Promise<string[]> {
    return inTransaction(ctx, async (tx) => {
      const product = await this.writer.load(tx, productId);
      const deleted = await this.variants.softDelete(tx, productId, variantIds);
      product.updated_at = new Date();
      await tx.em.flush();
      return deleted;
    });
  }

  /** Throws not_found unless the variant belongs to the product. */
  async assertVariantOf(ctx: Context, productId: string, variantId: string): Promise<void> {
    if (!(await ctx.em.count(ProductVariant, { id: variantId, product: productId }))) {
      throw SthenoError.notFound(`Variant with id: ${variantId} was not found`);
    }
  }

  createOption(ctx: Context, productId: string, input: OptionInput): Promise<string> {
    return inTransaction(ctx, (tx) => this.writer.createOption(tx, productId, input));
  }

  updateOption(ctx: Context, productId: string, optionId: string, input: Partial<OptionInput>): Promise<void> {
    return inTransaction(ctx, (tx) => this.writer.updateOption(tx, productId, optionId, input));
  }

  /** The product's options become exactly `options` (by id, else by title: updated; others created; the rest deleted). */
  replaceOptions(ctx: Context, productId: string, options: OptionUpsertInput[]): Promise<void> {
    return inTransaction(ctx, (tx) => this.writer.replaceOptions(tx, productId, options));
  }

  deleteOption(ctx: Context, productId: string, optionId: string): Promise<void> {
    return inTransaction(ctx, (tx) => this.writer.deleteOption(tx, productId, optionId));
  }

  // ---- taxonomy ----------------------------------------------------------------------------

  /**
   * Collections, categories, types or tags as `{value: id, label}` (the promotion module's rule
   * value options): filtered by ids and/or a case-insensitive label substring, ordered by label.
   */
  async taxonomyLabels(
    ctx: Context,
    kind: 'collection' | 'category' | 'type' | 'tag',
    query: { ids?: string[]; q?: string; limit: number; offset: number },
  ): Promise<Array<{ value: string; label: string }>> {
    const [entity, label] = {
      collection: [ProductCollection, 'title'],
      category: [ProductCategory, 'name'],
      type: [ProductType, 'value'],
      tag: [ProductTag, 'value'],
    }[kind] as [typeof ProductTag, 'value'];
    const where: Record<string, unknown> = {};
    if (query.ids) where.id = { $in: query.ids };
    if (query.q) where[label] = { $ilike: containsPattern(query.q) };
    const rows = await ctx.em.find(entity, where, { fields: ['id', label], orderBy: { [label]: 'ASC', id: 'ASC' }, limit: query.limit, offset: query.offset });
    return rows.map((row) => ({ value: row.id, label: (row as unknown as Record<string, string>)[label] }));
  }

  /** Creates a category (seeders and other modules; the admin routes use the taxonomy services directly). Returns its id. */
  createCategory(ctx: Context, input: CreateCategoryInput): Promise<string> {
    return this.categories.create(ctx, input);
  }
}
