import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsObject, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';

const META = { type: 'object', additionalProperties: true, nullable: true } as const;

export class StockLocationAddressDto {
  @ApiPropertyOptional({ example: 'laddr_01JB5XJ3Q2B9Y0A5Z8FQW3M4N6' }) id?: string;
  @ApiPropertyOptional({ example: 'Nørrebrogade 12' }) address_1?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) address_2?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) company?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Copenhagen' }) city?: string | null;
  @ApiPropertyOptional({ example: 'dk' }) country_code?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) phone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) province?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2200' }) postal_code?: string | null;
  @ApiPropertyOptional(META) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) deleted_at?: string | null;
}

const nullableText = { type: 'string', nullable: true } as const;
const ADDRESS_PROPERTIES = {
  id: { type: 'string' },
  address_1: { type: 'string' },
  address_2: nullableText,
  company: nullableText,
  city: nullableText,
  country_code: { type: 'string' },
  phone: nullableText,
  province: nullableText,
  postal_code: nullableText,
  metadata: META,
  created_at: { type: 'string', format: 'date-time' },
  updated_at: { type: 'string', format: 'date-time' },
  deleted_at: { type: 'string', format: 'date-time', nullable: true },
} as const;

export class StockLocationSalesChannelDto {
  @ApiPropertyOptional({ example: 'sc_01M7XM5FAHMSEAQ17AAQPAKE3F' }) id?: string;
  @ApiPropertyOptional({ example: 'Default Sales Channel' }) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) description?: string | null;
  @ApiPropertyOptional() is_disabled?: boolean;
  @ApiPropertyOptional(META) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) deleted_at?: string | null;
}

export class StockLocationDto {
  @ApiProperty({ example: 'sloc_01JB5XJ3Q2B9Y0A5Z8FQW3M4N6' }) id!: string;
  @ApiPropertyOptional({ example: 'Copenhagen warehouse' }) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) address_id?: string | null;
  // inline rather than a $ref: OpenAPI 3.0 has no nullable $ref (`nullable` beside it is ignored)
  @ApiPropertyOptional({ type: 'object', nullable: true, properties: ADDRESS_PROPERTIES })
  address?: StockLocationAddressDto | null;
  @ApiPropertyOptional(META) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) deleted_at?: string | null;
  @ApiPropertyOptional({ type: [StockLocationSalesChannelDto], description: 'Only when requested (`fields=*sales_channels`)' })
  sales_channels?: StockLocationSalesChannelDto[];
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true, required: ['id'], properties: { id: { type: 'string' } } },
    description: 'Only when requested (`fields=*fulfillment_sets,*fulfillment_sets.service_zones…`)',
  })
  fulfillment_sets?: Array<Record<string, unknown>>;
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', properties: { id: { type: 'string' }, is_enabled: { type: 'boolean' } } },
    description: 'Only when requested (`fields=*fulfillment_providers`)',
  })
  fulfillment_providers?: Array<{ id: string; is_enabled: boolean }>;
}

const OPTIONAL_TEXT = { type: String, nullable: true } as const;

/** On create, `address_1` and `country_code` are needed; on update, given keys change the existing address. */
export class StockLocationAddressInputDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(255) address_1?: string;
  @ApiPropertyOptional(OPTIONAL_TEXT) @IsOptional() @IsString() @MaxLength(255) address_2?: string | null;
  @ApiPropertyOptional(OPTIONAL_TEXT) @IsOptional() @IsString() @MaxLength(255) company?: string | null;
  @ApiPropertyOptional(OPTIONAL_TEXT) @IsOptional() @IsString() @MaxLength(255) city?: string | null;
  @ApiPropertyOptional({ example: 'dk', description: 'ISO 3166-1 alpha-2 (any case)' }) @IsOptional() @IsString() @Length(2, 2) country_code?: string;
  @ApiPropertyOptional(OPTIONAL_TEXT) @IsOptional() @IsString() @MaxLength(64) phone?: string | null;
  @ApiPropertyOptional(OPTIONAL_TEXT) @IsOptional() @IsString() @MaxLength(255) province?: string | null;
  @ApiPropertyOptional(OPTIONAL_TEXT) @IsOptional() @IsString() @MaxLength(32) postal_code?: string | null;
  @ApiPropertyOptional(META) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class CreateStockLocationDto {
  @ApiProperty({ example: 'Copenhagen warehouse' }) @IsString() @IsNotEmpty() @MaxLength(255) name!: string;
  @ApiPropertyOptional({ type: StockLocationAddressInputDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => StockLocationAddressInputDto)
  address?: StockLocationAddressInputDto | null;
  @ApiPropertyOptional(META) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class UpdateStockLocationDto extends PartialType(CreateStockLocationDto) {}

/** `POST /admin/stock-locations/:id/fulfillment-sets`. */
export class CreateLocationFulfillmentSetDto {
  @ApiProperty({ example: 'European Warehouse shipping' }) @IsString() @IsNotEmpty() @MaxLength(255) name!: string;
  @ApiProperty({ example: 'shipping', description: "'shipping', 'pickup' …" }) @IsString() @IsNotEmpty() @MaxLength(100) type!: string;
}
