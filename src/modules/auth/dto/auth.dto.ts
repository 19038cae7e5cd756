import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class EmailPassDto {
  @ApiProperty({ example: 'jane@example.com' }) @IsEmail() @MaxLength(320) email!: string;
  @ApiProperty({ example: 'correct horse battery staple' }) @IsString() @IsNotEmpty() @MaxLength(1024) password!: string;
}

export class ResetPasswordDto {
  @ApiProperty({ example: 'admin@stheno.dev', description: 'The email of the identity' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  identifier!: string;
}

export class UpdateProviderDto {
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(1024) password!: string;
}

export class TokenResponseDto {
  @ApiProperty({ description: 'A JWT (HS256) with actor_id, actor_type, auth_identity_id, app_metadata' }) token!: string;
}

export class SuccessResponseDto {
  @ApiProperty({ example: true }) success!: boolean;
}

class AuthContextDto {
  @ApiProperty() actor_id!: string;
  @ApiProperty({ enum: ['user', 'customer'] }) actor_type!: string;
  @ApiProperty() auth_identity_id!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) app_metadata!: Record<string, unknown>;
}

export class SessionResponseDto {
  @ApiProperty({ type: AuthContextDto }) user!: AuthContextDto;
}
