import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

const OBJECT = { type: 'object', additionalProperties: true } as const;

export class ReturnReasonDto {
  @ApiProperty({ example: 'rr_01M7XM5W0RW9XWR6KJTSPZGQGH' }) id!: string;
  @ApiPropertyOptional({ example: 'wrong_size' }) value?: string;
  @ApiPropertyOptional({ example: 'Wrong size' }) label?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) description?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) parent_return_reason_id?: string | null;
  @ApiPropertyOptional({ ...OBJECT, nullable: true }) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) deleted_at?: string | null;
  @ApiPropertyOptional({ ...OBJECT, nullable: true }) parent_return_reason?: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: 'array', items: OBJECT }) return_reason_children?: unknown[];
}

export class CreateReturnReasonDto {
  @ApiProperty({ example: 'wrong_size' }) @IsString() @IsNotEmpty() @MaxLength(255) value!: string;
  @ApiProperty({ example: 'Wrong size' }) @IsString() @IsNotEmpty() @MaxLength(255) label!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(2000) description?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() parent_return_reason_id?: string | null;
  @ApiPropertyOptional({ ...OBJECT, nullable: true }) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class UpdateReturnReasonDto extends PartialType(CreateReturnReasonDto) {}
