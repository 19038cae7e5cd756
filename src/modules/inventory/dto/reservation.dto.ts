import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { InventoryItemDto, META } from './inventory-item.dto';

const TEXT = { type: String, nullable: true } as const;

/** Every property optional: `fields=inventory_item.sku` selects only that one. */
export class ReservationInventoryItemDto extends PartialType(InventoryItemDto) {}

export class ReservationDto {
  @ApiProperty({ example: 'resitem_01JB5XJ3Q2B9Y0A5Z8FQW3M4N6' }) id!: string;
  @ApiPropertyOptional() inventory_item_id?: string;
  @ApiPropertyOptional() location_id?: string;
  @ApiPropertyOptional({ example: 1 }) quantity?: number;
  @ApiPropertyOptional(TEXT) line_item_id?: string | null;
  @ApiPropertyOptional(TEXT) description?: string | null;
  @ApiPropertyOptional() allow_backorder?: boolean;
  @ApiPropertyOptional(TEXT) external_id?: string | null;
  @ApiPropertyOptional(TEXT) created_by?: string | null;
  @ApiPropertyOptional(META) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) deleted_at?: string | null;
  @ApiPropertyOptional({ type: ReservationInventoryItemDto, description: 'Only when requested (`fields=*inventory_item`)' })
  inventory_item?: ReservationInventoryItemDto;
}

export class CreateReservationDto {
  @ApiProperty() @IsString() @IsNotEmpty() inventory_item_id!: string;
  @ApiProperty() @IsString() @IsNotEmpty() location_id!: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) quantity!: number;
  @ApiPropertyOptional(TEXT) @IsOptional() @IsString() line_item_id?: string | null;
  @ApiPropertyOptional(TEXT) @IsOptional() @IsString() @MaxLength(4000) description?: string | null;
  @ApiPropertyOptional(TEXT) @IsOptional() @IsString() @MaxLength(255) external_id?: string | null;
  @ApiPropertyOptional({ default: false, description: 'Reserve even beyond the available stock' }) @IsOptional() @IsBoolean() allow_backorder?: boolean;
  @ApiPropertyOptional(META) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class UpdateReservationDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() location_id?: string;
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @IsInt() @Min(1) quantity?: number;
  @ApiPropertyOptional(TEXT) @IsOptional() @IsString() @MaxLength(4000) description?: string | null;
  @ApiPropertyOptional(META) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}
