import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export class SalesChannelDto {
  @ApiProperty({ example: 'sc_01M7XM5FAHMSEAQ17AAQPAKE3F' }) id!: string;
  @ApiPropertyOptional({ example: 'Default Sales Channel' }) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) description?: string | null;
  @ApiPropertyOptional() is_disabled?: boolean;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true }) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) deleted_at?: string | null;
}

export class CreateSalesChannelDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(255) name!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() description?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() is_disabled?: boolean;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true }) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class UpdateSalesChannelDto extends PartialType(CreateSalesChannelDto) {}
