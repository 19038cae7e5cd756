import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsObject, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';

export class UserDto {
  @ApiProperty({ example: 'user_01M7XM5KFBDQFYJSSR1W5T0BVY' }) id!: string;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) first_name?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) last_name?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) avatar_url?: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true }) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) deleted_at?: string | null;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(255) first_name?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(255) last_name?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsUrl({ require_tld: false }) avatar_url?: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true }) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class InviteDto {
  @ApiProperty({ example: 'invite_01M7XM5KFBDQFYJSSR1W5T0BVY' }) id!: string;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional() accepted?: boolean;
  @ApiPropertyOptional({ description: 'Send it to the invitee; it accepts with POST /admin/invites/accept?token=…' }) token?: string;
  @ApiPropertyOptional({ format: 'date-time' }) expires_at?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true }) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
}

export class CreateInviteDto {
  @ApiProperty() @IsEmail() @MaxLength(320) email!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true }) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class AcceptInviteDto {
  /** Medusa's admin dashboard sends the invitee's email too; the invite decides it, so it is ignored. */
  @ApiPropertyOptional({ description: 'Accepted for compatibility and ignored: the invite decides the email' })
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(255) first_name?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(255) last_name?: string | null;
}
