import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

const MAX_ZONES = 500;
const GEO_TYPES = ['country', 'province', 'city', 'zip'] as const;
const META = { type: 'object', additionalProperties: true, nullable: true } as const;
const DATE = { format: 'date-time' } as const;
const NULLABLE_DATE = { format: 'date-time', type: String, nullable: true } as const;
const NULLABLE_STRING = { type: String, nullable: true } as const;

export class GeoZoneInputDto {
  @ApiProperty({ enum: GEO_TYPES }) @IsIn(GEO_TYPES) type!: (typeof GEO_TYPES)[number];
  @ApiProperty({ example: 'dk' }) @IsString() @IsNotEmpty() @MaxLength(2) country_code!: string;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() @MaxLength(100) province_code?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() @MaxLength(200) city?: string | null;
  @ApiPropertyOptional({ ...META, description: '{"in": [codes]}, {"prefix": string | [strings]} or {"regex": string}' })
  @IsOptional()
  @IsObject()
  postal_expression?: Record<string, unknown> | null;
  @ApiPropertyOptional(META) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

/** A geo zone in an update: with an id it changes that zone (every field optional), without one it is created. */
export class GeoZoneUpsertDto {
  @ApiPropertyOptional() @IsOptional() @IsString() id?: string;
  @ApiPropertyOptional({ enum: GEO_TYPES }) @IsOptional() @IsIn(GEO_TYPES) type?: (typeof GEO_TYPES)[number];
  @ApiPropertyOptional({ example: 'dk' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(2) country_code?: string;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() @MaxLength(100) province_code?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() @MaxLength(200) city?: string | null;
  @ApiPropertyOptional(META) @IsOptional() @IsObject() postal_expression?: Record<string, unknown> | null;
  @ApiPropertyOptional(META) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class CreateServiceZoneDto {
  @ApiProperty({ example: 'Europe' }) @IsString() @IsNotEmpty() @MaxLength(255) name!: string;
  @ApiPropertyOptional({ type: [GeoZoneInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ZONES)
  @ValidateNested({ each: true })
  @Type(() => GeoZoneInputDto)
  geo_zones?: GeoZoneInputDto[];
  @ApiPropertyOptional(META) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class UpdateServiceZoneDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(255) name?: string;
  @ApiPropertyOptional({ type: [GeoZoneUpsertDto], description: "The zone's whole set of geo zones" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ZONES)
  @ValidateNested({ each: true })
  @Type(() => GeoZoneUpsertDto)
  geo_zones?: GeoZoneUpsertDto[];
  @ApiPropertyOptional(META) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class GeoZoneDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ enum: GEO_TYPES }) type?: string;
  @ApiPropertyOptional() country_code?: string;
  @ApiPropertyOptional(NULLABLE_STRING) province_code?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) city?: string | null;
  @ApiPropertyOptional(META) postal_expression?: Record<string, unknown> | null;
  @ApiPropertyOptional() service_zone_id?: string;
  @ApiPropertyOptional(META) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
}

export class ServiceZoneDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() fulfillment_set_id?: string;
  @ApiPropertyOptional(META) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
  @ApiPropertyOptional({ type: [GeoZoneDto] }) geo_zones?: GeoZoneDto[];
  @ApiPropertyOptional({ type: 'array', items: { type: 'object', additionalProperties: true } }) shipping_options?: Record<string, unknown>[];
}

export class FulfillmentSetDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional({ example: 'shipping' }) type?: string;
  @ApiPropertyOptional(META) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
  @ApiPropertyOptional({ type: [ServiceZoneDto] }) service_zones?: ServiceZoneDto[];
}
