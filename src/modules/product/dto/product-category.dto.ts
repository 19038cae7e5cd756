import { CollectionProductDto } from './product-collection.dto';
import { ApiProperty, ApiPropertyOptional, getSchemaPath, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

const metadataDoc = { type: 'object', additionalProperties: true, nullable: true } as const;
const timestampDoc = { format: 'date-time' } as const;
const MAX_RANK = 1_000_000;

/** A category inside another one's tree; every property optional (`fields` selects them). */
export class ProductCategoryNodeDto {
  @ApiPropertyOptional({ example: 'pcat_01M7XM5FD7EBRMDMQJ362P97FJ' }) id?: string;
  @ApiPropertyOptional({ example: 'Shirts' }) name?: string;
  @ApiPropertyOptional({ example: '' }) description?: string;
  @ApiPropertyOptional({ example: 'shirts' }) handle?: string;
  @ApiPropertyOptional({ example: 'pcat_01M7XM5FD7EBRMDMQJ362P97FJ', description: 'Ids from the root, joined by "."' }) mpath?: string;
  @ApiPropertyOptional() is_active?: boolean;
  @ApiPropertyOptional() is_internal?: boolean;
  @ApiPropertyOptional({ example: 0, description: 'Position among the siblings, from 0' }) rank?: number;
  @ApiPropertyOptional({ type: String, nullable: true }) parent_category_id?: string | null;
  @ApiPropertyOptional({
    // OpenAPI 3.0 ignores `nullable` next to a $ref: null is its own alternative
    oneOf: [{ $ref: getSchemaPath('ProductCategoryNodeDto') }, { type: 'object', nullable: true, enum: [null] }],
    description: 'Recursive up to the root with include_ancestors_tree',
  })
  parent_category?: ProductCategoryNodeDto | null;
  @ApiPropertyOptional({ type: () => [ProductCategoryNodeDto], description: 'Recursive down to the leaves with include_descendants_tree' })
  category_children?: ProductCategoryNodeDto[];
  @ApiPropertyOptional(metadataDoc) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(timestampDoc) created_at?: string;
  @ApiPropertyOptional(timestampDoc) updated_at?: string;
  @ApiPropertyOptional({ ...timestampDoc, type: String, nullable: true }) deleted_at?: string | null;
}

export class ProductCategoryDto extends ProductCategoryNodeDto {
  @ApiProperty({ example: 'pcat_01M7XM5FD7EBRMDMQJ362P97FJ' }) declare id: string;
  @ApiPropertyOptional({ type: [CollectionProductDto], description: 'The category’s own products, when selected with `fields` (a storefront sees the published ones of its sales channels)' })
  products?: CollectionProductDto[];
}

export class CreateProductCategoryDto {
  @ApiProperty({ example: 'Shirts' }) @IsString() @IsNotEmpty() @MaxLength(255) name!: string;
  @ApiPropertyOptional({ example: 'All our shirts' }) @IsOptional() @IsString() @MaxLength(10_000) description?: string;
  @ApiPropertyOptional({ example: 'shirts', description: 'Made from the name when absent' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  handle?: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() is_active?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() is_internal?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The parent; null or absent for a root. On update, moves the category with its subtree' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  parent_category_id?: string | null;
  @ApiPropertyOptional({ minimum: 0, description: 'Position among the siblings (0 first); last when absent or past the end' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_RANK)
  rank?: number;
  @ApiPropertyOptional(metadataDoc) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class UpdateProductCategoryDto extends PartialType(CreateProductCategoryDto) {}
