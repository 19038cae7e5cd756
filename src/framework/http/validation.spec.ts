import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { createValidationPipe } from './validation';
import { invalidDataMessageAsync } from '../../../test/utils/errors';

class AddressDto {
  @IsString()
  city!: string;

  @IsOptional()
  @IsString()
  postal_code?: string;
}

class LineItemDto {
  @IsString()
  variant_id!: string;

  @IsInt()
  @Min(1)
  quantity!: number;
}

class CreateCartDto {
  @IsString()
  region_id!: string;

  @IsOptional()
  @IsString()
  email?: string;

  @IsOptional()
  @IsString()
  currency_code?: string;

  @IsOptional()
  @IsString()
  sales_channel_id?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => LineItemDto)
  items?: LineItemDto[];
}

const pipe = createValidationPipe();

function run(value: unknown): Promise<unknown> {
  return pipe.transform(value, { type: 'body', metatype: CreateCartDto });
}

const invalidDataMessage = (value: unknown): Promise<string> => invalidDataMessageAsync(() => run(value));

describe('createValidationPipe', () => {
  describe('a valid body', () => {
    it('passes and becomes an instance of the DTO with nested instances', async () => {
      const result = await run({
        region_id: 'reg_1',
        address: { city: 'Lyon' },
        items: [{ variant_id: 'variant_1', quantity: 2 }],
      });
      expect(result).toBeInstanceOf(CreateCartDto);
      const dto = result as CreateCartDto;
      expect(dto.region_id).toBe('reg_1');
      expect(dto.address).toBeInstanceOf(AddressDto);
      expect(dto.items?.[0]).toBeInstanceOf(LineItemDto);
      expect(dto.items?.[0].quantity).toBe(2);
    });

    it('accepts a body with only the required field', async () => {
      await expect(run({ region_id: 'reg_1' })).resolves.toBeInstanceOf(CreateCartDto);
    });
  });

  describe('unknown fields', () => {
    it('rejects an unknown top-level field', async () => {
      expect(await invalidDataMessage({ region_id: 'reg_1', foo: 'bar' })).toBe(
        "Invalid request: Unrecognized fields: 'foo'",
      );
    });

    it('lists several unknown fields in one issue', async () => {
      expect(await invalidDataMessage({ region_id: 'reg_1', foo: 1, bar: 2 })).toBe(
        "Invalid request: Unrecognized fields: 'foo', 'bar'",
      );
    });

    it('shows the path of an unknown field inside a nested object', async () => {
      expect(await invalidDataMessage({ region_id: 'reg_1', address: { city: 'Lyon', foo: 1 } })).toBe(
        "Invalid request: Unrecognized fields: 'address.foo'",
      );
    });

    it('shows the index of an unknown field inside an array of objects', async () => {
      const message = await invalidDataMessage({
        region_id: 'reg_1',
        items: [{ variant_id: 'variant_1', quantity: 1, foo: true }],
      });
      expect(message).toBe("Invalid request: Unrecognized fields: 'items.0.foo'");
    });
  });

  describe('wrong types', () => {
    it('names the expected type, the field and the received value', async () => {
      expect(await invalidDataMessage({ region_id: 123 })).toBe(
        "Invalid request: Expected type: 'string' for field 'region_id', got: '123'",
      );
    });

    it('uses the nested path for a field inside an array of objects', async () => {
      const message = await invalidDataMessage({
        region_id: 'reg_1',
        items: [{ variant_id: 'variant_1', quantity: 'two' }],
      });
      expect(message).toBe("Invalid request: Expected type: 'integer' for field 'items.0.quantity', got: 'two'");
    });

    it('describes an object value as JSON', async () => {
      expect(await invalidDataMessage({ region_id: { id: 'reg_1' } })).toBe(
        'Invalid request: Expected type: \'string\' for field \'region_id\', got: \'{"id":"reg_1"}\'',
      );
    });

    it('reports a rule violation that is not a type check with its own message', async () => {
      const message = await invalidDataMessage({ region_id: 'reg_1', items: [{ variant_id: 'v', quantity: 0 }] });
      expect(message).toMatch(/^Invalid request: items\.0\.quantity must not be less than 1$/);
    });
  });

  describe('missing required fields', () => {
    it('mentions the missing top-level field', async () => {
      const message = await invalidDataMessage({});
      expect(message).toMatch(/^Invalid request: /);
      expect(message).toContain('region_id');
    });

    it('mentions a missing nested field with its parent path', async () => {
      const message = await invalidDataMessage({ region_id: 'reg_1', address: {} });
      expect(message).toContain('address.city');
    });
  });

  it('reports at most 3 issues joined by "; "', async () => {
    const message = await invalidDataMessage({
      region_id: 1,
      email: 2,
      currency_code: 3,
      sales_channel_id: 4,
    });
    const issues = message.replace(/^Invalid request: /, '').split('; ');
    expect(issues).toHaveLength(3);
    for (const issue of issues) expect(issue).toMatch(/^Expected type: 'string' for field '\w+', got: '\d'$/);
  });

  it('puts unrecognized fields first, as one of the 3 issues', async () => {
    const message = await invalidDataMessage({ foo: 1, region_id: 1, email: 2, currency_code: 3 });
    const issues = message.replace(/^Invalid request: /, '').split('; ');
    expect(issues).toHaveLength(3);
    expect(issues[0]).toBe("Unrecognized fields: 'foo'");
  });
});
