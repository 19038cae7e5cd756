import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsNotEmpty, IsObject, IsOptional, IsString, Length, MaxLength } from 'class-validator';

export const MAX_REGION_COUNTRIES = 300;

/** Every property optional: `fields=countries.display_name` selects only that one. */
export class RegionCountryDto {
  @ApiPropertyOptional({ example: 'dk' }) iso_2?: string;
  @ApiPropertyOptional({ example: 'dnk' }) iso_3?: string;
  @ApiPropertyOptional({ example: '208' }) num_code?: string;
  @ApiPropertyOptional({ example: 'DENMARK' }) name?: string;
  @ApiPropertyOptional({ example: 'Denmark' }) display_name?: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'reg_01M7XM5FD7EBRMDMQJ362P97FJ' }) region_id?: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true }) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) deleted_at?: string | null;
}

export class RegionPaymentProviderDto {
  @ApiPropertyOptional({ example: 'pp_system_default' }) id?: string;
  @ApiPropertyOptional({ example: true }) is_enabled?: boolean;
}

export class RegionDto {
  @ApiProperty({ example: 'reg_01M7XM5FD7EBRMDMQJ362P97FJ' }) id!: string;
  @ApiPropertyOptional({ example: 'Europe' }) name?: string;
  @ApiPropertyOptional({ example: 'eur' }) currency_code?: string;
  @ApiPropertyOptional() automatic_taxes?: boolean;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true }) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) deleted_at?: string | null;
  @ApiPropertyOptional({ type: [RegionCountryDto] }) countries?: RegionCountryDto[];
  @ApiPropertyOptional({ type: [RegionPaymentProviderDto], description: 'With `fields=*payment_providers` (admin)' })
  payment_providers?: RegionPaymentProviderDto[];
}

export class CreateRegionDto {
  @ApiProperty({ example: 'Europe' }) @IsString() @IsNotEmpty() @MaxLength(255) name!: string;
  @ApiProperty({ example: 'eur', description: 'An ISO 4217 code (any case)' }) @IsString() @IsNotEmpty() currency_code!: string;
  @ApiPropertyOptional({ type: [String], example: ['dk', 'fr'], description: `ISO 3166-1 alpha-2 codes (at most ${MAX_REGION_COUNTRIES}); on update, the region's whole set` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_REGION_COUNTRIES)
  @IsString({ each: true })
  @Length(2, 2, { each: true })
  countries?: string[];
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() automatic_taxes?: boolean;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true }) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: [String], example: ['pp_system_default'], description: "Payment provider ids; on update, the region's whole set" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  payment_providers?: string[];
}

export class UpdateRegionDto extends PartialType(CreateRegionDto) {}
