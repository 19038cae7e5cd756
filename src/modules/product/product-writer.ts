import { Injectable } from '@nestjs/common';
import { LockMode, RequiredEntityData } from '@mikro-orm/core';
import { Context } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { ProductCategory } from './entities/product-category.entity';
import { ProductCollection } from './entities/product-collection.entity';
import { ProductImage } from './entities/product-image.entity';
import { ProductOptionValue } from './entities/product-option-value.entity';
import { ProductOption } from './entities/product-option.entity';
import { ProductTag } from './entities/product-tag.entity';
import { ProductType } from './entities/product-type.entity';
import { ProductVariant } from './entities/product-variant.entity';
import { Product } from './entities/product.entity';
import { CreatedProduct, CreateProductInput, OptionInput, OptionUpsertInput, ProductEvents, ProductFieldsInput, UpdateProductInput } from './product.types';
import { duplicateError, VariantWriter } from './variant-writer';

const PRODUCT_COLUMNS = [
  'title', 'subtitle', 'description', 'handle', 'status', 'is_giftcard', 'discountable', 'thumbnail', 'type_id', 'collection_id',
  'weight', 'length', 'height', 'width', 'hs_code', 'mid_code', 'origin_country', 'material', 'external_id', 'metadata',
] as const;

/** Medusa's handle of a title: lower-case words joined by dashes, accents stripped. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Product, option and image writes, inside the caller's transaction. */
@Injectable()
export class ProductWriter {
  constructor(
    private readonly events: EventBus,
    private readonly variants: VariantWriter,
  ) {}

  async create(tx: Context, inputs: CreateProductInput[]): Promise<CreatedProduct[]> {
    const handles = inputs.map((input) => input.handle ?? slugify(input.title));
    await this.assertHandlesFree(tx, handles, []);
    await this.assertReferencesExist(tx, inputs);
    for (const input of inputs) assertDistinctTitles(input.options ?? []);
    const created: CreatedProduct[] = [];
    for (const [index, input] of inputs.entries()) {
      const product = tx.em.create(Product, { ...pickColumns(input), title: input.title, handle: handles[index] } as RequiredEntityData<Product>);
      await this.setRelations(tx, product, input);
      const options = (input.options ?? []).map((option) => this.newOption(tx, product, option));
      const variants = await this.variants.create(tx, product, options, input.variants ?? []);
      this.events.record(tx, ProductEvents.CREATED, { id: product.id });
      created.push({ id: product.id, variant_ids: variants.map((v) => v.id) });
    }
    await tx.em.flush();
    return created;
  }

  async update(tx: Context, id: string, input: UpdateProductInput): Promise<void> {
    const product = await this.load(tx, id);
    if (input.handle !== undefined && input.handle !== product.handle) await this.assertHandlesFree(tx, [input.handle], [id]);
    await this.assertReferencesExist(tx, [input]);
    tx.em.assign(product, pickColumns(input));
    await this.setRelations(tx, product, input);
    this.events.record(tx, ProductEvents.UPDATED, { id });
    await tx.em.flush();
  }

  /** Soft-deletes the products with their variants, options, values and images; returns their variant ids. */
  async delete(tx: Context, ids: string[]): Promise<Map<string, string[]>> {
    const products = await tx.em.find(Product, { id: { $in: ids } }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const found = new Set(products.map((p) => p.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw SthenoError.notFound(`Product with id: ${missing} was not found`);
    const variants = await tx.em.find(ProductVariant, { product: { $in: ids } }, { fields: ['id', 'product'] });
    const now = new Date();
    await tx.em.nativeUpdate(ProductVariant, { product: { $in: ids } }, { deleted_at: now });
    const options = await tx.em.find(ProductOption, { product: { $in: ids } }, { fields: ['id'] });
    await tx.em.nativeUpdate(ProductOptionValue, { option: { $in: options.map((o) => o.id) } }, { deleted_at: now });
    await tx.em.nativeUpdate(ProductOption, { product: { $in: ids } }, { deleted_at: now });
    await tx.em.nativeUpdate(ProductImage, { product: { $in: ids } }, { deleted_at: now });
    for (const product of products) {
      product.deleted_at = now;
      this.events.record(tx, ProductEvents.DELETED, { id: product.id });
    }
    for (const variant of variants) this.events.record(tx, ProductEvents.VARIANT_DELETED, { id: variant.id });
    await tx.em.flush();
    const byProduct = new Map<string, string[]>(ids.map((id) => [id, []]));
    for (const variant of variants) byProduct.get(variant.product.id)?.push(variant.id);
    return byProduct;
  }

  /** The product, locked for the rest of the transaction, with its options and their values. */
  async load(tx: Context, id: string): Promise<Product> {
    const product = await tx.em.findOne(Product, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!product) throw SthenoError.notFound(`Product with id: ${id} was not found`);
    return product;
  }

  async optionsOf(tx: Context, productId: string): Promise<ProductOption[]> {
    return tx.em.find(ProductOption, { product: productId }, { populate: ['values'] as never, orderBy: { created_at: 'ASC', id: 'ASC' }, refresh: true });
  }

  async createOption(tx: Context, productId: string, input: OptionInput): Promise<string> {
    const product = await this.load(tx, productId);
    const existing = await this.optionsOf(tx, productId);
    if (existing.some((o) => o.title === input.title)) throw duplicateError(`Product option with title: ${input.title}, already exists.`);
    const option = this.newOption(tx, product, input);
    this.events.record(tx, ProductEvents.OPTION_CREATED, { id: option.id });
    await tx.em.flush();
    return option.id;
  }

  /** `values`, when given, replace the option's values; variants lose the values that go. */
  async updateOption(tx: Context, productId: string, optionId: string, input: Partial<OptionInput>): Promise<void> {
    await this.load(tx, productId);
    const options = await this.optionsOf(tx, productId);
    const option = options.find((o) => o.id === optionId);
    if (!option) throw SthenoError.notFound(`Product option with id: ${optionId} was not found`);
    if (input.title !== undefined && input.title !== option.title && options.some((o) => o.title === input.title)) {
      throw duplicateError(`Product option with title: ${input.title}, already exists.`);
    }
    await this.applyOption(tx, option, input);
    await tx.em.flush();
  }

  /**
   * Makes `inputs` exactly the product's options (Medusa's product update with `options`): an entry
   * names an existing option by id, or else by title, and updates it; other entries are created;
   * options not named are deleted, and variants lose their values.
   */
  async replaceOptions(tx: Context, productId: string, inputs: OptionUpsertInput[]): Promise<void> {
    await this.load(tx, productId);
    const current = await this.optionsOf(tx, productId);
    const matched = inputs.map((input) => {
      if (input.id === undefined) return current.find((o) => o.title === input.title);
      const option = current.find((o) => o.id === input.id);
      if (!option) throw SthenoError.notFound(`Product option with id: ${input.id} was not found`);
      return option;
    });
    const named = matched.filter((o): o is ProductOption => !!o);
    if (new Set(named).size !== named.length) throw SthenoError.invalidData('An option of the product is named twice');
    assertDistinctTitles(inputs.map((input, i) => ({ title: input.title ?? matched[i]?.title })));
    const now = new Date();
    for (const option of current.filter((o) => !named.includes(o))) {
      await this.removeValues(tx, option.values.getItems());
      option.deleted_at = now;
      this.events.record(tx, ProductEvents.OPTION_DELETED, { id: option.id });
    }
    await tx.em.flush(); // an option may take the title of one that goes: the unique index must see it gone first
    const product = tx.em.getReference(Product, productId);
    for (const [i, input] of inputs.entries()) {
      const option = matched[i];
      if (option) {
        await this.applyOption(tx, option, input);
        continue;
      }
      if (input.title === undefined) throw SthenoError.invalidData('A new product option needs a title');
      const created = this.newOption(tx, product, { title: input.title, values: input.values ?? [], metadata: input.metadata });
      this.events.record(tx, ProductEvents.OPTION_CREATED, { id: created.id });
    }
    await tx.em.flush();
  }

  /** Applies an update to a loaded option (with its values); the caller checks title clashes and flushes. */
  private async applyOption(tx: Context, option: ProductOption, input: Partial<OptionInput>): Promise<void> {
    if (input.title !== undefined) option.title = input.title;
    if (input.metadata !== undefined) option.metadata = input.metadata;
    if (input.values !== undefined) {
      const wanted = [...new Set(input.values)];
      const current = option.values.getItems();
      const gone = current.filter((v) => !wanted.includes(v.value));
      await this.removeValues(tx, gone);
      for (const [rank, value] of wanted.entries()) {
        const kept = current.find((v) => v.value === value);
        if (kept) kept.rank = rank;
        else tx.em.create(ProductOptionValue, { value, rank, option, metadata: null });
      }
    }
    option.updated_at = new Date();
    this.events.record(tx, ProductEvents.OPTION_UPDATED, { id: option.id });
  }

  async deleteOption(tx: Context, productId: string, optionId: string): Promise<void> {
    await this.load(tx, productId);
    const option = (await this.optionsOf(tx, productId)).find((o) => o.id === optionId);
    if (!option) throw SthenoError.notFound(`Product option with id: ${optionId} was not found`);
    await this.removeValues(tx, option.values.getItems());
    option.deleted_at = new Date();
    this.events.record(tx, ProductEvents.OPTION_DELETED, { id: optionId });
    await tx.em.flush();
  }

  /** Soft-deletes option values and takes them off every variant that used them (as Medusa does). */
  private async removeValues(tx: Context, values: ProductOptionValue[]): Promise<void> {
    if (!values.length) return;
    const ids = values.map((v) => v.id);
    await tx.em.execute(`delete from product_variant_option where option_value_id = any(?::text[])`, [`{${ids.map((id) => JSON.stringify(id)).join(',')}}`]);
    const now = new Date();
    for (const value of values) value.deleted_at = now;
  }

  private newOption(tx: Context, product: Product, input: OptionInput): ProductOption {
    const option = tx.em.create(ProductOption, { title: input.title, is_exclusive: true, metadata: input.metadata ?? null, product });
    for (const [rank, value] of [...new Set(input.values)].entries()) {
      option.values.add(tx.em.create(ProductOptionValue, { value, rank, option, metadata: null }));
    }
    return option;
  }

  private async setRelations(tx: Context, product: Product, input: ProductFieldsInput): Promise<void> {
    if (input.tags !== undefined) {
      if (!product.tags.isInitialized()) await product.tags.init();
      product.tags.set(input.tags.map((t) => tx.em.getReference(ProductTag, t.id)));
    }
    if (input.categories !== undefined) {
      if (!product.categories.isInitialized()) await product.categories.init();
      product.categories.set(input.categories.map((c) => tx.em.getReference(ProductCategory, c.id)));
    }
    if (input.images !== undefined) await this.replaceImages(tx, product, input.images);
  }

  /** The images become exactly `images`, ranked by position; rows whose URL stays are kept. */
  private async replaceImages(tx: Context, product: Product, images: NonNullable<ProductFieldsInput['images']>): Promise<void> {
    const current = await tx.em.find(ProductImage, { product: product.id });
    const unused = [...current];
    for (const [rank, image] of images.entries()) {
      const at = unused.findIndex((row) => row.url === image.url);
      if (at >= 0) {
        const [row] = unused.splice(at, 1);
        row.rank = rank;
        if (image.metadata !== undefined) row.metadata = image.metadata;
      } else {
        tx.em.create(ProductImage, { url: image.url, rank, metadata: image.metadata ?? null, product });
      }
    }
    const now = new Date();
    for (const row of unused) row.deleted_at = now;
  }

  private async assertHandlesFree(tx: Context, handles: string[], exceptIds: string[]): Promise<void> {
    const empty = handles.find((h) => !h);
    if (empty !== undefined) throw SthenoError.invalidData('Product handle cannot be empty');
    const twice = handles.find((h, i) => handles.indexOf(h) !== i);
    if (twice !== undefined) throw duplicateError(`Product with handle: ${twice}, already exists.`);
    const where: Record<string, unknown> = { handle: { $in: handles } };
    if (exceptIds.length) where.id = { $nin: exceptIds };
    const clash = await tx.em.findOne(Product, where, { fields: ['handle'] });
    if (clash) throw duplicateError(`Product with handle: ${clash.handle}, already exists.`);
  }

  /** Types, collections, tags and categories must exist: checked in one query per kind. */
  private async assertReferencesExist(tx: Context, inputs: ProductFieldsInput[]): Promise<void> {
    const ids = (pick: (i: ProductFieldsInput) => Array<string | null | undefined>) => [...new Set(inputs.flatMap(pick).filter((v): v is string => !!v))];
    await assertAll(tx, ProductType, ids((i) => [i.type_id]), 'Product type');
    await assertAll(tx, ProductCollection, ids((i) => [i.collection_id]), 'Product collection');
    await assertAll(tx, ProductTag, ids((i) => (i.tags ?? []).map((t) => t.id)), 'Product tag');
    await assertAll(tx, ProductCategory, ids((i) => (i.categories ?? []).map((c) => c.id)), 'Product category');
  }
}

async function assertAll(
  tx: Context,
  entity: typeof ProductType | typeof ProductCollection | typeof ProductTag | typeof ProductCategory,
  ids: string[],
  label: string,
): Promise<void> {
  if (!ids.length) return;
  const rows = (await tx.em.find(entity as typeof ProductTag, { id: { $in: ids } }, { fields: ['id'] })) as Array<{ id: string }>;
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw SthenoError.notFound(`${label} with id: ${missing} was not found`);
}

/** Two options of one product cannot share a title (variants name their values by option title). */
export function assertDistinctTitles(options: Array<{ title?: string }>): void {
  const titles = options.map((o) => o.title).filter((t): t is string => t !== undefined);
  const twice = titles.find((title, i) => titles.indexOf(title) !== i);
  if (twice !== undefined) throw duplicateError(`Product option with title: ${twice}, already exists.`);
}

function pickColumns(input: ProductFieldsInput): Partial<Product> {
  const columns: Record<string, unknown> = {};
  for (const key of PRODUCT_COLUMNS) if (input[key] !== undefined) columns[key] = input[key];
  return columns as Partial<Product>;
}
