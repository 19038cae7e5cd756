import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';

/**
 * Response shapes of the admin product routes. Every property but the product's id is optional:
 * `fields` selects what the client receives, down to single fields of relations (`variants.sku`).
 */
const JSON_OBJECT = { type: 'object', additionalProperties: true, nullable: true } as const;
const DATE = { format: 'date-time' } as const;
const NULLABLE_DATE = { format: 'date-time', type: String, nullable: true } as const;
const NULLABLE_STRING = { type: String, nullable: true } as const;
const NULLABLE_INT = { type: Number, nullable: true } as const;

const STRING = { type: 'string' } as const;
const NULLABLE = { type: 'string', nullable: true } as const;
/** A to-one relation that may be null: described inline, since a nullable `$ref` cannot be. */
function nullableObject(properties: Record<string, object>) {
  return { type: 'object', nullable: true, properties, additionalProperties: false } as never;
}

export class ProductOptionSummaryDto {
  @ApiPropertyOptional({ example: 'opt_01M7XM5FJHW15QQE2YYHEZC5AC' }) id?: string;
  @ApiPropertyOptional({ example: 'Size' }) title?: string;
  @ApiPropertyOptional() is_exclusive?: boolean;
  @ApiPropertyOptional(JSON_OBJECT) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional() product_id?: string;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
}

export class ProductOptionValueDto {
  @ApiPropertyOptional({ example: 'optval_01M7XM5FJP7HHVB9VK0NFWSDBY' }) id?: string;
  @ApiPropertyOptional({ example: 'M' }) value?: string;
  @ApiPropertyOptional(NULLABLE_INT) rank?: number | null;
  @ApiPropertyOptional(JSON_OBJECT) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional() option_id?: string;
  @ApiPropertyOptional({ type: () => ProductOptionSummaryDto, description: 'The option (inside a variant\'s options)' }) option?: ProductOptionSummaryDto;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
}

export class ProductOptionDto extends ProductOptionSummaryDto {
  @ApiPropertyOptional({ type: [ProductOptionValueDto] }) values?: ProductOptionValueDto[];
}

export class ProductImageDto {
  @ApiPropertyOptional({ example: 'img_01M7XM5FJMZXCK3JNHW9Q2PRHV' }) id?: string;
  @ApiPropertyOptional() url?: string;
  @ApiPropertyOptional() rank?: number;
  @ApiPropertyOptional(JSON_OBJECT) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional() product_id?: string;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
}

export class ProductTagDto {
  @ApiPropertyOptional() id?: string;
  @ApiPropertyOptional() value?: string;
  @ApiPropertyOptional(JSON_OBJECT) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
}

export class ProductCollectionDto {
  @ApiPropertyOptional() id?: string;
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional() handle?: string;
  @ApiPropertyOptional(JSON_OBJECT) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
}

export class ProductCategoryDto {
  @ApiPropertyOptional() id?: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional() handle?: string;
  @ApiPropertyOptional() mpath?: string;
  @ApiPropertyOptional() is_active?: boolean;
  @ApiPropertyOptional() is_internal?: boolean;
  @ApiPropertyOptional() rank?: number;
  @ApiPropertyOptional(NULLABLE_STRING) parent_category_id?: string | null;
  @ApiPropertyOptional(JSON_OBJECT) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
}

export class VariantPriceDto {
  @ApiPropertyOptional({ example: 'price_01M7XM5FSPXTS27B93PT9B3KDB' }) id?: string;
  @ApiPropertyOptional({ example: 10, description: 'Major units' }) amount?: number;
  @ApiPropertyOptional({ example: 'eur' }) currency_code?: string;
  @ApiPropertyOptional(NULLABLE_INT) min_quantity?: number | null;
  @ApiPropertyOptional(NULLABLE_INT) max_quantity?: number | null;
  @ApiPropertyOptional() variant_id?: string;
  @ApiPropertyOptional() price_set_id?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } }) rules?: Record<string, string>;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
}

export class VariantInventoryItemDto {
  @ApiPropertyOptional() variant_id?: string;
  @ApiPropertyOptional() inventory_item_id?: string;
  @ApiPropertyOptional() required_quantity?: number;
}

export class SalesChannelSummaryDto {
  @ApiPropertyOptional() id?: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional(NULLABLE_STRING) description?: string | null;
  @ApiPropertyOptional() is_disabled?: boolean;
  @ApiPropertyOptional(JSON_OBJECT) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
}

class VariantBaseDto {
  @ApiPropertyOptional({ example: 'variant_01M7XM5FNK2NMD361BSA2C8YN9' }) id?: string;
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional(NULLABLE_STRING) sku?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) barcode?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) ean?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) upc?: string | null;
  @ApiPropertyOptional() allow_backorder?: boolean;
  @ApiPropertyOptional() manage_inventory?: boolean;
  @ApiPropertyOptional(NULLABLE_STRING) hs_code?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) origin_country?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) mid_code?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) material?: string | null;
  @ApiPropertyOptional(NULLABLE_INT) weight?: number | null;
  @ApiPropertyOptional(NULLABLE_INT) length?: number | null;
  @ApiPropertyOptional(NULLABLE_INT) height?: number | null;
  @ApiPropertyOptional(NULLABLE_INT) width?: number | null;
  @ApiPropertyOptional(JSON_OBJECT) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional() variant_rank?: number;
  @ApiPropertyOptional(NULLABLE_STRING) thumbnail?: string | null;
  @ApiPropertyOptional() product_id?: string;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
  @ApiPropertyOptional({ type: [ProductOptionValueDto] }) options?: ProductOptionValueDto[];
  @ApiPropertyOptional({ type: [VariantPriceDto] }) prices?: VariantPriceDto[];
  @ApiPropertyOptional({ type: [VariantInventoryItemDto] }) inventory_items?: VariantInventoryItemDto[];
}

export class ProductDto {
  @ApiProperty({ example: 'prod_01M7XM5FJH23YZPWT9Z5D0QED8' }) id!: string;
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional(NULLABLE_STRING) subtitle?: string | null;
  @ApiPropertyOptional({ enum: ['draft', 'proposed', 'published', 'rejected'] }) status?: string;
  @ApiPropertyOptional(NULLABLE_STRING) external_id?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) description?: string | null;
  @ApiPropertyOptional() handle?: string;
  @ApiPropertyOptional() is_giftcard?: boolean;
  @ApiPropertyOptional() discountable?: boolean;
  @ApiPropertyOptional(NULLABLE_STRING) thumbnail?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) collection_id?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) type_id?: string | null;
  @ApiPropertyOptional(NULLABLE_INT) weight?: number | null;
  @ApiPropertyOptional(NULLABLE_INT) length?: number | null;
  @ApiPropertyOptional(NULLABLE_INT) height?: number | null;
  @ApiPropertyOptional(NULLABLE_INT) width?: number | null;
  @ApiPropertyOptional(NULLABLE_STRING) hs_code?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) origin_country?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) mid_code?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) material?: string | null;
  @ApiPropertyOptional(JSON_OBJECT) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
  @ApiPropertyOptional(nullableObject({ id: STRING, value: STRING, metadata: JSON_OBJECT, created_at: STRING, updated_at: STRING, deleted_at: NULLABLE }))
  type?: ProductTagDto | null;
  @ApiPropertyOptional(nullableObject({ id: STRING, title: STRING, handle: STRING, metadata: JSON_OBJECT, created_at: STRING, updated_at: STRING, deleted_at: NULLABLE }))
  collection?: ProductCollectionDto | null;
  @ApiPropertyOptional({ type: [ProductOptionDto] }) options?: ProductOptionDto[];
  @ApiPropertyOptional({ type: [ProductTagDto] }) tags?: ProductTagDto[];
  @ApiPropertyOptional({ type: [ProductImageDto] }) images?: ProductImageDto[];
  @ApiPropertyOptional({ type: [ProductCategoryDto] }) categories?: ProductCategoryDto[];
  @ApiPropertyOptional({ type: () => [VariantBaseDto] }) variants?: VariantBaseDto[];
  @ApiPropertyOptional({ type: [SalesChannelSummaryDto] }) sales_channels?: SalesChannelSummaryDto[];
}

/** The product inside a variant: `fields=product.title` selects just that. */
export class VariantProductDto extends PartialType(ProductDto) {}

/** A variant on its own (`/admin/product-variants`), optionally with its product. */
export class ProductVariantDto extends VariantBaseDto {
  @ApiPropertyOptional({ type: () => VariantProductDto }) product?: VariantProductDto;
}

/** `{id, object: 'variant', deleted: true, parent: <product>}` */
export class VariantDeleteDto {
  @ApiPropertyOptional() id?: string;
  @ApiProperty({ example: 'variant' }) object!: string;
  @ApiProperty({ enum: [true] }) deleted!: boolean;
  @ApiProperty({ type: () => ProductDto }) parent!: ProductDto;
}

class BatchDeletedDto {
  @ApiProperty({ type: [String] }) ids!: string[];
  @ApiProperty({ example: 'product' }) object!: string;
  @ApiProperty({ enum: [true] }) deleted!: boolean;
}

export class ProductBatchResultDto {
  @ApiProperty({ type: [ProductDto] }) created!: ProductDto[];
  @ApiProperty({ type: [ProductDto] }) updated!: ProductDto[];
  @ApiProperty({ type: BatchDeletedDto }) deleted!: BatchDeletedDto;
}

export class VariantBatchResultDto {
  @ApiProperty({ type: [ProductVariantDto] }) created!: ProductVariantDto[];
  @ApiProperty({ type: [ProductVariantDto] }) updated!: ProductVariantDto[];
  @ApiProperty({ type: BatchDeletedDto }) deleted!: BatchDeletedDto;
}

class LinkVariantSideDto {
  @ApiProperty() variant_id!: string;
}

class LinkInventorySideDto {
  @ApiProperty() inventory_item_id!: string;
}

class LinkDataDto {
  @ApiProperty() required_quantity!: number;
}

/** A link as Medusa's link workflows describe it: `{product: {variant_id}, inventory: {inventory_item_id}, data}`. */
export class VariantInventoryLinkDefinitionDto {
  @ApiProperty({ type: LinkVariantSideDto }) product!: LinkVariantSideDto;
  @ApiProperty({ type: LinkInventorySideDto }) inventory!: LinkInventorySideDto;
  @ApiPropertyOptional({ type: LinkDataDto }) data?: LinkDataDto;
}

export class VariantInventoryBatchResultDto {
  @ApiProperty({ type: [VariantInventoryLinkDefinitionDto] }) created!: VariantInventoryLinkDefinitionDto[];
  @ApiProperty({ type: [VariantInventoryLinkDefinitionDto] }) updated!: VariantInventoryLinkDefinitionDto[];
  @ApiProperty({ type: [VariantInventoryLinkDefinitionDto] }) deleted!: VariantInventoryLinkDefinitionDto[];
}
