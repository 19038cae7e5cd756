import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { nullableModel } from '../../../framework/http/route-docs';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export const MAX_LINE_QUANTITY = 1_000_000;
export const MAX_CART_ITEMS_PER_REQUEST = 100;

const json = { type: 'object', additionalProperties: true, nullable: true } as const;

export class CartAddressInputDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) first_name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) last_name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) company?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) address_1?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) address_2?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) city?: string;
  @ApiPropertyOptional({ example: 'dk' }) @IsOptional() @IsString() @Length(2, 2) country_code?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) province?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) postal_code?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) phone?: string;
  @ApiPropertyOptional(json) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class AddLineItemDto {
  @ApiProperty({ example: 'variant_01M7XM5FNK2NMD361BSA2C8YN9' }) @IsString() @IsNotEmpty() variant_id!: string;
  @ApiProperty({ minimum: 1, example: 1 }) @IsInt() @Min(1) @Max(MAX_LINE_QUANTITY) quantity!: number;
  @ApiPropertyOptional(json) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class UpdateLineItemDto {
  @ApiProperty({ minimum: 0, description: '0 removes the line' }) @IsInt() @Min(0) @Max(MAX_LINE_QUANTITY) quantity!: number;
  @ApiPropertyOptional(json) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

class CartFieldsDto {
  @ApiPropertyOptional({ example: 'reg_01M7XM5FD7EBRMDMQJ362P97FJ' }) @IsOptional() @IsString() @IsNotEmpty() region_id?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() sales_channel_id?: string;
  @ApiPropertyOptional({ format: 'email' }) @IsOptional() @IsEmail() @MaxLength(320) email?: string;
  @ApiPropertyOptional({ example: 'en-US' }) @IsOptional() @IsString() @MaxLength(35) locale?: string;
  @ApiPropertyOptional(json) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: CartAddressInputDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CartAddressInputDto)
  shipping_address?: CartAddressInputDto;
  @ApiPropertyOptional({ type: CartAddressInputDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CartAddressInputDto)
  billing_address?: CartAddressInputDto;
}

export class CreateCartDto extends CartFieldsDto {
  @ApiPropertyOptional({ example: 'eur', description: "Must be the region's currency" }) @IsOptional() @IsString() @Length(3, 3) currency_code?: string;
  @ApiPropertyOptional({ type: [AddLineItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CART_ITEMS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => AddLineItemDto)
  items?: AddLineItemDto[];
}

/** `customer_id` is not settable from the store (Medusa: only through the transfer route). */
export class UpdateCartDto extends CartFieldsDto {
  @ApiPropertyOptional({ type: [String], description: "Replaces the cart's promotion codes" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(255, { each: true })
  promo_codes?: string[];
}

// ---- responses (documented shapes; every property optional because of `fields`) ---------------

export class CartAddressDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) first_name?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) last_name?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) company?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) address_1?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) address_2?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) city?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) postal_code?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) country_code?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) province?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) phone?: string | null;
  @ApiPropertyOptional(json) metadata?: Record<string, unknown> | null;
}

export class CartTaxLineDto {
  @ApiPropertyOptional() id?: string;
  @ApiPropertyOptional() code?: string;
  @ApiPropertyOptional() rate?: number;
  @ApiPropertyOptional({ type: String, nullable: true }) description?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) tax_rate_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) provider_id?: string | null;
}

export class CartAdjustmentDto {
  @ApiPropertyOptional() id?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) code?: string | null;
  @ApiPropertyOptional() amount?: number;
  @ApiPropertyOptional({ type: String, nullable: true }) description?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) promotion_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) provider_id?: string | null;
}

export class CartLineItemDto {
  @ApiPropertyOptional() id?: string;
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) subtitle?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) thumbnail?: string | null;
  @ApiPropertyOptional() quantity?: number;
  @ApiPropertyOptional({ type: String, nullable: true }) variant_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) product_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) product_title?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) product_handle?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) variant_sku?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) variant_title?: string | null;
  @ApiPropertyOptional() requires_shipping?: boolean;
  @ApiPropertyOptional() is_tax_inclusive?: boolean;
  @ApiPropertyOptional() unit_price?: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) compare_at_unit_price?: number | null;
  @ApiPropertyOptional() subtotal?: number;
  @ApiPropertyOptional() total?: number;
  @ApiPropertyOptional({ type: [CartTaxLineDto] }) tax_lines?: CartTaxLineDto[];
  @ApiPropertyOptional({ type: [CartAdjustmentDto] }) adjustments?: CartAdjustmentDto[];
  @ApiPropertyOptional({ ...json, description: 'The live product: id, collection_id, type_id, categories[{id}], tags …' }) product?: Record<string, unknown> | null;
  @ApiPropertyOptional({ ...json, description: 'The live variant, when requested (`*items.variant`)' }) variant?: Record<string, unknown> | null;
}

export class CartShippingMethodDto {
  @ApiPropertyOptional() id?: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() amount?: number;
  @ApiPropertyOptional() is_tax_inclusive?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) shipping_option_id?: string | null;
  @ApiPropertyOptional({ type: [CartTaxLineDto] }) tax_lines?: CartTaxLineDto[];
  @ApiPropertyOptional({ type: [CartAdjustmentDto] }) adjustments?: CartAdjustmentDto[];
}

const TOTALS = [
  'total', 'subtotal', 'tax_total', 'discount_total', 'discount_subtotal', 'discount_tax_total', 'original_total', 'original_tax_total',
  'item_total', 'item_subtotal', 'item_tax_total', 'item_discount_total', 'original_item_total', 'original_item_subtotal',
  'original_item_tax_total', 'shipping_total', 'shipping_subtotal', 'shipping_tax_total', 'shipping_discount_total',
  'original_shipping_tax_total', 'original_shipping_subtotal', 'original_shipping_total', 'credit_line_subtotal',
  'credit_line_tax_total', 'credit_line_total',
];

const nullableAddress = nullableModel(CartAddressDto);

@ApiExtraModels(CartAddressDto)
export class StoreCartDto {
  @ApiProperty({ example: 'cart_01M7XM5T77FXMWWW3WT01CR2XM' }) id!: string;
  @ApiPropertyOptional({ example: 'eur' }) currency_code?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) locale?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) region_id?: string | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) completed_at?: string | null;
  @ApiPropertyOptional(json) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: String, nullable: true }) sales_channel_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) shipping_address_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) billing_address_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) customer_id?: string | null;
  @ApiPropertyOptional({ type: [CartLineItemDto] }) items?: CartLineItemDto[];
  @ApiPropertyOptional({ type: [CartShippingMethodDto] }) shipping_methods?: CartShippingMethodDto[];
  @ApiPropertyOptional(nullableAddress) shipping_address?: CartAddressDto | null;
  @ApiPropertyOptional(nullableAddress) billing_address?: CartAddressDto | null;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object', additionalProperties: true } }) credit_lines?: Record<string, unknown>[];
  @ApiPropertyOptional({ ...json, description: 'The region with its countries' }) region?: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object', additionalProperties: true } }) promotions?: Record<string, unknown>[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true, description: '{id, email, groups[{id}]}' }) customer?: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true, description: 'The payment collection with its payment_sessions' })
  payment_collection?: Record<string, unknown> | null;
}
for (const total of TOTALS) ApiPropertyOptional({ type: Number })(StoreCartDto.prototype, total);
