import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  humanizeTable,
  isPostgresError,
  parseDetailKey,
  pgErrorCode,
  translatePostgresError,
} from './postgres-errors';
import { CONFLICT_RETRY_MESSAGE, GENERIC_DATABASE_MESSAGE, SthenoError } from './stheno-error';

/** A raw `pg` DatabaseError as the driver raises it. */
function pgError(fields: Record<string, string>): Error {
  return Object.assign(new Error('database says no'), { severity: 'ERROR', ...fields });
}

describe('translatePostgresError', () => {
  describe('23505 unique violation', () => {
    it('names the table and the duplicated key', () => {
      const error = translatePostgresError(
        pgError({ code: '23505', table: 'product', detail: 'Key (handle)=(shirt) already exists.' }),
      );
      expect(error).toBeInstanceOf(SthenoError);
      expect(error.type).toBe('duplicate_error');
      expect(error.message).toBe('Product with handle: shirt, already exists.');
    });

    it('lists every column of a composite key', () => {
      const error = translatePostgresError(
        pgError({
          code: '23505',
          table: 'product_option_value',
          detail: 'Key (option_id, value)=(opt_1, Large) already exists.',
        }),
      );
      expect(error.message).toBe('Product option value with option_id: opt_1, value: Large, already exists.');
    });

    it('unwraps lower() in an expression index key', () => {
      const error = translatePostgresError(
        pgError({ code: '23505', table: 'customer', detail: 'Key (lower(email))=(a@b.c) already exists.' }),
      );
      expect(error.message).toBe('Customer with email: a@b.c, already exists.');
    });

    it('falls back to a generic record without table or detail', () => {
      expect(translatePostgresError(pgError({ code: '23505' })).message).toBe('Record already exists.');
    });

    it('keeps the original error as the cause', () => {
      const original = pgError({ code: '23505', table: 'product' });
      expect(translatePostgresError(original).cause).toBe(original);
    });
  });

  describe('23503 foreign key violation', () => {
    it('reports a missing referenced row as not found, naming the referenced table', () => {
      const error = translatePostgresError(
        pgError({
          code: '23503',
          table: 'product_variant',
          detail: 'Key (product_id)=(prod_123) is not present in table "product".',
        }),
      );
      expect(error.type).toBe('not_found');
      expect(error.message).toBe('Product with product_id: prod_123 was not found');
    });

    it('reports a row that is still referenced, naming both tables', () => {
      const error = translatePostgresError(
        pgError({
          code: '23503',
          table: 'region',
          detail: 'Key (id)=(reg_1) is still referenced from table "cart".',
        }),
      );
      expect(error.type).toBe('not_found');
      expect(error.message).toBe('Region with id: reg_1 is still referenced by Cart');
    });

    it('uses a generic message when the detail has no key', () => {
      const error = translatePostgresError(pgError({ code: '23503' }));
      expect(error.message).toBe('A referenced record was not found');
    });
  });

  it.each(['40001', '40P01'])('maps %s (serialization failure / deadlock) to a retryable conflict', (code) => {
    const error = translatePostgresError(pgError({ code }));
    expect(error.type).toBe('conflict');
    expect(error.message).toBe(CONFLICT_RETRY_MESSAGE);
  });

  it('maps 23502 not-null violation to invalid_data naming the column', () => {
    const error = translatePostgresError(pgError({ code: '23502', table: 'product', column: 'title' }));
    expect(error.type).toBe('invalid_data');
    expect(error.message).toBe("Missing required value for field 'title'");
  });

  it('maps 23502 without a column to a generic invalid_data message', () => {
    expect(translatePostgresError(pgError({ code: '23502' })).message).toBe('Missing a required value');
  });

  it('maps 23514 check violation to invalid_data naming the constraint', () => {
    const error = translatePostgresError(pgError({ code: '23514', constraint: 'price_amount_check' }));
    expect(error.type).toBe('invalid_data');
    expect(error.message).toBe("Value violates the rule 'price_amount_check'");
  });

  it.each(['22P02', '22003', '22001'])('maps %s (bad input format or range) to invalid_data', (code) => {
    const error = translatePostgresError(pgError({ code }));
    expect(error.type).toBe('invalid_data');
    expect(error.message).toBe('A value has an invalid format or is out of range');
  });

  it('maps an unknown SQLSTATE to database_error without leaking SQL or detail', () => {
    const original = Object.assign(new Error('syntax error at or near "SELEC"'), {
      code: '42601',
      detail: 'Failing row contains (secret-value).',
      query: 'SELEC * FROM customer',
    });
    const error = translatePostgresError(original);
    expect(error.type).toBe('database_error');
    expect(error.message).toBe(GENERIC_DATABASE_MESSAGE);
    expect(error.message).not.toMatch(/SELEC|secret-value|customer/);
  });

  it('recognises a MikroORM driver exception wrapping the pg error', () => {
    const wrapped = new UniqueConstraintViolationException(
      pgError({ code: '23505', table: 'product', detail: 'Key (handle)=(shirt) already exists.' }),
    );
    expect(wrapped).toBeInstanceOf(DriverException);
    expect(isPostgresError(wrapped)).toBe(true);
    expect(translatePostgresError(wrapped).message).toBe('Product with handle: shirt, already exists.');
  });

  it('prefers sqlState over code on a wrapper object', () => {
    const wrapper = { code: 'ER_SOMETHING', sqlState: '40P01' };
    expect(pgErrorCode(wrapper)).toBe('40P01');
    expect(translatePostgresError(wrapper).type).toBe('conflict');
  });
});

describe('isPostgresError', () => {
  it.each([
    ['a raw pg error', pgError({ code: '23505' })],
    ['a plain object with a SQLSTATE code and a severity', { code: 'XX000', severity: 'ERROR' }],
    ['an object with only sqlState', { sqlState: '40001' }],
  ])('recognises %s', (_name, error) => {
    expect(isPostgresError(error)).toBe(true);
  });

  it.each(['EPIPE', 'EPERM', 'EBADF'])('does not take the Node system error %s for a SQLSTATE', (code) => {
    expect(isPostgresError(Object.assign(new Error('system'), { code, errno: -32, syscall: 'write' }))).toBe(false);
  });

  it.each([
    ['a plain Error', new Error('boom')],
    ['a Node system error', Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })],
    ['a Node internal error', Object.assign(new TypeError('bad'), { code: 'ERR_INVALID_ARG_TYPE' })],
    ['a lowercase code', { code: 'abcde' }],
    ['a numeric code', { code: 23505 }],
    ['null', null],
    ['a string', '23505'],
  ])('does not recognise %s', (_name, error) => {
    expect(isPostgresError(error)).toBe(false);
    expect(pgErrorCode(error)).toBeUndefined();
  });
});

describe('helpers', () => {
  it.each([
    ['product_variant', 'Product variant'],
    ['cart', 'Cart'],
    [undefined, 'Record'],
  ])('humanizeTable(%j) is %j', (table, expected) => {
    expect(humanizeTable(table)).toBe(expected);
  });

  it('parseDetailKey returns undefined for a detail without a key', () => {
    expect(parseDetailKey('Failing row contains (1, null).')).toBeUndefined();
    expect(parseDetailKey(undefined)).toBeUndefined();
  });
});
