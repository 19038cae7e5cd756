import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { batchBody, MAX_BATCH_SIZE } from '../../../framework/http/bodies';

const JSON_OBJECT = { type: 'object', additionalProperties: true, nullable: true } as const;
const NULLABLE_STRING = { type: String, nullable: true } as const;
const NULLABLE_INT = { type: Number, nullable: true } as const;
const DIMENSION = { type: Number, nullable: true, minimum: 0 } as const;
/** Titles must show something: whitespace alone is refused like an empty string. */
const NOT_BLANK = /\S/;
const MAX_ITEMS = 500;

export class IdRefDto {
  @ApiProperty() @IsString() @IsNotEmpty() id!: string;
}

export class ImageInputDto {
  @ApiProperty() @IsString() @IsNotEmpty() url!: string;
  @ApiPropertyOptional(JSON_OBJECT) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class PriceInputDto {
  @ApiPropertyOptional({ description: 'An existing price of the variant to update' }) @IsOptional() @IsString() id?: string;
  @ApiProperty({ example: 'eur' }) @IsString() @IsNotEmpty() currency_code!: string;
  @ApiProperty({ example: 10, description: 'Major units' }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) amount!: number;
  @ApiPropertyOptional(NULLABLE_INT) @IsOptional() @IsInt() @Min(0) min_quantity?: number | null;
  @ApiPropertyOptional(NULLABLE_INT) @IsOptional() @IsInt() @Min(0) max_quantity?: number | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } }) @IsOptional() @IsObject() rules?: Record<string, string>;
}

export class OptionInputDto {
  @ApiProperty({ example: 'Size' }) @IsString() @Matches(NOT_BLANK, { message: 'title must not be empty' }) title!: string;
  @ApiProperty({ type: [String], example: ['S', 'M'] }) @IsArray() @ArrayMaxSize(MAX_ITEMS) @IsString({ each: true }) @IsNotEmpty({ each: true }) values!: string[];
  @ApiPropertyOptional(JSON_OBJECT) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class UpdateOptionDto extends PartialType(OptionInputDto) {}

/** An option in a product update: `id`, or else `title`, names an existing option; otherwise it is created. */
export class UpsertOptionDto extends UpdateOptionDto {
  @ApiPropertyOptional({ description: 'An option of the product to update' }) @IsOptional() @IsString() @IsNotEmpty() id?: string;
}

class VariantFieldsDto {
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() sku?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() barcode?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() ean?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() upc?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() allow_backorder?: boolean;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() manage_inventory?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() variant_rank?: number;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() hs_code?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() mid_code?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() origin_country?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() material?: string | null;
  @ApiPropertyOptional(DIMENSION) @IsOptional() @IsInt() @Min(0) weight?: number | null;
  @ApiPropertyOptional(DIMENSION) @IsOptional() @IsInt() @Min(0) length?: number | null;
  @ApiPropertyOptional(DIMENSION) @IsOptional() @IsInt() @Min(0) height?: number | null;
  @ApiPropertyOptional(DIMENSION) @IsOptional() @IsInt() @Min(0) width?: number | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() thumbnail?: string | null;
  @ApiPropertyOptional(JSON_OBJECT) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { Size: 'M' }, description: 'Option title → value' })
  @IsOptional()
  @IsObject()
  options?: Record<string, string>;
  @ApiPropertyOptional({ type: [PriceInputDto] }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_ITEMS) @ValidateNested({ each: true }) @Type(() => PriceInputDto) prices?: PriceInputDto[];
}

/** An existing inventory item a new variant consumes (Medusa's inventory kits). */
export class VariantInventoryItemInputDto {
  @ApiProperty({ example: 'iitem_01M7XM5FD7EBRMDMQJ362P97FJ' }) @IsString() @IsNotEmpty() inventory_item_id!: string;
  @ApiPropertyOptional({ default: 1, minimum: 1, description: 'Units of the item per unit of the variant' }) @IsOptional() @IsInt() @Min(1) required_quantity?: number;
}

export class CreateVariantDto extends VariantFieldsDto {
  @ApiProperty({ example: 'M' }) @IsString() @Matches(NOT_BLANK, { message: 'title must not be empty' }) title!: string;
  @ApiPropertyOptional({ type: [VariantInventoryItemInputDto], description: 'Existing inventory items to consume instead of a new one (a kit)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => VariantInventoryItemInputDto)
  inventory_items?: VariantInventoryItemInputDto[];
}

export class UpdateVariantDto extends VariantFieldsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(NOT_BLANK, { message: 'title must not be empty' }) title?: string;
}

/** An update inside a variants batch names its variant. */
export class BatchUpdateVariantDto extends UpdateVariantDto {
  @ApiProperty() @IsString() @IsNotEmpty() id!: string;
}

export class BatchVariantsDto extends batchBody(CreateVariantDto, BatchUpdateVariantDto) {}

class ProductFieldsDto {
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() subtitle?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() description?: string | null;
  @ApiPropertyOptional({ description: 'Defaults to the slug of the title' }) @IsOptional() @IsString() @Matches(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/i, { message: 'handle must be a URL-safe slug' }) handle?: string;
  @ApiPropertyOptional({ enum: ['draft', 'proposed', 'published', 'rejected'], default: 'draft' }) @IsOptional() @IsIn(['draft', 'proposed', 'published', 'rejected']) status?: 'draft' | 'proposed' | 'published' | 'rejected';
  @ApiPropertyOptional() @IsOptional() @IsBoolean() is_giftcard?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() discountable?: boolean;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() thumbnail?: string | null;
  @ApiPropertyOptional({ type: [ImageInputDto], description: 'The whole set, ranked by position' }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_ITEMS) @ValidateNested({ each: true }) @Type(() => ImageInputDto) images?: ImageInputDto[];
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() type_id?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() collection_id?: string | null;
  @ApiPropertyOptional({ type: [IdRefDto] }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_ITEMS) @ValidateNested({ each: true }) @Type(() => IdRefDto) categories?: IdRefDto[];
  @ApiPropertyOptional({ type: [IdRefDto] }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_ITEMS) @ValidateNested({ each: true }) @Type(() => IdRefDto) tags?: IdRefDto[];
  @ApiPropertyOptional({ type: [IdRefDto] }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_ITEMS) @ValidateNested({ each: true }) @Type(() => IdRefDto) sales_channels?: IdRefDto[];
  @ApiPropertyOptional(DIMENSION) @IsOptional() @IsInt() @Min(0) weight?: number | null;
  @ApiPropertyOptional(DIMENSION) @IsOptional() @IsInt() @Min(0) length?: number | null;
  @ApiPropertyOptional(DIMENSION) @IsOptional() @IsInt() @Min(0) height?: number | null;
  @ApiPropertyOptional(DIMENSION) @IsOptional() @IsInt() @Min(0) width?: number | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() hs_code?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() mid_code?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() origin_country?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() material?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() external_id?: string | null;
  @ApiPropertyOptional(JSON_OBJECT) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class CreateProductDto extends ProductFieldsDto {
  @ApiProperty({ example: 'Medusa Sweatshirt' }) @IsString() @Matches(NOT_BLANK, { message: 'title must not be empty' }) title!: string;
  @ApiPropertyOptional({ type: [OptionInputDto] }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_ITEMS) @ValidateNested({ each: true }) @Type(() => OptionInputDto) options?: OptionInputDto[];
  @ApiPropertyOptional({ type: [CreateVariantDto] }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_ITEMS) @ValidateNested({ each: true }) @Type(() => CreateVariantDto) variants?: CreateVariantDto[];
}

/** A variant in a product update: with `id` it updates that variant, without it creates one (`title` needed). */
export class UpsertVariantDto extends UpdateVariantDto {
  @ApiPropertyOptional({ description: 'A variant of the product to update' }) @IsOptional() @IsString() @IsNotEmpty() id?: string;
}

export class UpdateProductDto extends ProductFieldsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(NOT_BLANK, { message: 'title must not be empty' }) title?: string;
  @ApiPropertyOptional({ type: [UpsertOptionDto], description: 'The whole set: options named by id (or title) are updated, others created, the rest deleted' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => UpsertOptionDto)
  options?: UpsertOptionDto[];
  @ApiPropertyOptional({ type: [UpsertVariantDto], description: 'The whole set: variants with an id are updated, others created, the rest deleted' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => UpsertVariantDto)
  variants?: UpsertVariantDto[];
}

export class BatchUpdateProductDto extends UpdateProductDto {
  @ApiProperty() @IsString() @IsNotEmpty() id!: string;
}

export class BatchProductsDto extends batchBody(CreateProductDto, BatchUpdateProductDto) {}

export class UpdateVariantInventoryItemDto extends OmitType(VariantInventoryItemInputDto, ['inventory_item_id'] as const) {
  @ApiProperty() @IsInt() @Min(1) declare required_quantity: number;
}

export class VariantInventoryLinkDto {
  @ApiProperty() @IsString() @IsNotEmpty() variant_id!: string;
  @ApiProperty() @IsString() @IsNotEmpty() inventory_item_id!: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) required_quantity!: number;
}

export class VariantInventoryUnlinkDto extends OmitType(VariantInventoryLinkDto, ['required_quantity'] as const) {}

/** `POST /admin/products/:id/variants/inventory-items/batch`. */
export class BatchVariantInventoryItemsDto {
  @ApiPropertyOptional({ type: [VariantInventoryLinkDto] }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_BATCH_SIZE) @ValidateNested({ each: true }) @Type(() => VariantInventoryLinkDto) create?: VariantInventoryLinkDto[];
  @ApiPropertyOptional({ type: [VariantInventoryLinkDto] }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_BATCH_SIZE) @ValidateNested({ each: true }) @Type(() => VariantInventoryLinkDto) update?: VariantInventoryLinkDto[];
  @ApiPropertyOptional({ type: [VariantInventoryUnlinkDto] }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_BATCH_SIZE) @ValidateNested({ each: true }) @Type(() => VariantInventoryUnlinkDto) delete?: VariantInventoryUnlinkDto[];
}
