import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { OrderDto, ReturnDto } from './order.dto';

const OBJECT = { type: 'object', additionalProperties: true } as const;

export class ItemQuantityDto {
  @ApiProperty({ example: 'ordli_01M7XM5W0SBZG7KQR7B32B1R8A', description: 'The order line item id' }) @IsString() @IsNotEmpty() id!: string;
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) quantity!: number;
}

export class ReturnItemDto extends ItemQuantityDto {
  @ApiPropertyOptional({ example: 'rr_01M7XM5W0RW9XWR6KJTSPZGQGH' }) @IsOptional() @IsString() @IsNotEmpty() reason_id?: string;
  @ApiPropertyOptional({ example: 'Too small' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class LabelDto {
  @ApiProperty({ example: '1Z999' }) @IsString() tracking_number!: string;
  @ApiProperty({ example: 'https://track.example.com/1Z999' }) @IsString() tracking_url!: string;
  @ApiProperty({ example: 'https://labels.example.com/1Z999.pdf' }) @IsString() label_url!: string;
}

export class CreateOrderFulfillmentDto {
  @ApiProperty({ type: [ItemQuantityDto] }) @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => ItemQuantityDto) items!: ItemQuantityDto[];
  @ApiPropertyOptional({ example: 'sloc_01M7XM5W0RW9XWR6KJTSPZGQGH', description: "Defaults to the stock location of the items' reservations" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  location_id?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() shipping_option_id?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() no_notification?: boolean;
  @ApiPropertyOptional({ type: [LabelDto] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => LabelDto) labels?: LabelDto[];
  @ApiPropertyOptional({ ...OBJECT }) @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

export class CreateOrderShipmentDto {
  @ApiPropertyOptional({ type: [ItemQuantityDto], description: 'Lines of the fulfillment; the whole fulfillment ships' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ItemQuantityDto)
  items?: ItemQuantityDto[];
  @ApiPropertyOptional({ type: [LabelDto] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => LabelDto) labels?: LabelDto[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() no_notification?: boolean;
}

export class CancelOrderFulfillmentDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() no_notification?: boolean;
}

export class BeginReturnDto {
  @ApiProperty({ example: 'order_01M7XM5W0RW9XWR6KJTSPZGQGH' }) @IsString() @IsNotEmpty() order_id!: string;
  @ApiPropertyOptional({ example: 'sloc_01M7XM5W0RW9XWR6KJTSPZGQGH' }) @IsOptional() @IsString() @IsNotEmpty() location_id?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) internal_note?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() no_notification?: boolean;
  @ApiPropertyOptional({ ...OBJECT }) @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

export class RequestReturnItemsDto {
  @ApiProperty({ type: [ReturnItemDto] }) @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => ReturnItemDto) items!: ReturnItemDto[];
}

export class ReceiveReturnItemsDto {
  @ApiProperty({ type: [ItemQuantityDto] }) @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => ItemQuantityDto) items!: ItemQuantityDto[];
}

export class ReturnShippingDto {
  @ApiProperty({ example: 'so_01M7XM5W0RW9XWR6KJTSPZGQGH' }) @IsString() @IsNotEmpty() option_id!: string;
}

export class CreateStoreReturnDto {
  @ApiProperty({ example: 'order_01M7XM5W0RW9XWR6KJTSPZGQGH' }) @IsString() @IsNotEmpty() order_id!: string;
  @ApiProperty({ type: [ReturnItemDto] }) @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => ReturnItemDto) items!: ReturnItemDto[];
  @ApiPropertyOptional({ type: ReturnShippingDto, description: 'Not supported yet: a request carrying it is refused (400)' }) @IsOptional() @ValidateNested() @Type(() => ReturnShippingDto) return_shipping?: ReturnShippingDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() location_id?: string;
}

export class ReturnWithPreviewDto {
  @ApiProperty({ type: OrderDto, description: 'The order as it will be once the return step is confirmed' }) order_preview!: OrderDto;
  @ApiProperty({ type: ReturnDto }) return!: ReturnDto;
}
