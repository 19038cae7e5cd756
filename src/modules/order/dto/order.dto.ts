import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { nullableModel } from '../../../framework/http/route-docs';
import { IsEmail, IsObject, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';

const RAW = { type: 'object', properties: { value: { type: 'string' }, precision: { type: 'number' } } } as const;
const OBJECT = { type: 'object', additionalProperties: true } as const;

export class OrderAddressDto {
  @ApiPropertyOptional({ example: 'ordaddr_01M7XM5W0N4K51SS9S3GK321DG' }) id?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) customer_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) company?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Ada' }) first_name?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Lovelace' }) last_name?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '1 Main St' }) address_1?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) address_2?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Copenhagen' }) city?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'dk' }) country_code?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) province?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '1000' }) postal_code?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) phone?: string | null;
  @ApiPropertyOptional({ ...OBJECT, nullable: true }) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) deleted_at?: string | null;
}

export class OrderLineItemDto {
  @ApiPropertyOptional({ example: 'ordli_01M7XM5W0SBZG7KQR7B32B1R8A' }) id?: string;
  @ApiPropertyOptional({ example: 'Medusa Sweatshirt' }) title?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) variant_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) product_id?: string | null;
  @ApiPropertyOptional({ example: 10 }) unit_price?: number;
  @ApiPropertyOptional({ example: 2 }) quantity?: number;
  @ApiPropertyOptional({ ...RAW }) raw_unit_price?: unknown;
  @ApiPropertyOptional({ ...OBJECT, description: 'The line in the current order version: quantity, fulfilled_quantity, shipped_quantity, delivered_quantity, return_* and written_off_quantity, each with its raw_*' })
  detail?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'array', items: OBJECT }) tax_lines?: unknown[];
  @ApiPropertyOptional({ type: 'array', items: OBJECT }) adjustments?: unknown[];
  @ApiPropertyOptional({ example: 20 }) subtotal?: number;
  @ApiPropertyOptional({ example: 20 }) total?: number;
  @ApiPropertyOptional({ example: 0 }) tax_total?: number;
  @ApiPropertyOptional({ example: 0 }) discount_total?: number;
  @ApiPropertyOptional({ example: 20 }) refundable_total?: number;
  @ApiPropertyOptional({ example: 0 }) fulfilled_total?: number;
  @ApiPropertyOptional({ ...OBJECT, nullable: true, description: 'The live variant, when requested (`*items.variant`); null when it is gone' })
  variant?: Record<string, unknown> | null;
  @ApiPropertyOptional({ ...OBJECT, nullable: true, description: 'The live product, when requested (`*items.product`); null when it is gone' })
  product?: Record<string, unknown> | null;
}

export class OrderShippingMethodDto {
  @ApiPropertyOptional({ example: 'ordsm_01M7XM5W0RBDEKZ3GYYBVASZC6' }) id?: string;
  @ApiPropertyOptional({ example: 'Standard Shipping' }) name?: string;
  @ApiPropertyOptional({ example: 10 }) amount?: number;
  @ApiPropertyOptional({ type: String, nullable: true }) shipping_option_id?: string | null;
  @ApiPropertyOptional({ ...OBJECT }) detail?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'array', items: OBJECT }) tax_lines?: unknown[];
  @ApiPropertyOptional({ type: 'array', items: OBJECT }) adjustments?: unknown[];
  @ApiPropertyOptional({ example: 10 }) total?: number;
}

@ApiExtraModels(OrderAddressDto)
export class OrderDto {
  @ApiProperty({ example: 'order_01M7XM5W0RW9XWR6KJTSPZGQGH' }) id!: string;
  @ApiPropertyOptional({ example: 1 }) display_id?: number;
  @ApiPropertyOptional({ type: String, nullable: true }) custom_display_id?: string | null;
  @ApiPropertyOptional({ enum: ['pending', 'completed', 'draft', 'archived', 'canceled', 'requires_action'] }) status?: string;
  @ApiPropertyOptional({ example: 1 }) version?: number;
  @ApiPropertyOptional({ ...OBJECT, description: 'paid_total, refunded_total, accounting_total, credit_line_total, transaction_total, pending_difference, current_order_total, original_order_total, each with its raw_*' })
  summary?: Record<string, unknown>;
  @ApiPropertyOptional({ type: String, nullable: true }) region_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) customer_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) sales_channel_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'buyer@example.com' }) email?: string | null;
  @ApiPropertyOptional({ example: 'eur' }) currency_code?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) locale?: string | null;
  @ApiPropertyOptional({ ...OBJECT, nullable: true }) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) canceled_at?: string | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional({ example: 30 }) total?: number;
  @ApiPropertyOptional({ example: 30 }) subtotal?: number;
  @ApiPropertyOptional({ example: 0 }) tax_total?: number;
  @ApiPropertyOptional({ example: 0 }) discount_total?: number;
  @ApiPropertyOptional({ example: 10 }) shipping_total?: number;
  @ApiPropertyOptional({ example: 20 }) item_total?: number;
  @ApiPropertyOptional({ type: [OrderLineItemDto] }) items?: OrderLineItemDto[];
  @ApiPropertyOptional({ type: [OrderShippingMethodDto] }) shipping_methods?: OrderShippingMethodDto[];
  @ApiPropertyOptional(nullableModel(OrderAddressDto)) shipping_address?: OrderAddressDto | null;
  @ApiPropertyOptional(nullableModel(OrderAddressDto)) billing_address?: OrderAddressDto | null;
  @ApiPropertyOptional({ type: 'array', items: OBJECT }) credit_lines?: unknown[];
  @ApiPropertyOptional({ type: 'array', items: OBJECT }) payment_collections?: unknown[];
  @ApiPropertyOptional({ type: 'array', items: OBJECT }) fulfillments?: unknown[];
  @ApiPropertyOptional({
    enum: ['not_paid', 'awaiting', 'authorized', 'partially_authorized', 'captured', 'partially_captured', 'partially_refunded', 'refunded', 'canceled', 'requires_action'],
  })
  payment_status?: string;
  @ApiPropertyOptional({
    enum: ['not_fulfilled', 'partially_fulfilled', 'fulfilled', 'partially_shipped', 'shipped', 'partially_delivered', 'delivered', 'canceled'],
  })
  fulfillment_status?: string;
}

export class OrderItemDto {
  @ApiProperty({ example: 'orditem_01M7XM5W0TP6Q36ZT194TKRJX4' }) id!: string;
  @ApiPropertyOptional() item_id?: string;
  @ApiPropertyOptional() quantity?: number;
  @ApiPropertyOptional() fulfilled_quantity?: number;
  @ApiPropertyOptional() shipped_quantity?: number;
  @ApiPropertyOptional() delivered_quantity?: number;
  @ApiPropertyOptional({ type: OrderLineItemDto }) item?: OrderLineItemDto;
}

export class OrderItemsResponseDto {
  @ApiProperty({ type: [OrderItemDto] }) order_items!: OrderItemDto[];
}

export class UpdateOrderAddressDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) company?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) first_name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) last_name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) address_1?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) address_2?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) city?: string;
  @ApiPropertyOptional({ description: 'Cannot be changed on an existing address' }) @IsOptional() @IsString() @Length(2, 2) country_code?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) province?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) postal_code?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) phone?: string;
  @ApiPropertyOptional({ ...OBJECT }) @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

export class UpdateOrderDto {
  @ApiPropertyOptional({ example: 'buyer@example.com' }) @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional({ type: UpdateOrderAddressDto }) @IsOptional() @ValidateNested() @Type(() => UpdateOrderAddressDto) shipping_address?: UpdateOrderAddressDto;
  @ApiPropertyOptional({ type: UpdateOrderAddressDto }) @IsOptional() @ValidateNested() @Type(() => UpdateOrderAddressDto) billing_address?: UpdateOrderAddressDto;
  @ApiPropertyOptional({ ...OBJECT, nullable: true }) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class ReturnDto {
  @ApiProperty({ example: 'return_01M7XM5W0RW9XWR6KJTSPZGQGH' }) id!: string;
  @ApiPropertyOptional() order_id?: string;
  @ApiPropertyOptional() display_id?: number;
  @ApiPropertyOptional({ enum: ['open', 'requested', 'received', 'partially_received', 'canceled'] }) status?: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) refund_amount?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) location_id?: string | null;
  @ApiPropertyOptional({ type: 'array', items: OBJECT }) items?: unknown[];
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) requested_at?: string | null;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) received_at?: string | null;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) canceled_at?: string | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
}
