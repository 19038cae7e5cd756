import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export const MAX_SUPPORTED_CURRENCIES = 200;

/** Every property optional: `fields=supported_currencies.currency_code` selects only that one. */
export class StoreCurrencyDto {
  @ApiPropertyOptional({ example: 'stocur_01M7XM5FD7EBRMDMQJ362P97FJ' }) id?: string;
  @ApiPropertyOptional({ example: 'eur' }) currency_code?: string;
  @ApiPropertyOptional() is_default?: boolean;
  @ApiPropertyOptional({ example: 'store_01M7XM5FD7EBRMDMQJ362P97FJ' }) store_id?: string;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
}

export class StoreDto {
  @ApiProperty({ example: 'store_01M7XM5FD7EBRMDMQJ362P97FJ' }) id!: string;
  @ApiPropertyOptional({ example: 'Stheno Store' }) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) default_sales_channel_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) default_region_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) default_location_id?: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true }) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional({ type: [StoreCurrencyDto] }) supported_currencies?: StoreCurrencyDto[];
}

export class SupportedCurrencyInputDto {
  @ApiProperty({ example: 'eur', description: 'An ISO 4217 code (any case)' }) @IsString() @IsNotEmpty() currency_code!: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() is_default?: boolean;
}

export class UpdateStoreDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(255) name?: string;

  @ApiPropertyOptional({ type: [SupportedCurrencyInputDto], description: "The store's whole set; exactly one must be the default" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SUPPORTED_CURRENCIES)
  @ValidateNested({ each: true })
  @Type(() => SupportedCurrencyInputDto)
  supported_currencies?: SupportedCurrencyInputDto[];

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() default_sales_channel_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() default_region_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() default_location_id?: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true }) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}
