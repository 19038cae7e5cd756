import { parseFilters } from './filters';
import type { FilterSpec } from './list-query.types';
import { invalidDataMessage } from '../../../../test/utils/errors';

const specs: Record<string, FilterSpec> = {
  id: { type: 'string' },
  title: { type: 'string' },
  handle: { type: 'string', operators: ['$eq'] },
  sales_channel_id: { type: 'string', column: 'sales_channels.id' },
  rank: { type: 'number' },
  is_giftcard: { type: 'boolean' },
  created_at: { type: 'date' },
};


describe('parseFilters', () => {
  describe('value shapes', () => {
    it('turns a plain value into equality', () => {
      expect(parseFilters({ title: 'Shirt' }, specs)).toEqual({ title: 'Shirt' });
    });

    it('turns repeated values into $in', () => {
      expect(parseFilters({ id: ['prod_1', 'prod_2'] }, specs)).toEqual({ id: { $in: ['prod_1', 'prod_2'] } });
    });

    it('accepts an empty array as an $in that matches nothing', () => {
      expect(parseFilters({ id: [] }, specs)).toEqual({ id: { $in: [] } });
      expect(parseFilters({ id: { $in: [] } }, specs)).toEqual({ id: { $in: [] } });
    });

    it('keeps several operators on one filter', () => {
      expect(parseFilters({ rank: { $gte: '1', $lt: '10' } }, specs)).toEqual({ rank: { $gte: 1, $lt: 10 } });
    });

    it('writes the output under the configured column', () => {
      expect(parseFilters({ sales_channel_id: 'sc_1' }, specs)).toEqual({ 'sales_channels.id': 'sc_1' });
    });

    it('combines several filters', () => {
      expect(parseFilters({ title: 'Shirt', is_giftcard: 'false' }, specs)).toEqual({
        title: 'Shirt',
        is_giftcard: false,
      });
    });

    it('ignores keys whose value is undefined', () => {
      expect(parseFilters({ title: undefined, unknown: undefined }, specs)).toEqual({});
    });
  });

  describe('$in and $nin', () => {
    it('wraps a single value in an array without splitting on commas', () => {
      expect(parseFilters({ id: { $in: 'a,b' } }, specs)).toEqual({ id: { $in: ['a,b'] } });
    });

    it('accepts an array for $nin', () => {
      expect(parseFilters({ id: { $nin: ['a', 'b'] } }, specs)).toEqual({ id: { $nin: ['a', 'b'] } });
    });

    it('coerces every item to the filter type', () => {
      expect(parseFilters({ rank: ['1', '2.5'] }, specs)).toEqual({ rank: { $in: [1, 2.5] } });
    });

    it('rejects a bad item among the values', () => {
      expect(invalidDataMessage(() => parseFilters({ rank: { $in: ['1', 'x'] } }, specs))).toBe(
        "Filter 'rank' expects a number",
      );
    });
  });

  describe('unknown keys', () => {
    it('lists every unknown key in Medusa wording', () => {
      expect(invalidDataMessage(() => parseFilters({ foo: '1', title: 'x', bar: '2' }, specs))).toBe(
        "Invalid request: Unrecognized fields: 'foo', 'bar'",
      );
    });

    it('does not mistake Object.prototype members for filters', () => {
      expect(invalidDataMessage(() => parseFilters({ constructor: '1', toString: '2' }, specs))).toBe(
        "Invalid request: Unrecognized fields: 'constructor', 'toString'",
      );
    });
  });

  describe('operators', () => {
    it.each([
      [{ is_giftcard: { $gt: 'true' } }, "Operator '$gt' is not supported for filter 'is_giftcard'"],
      [{ title: { $lte: 'b' } }, "Operator '$lte' is not supported for filter 'title'"],
      [{ created_at: { $like: '2024%' } }, "Operator '$like' is not supported for filter 'created_at'"],
      [{ created_at: { $regex: '.*' } }, "Operator '$regex' is not supported for filter 'created_at'"],
      [{ handle: { $ne: 'a' } }, "Operator '$ne' is not supported for filter 'handle'"],
      [{ title: { nested: 'a' } }, "Operator 'nested' is not supported for filter 'title'"],
    ])('rejects the disallowed operator in %j', (raw, message) => {
      expect(invalidDataMessage(() => parseFilters(raw, specs))).toBe(message);
    });

    it('rejects repeated values when $in is not allowed', () => {
      expect(invalidDataMessage(() => parseFilters({ is_giftcard: ['true', 'false'] }, specs))).toBe(
        "Operator '$in' is not supported for filter 'is_giftcard'",
      );
    });

    it('rejects a plain value when $eq is not allowed', () => {
      const only = { code: { type: 'string', operators: ['$in'] } } satisfies Record<string, FilterSpec>;
      expect(invalidDataMessage(() => parseFilters({ code: 'x' }, only))).toBe(
        "Operator '$eq' is not supported for filter 'code'",
      );
      expect(parseFilters({ code: ['x'] }, only)).toEqual({ code: { $in: ['x'] } });
    });

    it('passes $like and $ilike patterns through as given', () => {
      expect(parseFilters({ title: { $like: '%Shirt_', $ilike: '%shirt%' } }, specs)).toEqual({
        title: { $like: '%Shirt_', $ilike: '%shirt%' },
      });
    });

    it('does not coerce a pattern on a non-string filter that allows $like', () => {
      const numeric = { sku_number: { type: 'number', operators: ['$eq', '$like'] } } satisfies Record<
        string,
        FilterSpec
      >;
      expect(parseFilters({ sku_number: { $like: '12%' } }, numeric)).toEqual({ sku_number: { $like: '12%' } });
      expect(parseFilters({ sku_number: '12' }, numeric)).toEqual({ sku_number: 12 });
    });

    it('rejects an array for a single-value operator', () => {
      expect(invalidDataMessage(() => parseFilters({ rank: { $gte: ['1', '2'] } }, specs))).toBe(
        "Invalid value for filter 'rank'",
      );
    });

    it.each([
      [{ title: { $eq: { $ne: 'x' } } }],
      [{ id: { $in: { $eq: 'x' } } }],
      [{ id: [{ $gt: '1' }] }],
      [{ title: {} }],
      [{ title: null }],
      [{ title: 42 }],
    ])('rejects the malformed value %j', (raw) => {
      expect(invalidDataMessage(() => parseFilters(raw, specs))).toMatch(/^Invalid value for filter '(title|id)'$/);
    });
  });

  describe('coercion', () => {
    it.each([
      ['10', 10],
      ['-3', -3],
      ['1.5', 1.5],
      ['1e3', 1000],
    ])('reads the number %s', (raw, expected) => {
      expect(parseFilters({ rank: raw }, specs)).toEqual({ rank: expected });
    });

    it.each(['abc', '', ' ', 'Infinity', '0x10', '1e400', '1,5'])('rejects the number %j', (raw) => {
      expect(invalidDataMessage(() => parseFilters({ rank: raw }, specs))).toBe("Filter 'rank' expects a number");
    });

    it('reads true and false', () => {
      expect(parseFilters({ is_giftcard: 'true' }, specs)).toEqual({ is_giftcard: true });
      expect(parseFilters({ is_giftcard: { $ne: 'false' } }, specs)).toEqual({ is_giftcard: { $ne: false } });
    });

    it.each(['1', 'TRUE', 'yes', ''])('rejects the boolean %j', (raw) => {
      expect(invalidDataMessage(() => parseFilters({ is_giftcard: raw }, specs))).toBe(
        "Filter 'is_giftcard' expects a boolean",
      );
    });

    it.each([
      ['2024-01-15', '2024-01-15T00:00:00.000Z'],
      ['2024-02-29', '2024-02-29T00:00:00.000Z'],
      ['2024-01-15T10:30:00Z', '2024-01-15T10:30:00.000Z'],
      ['2024-01-15T10:30:00.250Z', '2024-01-15T10:30:00.250Z'],
      ['2024-01-15T10:30:00+02:00', '2024-01-15T08:30:00.000Z'],
    ])('reads the date %s', (raw, iso) => {
      const result = parseFilters({ created_at: { $gte: raw } }, specs) as { created_at: { $gte: Date } };
      expect(result.created_at.$gte).toBeInstanceOf(Date);
      expect(result.created_at.$gte.toISOString()).toBe(iso);
    });

    it.each(['yesterday', '2024-02-30', '2023-02-29', '2024-13-01', '2024-01-15T24:00:00Z', '1700000000', ''])(
      'rejects the date %j',
      (raw) => {
        expect(invalidDataMessage(() => parseFilters({ created_at: raw }, specs))).toBe(
          "Filter 'created_at' expects a date",
        );
      },
    );

    it('keeps strings as given', () => {
      expect(parseFilters({ title: ' 42 ' }, specs)).toEqual({ title: ' 42 ' });
    });
  });
});
