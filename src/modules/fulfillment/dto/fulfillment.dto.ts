import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';

const MAX_ITEMS = 1000;
const META = { type: 'object', additionalProperties: true, nullable: true } as const;
const NULLABLE_STRING = { type: String, nullable: true } as const;
const DATE = { format: 'date-time' } as const;
const NULLABLE_DATE = { format: 'date-time', type: String, nullable: true } as const;

export class FulfillmentAddressInputDto {
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() @MaxLength(255) company?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() @MaxLength(255) first_name?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() @MaxLength(255) last_name?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() @MaxLength(255) address_1?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() @MaxLength(255) address_2?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() @MaxLength(255) city?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() @MaxLength(2) country_code?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() @MaxLength(255) province?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() @MaxLength(64) postal_code?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() @MaxLength(64) phone?: string | null;
  @ApiPropertyOptional(META) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class FulfillmentItemInputDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(1000) title!: string;
  @ApiProperty(NULLABLE_STRING) @IsOptional() @IsString() sku!: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() barcode?: string | null;
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) quantity!: number;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() line_item_id?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() inventory_item_id?: string | null;
}

export class LabelInputDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(255) tracking_number!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) tracking_url!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) label_url!: string;
}

export class CreateFulfillmentDto {
  @ApiProperty() @IsString() @IsNotEmpty() location_id!: string;
  @ApiProperty({ example: 'manual_manual' }) @IsString() @IsNotEmpty() provider_id!: string;
  @ApiProperty({ type: FulfillmentAddressInputDto }) @IsObject() @ValidateNested() @Type(() => FulfillmentAddressInputDto) delivery_address!: FulfillmentAddressInputDto;
  @ApiProperty({ type: [FulfillmentItemInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => FulfillmentItemInputDto)
  items!: FulfillmentItemInputDto[];
  @ApiPropertyOptional({ type: [LabelInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => LabelInputDto)
  labels?: LabelInputDto[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'The order, passed to the provider' }) @IsOptional() @IsObject() order?: Record<string, unknown>;
  @ApiPropertyOptional() @IsOptional() @IsString() order_id?: string;
  @ApiPropertyOptional(NULLABLE_STRING) @IsOptional() @IsString() shipping_option_id?: string | null;
  @ApiPropertyOptional(META) @IsOptional() @IsObject() data?: Record<string, unknown>;
  @ApiPropertyOptional(META) @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

export class CreateShipmentDto {
  @ApiProperty({ type: [LabelInputDto] })
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => LabelInputDto)
  labels!: LabelInputDto[];
}

export class FulfillmentDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional() location_id?: string;
  @ApiPropertyOptional(NULLABLE_DATE) packed_at?: string | null;
  @ApiPropertyOptional(NULLABLE_DATE) shipped_at?: string | null;
  @ApiPropertyOptional(NULLABLE_DATE) delivered_at?: string | null;
  @ApiPropertyOptional(NULLABLE_DATE) canceled_at?: string | null;
  @ApiPropertyOptional(META) data?: Record<string, unknown> | null;
  @ApiPropertyOptional() provider_id?: string;
  @ApiPropertyOptional(NULLABLE_STRING) shipping_option_id?: string | null;
  @ApiPropertyOptional(META) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true }) delivery_address?: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object', additionalProperties: true } }) items?: Record<string, unknown>[];
  @ApiPropertyOptional({ type: 'array', items: { type: 'object', additionalProperties: true } }) labels?: Record<string, unknown>[];
}
