import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import type { ListQuerySpec } from '../../src/framework/http/list-query';
import type { HelloGreeting } from './hello-greeting.entity';

export class HelloGreetingDto {
  @ApiProperty({ example: 'hgr_01JB7YQ6M2C0Z8R5T0X2V1K3N4' }) id!: string;
  @ApiPropertyOptional({ example: 'Hello, world' }) message?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The customer greeted, if any' }) customer_id?: string | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
}

export class CreateHelloGreetingDto {
  @ApiProperty({ minLength: 1, maxLength: 200 }) @IsString() @Length(1, 200) message!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() customer_id?: string;
}

export class StoreHelloDto {
  @ApiProperty({ example: 'Hello from the hello plugin' }) message!: string;
  @ApiProperty({ description: 'Greetings stored so far' }) greetings!: number;
}

const FIELDS = ['id', 'message', 'customer_id', 'created_at', 'updated_at'];

export const GREETING_LIST: ListQuerySpec = {
  defaults: FIELDS,
  allowed: FIELDS,
  defaultLimit: 20,
  maxLimit: 100,
  order: { allowed: ['created_at', 'message'], default: '-created_at' },
  filters: { id: { type: 'string' }, customer_id: { type: 'string' }, created_at: { type: 'date' } },
  q: true,
};

export function greetingView(greeting: HelloGreeting): Record<string, unknown> {
  return {
    id: greeting.id,
    message: greeting.message,
    customer_id: greeting.customer_id,
    created_at: greeting.created_at.toISOString(),
    updated_at: greeting.updated_at.toISOString(),
  };
}
