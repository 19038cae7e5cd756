import { Injectable } from '@nestjs/common';
import type { RequiredEntityData } from '@mikro-orm/core';
import { Context } from '../../framework/context/context';
import { ErrorTypes, SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { ProductOptionValue } from './entities/product-option-value.entity';
import { ProductOption } from './entities/product-option.entity';
import { ProductVariant } from './entities/product-variant.entity';
import { Product } from './entities/product.entity';
import { CreateVariantInput, ProductEvents, UpdateVariantInput } from './product.types';

const VARIANT_COLUMNS = [
  'title', 'sku', 'barcode', 'ean', 'upc', 'allow_backorder', 'manage_inventory', 'variant_rank', 'hs_code', 'mid_code',
  'origin_country', 'material', 'weight', 'length', 'height', 'width', 'thumbnail', 'metadata',
] as const;

/** The unique identifiers of a variant, with Medusa's wording for a clash. */
const UNIQUE_CODES = ['sku', 'barcode', 'ean', 'upc'] as const;

export function duplicateError(message: string): SthenoError {
  return new SthenoError(ErrorTypes.DUPLICATE_ERROR, message);
}

/**
 * Variant writes and the option rules they obey: a variant names every option of its product
 * exactly once with one of the option's values, and no two variants of a product share a combination.
 */
@Injectable()
export class VariantWriter {
  constructor(private readonly events: EventBus) {}

  /** Creates variants of `product`, whose options (with values) must be loaded. */
  async create(tx: Context, product: Product, options: ProductOption[], inputs: CreateVariantInput[]): Promise<ProductVariant[]> {
    await this.assertCodesFree(tx, inputs, []);
    const existing = await this.combinationsOf(tx, product.id, []);
    const created: ProductVariant[] = [];
    for (const input of inputs) {
      const values = this.resolveOptions(options, input.options ?? {}, input.title);
      this.claimCombination(existing, values, input.title);
      const variant = tx.em.create(ProductVariant, { ...pickColumns(input), title: input.title, product, manage_inventory: input.manage_inventory ?? true } as RequiredEntityData<ProductVariant>);
      variant.options.set(values);
      created.push(variant);
      this.events.record(tx, ProductEvents.VARIANT_CREATED, { id: variant.id });
    }
    return created;
  }

  async update(tx: Context, variant: ProductVariant, options: ProductOption[], input: UpdateVariantInput): Promise<void> {
    await this.assertCodesFree(tx, [input], [variant.id]);
    const { options: optionInput, ...columns } = input;
    tx.em.assign(variant, pickColumns(columns));
    if (optionInput !== undefined) {
      const values = this.resolveOptions(options, optionInput, variant.title);
      this.claimCombination(await this.combinationsOf(tx, variant.product.id, [variant.id]), values, variant.title);
      await variant.options.init();
      variant.options.set(values);
    }
    this.events.record(tx, ProductEvents.VARIANT_UPDATED, { id: variant.id });
  }

  /** Soft-deletes the variants (ids of `productId`); returns the ids really deleted. */
  async softDelete(tx: Context, productId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const variants = await tx.em.find(ProductVariant, { id: { $in: ids }, product: productId });
    const found = new Set(variants.map((v) => v.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw SthenoError.notFound(`Variant with id: ${missing} was not found`);
    const now = new Date();
    for (const variant of variants) {
      variant.deleted_at = now;
      this.events.record(tx, ProductEvents.VARIANT_DELETED, { id: variant.id });
    }
    return variants.map((v) => v.id);
  }

  /** The option values an `{<option title>: <value>}` map names; every option exactly once. */
  resolveOptions(options: ProductOption[], given: Record<string, string>, variantTitle: string): ProductOptionValue[] {
    const byTitle = new Map(options.map((o) => [o.title, o]));
    const unknown = Object.keys(given).find((title) => !byTitle.has(title));
    if (unknown !== undefined) throw SthenoError.invalidData(`Option "${unknown}" of variant "${variantTitle}" does not exist on the product`);
    const values: ProductOptionValue[] = [];
    for (const option of options) {
      const wanted = given[option.title];
      if (wanted === undefined) throw SthenoError.invalidData(`Variant "${variantTitle}" must have a value for option "${option.title}"`);
      if (typeof wanted !== 'string') throw SthenoError.invalidData(`The value of option "${option.title}" of variant "${variantTitle}" must be a string`);
      const value = option.values.getItems().find((v) => v.value === wanted);
      if (!value) throw SthenoError.invalidData(`Option value "${wanted}" does not exist for option "${option.title}"`);
      values.push(value);
    }
    return values;
  }

  /** Combination keys (sorted value ids) of the product's variants, except `exclude`. */
  private async combinationsOf(tx: Context, productId: string, exclude: string[]): Promise<Set<string>> {
    const rows = await tx.em.execute<Array<{ key: string }>>(
      `select string_agg(pvo.option_value_id, ',' order by pvo.option_value_id) as key
         from product_variant v join product_variant_option pvo on pvo.variant_id = v.id
        where v.product_id = ? and v.deleted_at is null and not (v.id = any(?::text[]))
        group by v.id`,
      [productId, `{${exclude.map((id) => JSON.stringify(id)).join(',')}}`],
    );
    return new Set(rows.map((r) => r.key));
  }

  private claimCombination(taken: Set<string>, values: ProductOptionValue[], variantTitle: string): void {
    if (!values.length) return;
    const key = values.map((v) => v.id).sort().join(',');
    if (taken.has(key)) {
      const described = values.map((v) => `${v.option.title}: ${v.value}`).join(', ');
      throw SthenoError.invalidData(`Variant "${variantTitle}" has the same options (${described}) as another variant of the product`);
    }
    taken.add(key);
  }

  /** Refuses SKUs, barcodes, EANs and UPCs used twice in the input or by another variant. */
  private async assertCodesFree(tx: Context, inputs: UpdateVariantInput[], exceptIds: string[]): Promise<void> {
    for (const code of UNIQUE_CODES) {
      const wanted = inputs.map((i) => i[code]).filter((v): v is string => typeof v === 'string');
      const twice = wanted.find((v, i) => wanted.indexOf(v) !== i);
      if (twice !== undefined) throw duplicateError(`Product variant with ${code}: ${twice}, already exists.`);
      if (!wanted.length) continue;
      const where: Record<string, unknown> = { [code]: { $in: wanted } };
      if (exceptIds.length) where.id = { $nin: exceptIds };
      const clash = await tx.em.findOne(ProductVariant, where, { fields: [code] as never });
      if (clash) throw duplicateError(`Product variant with ${code}: ${clash[code]}, already exists.`);
    }
  }
}

function pickColumns(input: UpdateVariantInput): Partial<ProductVariant> {
  const columns: Record<string, unknown> = {};
  for (const key of VARIANT_COLUMNS) if (input[key] !== undefined) columns[key] = input[key];
  return columns as Partial<ProductVariant>;
}
