import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { batchBody } from '../../../framework/http/bodies';

const MAX_ITEMS = 100;
const OPERATORS = ['eq', 'ne', 'in', 'nin', 'gt', 'gte', 'lt', 'lte'] as const;
const PRICE_TYPES = ['flat', 'calculated'] as const;
const META = { type: 'object', additionalProperties: true, nullable: true } as const;
const DATE = { format: 'date-time' } as const;
const NULLABLE_DATE = { format: 'date-time', type: String, nullable: true } as const;
const RULE_VALUE = { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] } as { oneOf: Array<Record<string, unknown>> } as never;

export class CreateShippingProfileDto {
  @ApiProperty({ example: 'Default Shipping Profile' }) @IsString() @IsNotEmpty() @MaxLength(255) name!: string;
  @ApiProperty({ example: 'default' }) @IsString() @IsNotEmpty() @MaxLength(100) type!: string;
  @ApiPropertyOptional(META) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class UpdateShippingProfileDto extends PartialType(CreateShippingProfileDto) {}

export class ShippingProfileDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() type?: string;
  @ApiPropertyOptional(META) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
}

export class RuleInputDto {
  @ApiProperty({ example: 'enabled_in_store' }) @IsString() @IsNotEmpty() @MaxLength(255) attribute!: string;
  @ApiProperty({ enum: OPERATORS }) @IsIn(OPERATORS) operator!: (typeof OPERATORS)[number];
  @ApiProperty(RULE_VALUE) @IsDefined() value!: string | string[];
}

export class RuleUpdateDto extends RuleInputDto {
  @ApiProperty() @IsString() @IsNotEmpty() id!: string;
}

export class RuleUpsertDto extends RuleInputDto {
  @ApiPropertyOptional() @IsOptional() @IsString() id?: string;
}

export class AdminRulesBatchDto extends batchBody(RuleInputDto, RuleUpdateDto) {}

export class ShippingOptionTypeInputDto {
  @ApiProperty({ example: 'Standard' }) @IsString() @IsNotEmpty() @MaxLength(255) label!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Ship in 2-3 days.' }) @IsOptional() @IsString() @MaxLength(1000) description?: string | null;
  @ApiProperty({ example: 'standard' }) @IsString() @IsNotEmpty() @MaxLength(100) code!: string;
}

export class ShippingOptionPriceInputDto {
  @ApiPropertyOptional({ description: 'An existing price of the option to update' }) @IsOptional() @IsString() id?: string;
  @ApiPropertyOptional({ example: 'eur' }) @IsOptional() @IsString() @IsNotEmpty() currency_code?: string;
  @ApiPropertyOptional({ example: 'reg_01…', description: "Priced in the region's currency, for carts of that region" }) @IsOptional() @IsString() @IsNotEmpty() region_id?: string;
  @ApiProperty({ example: 10, description: 'Major units' }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) amount!: number;
}

export class CreateShippingOptionDto {
  @ApiProperty({ example: 'Standard Shipping' }) @IsString() @IsNotEmpty() @MaxLength(255) name!: string;
  @ApiProperty() @IsString() @IsNotEmpty() service_zone_id!: string;
  @ApiProperty() @IsString() @IsNotEmpty() shipping_profile_id!: string;
  @ApiProperty({ enum: PRICE_TYPES }) @IsIn(PRICE_TYPES) price_type!: (typeof PRICE_TYPES)[number];
  @ApiProperty({ example: 'manual_manual' }) @IsString() @IsNotEmpty() provider_id!: string;
  @ApiPropertyOptional(META) @IsOptional() @IsObject() data?: Record<string, unknown> | null;
  @ApiPropertyOptional(META) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: ShippingOptionTypeInputDto }) @IsOptional() @ValidateNested() @Type(() => ShippingOptionTypeInputDto) type?: ShippingOptionTypeInputDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() shipping_option_type_id?: string;
  @ApiPropertyOptional({ type: [ShippingOptionPriceInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ShippingOptionPriceInputDto)
  prices?: ShippingOptionPriceInputDto[];
  @ApiPropertyOptional({ type: [RuleInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => RuleInputDto)
  rules?: RuleInputDto[];
}

export class UpdateShippingOptionDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(255) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() shipping_profile_id?: string;
  @ApiPropertyOptional({ enum: PRICE_TYPES }) @IsOptional() @IsIn(PRICE_TYPES) price_type?: (typeof PRICE_TYPES)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() provider_id?: string;
  @ApiPropertyOptional(META) @IsOptional() @IsObject() data?: Record<string, unknown> | null;
  @ApiPropertyOptional(META) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: ShippingOptionTypeInputDto }) @IsOptional() @ValidateNested() @Type(() => ShippingOptionTypeInputDto) type?: ShippingOptionTypeInputDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() shipping_option_type_id?: string;
  @ApiPropertyOptional({ type: [ShippingOptionPriceInputDto], description: "The option's whole price list" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ShippingOptionPriceInputDto)
  prices?: ShippingOptionPriceInputDto[];
  @ApiPropertyOptional({ type: [RuleUpsertDto], description: "The option's whole rule set" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => RuleUpsertDto)
  rules?: RuleUpsertDto[];
}

export class ShippingOptionRuleDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional() attribute?: string;
  @ApiPropertyOptional({ enum: OPERATORS }) operator?: string;
  @ApiPropertyOptional(RULE_VALUE) value?: string | string[];
  @ApiPropertyOptional() shipping_option_id?: string;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
}

export class ShippingOptionDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional({ enum: PRICE_TYPES }) price_type?: string;
  @ApiPropertyOptional() service_zone_id?: string;
  @ApiPropertyOptional() shipping_profile_id?: string;
  @ApiPropertyOptional() provider_id?: string;
  @ApiPropertyOptional() shipping_option_type_id?: string;
  @ApiPropertyOptional(META) data?: Record<string, unknown> | null;
  @ApiPropertyOptional(META) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) type?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) provider?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) service_zone?: Record<string, unknown>;
  @ApiPropertyOptional({ type: ShippingProfileDto }) shipping_profile?: ShippingProfileDto;
  @ApiPropertyOptional({ type: [ShippingOptionRuleDto] }) rules?: ShippingOptionRuleDto[];
  @ApiPropertyOptional({ type: 'array', items: { type: 'object', additionalProperties: true } }) prices?: Record<string, unknown>[];
}

export class RulesBatchResponseDto {
  @ApiProperty({ type: [ShippingOptionRuleDto] }) created!: ShippingOptionRuleDto[];
  @ApiProperty({ type: [ShippingOptionRuleDto] }) updated!: ShippingOptionRuleDto[];
  @ApiProperty({ type: 'object', properties: { ids: { type: 'array', items: { type: 'string' } }, object: { type: 'string' }, deleted: { type: 'boolean' } } })
  deleted!: { ids: string[]; object: string; deleted: true };
}

export class FulfillmentProviderDto {
  @ApiProperty({ example: 'manual_manual' }) id!: string;
  @ApiPropertyOptional() is_enabled?: boolean;
}

export class FulfillmentOptionsResponseDto {
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true, required: ['id'], properties: { id: { type: 'string' } } } })
  fulfillment_options!: Array<Record<string, unknown>>;
  @ApiProperty() count!: number;
  @ApiProperty() offset!: number;
  @ApiProperty() limit!: number;
}
