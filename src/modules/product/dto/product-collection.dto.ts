import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export const MAX_LINKED_PRODUCTS = 1000;

const metadataDoc = { type: 'object', additionalProperties: true, nullable: true } as const;
const timestampDoc = { format: 'date-time' } as const;

/** A product inside a collection (`fields=*products`); every property optional: `fields` selects them. */
export class CollectionProductDto {
  @ApiPropertyOptional({ example: 'prod_01M7XM5FJH23YZPWT9Z5D0QED8' }) id?: string;
  @ApiPropertyOptional({ example: 'Medusa Sweatshirt' }) title?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) subtitle?: string | null;
  @ApiPropertyOptional({ example: 'sweatshirt' }) handle?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) description?: string | null;
  @ApiPropertyOptional({ enum: ['draft', 'proposed', 'published', 'rejected'] }) status?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) thumbnail?: string | null;
  @ApiPropertyOptional() is_giftcard?: boolean;
  @ApiPropertyOptional() discountable?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) collection_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) type_id?: string | null;
  @ApiPropertyOptional(metadataDoc) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(timestampDoc) created_at?: string;
  @ApiPropertyOptional(timestampDoc) updated_at?: string;
  @ApiPropertyOptional({ ...timestampDoc, type: String, nullable: true }) deleted_at?: string | null;
}

export class ProductCollectionDto {
  @ApiProperty({ example: 'pcol_01M7XM5FD7EBRMDMQJ362P97FJ' }) id!: string;
  @ApiPropertyOptional({ example: 'Summer Sale' }) title?: string;
  @ApiPropertyOptional({ example: 'summer-sale' }) handle?: string;
  @ApiPropertyOptional(metadataDoc) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(timestampDoc) created_at?: string;
  @ApiPropertyOptional(timestampDoc) updated_at?: string;
  @ApiPropertyOptional({ ...timestampDoc, type: String, nullable: true }) deleted_at?: string | null;
  @ApiPropertyOptional({ type: [CollectionProductDto], description: 'Only when selected with `fields`' }) products?: CollectionProductDto[];
}

export class CreateProductCollectionDto {
  @ApiProperty({ example: 'Summer Sale' }) @IsString() @IsNotEmpty() @MaxLength(255) title!: string;
  @ApiPropertyOptional({ example: 'summer-sale', description: 'Made from the title when absent' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  handle?: string;
  @ApiPropertyOptional(metadataDoc) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class UpdateProductCollectionDto extends PartialType(CreateProductCollectionDto) {}

/** `POST …/:id/products`: product ids to attach and to detach. */
export class LinkProductsDto {
  @ApiPropertyOptional({ type: [String], example: ['prod_01M7XM5FJH23YZPWT9Z5D0QED8'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LINKED_PRODUCTS)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  add?: string[];
  @ApiPropertyOptional({ type: [String], example: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LINKED_PRODUCTS)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  remove?: string[];
}
