import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export const MAX_PROMO_CODES = 50;

const json = { type: 'object', additionalProperties: true } as const;

export class PromoCodesDto {
  @ApiProperty({ type: [String], example: ['WELCOME10'] })
  @IsArray()
  @ArrayMaxSize(MAX_PROMO_CODES)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(255, { each: true })
  promo_codes!: string[];
}

export class AddShippingMethodDto {
  @ApiProperty({ example: 'so_01M7XM5FG9R7TPRFXVE588HFY6' }) @IsString() @IsNotEmpty() @MaxLength(255) option_id!: string;
  @ApiPropertyOptional({ ...json, description: "Passed to the option's fulfillment provider (calculated prices)" }) @IsOptional() @IsObject() data?: Record<string, unknown>;
}

export class CalculateShippingOptionDto {
  @ApiProperty({ example: 'cart_01M7XM5T77FXMWWW3WT01CR2XM' }) @IsString() @IsNotEmpty() @MaxLength(255) cart_id!: string;
  @ApiPropertyOptional(json) @IsOptional() @IsObject() data?: Record<string, unknown>;
}

export class CreatePaymentCollectionDto {
  @ApiProperty({ example: 'cart_01M7XM5T77FXMWWW3WT01CR2XM' }) @IsString() @IsNotEmpty() @MaxLength(255) cart_id!: string;
}

export class CreatePaymentSessionDto {
  @ApiProperty({ example: 'pp_system_default' }) @IsString() @IsNotEmpty() @MaxLength(255) provider_id!: string;
  @ApiPropertyOptional(json) @IsOptional() @IsObject() data?: Record<string, unknown>;
}

// ---- responses (every property optional because of `fields`) ---------------------------------

export class StoreShippingOptionDto {
  @ApiPropertyOptional() id?: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional({ enum: ['flat', 'calculated'] }) price_type?: string;
  @ApiPropertyOptional() service_zone_id?: string;
  @ApiPropertyOptional() shipping_profile_id?: string;
  @ApiPropertyOptional() provider_id?: string;
  @ApiPropertyOptional({ ...json, nullable: true }) data?: Record<string, unknown> | null;
  @ApiPropertyOptional({ ...json, description: 'The zone with its fulfillment set and the stock location it ships from' }) service_zone?: Record<string, unknown>;
  @ApiPropertyOptional(json) type?: Record<string, unknown>;
  @ApiPropertyOptional(json) provider?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object', additionalProperties: true } }) rules?: Record<string, unknown>[];
  @ApiPropertyOptional({ ...json, nullable: true, description: "The option's price for the cart (flat options; calculated ones through /calculate)" })
  calculated_price?: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object', additionalProperties: true } }) prices?: Record<string, unknown>[];
  @ApiPropertyOptional({ type: Number, nullable: true }) amount?: number | null;
  @ApiPropertyOptional() is_tax_inclusive?: boolean;
  @ApiPropertyOptional() insufficient_inventory?: boolean;
}

export class StorePaymentSessionDto {
  @ApiPropertyOptional() id?: string;
  @ApiPropertyOptional() amount?: number;
  @ApiPropertyOptional(json) raw_amount?: Record<string, unknown>;
  @ApiPropertyOptional() currency_code?: string;
  @ApiPropertyOptional() provider_id?: string;
  @ApiPropertyOptional(json) data?: Record<string, unknown>;
  @ApiPropertyOptional(json) context?: Record<string, unknown>;
  @ApiPropertyOptional() status?: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) authorized_at?: string | null;
  @ApiPropertyOptional() payment_collection_id?: string;
  @ApiPropertyOptional({ ...json, nullable: true }) payment?: Record<string, unknown> | null;
  @ApiPropertyOptional({ ...json, nullable: true }) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) deleted_at?: string | null;
}

export class StorePaymentCollectionDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional() currency_code?: string;
  @ApiPropertyOptional() amount?: number;
  @ApiPropertyOptional() authorized_amount?: number;
  @ApiPropertyOptional() captured_amount?: number;
  @ApiPropertyOptional() refunded_amount?: number;
  @ApiPropertyOptional() status?: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) completed_at?: string | null;
  @ApiPropertyOptional({ ...json, nullable: true }) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: [StorePaymentSessionDto] }) payment_sessions?: StorePaymentSessionDto[];
}
