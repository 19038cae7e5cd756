import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';

export const META = { type: 'object', additionalProperties: true, nullable: true } as const;
const TEXT = { type: String, nullable: true } as const;
const INT = { type: Number, nullable: true } as const;
const MAX_LEVELS_PER_ITEM = 200;

export class InventoryLevelDto {
  /** Optional: inside an item, `fields=location_levels.x` selects only x. */
  @ApiPropertyOptional({ example: 'ilev_01JB5XJ3Q2B9Y0A5Z8FQW3M4N6' }) id?: string;
  @ApiPropertyOptional({ example: 'iitem_01JB5XJ3Q2B9Y0A5Z8FQW3M4N6' }) inventory_item_id?: string;
  @ApiPropertyOptional({ example: 'sloc_01JB5XJ3Q2B9Y0A5Z8FQW3M4N6' }) location_id?: string;
  @ApiPropertyOptional({ example: 10 }) stocked_quantity?: number;
  @ApiPropertyOptional({ example: 2 }) reserved_quantity?: number;
  @ApiPropertyOptional({ example: 0 }) incoming_quantity?: number;
  @ApiPropertyOptional({ example: 8, description: 'stocked_quantity − reserved_quantity' }) available_quantity?: number;
  @ApiPropertyOptional(META) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) deleted_at?: string | null;
}

export class InventoryItemDto {
  @ApiProperty({ example: 'iitem_01JB5XJ3Q2B9Y0A5Z8FQW3M4N6' }) id!: string;
  @ApiPropertyOptional(TEXT) sku?: string | null;
  @ApiPropertyOptional(TEXT) title?: string | null;
  @ApiPropertyOptional(TEXT) description?: string | null;
  @ApiPropertyOptional(TEXT) thumbnail?: string | null;
  @ApiPropertyOptional(TEXT) origin_country?: string | null;
  @ApiPropertyOptional(TEXT) hs_code?: string | null;
  @ApiPropertyOptional() requires_shipping?: boolean;
  @ApiPropertyOptional(TEXT) mid_code?: string | null;
  @ApiPropertyOptional(TEXT) material?: string | null;
  @ApiPropertyOptional(INT) weight?: number | null;
  @ApiPropertyOptional(INT) length?: number | null;
  @ApiPropertyOptional(INT) height?: number | null;
  @ApiPropertyOptional(INT) width?: number | null;
  @ApiPropertyOptional(META) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ description: 'Σ stocked_quantity over the levels' }) stocked_quantity?: number;
  @ApiPropertyOptional({ description: 'Σ reserved_quantity over the levels' }) reserved_quantity?: number;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) deleted_at?: string | null;
  @ApiPropertyOptional({ type: [InventoryLevelDto] }) location_levels?: InventoryLevelDto[];
}

export class ItemLocationLevelInputDto {
  @ApiProperty({ example: 'sloc_01JB5XJ3Q2B9Y0A5Z8FQW3M4N6' }) @IsString() @IsNotEmpty() location_id!: string;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @IsInt() @Min(0) stocked_quantity?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @IsInt() @Min(0) incoming_quantity?: number;
}

export class CreateInventoryItemDto {
  @ApiPropertyOptional(TEXT) @IsOptional() @IsString() @MaxLength(255) sku?: string | null;
  @ApiPropertyOptional(TEXT) @IsOptional() @IsString() @MaxLength(255) title?: string | null;
  @ApiPropertyOptional(TEXT) @IsOptional() @IsString() @MaxLength(4000) description?: string | null;
  @ApiPropertyOptional(TEXT) @IsOptional() @IsString() @MaxLength(2000) thumbnail?: string | null;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() requires_shipping?: boolean;
  @ApiPropertyOptional(TEXT) @IsOptional() @IsString() @MaxLength(64) hs_code?: string | null;
  @ApiPropertyOptional(TEXT) @IsOptional() @IsString() @MaxLength(64) origin_country?: string | null;
  @ApiPropertyOptional(TEXT) @IsOptional() @IsString() @MaxLength(64) mid_code?: string | null;
  @ApiPropertyOptional(TEXT) @IsOptional() @IsString() @MaxLength(255) material?: string | null;
  @ApiPropertyOptional(INT) @IsOptional() @IsInt() @Min(0) weight?: number | null;
  @ApiPropertyOptional(INT) @IsOptional() @IsInt() @Min(0) length?: number | null;
  @ApiPropertyOptional(INT) @IsOptional() @IsInt() @Min(0) height?: number | null;
  @ApiPropertyOptional(INT) @IsOptional() @IsInt() @Min(0) width?: number | null;
  @ApiPropertyOptional(META) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: [ItemLocationLevelInputDto], description: 'Levels to create with the item' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LEVELS_PER_ITEM)
  @ValidateNested({ each: true })
  @Type(() => ItemLocationLevelInputDto)
  location_levels?: ItemLocationLevelInputDto[];
}

export class UpdateInventoryItemDto extends PartialType(OmitType(CreateInventoryItemDto, ['location_levels'] as const)) {}

export class UpdateLocationLevelDto {
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsInt() @Min(0) stocked_quantity?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsInt() @Min(0) incoming_quantity?: number;
}

/** A level in a batch: the item comes from the path on `/:id/location-levels/batch`, from the body otherwise. */
export class BatchLocationLevelDto extends ItemLocationLevelInputDto {
  @ApiPropertyOptional({ example: 'iitem_01JB5XJ3Q2B9Y0A5Z8FQW3M4N6' }) @IsOptional() @IsString() @IsNotEmpty() inventory_item_id?: string;
}

class BatchDeletedDto {
  @ApiProperty({ type: [String] }) ids!: string[];
  @ApiProperty({ example: 'inventory-level' }) object!: string;
  @ApiProperty({ enum: [true] }) deleted!: boolean;
}

export class InventoryLevelBatchResponseDto {
  @ApiProperty({ type: [InventoryLevelDto] }) created!: InventoryLevelDto[];
  @ApiProperty({ type: [InventoryLevelDto] }) updated!: InventoryLevelDto[];
  @ApiProperty({ type: BatchDeletedDto }) deleted!: BatchDeletedDto;
}
