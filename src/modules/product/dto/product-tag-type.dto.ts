import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

const metadataDoc = { type: 'object', additionalProperties: true, nullable: true } as const;
const timestampDoc = { format: 'date-time' } as const;

/** A product tag or type as the API shows it. */
export class ProductValueDto {
  @ApiProperty({ example: 'ptag_01M7XM5FD7EBRMDMQJ362P97FJ' }) id!: string;
  @ApiPropertyOptional({ example: 'summer' }) value?: string;
  @ApiPropertyOptional(metadataDoc) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(timestampDoc) created_at?: string;
  @ApiPropertyOptional(timestampDoc) updated_at?: string;
  @ApiPropertyOptional({ ...timestampDoc, type: String, nullable: true }) deleted_at?: string | null;
}

export class ProductTagDto extends ProductValueDto {}
export class ProductTypeDto extends ProductValueDto {}

export class CreateProductValueDto {
  @ApiProperty({ example: 'summer' }) @IsString() @IsNotEmpty() @MaxLength(255) value!: string;
  @ApiPropertyOptional(metadataDoc) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class UpdateProductValueDto extends PartialType(CreateProductValueDto) {}
