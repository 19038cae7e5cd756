import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

class ApiKeySalesChannelDto {
  @ApiProperty({ example: 'sc_01M7XM5FAHMSEAQ17AAQPAKE3F' }) id!: string;
  @ApiProperty({ example: 'Default Sales Channel' }) name!: string;
}

export class ApiKeyDto {
  @ApiProperty({ example: 'apk_01M7XM5FBPZHZSRHE78TQ4VMAM' }) id!: string;
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional({ description: 'Publishable keys: the token. Secret keys: the full token only in the create response, the redacted form afterwards.' })
  token?: string;
  @ApiPropertyOptional({ example: 'pk_0f2***3ea' }) redacted?: string;
  @ApiPropertyOptional({ enum: ['publishable', 'secret'] }) type?: string;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) last_used_at?: string | null;
  @ApiPropertyOptional() created_by?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) revoked_by?: string | null;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) revoked_at?: string | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) deleted_at?: string | null;
  @ApiPropertyOptional({ type: [ApiKeySalesChannelDto] }) sales_channels?: ApiKeySalesChannelDto[];
}

export class CreateApiKeyDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(255) title!: string;
  @ApiProperty({ enum: ['publishable', 'secret'] }) @IsIn(['publishable', 'secret']) type!: 'publishable' | 'secret';
}

export class UpdateApiKeyDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(255) title?: string;
}

export class RevokeApiKeyDto {
  @ApiPropertyOptional({ description: 'Revoke this many seconds from now (default: now; at most 10 years)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(315_360_000)
  revoke_in?: number;
}
