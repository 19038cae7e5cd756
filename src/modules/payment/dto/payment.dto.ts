import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath, PartialType } from '@nestjs/swagger';
import { IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const META = { type: 'object', additionalProperties: true, nullable: true } as const;
const DATE = { format: 'date-time' } as const;
const NULLABLE_DATE = { format: 'date-time', type: String, nullable: true } as const;

export class RawAmountDto {
  @ApiProperty({ example: '30' }) value!: string;
  @ApiProperty({ example: 20 }) precision!: number;
}

export class RefundReasonDto {
  @ApiProperty({ example: 'refr_01M7XM5VT614XDSRQSJGYA0B23' }) id!: string;
  @ApiPropertyOptional({ example: 'Damaged goods' }) label?: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'damaged' }) code?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) description?: string | null;
  @ApiPropertyOptional(META) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
}

export class CaptureDto {
  @ApiPropertyOptional() id?: string;
  @ApiPropertyOptional({ example: 30 }) amount?: number;
  @ApiPropertyOptional({ type: RawAmountDto }) raw_amount?: RawAmountDto;
  @ApiPropertyOptional() payment_id?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) created_by?: string | null;
  @ApiPropertyOptional(META) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
}

@ApiExtraModels(RefundReasonDto)
export class RefundDto {
  @ApiPropertyOptional() id?: string;
  @ApiPropertyOptional({ example: 10 }) amount?: number;
  @ApiPropertyOptional({ type: RawAmountDto }) raw_amount?: RawAmountDto;
  @ApiPropertyOptional() payment_id?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) refund_reason_id?: string | null;
  @ApiPropertyOptional({
    // OpenAPI 3.0 ignores `nullable` next to a $ref: null is its own alternative
    oneOf: [{ $ref: getSchemaPath('RefundReasonDto') }, { type: 'object', nullable: true, enum: [null] }],
  })
  refund_reason?: RefundReasonDto | null;
  @ApiPropertyOptional({ type: String, nullable: true }) note?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) created_by?: string | null;
  @ApiPropertyOptional(META) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
}

export class PaymentSessionRefDto {
  @ApiPropertyOptional() id?: string;
}

export class PaymentDto {
  @ApiProperty({ example: 'pay_01M7XM5W3MKVEVJ2FHMTT64QQS' }) id!: string;
  @ApiPropertyOptional({ example: 30 }) amount?: number;
  @ApiPropertyOptional({ type: RawAmountDto }) raw_amount?: RawAmountDto;
  @ApiPropertyOptional({ example: 'eur' }) currency_code?: string;
  @ApiPropertyOptional({ example: 'pp_system_default' }) provider_id?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) data?: Record<string, unknown>;
  @ApiPropertyOptional(META) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(NULLABLE_DATE) captured_at?: string | null;
  @ApiPropertyOptional(NULLABLE_DATE) canceled_at?: string | null;
  @ApiPropertyOptional() payment_collection_id?: string;
  @ApiPropertyOptional() payment_session_id?: string;
  @ApiPropertyOptional({ type: PaymentSessionRefDto }) payment_session?: PaymentSessionRefDto;
  @ApiPropertyOptional({ type: [CaptureDto] }) captures?: CaptureDto[];
  @ApiPropertyOptional({ type: [RefundDto] }) refunds?: RefundDto[];
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
}

@ApiExtraModels(PaymentDto)
export class PaymentSessionDto {
  @ApiPropertyOptional() id?: string;
  @ApiPropertyOptional({ example: 30 }) amount?: number;
  @ApiPropertyOptional({ type: RawAmountDto }) raw_amount?: RawAmountDto;
  @ApiPropertyOptional() currency_code?: string;
  @ApiPropertyOptional() provider_id?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) data?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) context?: Record<string, unknown>;
  @ApiPropertyOptional({ enum: ['pending', 'authorized', 'captured', 'requires_more', 'error', 'canceled'] }) status?: string;
  @ApiPropertyOptional(NULLABLE_DATE) authorized_at?: string | null;
  @ApiPropertyOptional() payment_collection_id?: string;
  @ApiPropertyOptional({ oneOf: [{ $ref: getSchemaPath('PaymentDto') }, { type: 'object', nullable: true, enum: [null] }] })
  payment?: PaymentDto | null;
  @ApiPropertyOptional(META) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
}

export class PaymentCollectionDto {
  @ApiProperty({ example: 'pay_col_01M7XM5VNKGD3P830E9NK6F1F3' }) id!: string;
  @ApiPropertyOptional({ example: 'eur' }) currency_code?: string;
  @ApiPropertyOptional({ example: 30 }) amount?: number;
  @ApiPropertyOptional() authorized_amount?: number;
  @ApiPropertyOptional() captured_amount?: number;
  @ApiPropertyOptional() refunded_amount?: number;
  @ApiPropertyOptional({ type: RawAmountDto }) raw_amount?: RawAmountDto;
  @ApiPropertyOptional({ type: RawAmountDto }) raw_authorized_amount?: RawAmountDto;
  @ApiPropertyOptional({ type: RawAmountDto }) raw_captured_amount?: RawAmountDto;
  @ApiPropertyOptional({ type: RawAmountDto }) raw_refunded_amount?: RawAmountDto;
  @ApiPropertyOptional({ enum: ['not_paid', 'awaiting', 'authorized', 'partially_authorized', 'canceled', 'failed', 'completed'] }) status?: string;
  @ApiPropertyOptional(NULLABLE_DATE) completed_at?: string | null;
  @ApiPropertyOptional(META) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(DATE) created_at?: string;
  @ApiPropertyOptional(DATE) updated_at?: string;
  @ApiPropertyOptional(NULLABLE_DATE) deleted_at?: string | null;
  @ApiPropertyOptional({ type: [PaymentSessionDto] }) payment_sessions?: PaymentSessionDto[];
  @ApiPropertyOptional({ type: [PaymentDto] }) payments?: PaymentDto[];
}

export class PaymentProviderDto {
  @ApiProperty({ example: 'pp_system_default' }) id!: string;
  @ApiPropertyOptional({ example: true }) is_enabled?: boolean;
}

export class CapturePaymentDto {
  @ApiPropertyOptional({ example: 10, description: 'Defaults to what is authorized and not yet captured' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  amount?: number;
}

export class RefundPaymentDto {
  @ApiPropertyOptional({ example: 10, description: 'Defaults to what is captured and not yet refunded' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  amount?: number;

  @ApiPropertyOptional({ example: 'refr_01M7XM5VT614XDSRQSJGYA0B23' }) @IsOptional() @IsString() @IsNotEmpty() refund_reason_id?: string;
  @ApiPropertyOptional({ example: 'Broken on arrival' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class CreateRefundReasonDto {
  @ApiProperty({ example: 'Damaged goods' }) @IsString() @IsNotEmpty() @MaxLength(255) label!: string;
  @ApiPropertyOptional({ example: 'damaged', description: 'Unique among refund reasons' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'code may contain only letters, digits, _ and -' })
  code?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(2000) description?: string | null;
  @ApiPropertyOptional(META) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class UpdateRefundReasonDto extends PartialType(CreateRefundReasonDto) {}

export class MarkAsPaidDto {
  @ApiProperty({ example: 'order_01M7XM5W3MKVEVJ2FHMTT64QQS', description: 'The order the collection belongs to' })
  @IsString()
  @Matches(/^order_[0-9A-HJKMNP-TV-Z]{26}$/, { message: 'order_id must be an order id (order_…)' })
  order_id!: string;
}
