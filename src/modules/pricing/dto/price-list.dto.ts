import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PRICE_LIST_STATUS_VALUES, PRICE_LIST_TYPE_VALUES, PriceListStatus, PriceListType } from '../pricing.types';

export const MAX_BATCH_PRICES = 1000;

/** A price list price on the wire; every property optional, `fields` may select some only. */
export class PriceListPriceDto {
  @ApiProperty({ example: 'price_01M7XM5FSPXTS27B93PT9B3KDB' }) id!: string;
  @ApiPropertyOptional({ example: 'eur' }) currency_code?: string;
  @ApiPropertyOptional({ example: 8.5 }) amount?: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) min_quantity?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) max_quantity?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'variant_01M7XM5FNK2NMD361BSA2C8YN9' }) variant_id?: string | null;
  @ApiPropertyOptional({ example: 'pset_01M7XM5FSPXTS27B93PT9B3KDB' }) price_set_id?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { region_id: 'reg_01M7XM5FD7EBRMDMQJ362P97FJ' } })
  rules?: Record<string, string>;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) deleted_at?: string | null;
}

export class PriceListDto {
  @ApiProperty({ example: 'plist_01M7XM5FSPXTS27B93PT9B3KDB' }) id!: string;
  @ApiPropertyOptional({ example: 'Black Friday' }) title?: string;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { customer_group_id: ['cusgroup_01M7XM5FSPXTS27B93PT9B3KDB'] },
  })
  rules?: Record<string, string[]>;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) starts_at?: string | null;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) ends_at?: string | null;
  @ApiPropertyOptional({ enum: PRICE_LIST_STATUS_VALUES }) status?: string;
  @ApiPropertyOptional({ enum: PRICE_LIST_TYPE_VALUES }) type?: string;
  @ApiPropertyOptional({ type: [PriceListPriceDto] }) prices?: PriceListPriceDto[];
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) deleted_at?: string | null;
}

export class CreatePriceListPriceDto {
  @ApiProperty({ example: 'variant_01M7XM5FNK2NMD361BSA2C8YN9' }) @IsString() @IsNotEmpty() variant_id!: string;
  @ApiProperty({ example: 'eur' }) @IsString() @IsNotEmpty() currency_code!: string;
  @ApiProperty({ example: 8.5, description: 'Major units (8.5 is €8.50)' }) @IsNumber({ allowNaN: false, allowInfinity: false }) amount!: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(0) min_quantity?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(0) max_quantity?: number | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'Context attribute → value the price needs (region_id …)' })
  @IsOptional()
  @IsObject()
  rules?: Record<string, string>;
}

export class UpdatePriceListPriceDto extends CreatePriceListPriceDto {
  @ApiProperty({ example: 'price_01M7XM5FSPXTS27B93PT9B3KDB' }) @IsString() @IsNotEmpty() id!: string;
}

class PriceListFieldsDto {
  @ApiPropertyOptional({ enum: PRICE_LIST_STATUS_VALUES, default: 'draft' }) @IsOptional() @IsIn(PRICE_LIST_STATUS_VALUES) status?: PriceListStatus;
  @ApiPropertyOptional({ enum: PRICE_LIST_TYPE_VALUES, default: 'sale' }) @IsOptional() @IsIn(PRICE_LIST_TYPE_VALUES) type?: PriceListType;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) @IsOptional() @IsISO8601() starts_at?: string | null;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) @IsOptional() @IsISO8601() ends_at?: string | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description: 'Context attribute → accepted values; on update, the whole rule set',
  })
  @IsOptional()
  @IsObject()
  rules?: Record<string, string[]>;
}

export class CreatePriceListDto extends PriceListFieldsDto {
  @ApiProperty({ example: 'Black Friday' }) @IsString() @IsNotEmpty() @MaxLength(255) title!: string;
  @ApiProperty({ example: 'Everything 20% off' }) @IsString() @MaxLength(2000) description!: string;
  @ApiPropertyOptional({ type: [CreatePriceListPriceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_BATCH_PRICES)
  @ValidateNested({ each: true })
  @Type(() => CreatePriceListPriceDto)
  prices?: CreatePriceListPriceDto[];
}

export class UpdatePriceListDto extends PriceListFieldsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(255) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
}

export class BatchPriceListPricesDto {
  @ApiPropertyOptional({ type: [CreatePriceListPriceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_BATCH_PRICES)
  @ValidateNested({ each: true })
  @Type(() => CreatePriceListPriceDto)
  create?: CreatePriceListPriceDto[];

  @ApiPropertyOptional({ type: [UpdatePriceListPriceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_BATCH_PRICES)
  @ValidateNested({ each: true })
  @Type(() => UpdatePriceListPriceDto)
  update?: UpdatePriceListPriceDto[];

  @ApiPropertyOptional({ type: [String], description: 'Ids of the list prices to delete' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_BATCH_PRICES)
  @IsString({ each: true })
  delete?: string[];
}

class BatchDeletedDto {
  @ApiProperty({ type: [String] }) ids!: string[];
  @ApiProperty({ example: 'price' }) object!: string;
  @ApiProperty({ enum: [true] }) deleted!: boolean;
}

export class BatchPriceListPricesResponseDto {
  @ApiProperty({ type: [PriceListPriceDto] }) created!: PriceListPriceDto[];
  @ApiProperty({ type: [PriceListPriceDto] }) updated!: PriceListPriceDto[];
  @ApiProperty({ type: BatchDeletedDto }) deleted!: BatchDeletedDto;
}

/** `POST /admin/price-lists/:id/products`: the products whose variants' prices leave the list. */
export class PriceListProductsDto {
  @ApiPropertyOptional({ type: [String], description: 'Ids of the products whose prices are removed from the list' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_BATCH_PRICES)
  @IsString({ each: true })
  remove?: string[];
}
