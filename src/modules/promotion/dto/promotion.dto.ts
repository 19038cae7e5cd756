import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type { ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
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
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { batchBody } from '../../../framework/http/bodies';
import {
  APPLICATION_METHOD_ALLOCATIONS,
  APPLICATION_METHOD_TARGET_TYPES,
  APPLICATION_METHOD_TYPES,
  CAMPAIGN_BUDGET_TYPES,
  PROMOTION_STATUSES,
  PROMOTION_TYPES,
  RULE_OPERATORS,
} from '../promotion.types';
import type {
  ApplicationMethodAllocation,
  ApplicationMethodTargetType,
  ApplicationMethodType,
  CampaignBudgetType,
  PromotionStatus,
  PromotionType,
  RuleOperator,
} from '../promotion.types';

const MAX_RULES = 100;
const MAX_VALUES = 1000;
/** A rule's values: a string, a number, or a non-empty list of at most MAX_VALUES strings. */
function IsRuleValues(): PropertyDecorator {
  return ValidateBy({
    name: 'isRuleValues',
    validator: {
      validate: (v: unknown) =>
        (typeof v === 'string' && v.length > 0) ||
        (typeof v === 'number' && Number.isFinite(v)) ||
        (Array.isArray(v) && v.length > 0 && v.length <= MAX_VALUES && v.every((x) => typeof x === 'string' && x.length > 0)),
      defaultMessage: () => `values must be a string, a number or a list of 1 to ${MAX_VALUES} strings`,
    },
  });
}

/** A nested object or null (a plain nullable $ref is not nullable in OpenAPI 3.0). */
const nullableRef = (name: string): ApiPropertyOptions => ({ oneOf: [{ $ref: getSchemaPath(name) }, { type: 'object', nullable: true, enum: [null] }] });

const DATE = { format: 'date-time', type: String, nullable: true } as const;
const RAW = { type: 'object', properties: { value: { type: 'string' }, precision: { type: 'number' } } } as const;

// ---- responses (every property optional but id: `fields` may select some only) -------------------

export class PromotionRuleValueDto {
  @ApiPropertyOptional({ example: 'prorulval_01J' }) id?: string;
  @ApiPropertyOptional({ example: 'reg_01J' }) value?: string;
  @ApiPropertyOptional({ description: 'On the rules listing: what the value stands for' }) label?: string;
}

export class PromotionRuleDto {
  @ApiProperty({ example: 'prorul_01J' }) id!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) description?: string | null;
  @ApiPropertyOptional({ example: 'region.id' }) attribute?: string;
  @ApiPropertyOptional({ enum: RULE_OPERATORS }) operator?: string;
  @ApiPropertyOptional({ type: [PromotionRuleValueDto] }) values?: PromotionRuleValueDto[];
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional(DATE) deleted_at?: string | null;
  @ApiPropertyOptional() attribute_label?: string;
  @ApiPropertyOptional() operator_label?: string;
  @ApiPropertyOptional() field_type?: string;
  @ApiPropertyOptional() required?: boolean;
  @ApiPropertyOptional() disguised?: boolean;
  @ApiPropertyOptional() hydrate?: boolean;
}

export class ApplicationMethodDto {
  @ApiProperty({ example: 'proappmet_01J' }) id!: string;
  @ApiPropertyOptional({ enum: APPLICATION_METHOD_TYPES }) type?: string;
  @ApiPropertyOptional({ enum: APPLICATION_METHOD_TARGET_TYPES }) target_type?: string;
  @ApiPropertyOptional({ enum: APPLICATION_METHOD_ALLOCATIONS, nullable: true }) allocation?: string | null;
  @ApiPropertyOptional({ example: 10 }) value?: number;
  @ApiPropertyOptional(RAW) raw_value?: { value: string; precision: number };
  @ApiPropertyOptional({ type: String, nullable: true }) currency_code?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) max_quantity?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) buy_rules_min_quantity?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) apply_to_quantity?: number | null;
  @ApiPropertyOptional() promotion_id?: string;
  @ApiPropertyOptional({ type: [PromotionRuleDto] }) target_rules?: PromotionRuleDto[];
  @ApiPropertyOptional({ type: [PromotionRuleDto] }) buy_rules?: PromotionRuleDto[];
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional(DATE) deleted_at?: string | null;
}

export class CampaignBudgetDto {
  @ApiProperty({ example: 'probudg_01J' }) id!: string;
  @ApiPropertyOptional({ enum: CAMPAIGN_BUDGET_TYPES }) type?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) currency_code?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) limit?: number | null;
  @ApiPropertyOptional({ ...RAW, nullable: true }) raw_limit?: { value: string; precision: number } | null;
  @ApiPropertyOptional() used?: number;
  @ApiPropertyOptional(RAW) raw_used?: { value: string; precision: number };
  @ApiPropertyOptional() campaign_id?: string;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional(DATE) deleted_at?: string | null;
}

export class PromotionBaseDto {
  @ApiProperty({ example: 'promo_01J' }) id!: string;
  @ApiPropertyOptional({ example: 'WELCOME10' }) code?: string;
  @ApiPropertyOptional({ enum: PROMOTION_TYPES }) type?: string;
  @ApiPropertyOptional() is_automatic?: boolean;
  @ApiPropertyOptional() is_tax_inclusive?: boolean;
  @ApiPropertyOptional({ enum: PROMOTION_STATUSES }) status?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) campaign_id?: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true }) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional(DATE) deleted_at?: string | null;
}

@ApiExtraModels(CampaignBudgetDto)
export class CampaignDto {
  @ApiProperty({ example: 'procamp_01J' }) id!: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) description?: string | null;
  @ApiPropertyOptional() campaign_identifier?: string;
  @ApiPropertyOptional(DATE) starts_at?: string | null;
  @ApiPropertyOptional(DATE) ends_at?: string | null;
  @ApiPropertyOptional(nullableRef('CampaignBudgetDto')) budget?: CampaignBudgetDto | null;
  @ApiPropertyOptional({ type: [PromotionBaseDto] }) promotions?: PromotionBaseDto[];
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional(DATE) deleted_at?: string | null;
}

@ApiExtraModels(ApplicationMethodDto, CampaignDto)
export class PromotionDto extends PromotionBaseDto {
  @ApiPropertyOptional(nullableRef('ApplicationMethodDto')) application_method?: ApplicationMethodDto | null;
  @ApiPropertyOptional({ type: [PromotionRuleDto] }) rules?: PromotionRuleDto[];
  @ApiPropertyOptional(nullableRef('CampaignDto')) campaign?: CampaignDto | null;
}

// ---- bodies -------------------------------------------------------------------------------------

export class CreatePromotionRuleDto {
  @ApiProperty({ enum: RULE_OPERATORS }) @IsIn(RULE_OPERATORS) operator!: RuleOperator;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(1000) description?: string | null;
  @ApiProperty({ example: 'region.id' }) @IsString() @IsNotEmpty() @MaxLength(200) attribute!: string;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'array', items: { type: 'string' } }], example: ['reg_01J'] })
  @IsRuleValues()
  values!: string | string[] | number;
}

export class UpdatePromotionRuleDto {
  @ApiProperty({ example: 'prorul_01J' }) @IsString() @IsNotEmpty() id!: string;
  @ApiPropertyOptional({ enum: RULE_OPERATORS }) @IsOptional() @IsIn(RULE_OPERATORS) operator?: RuleOperator;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(1000) description?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) attribute?: string;
  @ApiPropertyOptional({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'array', items: { type: 'string' } }] })
  @IsOptional()
  @IsRuleValues()
  values?: string | string[] | number;
}

export class BatchPromotionRulesDto extends batchBody(CreatePromotionRuleDto, UpdatePromotionRuleDto) {}

export class BatchPromotionRulesResponseDto {
  @ApiProperty({ type: [PromotionRuleDto] }) created!: PromotionRuleDto[];
  @ApiProperty({ type: [PromotionRuleDto] }) updated!: PromotionRuleDto[];
  @ApiProperty({ type: 'object', properties: { ids: { type: 'array', items: { type: 'string' } }, object: { type: 'string' }, deleted: { type: 'boolean' } } })
  deleted!: { ids: string[]; object: string; deleted: true };
}

class ApplicationMethodFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(1000) description?: string | null;
  @ApiPropertyOptional({ example: 10, description: 'Percent (0–100] or an amount in major units' }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) value?: number;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'eur' }) @IsOptional() @IsString() @MaxLength(3) currency_code?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) max_quantity?: number | null;
  @ApiPropertyOptional({ enum: APPLICATION_METHOD_TYPES }) @IsOptional() @IsIn(APPLICATION_METHOD_TYPES) type?: ApplicationMethodType;
  @ApiPropertyOptional({ enum: APPLICATION_METHOD_TARGET_TYPES }) @IsOptional() @IsIn(APPLICATION_METHOD_TARGET_TYPES) target_type?: ApplicationMethodTargetType;
  @ApiPropertyOptional({ enum: APPLICATION_METHOD_ALLOCATIONS }) @IsOptional() @IsIn(APPLICATION_METHOD_ALLOCATIONS) allocation?: ApplicationMethodAllocation;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) buy_rules_min_quantity?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) apply_to_quantity?: number | null;
}

export class CreateApplicationMethodDto extends ApplicationMethodFieldsDto {
  @ApiProperty({ example: 10 }) @IsNumber({ allowNaN: false, allowInfinity: false }) declare value: number;
  @ApiProperty({ enum: APPLICATION_METHOD_TYPES }) @IsIn(APPLICATION_METHOD_TYPES) declare type: ApplicationMethodType;
  @ApiProperty({ enum: APPLICATION_METHOD_TARGET_TYPES }) @IsIn(APPLICATION_METHOD_TARGET_TYPES) declare target_type: ApplicationMethodTargetType;
  @ApiPropertyOptional({ type: [CreatePromotionRuleDto] }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_RULES) @ValidateNested({ each: true }) @Type(() => CreatePromotionRuleDto)
  target_rules?: CreatePromotionRuleDto[];
  @ApiPropertyOptional({ type: [CreatePromotionRuleDto] }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_RULES) @ValidateNested({ each: true }) @Type(() => CreatePromotionRuleDto)
  buy_rules?: CreatePromotionRuleDto[];
}

export class UpdateApplicationMethodDto extends ApplicationMethodFieldsDto {}

export class CampaignBudgetBodyDto {
  @ApiPropertyOptional({ enum: CAMPAIGN_BUDGET_TYPES, default: 'spend' }) @IsOptional() @IsIn(CAMPAIGN_BUDGET_TYPES) type?: CampaignBudgetType;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) limit?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(3) currency_code?: string | null;
}

export class CreateCampaignDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(255) name!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(255) campaign_identifier!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(5000) description?: string | null;
  @ApiPropertyOptional(DATE) @IsOptional() @IsISO8601() starts_at?: string | null;
  @ApiPropertyOptional(DATE) @IsOptional() @IsISO8601() ends_at?: string | null;
  @ApiPropertyOptional({ type: CampaignBudgetBodyDto, nullable: true }) @IsOptional() @IsObject() @ValidateNested() @Type(() => CampaignBudgetBodyDto) budget?: CampaignBudgetBodyDto | null;
}

export class UpdateCampaignDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(255) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(255) campaign_identifier?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(5000) description?: string | null;
  @ApiPropertyOptional(DATE) @IsOptional() @IsISO8601() starts_at?: string | null;
  @ApiPropertyOptional(DATE) @IsOptional() @IsISO8601() ends_at?: string | null;
  @ApiPropertyOptional({ type: CampaignBudgetBodyDto, nullable: true }) @IsOptional() @IsObject() @ValidateNested() @Type(() => CampaignBudgetBodyDto) budget?: CampaignBudgetBodyDto | null;
}

export class CreatePromotionDto {
  @ApiProperty({ example: 'WELCOME10' }) @IsString() @IsNotEmpty() @MaxLength(255) code!: string;
  @ApiProperty({ enum: PROMOTION_TYPES }) @IsIn(PROMOTION_TYPES) type!: PromotionType;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() is_automatic?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() is_tax_inclusive?: boolean;
  @ApiPropertyOptional({ enum: PROMOTION_STATUSES, default: 'draft' }) @IsOptional() @IsIn(PROMOTION_STATUSES) status?: PromotionStatus;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() campaign_id?: string | null;
  @ApiPropertyOptional({ type: CreateCampaignDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => CreateCampaignDto) campaign?: CreateCampaignDto;
  @ApiProperty({ type: CreateApplicationMethodDto }) @IsObject() @ValidateNested() @Type(() => CreateApplicationMethodDto) application_method!: CreateApplicationMethodDto;
  @ApiPropertyOptional({ type: [CreatePromotionRuleDto] }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_RULES) @ValidateNested({ each: true }) @Type(() => CreatePromotionRuleDto)
  rules?: CreatePromotionRuleDto[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true }) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class UpdatePromotionDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(255) code?: string;
  @ApiPropertyOptional({ enum: PROMOTION_TYPES }) @IsOptional() @IsIn(PROMOTION_TYPES) type?: PromotionType;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() is_automatic?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() is_tax_inclusive?: boolean;
  @ApiPropertyOptional({ enum: PROMOTION_STATUSES }) @IsOptional() @IsIn(PROMOTION_STATUSES) status?: PromotionStatus;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() campaign_id?: string | null;
  @ApiPropertyOptional({ type: UpdateApplicationMethodDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => UpdateApplicationMethodDto) application_method?: UpdateApplicationMethodDto;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true }) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class RuleAttributeOptionDto {
  @ApiProperty() id!: string;
  @ApiProperty() value!: string;
  @ApiProperty() label!: string;
  @ApiProperty() required!: boolean;
  @ApiProperty() field_type!: string;
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, value: { type: 'string' }, label: { type: 'string' } } } })
  operators!: Array<{ id: string; value: string; label: string }>;
  @ApiPropertyOptional() disguised?: boolean;
  @ApiPropertyOptional() hydrate?: boolean;
}

export class RuleAttributeOptionsResponseDto {
  @ApiProperty({ type: [RuleAttributeOptionDto] }) attributes!: RuleAttributeOptionDto[];
}

export class RuleValueOptionDto {
  @ApiProperty() value!: string;
  @ApiProperty() label!: string;
}

export class RuleValueOptionsResponseDto {
  @ApiProperty({ type: [RuleValueOptionDto] }) values!: RuleValueOptionDto[];
}

export class PromotionRulesResponseDto {
  @ApiProperty({ type: [PromotionRuleDto] }) rules!: PromotionRuleDto[];
}
