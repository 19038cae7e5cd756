import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class NotificationDto {
  @ApiProperty({ example: 'noti_01M7XM5KFBDQFYJSSR1W5T0BVY' }) id!: string;
  @ApiPropertyOptional({ description: "The receiver's address on the channel (an email address for `email`)" }) to?: string;
  @ApiPropertyOptional({ example: 'email' }) channel?: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'order-placed' }) template?: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true }) data?: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'What caused it: the event name for the built-in subscribers', example: 'order.placed' })
  trigger_type?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) resource_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'order' }) resource_type?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) receiver_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) original_notification_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) idempotency_key?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: "The provider's own id for the message" }) external_id?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'local' }) provider_id?: string | null;
  @ApiPropertyOptional({ enum: ['pending', 'success', 'failure'] }) status?: 'pending' | 'success' | 'failure';
  @ApiPropertyOptional({ type: String, nullable: true, description: "The provider's error when status is failure (Stheno addition)" }) error?: string | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
}
