import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { TAX_RULE_REFERENCES } from '../entities/tax-rate-rule.entity';

export const MAX_RULES_PER_RATE = 1000;

const META = { type: 'object', additionalProperties: true, nullable: true } as const;
const NULLABLE_TEXT = { type: String, nullable: true } as const;
const DATE = { format: 'date-time' } as const;
const NULLABLE_DATE = { format: 'date-time', type: String, nullable: true } as const;
/** OpenAPI 3.0 ignores `nullable` next to a $ref: null is its own alternative. */
const nullableRef = (name: string): ApiPropertyOptions => ({ oneOf: [{ $ref: getSchemaPath(name) }, { type: 'object', nullable: true, enum: [null] }] });
/** Present → must not be null (the column is not nullable); absent → unchanged. */
const NotNullWhenPresent = () => ValidateIf((_object, value) => value !== undefined);

// ---- responses (every property optional: `fields` selects them) ------------------------------

export class TaxRateRuleDto {
  @ApiProperty({ example: 'txrule_01JB5XJ3Q2B9Y0A5Z8FQW3M4N6' }) id!: string;
  @ApiPropertyOptional() tax_rate_id?: string;
  @ApiPropertyOptional({ enum: TAX_RULE_REFERENCES }) reference?: string;
  @ApiPropertyOptional({ example: 'prod_01JB5XJ3Q2B9Y0A5Z8FQW3M4N6' }) reference_id?: string;
  @ApiPropertyOptional(META) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(NULLABLE_TEXT) created_by?: string | null;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
}

export class TaxRegionBaseDto {
  @ApiProperty({ example: 'txreg_01JB5XJ3Q2B9Y0A5Z8FQW3M4N6' }) id!: string;
  @ApiPropertyOptional({ example: 'us' }) country_code?: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'us-ca' }) province_code?: string | null;
  @ApiPropertyOptional(NULLABLE_TEXT) parent_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'tp_system' }) provider_id?: string | null;
  @ApiPropertyOptional(META) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(NULLABLE_TEXT) created_by?: string | null;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
}

export class TaxRateBaseDto {
  @ApiProperty({ example: 'txr_01JB5XJ3Q2B9Y0A5Z8FQW3M4N6' }) id!: string;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 25, description: 'Percent' }) rate?: number | null;
  @ApiPropertyOptional({ example: 'VAT' }) code?: string;
  @ApiPropertyOptional({ example: 'Standard VAT' }) name?: string;
  @ApiPropertyOptional() is_default?: boolean;
  @ApiPropertyOptional() is_combinable?: boolean;
  @ApiPropertyOptional() tax_region_id?: string;
  @ApiPropertyOptional(META) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(NULLABLE_TEXT) created_by?: string | null;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
  @ApiPropertyOptional({ type: [TaxRateRuleDto] }) rules?: TaxRateRuleDto[];
}

/** A region inside a rate (`tax_rate.tax_region`), or a region's parent. */
export class NestedTaxRegionDto extends TaxRegionBaseDto {
  @ApiPropertyOptional({ type: [TaxRateBaseDto] }) tax_rates?: TaxRateBaseDto[];
}

export class ChildTaxRegionDto extends TaxRegionBaseDto {
  @ApiPropertyOptional({ type: [TaxRateBaseDto] }) tax_rates?: TaxRateBaseDto[];
}

export class TaxRegionDto extends TaxRegionBaseDto {
  @ApiPropertyOptional({ type: [TaxRateBaseDto] }) tax_rates?: TaxRateBaseDto[];
  @ApiPropertyOptional(nullableRef('NestedTaxRegionDto')) parent?: NestedTaxRegionDto | null;
  @ApiPropertyOptional({ type: [ChildTaxRegionDto] }) children?: ChildTaxRegionDto[];
}

export class TaxRateDto extends TaxRateBaseDto {
  @ApiPropertyOptional(nullableRef('NestedTaxRegionDto')) tax_region?: NestedTaxRegionDto | null;
}

export class TaxProviderDto {
  @ApiProperty({ example: 'tp_system' }) id!: string;
  @ApiPropertyOptional() is_enabled?: boolean;
}

// ---- bodies ------------------------------------------------------------------------------------

const RATE = { type: Number, nullable: true, minimum: 0, maximum: 100, example: 25, description: 'Percent, 0 to 100' } as const;

export class TaxRateRuleInputDto {
  @ApiProperty({ enum: TAX_RULE_REFERENCES }) @IsString() @IsIn(TAX_RULE_REFERENCES) reference!: string;
  @ApiProperty({ example: 'prod_01JB5XJ3Q2B9Y0A5Z8FQW3M4N6' }) @IsString() @IsNotEmpty() @MaxLength(255) reference_id!: string;
}

export class DefaultTaxRateDto {
  @ApiPropertyOptional(RATE) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(100) rate?: number | null;
  @ApiProperty({ example: 'VAT' }) @IsString() @IsNotEmpty() @MaxLength(255) code!: string;
  @ApiProperty({ example: 'Standard VAT' }) @IsString() @IsNotEmpty() @MaxLength(255) name!: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() is_combinable?: boolean;
  @ApiPropertyOptional(META) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class CreateTaxRegionDto {
  @ApiProperty({ example: 'us', description: 'ISO 3166-1 alpha-2, any case (stored lower-case)' }) @IsString() @IsNotEmpty() @MaxLength(2) country_code!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'us-ca', description: 'Makes this a province region (stored lower-case)' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  province_code?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: "A province region's country region; found by country code when omitted" })
  @IsOptional()
  @IsString()
  parent_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'tp_system', description: 'Country regions only; tp_system when omitted' })
  @IsOptional()
  @IsString()
  provider_id?: string | null;
  @ApiPropertyOptional({ type: DefaultTaxRateDto }) @IsOptional() @ValidateNested() @Type(() => DefaultTaxRateDto) default_tax_rate?: DefaultTaxRateDto;
  @ApiPropertyOptional(META) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class UpdateTaxRegionDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'us-ca' }) @IsOptional() @IsString() @MaxLength(255) province_code?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'tp_system' }) @IsOptional() @IsString() provider_id?: string | null;
  @ApiPropertyOptional(META) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class CreateTaxRateDto {
  @ApiProperty({ example: 'txreg_01JB5XJ3Q2B9Y0A5Z8FQW3M4N6' }) @IsString() @IsNotEmpty() tax_region_id!: string;
  @ApiPropertyOptional(RATE) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(100) rate?: number | null;
  @ApiProperty({ example: 'VAT' }) @IsString() @IsNotEmpty() @MaxLength(255) code!: string;
  @ApiProperty({ example: 'Reduced VAT' }) @IsString() @IsNotEmpty() @MaxLength(255) name!: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() is_default?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() is_combinable?: boolean;
  @ApiPropertyOptional({ type: [TaxRateRuleInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_RULES_PER_RATE)
  @ValidateNested({ each: true })
  @Type(() => TaxRateRuleInputDto)
  rules?: TaxRateRuleInputDto[];
  @ApiPropertyOptional(META) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class UpdateTaxRateDto {
  @ApiPropertyOptional(RATE) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(100) rate?: number | null;
  @ApiPropertyOptional({ example: 'VAT' }) @NotNullWhenPresent() @IsString() @IsNotEmpty() @MaxLength(255) code?: string;
  @ApiPropertyOptional({ example: 'Reduced VAT' }) @NotNullWhenPresent() @IsString() @IsNotEmpty() @MaxLength(255) name?: string;
  @ApiPropertyOptional() @NotNullWhenPresent() @IsBoolean() is_default?: boolean;
  @ApiPropertyOptional() @NotNullWhenPresent() @IsBoolean() is_combinable?: boolean;
  @ApiPropertyOptional({ type: [TaxRateRuleInputDto], description: "Replaces the rate's rules" })
  @NotNullWhenPresent()
  @IsArray()
  @ArrayMaxSize(MAX_RULES_PER_RATE)
  @ValidateNested({ each: true })
  @Type(() => TaxRateRuleInputDto)
  rules?: TaxRateRuleInputDto[];
  @ApiPropertyOptional(META) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}
