import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SchemaObjectMetadata } from '@nestjs/swagger/dist/interfaces/schema-object-metadata.interface';

/**
 * Response shapes of the store catalog (medusa-wire 03–05). Every property but `id` is optional:
 * `fields` can select any subset, and nested items carry only the fields selected under them.
 */

const nullableString = { type: String, nullable: true } as const;
const nullableInt = { type: Number, nullable: true } as const;
const metadata = { type: 'object', additionalProperties: true, nullable: true } as const;
const timestamp = { type: String, format: 'date-time' } as const;
const nullableTimestamp = { type: String, format: 'date-time', nullable: true } as const;

const TIMESTAMP_PROPERTIES = {
  created_at: { type: 'string', format: 'date-time' },
  updated_at: { type: 'string', format: 'date-time' },
  deleted_at: { type: 'string', format: 'date-time', nullable: true },
  metadata: { type: 'object', additionalProperties: true, nullable: true },
} as const;

/**
 * A to-one relation that may be null, described inline: OpenAPI 3.0 cannot make a `$ref` nullable
 * in a way JSON-schema validators honour (`nullable` needs `type` beside it).
 */
function nullableObject(description: string, properties: Record<string, object>) {
  return { type: 'object', nullable: true, description, properties: { ...properties, ...TIMESTAMP_PROPERTIES } } as const;
}

const OPTION_SCHEMA = nullableObject('The product option', { id: { type: 'string' }, title: { type: 'string' }, is_exclusive: { type: 'boolean' } });
const TYPE_SCHEMA = nullableObject('The product type', { id: { type: 'string' }, value: { type: 'string' } });
const COLLECTION_SCHEMA = nullableObject('The product collection', { id: { type: 'string' }, title: { type: 'string' }, handle: { type: 'string' } });

class Timestamps {
  @ApiPropertyOptional(timestamp) created_at?: string;
  @ApiPropertyOptional(timestamp) updated_at?: string;
  @ApiPropertyOptional(nullableTimestamp) deleted_at?: string | null;
}

export class StoreOptionDto extends Timestamps {
  @ApiPropertyOptional({ example: 'opt_01M7XM5FJHW15QQE2YYHEZC5AC' }) id?: string;
  @ApiPropertyOptional({ example: 'Size' }) title?: string;
  @ApiPropertyOptional() is_exclusive?: boolean;
  @ApiPropertyOptional(metadata) metadata?: Record<string, unknown> | null;
}

export class StoreOptionValueDto extends Timestamps {
  @ApiPropertyOptional({ example: 'optval_01M7XM5FJP7HHVB9VK0NFWSDBY' }) id?: string;
  @ApiPropertyOptional({ example: 'S' }) value?: string;
  @ApiPropertyOptional(nullableInt) rank?: number | null;
  @ApiPropertyOptional(metadata) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional() option_id?: string;
}

export class StoreVariantOptionValueDto extends StoreOptionValueDto {
  @ApiPropertyOptional(OPTION_SCHEMA) option?: StoreOptionDto | null;
}

export class StoreProductOptionDto extends StoreOptionDto {
  @ApiPropertyOptional({ type: [StoreOptionValueDto] }) values?: StoreOptionValueDto[];
}

class RawAmountDto {
  @ApiProperty({ example: '10' }) value!: string;
  @ApiProperty({ example: 20 }) precision!: number;
}

class CalculatedPriceRefDto {
  @ApiProperty() id!: string;
  @ApiProperty(nullableString) price_list_id!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['sale', 'override', null] }) price_list_type!: string | null;
  @ApiProperty(nullableInt) min_quantity!: number | null;
  @ApiProperty(nullableInt) max_quantity!: number | null;
}

const PRICE_REF = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    price_list_id: { type: 'string', nullable: true },
    price_list_type: { type: 'string', nullable: true, enum: ['sale', 'override', null] },
    min_quantity: { type: 'number', nullable: true },
    max_quantity: { type: 'number', nullable: true },
  },
};
const RAW_AMOUNT = { type: 'object', properties: { value: { type: 'string' }, precision: { type: 'integer' } } };
const CALCULATED_PRICE_PROPERTIES = {
  id: { type: 'string' },
  is_calculated_price_price_list: { type: 'boolean' },
  is_calculated_price_tax_inclusive: { type: 'boolean' },
  calculated_amount: { type: 'number' },
  raw_calculated_amount: RAW_AMOUNT,
  is_original_price_price_list: { type: 'boolean' },
  is_original_price_tax_inclusive: { type: 'boolean' },
  original_amount: { type: 'number' },
  raw_original_amount: RAW_AMOUNT,
  currency_code: { type: 'string' },
  calculated_price: PRICE_REF,
  original_price: PRICE_REF,
};

/** Medusa's `calculated_price` of a variant in the request's region. */
export class CalculatedPriceDto {
  @ApiPropertyOptional({ description: 'The price set id' }) id?: string;
  @ApiPropertyOptional() is_calculated_price_price_list?: boolean;
  @ApiPropertyOptional() is_calculated_price_tax_inclusive?: boolean;
  @ApiPropertyOptional({ example: 10 }) calculated_amount?: number;
  @ApiPropertyOptional({ type: RawAmountDto }) raw_calculated_amount?: RawAmountDto;
  @ApiPropertyOptional() is_original_price_price_list?: boolean;
  @ApiPropertyOptional() is_original_price_tax_inclusive?: boolean;
  @ApiPropertyOptional({ example: 10 }) original_amount?: number;
  @ApiPropertyOptional({ type: RawAmountDto }) raw_original_amount?: RawAmountDto;
  @ApiPropertyOptional({ example: 'eur' }) currency_code?: string;
  @ApiPropertyOptional({ type: CalculatedPriceRefDto }) calculated_price?: CalculatedPriceRefDto;
  @ApiPropertyOptional({ type: CalculatedPriceRefDto }) original_price?: CalculatedPriceRefDto;
}

export class StoreImageDto extends Timestamps {
  @ApiPropertyOptional({ example: 'img_01M7XM5FJMZXCK3JNHW9Q2PRHV' }) id?: string;
  @ApiPropertyOptional() url?: string;
  @ApiPropertyOptional(metadata) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional() rank?: number;
  @ApiPropertyOptional() product_id?: string;
}

/** A tag or a type: `{id, value, metadata, timestamps}`. */
export class StoreTagDto extends Timestamps {
  @ApiPropertyOptional() id?: string;
  @ApiPropertyOptional() value?: string;
  @ApiPropertyOptional(metadata) metadata?: Record<string, unknown> | null;
}

export class StoreCollectionDto extends Timestamps {
  @ApiPropertyOptional() id?: string;
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional() handle?: string;
  @ApiPropertyOptional(metadata) metadata?: Record<string, unknown> | null;
}

export class StoreCategoryDto extends Timestamps {
  @ApiPropertyOptional() id?: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional() handle?: string;
  @ApiPropertyOptional() mpath?: string;
  @ApiPropertyOptional() is_active?: boolean;
  @ApiPropertyOptional() is_internal?: boolean;
  @ApiPropertyOptional() rank?: number;
  @ApiPropertyOptional(nullableString) parent_category_id?: string | null;
  @ApiPropertyOptional(metadata) metadata?: Record<string, unknown> | null;
}

class StoreProductScalars extends Timestamps {
  @ApiPropertyOptional({ example: 'Medusa Sweatshirt' }) title?: string;
  @ApiPropertyOptional(nullableString) subtitle?: string | null;
  @ApiPropertyOptional(nullableString) description?: string | null;
  @ApiPropertyOptional({ example: 'sweatshirt' }) handle?: string;
  @ApiPropertyOptional() is_giftcard?: boolean;
  @ApiPropertyOptional() discountable?: boolean;
  @ApiPropertyOptional(nullableString) thumbnail?: string | null;
  @ApiPropertyOptional(nullableString) collection_id?: string | null;
  @ApiPropertyOptional(nullableString) type_id?: string | null;
  @ApiPropertyOptional(nullableInt) weight?: number | null;
  @ApiPropertyOptional(nullableInt) length?: number | null;
  @ApiPropertyOptional(nullableInt) height?: number | null;
  @ApiPropertyOptional(nullableInt) width?: number | null;
  @ApiPropertyOptional(nullableString) hs_code?: string | null;
  @ApiPropertyOptional(nullableString) origin_country?: string | null;
  @ApiPropertyOptional(nullableString) mid_code?: string | null;
  @ApiPropertyOptional(nullableString) material?: string | null;
  @ApiPropertyOptional({ example: 'published' }) status?: string;
  @ApiPropertyOptional(nullableString) external_id?: string | null;
  @ApiPropertyOptional(metadata) metadata?: Record<string, unknown> | null;
}

@ApiExtraModels(CalculatedPriceDto)
class StoreVariantScalars extends Timestamps {
  @ApiPropertyOptional({ example: 'S' }) title?: string;
  @ApiPropertyOptional(nullableString) sku?: string | null;
  @ApiPropertyOptional(nullableString) barcode?: string | null;
  @ApiPropertyOptional(nullableString) ean?: string | null;
  @ApiPropertyOptional(nullableString) upc?: string | null;
  @ApiPropertyOptional() allow_backorder?: boolean;
  @ApiPropertyOptional() manage_inventory?: boolean;
  @ApiPropertyOptional(nullableString) hs_code?: string | null;
  @ApiPropertyOptional(nullableString) origin_country?: string | null;
  @ApiPropertyOptional(nullableString) mid_code?: string | null;
  @ApiPropertyOptional(nullableString) material?: string | null;
  @ApiPropertyOptional(nullableInt) weight?: number | null;
  @ApiPropertyOptional(nullableInt) length?: number | null;
  @ApiPropertyOptional(nullableInt) height?: number | null;
  @ApiPropertyOptional(nullableInt) width?: number | null;
  @ApiPropertyOptional(metadata) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional() variant_rank?: number;
  @ApiPropertyOptional(nullableString) thumbnail?: string | null;
  @ApiPropertyOptional() product_id?: string;
  @ApiPropertyOptional({ type: [StoreVariantOptionValueDto] }) options?: StoreVariantOptionValueDto[];
  @ApiPropertyOptional({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    properties: CALCULATED_PRICE_PROPERTIES as Record<string, SchemaObjectMetadata>,
    description: 'With `+calculated_price` and a region context; null when no price applies (shape: CalculatedPriceDto)',
  })
  calculated_price?: CalculatedPriceDto | null;
  @ApiPropertyOptional({ description: 'Sellable stock at the key’s channels’ locations; managed variants only (`+inventory_quantity`)' })
  inventory_quantity?: number;
}

export class StoreProductVariantDto extends StoreVariantScalars {
  @ApiPropertyOptional({ example: 'variant_01M7XM5FNK2NMD361BSA2C8YN9' }) id?: string;
}

/** A product's own fields (`product` of a variant). */
export class StoreVariantProductDto extends StoreProductScalars {
  @ApiPropertyOptional() id?: string;
}

export class StoreVariantDto extends StoreVariantScalars {
  @ApiProperty({ example: 'variant_01M7XM5FNK2NMD361BSA2C8YN9' }) id!: string;
  @ApiPropertyOptional({ type: StoreVariantProductDto }) product?: StoreVariantProductDto;
}

export class StoreProductDto extends StoreProductScalars {
  @ApiProperty({ example: 'prod_01M7XM5FJH23YZPWT9Z5D0QED8' }) id!: string;
  @ApiPropertyOptional({ type: [StoreProductVariantDto] }) variants?: StoreProductVariantDto[];
  @ApiPropertyOptional({ type: [StoreProductOptionDto] }) options?: StoreProductOptionDto[];
  @ApiPropertyOptional({ type: [StoreImageDto] }) images?: StoreImageDto[];
  @ApiPropertyOptional({ type: [StoreTagDto] }) tags?: StoreTagDto[];
  @ApiPropertyOptional(TYPE_SCHEMA) type?: StoreTagDto | null;
  @ApiPropertyOptional(COLLECTION_SCHEMA) collection?: StoreCollectionDto | null;
  @ApiPropertyOptional({ type: [StoreCategoryDto], description: 'Active, public categories only' }) categories?: StoreCategoryDto[];
}
