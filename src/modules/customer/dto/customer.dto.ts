import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsNotEmpty, IsObject, IsOptional, IsString, Length, MaxLength } from 'class-validator';

const metadataDoc = { type: 'object', additionalProperties: true, nullable: true } as const;
const nullableText = { type: String, nullable: true } as const;

/** Ids a link route may attach or detach in one request. */
export const MAX_LINKED_IDS = 1000;

/** Every property optional: `fields` may select any subset (nested items carry only what was selected). */
class CustomerAddressFieldsDto {
  @ApiPropertyOptional(nullableText) address_name?: string | null;
  @ApiPropertyOptional() is_default_shipping?: boolean;
  @ApiPropertyOptional() is_default_billing?: boolean;
  @ApiPropertyOptional({ example: 'cus_01M7XM5TRGRTAAY7BZ7441PG7R' }) customer_id?: string;
  @ApiPropertyOptional(nullableText) company?: string | null;
  @ApiPropertyOptional(nullableText) first_name?: string | null;
  @ApiPropertyOptional(nullableText) last_name?: string | null;
  @ApiPropertyOptional(nullableText) address_1?: string | null;
  @ApiPropertyOptional(nullableText) address_2?: string | null;
  @ApiPropertyOptional(nullableText) city?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: 'dk' }) country_code?: string | null;
  @ApiPropertyOptional(nullableText) province?: string | null;
  @ApiPropertyOptional(nullableText) postal_code?: string | null;
  @ApiPropertyOptional(nullableText) phone?: string | null;
  @ApiPropertyOptional(metadataDoc) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
}

export class CustomerAddressDto extends CustomerAddressFieldsDto {
  @ApiPropertyOptional({ example: 'cuaddr_01M7XM5TRGRTAAY7BZ7441PG7R' }) id?: string;
}

/** The top-level `address` of a response always carries its id. */
export class CustomerAddressResponseDto extends CustomerAddressFieldsDto {
  @ApiProperty({ example: 'cuaddr_01M7XM5TRGRTAAY7BZ7441PG7R' }) id!: string;
}

class CustomerGroupFieldsDto {
  @ApiPropertyOptional({ example: 'VIP' }) name?: string;
  @ApiPropertyOptional(metadataDoc) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional(nullableText) created_by?: string | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) deleted_at?: string | null;
}

export class CustomerGroupSummaryDto extends CustomerGroupFieldsDto {
  @ApiPropertyOptional({ example: 'cusgroup_01M7XM5FSPXTS27B93PT9B3KDB' }) id?: string;
}

export class CustomerDto {
  @ApiProperty({ example: 'cus_01M7XM5TRGRTAAY7BZ7441PG7R' }) id!: string;
  @ApiPropertyOptional({ ...nullableText, example: 'buyer@example.com' }) email?: string | null;
  @ApiPropertyOptional(nullableText) first_name?: string | null;
  @ApiPropertyOptional(nullableText) last_name?: string | null;
  @ApiPropertyOptional(nullableText) company_name?: string | null;
  @ApiPropertyOptional(nullableText) phone?: string | null;
  @ApiPropertyOptional({ description: 'True for a registered shopper, false for a guest' }) has_account?: boolean;
  @ApiPropertyOptional(metadataDoc) metadata?: Record<string, unknown> | null;
  @ApiPropertyOptional({ ...nullableText, description: 'The admin user who created it' }) created_by?: string | null;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
  @ApiPropertyOptional({ format: 'date-time', type: String, nullable: true }) deleted_at?: string | null;
  @ApiPropertyOptional({ type: [CustomerAddressDto] }) addresses?: CustomerAddressDto[];
  @ApiPropertyOptional({ type: [CustomerGroupSummaryDto] }) groups?: CustomerGroupSummaryDto[];
}

export class CustomerGroupDto extends CustomerGroupFieldsDto {
  @ApiProperty({ example: 'cusgroup_01M7XM5FSPXTS27B93PT9B3KDB' }) id!: string;
  @ApiPropertyOptional({ type: [CustomerDto] }) customers?: CustomerDto[];
}

/** `POST /admin/customers`: a guest customer (no account), as Medusa's admin creates. */
export class CreateCustomerDto {
  @ApiPropertyOptional({ ...nullableText, example: 'buyer@example.com' }) @IsOptional() @IsEmail() @MaxLength(320) email?: string | null;
  @ApiPropertyOptional(nullableText) @IsOptional() @IsString() @MaxLength(255) company_name?: string | null;
  @ApiPropertyOptional(nullableText) @IsOptional() @IsString() @MaxLength(255) first_name?: string | null;
  @ApiPropertyOptional(nullableText) @IsOptional() @IsString() @MaxLength(255) last_name?: string | null;
  @ApiPropertyOptional(nullableText) @IsOptional() @IsString() @MaxLength(64) phone?: string | null;
  @ApiPropertyOptional(metadataDoc) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class UpdateCustomerDto extends CreateCustomerDto {}

/** `POST /store/customers`: the signed-up shopper's own customer; the email is required (it is the account's). */
export class StoreCreateCustomerDto extends OmitType(CreateCustomerDto, ['email'] as const) {
  @ApiProperty({ example: 'buyer@example.com' }) @IsEmail() @MaxLength(320) email!: string;
}

/** A shopper cannot change its email here (it is its sign-in identity's). */
export class StoreUpdateCustomerDto extends OmitType(CreateCustomerDto, ['email'] as const) {}

/** Create and update bodies of an address: every field optional. */
export class CustomerAddressInputDto {
  @ApiPropertyOptional(nullableText) @IsOptional() @IsString() @MaxLength(255) address_name?: string | null;
  @ApiPropertyOptional({ description: 'Makes it the default shipping address (the previous default is unset)' }) @IsOptional() @IsBoolean() is_default_shipping?: boolean;
  @ApiPropertyOptional({ description: 'Makes it the default billing address (the previous default is unset)' }) @IsOptional() @IsBoolean() is_default_billing?: boolean;
  @ApiPropertyOptional(nullableText) @IsOptional() @IsString() @MaxLength(255) company?: string | null;
  @ApiPropertyOptional(nullableText) @IsOptional() @IsString() @MaxLength(255) first_name?: string | null;
  @ApiPropertyOptional(nullableText) @IsOptional() @IsString() @MaxLength(255) last_name?: string | null;
  @ApiPropertyOptional(nullableText) @IsOptional() @IsString() @MaxLength(255) address_1?: string | null;
  @ApiPropertyOptional(nullableText) @IsOptional() @IsString() @MaxLength(255) address_2?: string | null;
  @ApiPropertyOptional(nullableText) @IsOptional() @IsString() @MaxLength(255) city?: string | null;
  @ApiPropertyOptional({ ...nullableText, example: 'dk', description: 'ISO 3166-1 alpha-2 (any case)' })
  @IsOptional()
  @IsString()
  @Length(2, 2)
  country_code?: string | null;
  @ApiPropertyOptional(nullableText) @IsOptional() @IsString() @MaxLength(255) province?: string | null;
  @ApiPropertyOptional(nullableText) @IsOptional() @IsString() @MaxLength(64) postal_code?: string | null;
  @ApiPropertyOptional(nullableText) @IsOptional() @IsString() @MaxLength(64) phone?: string | null;
  @ApiPropertyOptional(metadataDoc) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class CreateCustomerGroupDto {
  @ApiProperty({ example: 'VIP' }) @IsString() @IsNotEmpty() @MaxLength(255) name!: string;
  @ApiPropertyOptional(metadataDoc) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

export class UpdateCustomerGroupDto {
  @ApiPropertyOptional({ example: 'VIP' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(255) name?: string;
  @ApiPropertyOptional(metadataDoc) @IsOptional() @IsObject() metadata?: Record<string, unknown> | null;
}

/** `{add, remove}` of a link route. */
export class LinkIdsDto {
  @ApiPropertyOptional({ type: [String], example: ['cusgroup_01M7XM5FSPXTS27B93PT9B3KDB'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LINKED_IDS)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  add?: string[];
  @ApiPropertyOptional({ type: [String], example: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LINKED_IDS)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  remove?: string[];
}
