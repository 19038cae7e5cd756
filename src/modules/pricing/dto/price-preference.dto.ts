import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PRICE_PREFERENCE_ATTRIBUTES, PricePreferenceAttribute } from '../pricing.types';

export class PricePreferenceDto {
  @ApiProperty({ example: 'prpref_01M7XM5FSPXTS27B93PT9B3KDB' }) id!: string;
  @ApiPropertyOptional({ enum: PRICE_PREFERENCE_ATTRIBUTES }) attribute?: string;
  @ApiPropertyOptional({ example: 'eur' }) value?: string;
  @ApiPropertyOptional() is_tax_inclusive?: boolean;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) deleted_at?: string | null;
}

export class CreatePricePreferenceDto {
  @ApiProperty({ enum: PRICE_PREFERENCE_ATTRIBUTES }) @IsIn(PRICE_PREFERENCE_ATTRIBUTES) attribute!: PricePreferenceAttribute;
  @ApiProperty({ example: 'eur', description: 'A region id or a currency code' }) @IsString() @IsNotEmpty() @MaxLength(255) value!: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() is_tax_inclusive?: boolean;
}

export class UpdatePricePreferenceDto {
  @ApiPropertyOptional({ enum: PRICE_PREFERENCE_ATTRIBUTES }) @IsOptional() @IsIn(PRICE_PREFERENCE_ATTRIBUTES) attribute?: PricePreferenceAttribute;
  @ApiPropertyOptional({ example: 'eur' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(255) value?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() is_tax_inclusive?: boolean;
}
