import { parseListQuery, parseOrder, parseRetrieveQuery, toMikroOrmOrderBy } from './list-query';
import type { ListQuerySpec, RetrieveQuerySpec } from './list-query.types';
import { invalidDataMessage } from '../../../../test/utils/errors';

const spec: ListQuerySpec = {
  defaults: ['id', 'title'],
  allowed: ['id', 'title', 'handle', 'variants'],
  defaultLimit: 20,
  maxLimit: 100,
  order: { allowed: ['created_at', 'title', 'variants.sku'], default: '-created_at' },
  filters: {
    id: { type: 'string' },
    created_at: { type: 'date' },
    collection_id: { type: 'string', column: 'collection' },
  },
  q: true,
  extra: ['region_id', 'cart'],
};


describe('parseListQuery', () => {
  it('applies every default to an empty query', () => {
    const query = parseListQuery({}, spec);
    expect(query).toEqual({
      limit: 20,
      offset: 0,
      order: [
        { field: 'created_at', direction: 'DESC' },
        { field: 'id', direction: 'DESC' },
      ],
      fields: { fields: ['id', 'title'], relations: [], requested: false },
      filters: {},
      extra: {},
    });
    expect('q' in query).toBe(false);
  });

  describe('pagination', () => {
    it('coerces limit and offset strings', () => {
      const query = parseListQuery({ limit: '50', offset: '100' }, spec);
      expect([query.limit, query.offset]).toEqual([50, 100]);
    });

    it('accepts a limit of 0 and a limit equal to the maximum', () => {
      expect(parseListQuery({ limit: '0' }, spec).limit).toBe(0);
      expect(parseListQuery({ limit: '100' }, spec).limit).toBe(100);
    });

    it('rejects a limit above the maximum', () => {
      expect(invalidDataMessage(() => parseListQuery({ limit: '101' }, spec))).toBe(
        'limit must not be greater than 100',
      );
    });

    it.each(['limit', 'offset'])('rejects malformed values of %s', (key) => {
      for (const value of ['-1', '1.5', 'abc', '', '1e2', '99999999999999999999', null]) {
        expect(invalidDataMessage(() => parseListQuery({ [key]: value }, spec))).toBe(
          `${key} must be a non-negative integer`,
        );
      }
    });

    it.each(['limit', 'offset'])('rejects a repeated %s', (key) => {
      expect(invalidDataMessage(() => parseListQuery({ [key]: ['1', '2'] }, spec))).toBe(
        `${key} must be a single value`,
      );
    });
  });

  describe('order', () => {
    it('orders ascending, descending and with an explicit +', () => {
      expect(parseListQuery({ order: '-title,+created_at,variants.sku' }, spec).order).toEqual([
        { field: 'title', direction: 'DESC' },
        { field: 'created_at', direction: 'ASC' },
        { field: 'variants.sku', direction: 'ASC' },
        { field: 'id', direction: 'ASC' },
      ]);
    });

    it('rejects a field that is not allowed', () => {
      expect(invalidDataMessage(() => parseListQuery({ order: 'title,-price' }, spec))).toBe(
        "Order field 'price' is not valid",
      );
    });

    it('rejects a repeated order parameter', () => {
      expect(invalidDataMessage(() => parseListQuery({ order: ['title', 'created_at'] }, spec))).toBe(
        'order must be a single value',
      );
    });

    it('falls back to the default for an empty order', () => {
      expect(parseListQuery({ order: ' ' }, spec).order).toEqual(parseListQuery({}, spec).order);
    });
  });

  describe('q', () => {
    it('passes the trimmed search text', () => {
      expect(parseListQuery({ q: '  blue shirt ' }, spec).q).toBe('blue shirt');
    });

    it.each([[''], ['   '], [['a', 'b']], [{ a: 'b' }]])('rejects the search value %j', (q) => {
      expect(invalidDataMessage(() => parseListQuery({ q }, spec))).toBe('q must be a non-empty string');
    });

    it('treats q as an unknown key when the route has no search', () => {
      expect(invalidDataMessage(() => parseListQuery({ q: 'shirt' }, { ...spec, q: false }))).toBe(
        "Invalid request: Unrecognized fields: 'q'",
      );
    });
  });

  describe('filters and extra keys', () => {
    it('parses the remaining keys as filters keyed by column', () => {
      const query = parseListQuery({ id: ['a', 'b'], collection_id: 'pcol_1', limit: '5' }, spec);
      expect(query.filters).toEqual({ id: { $in: ['a', 'b'] }, collection: 'pcol_1' });
    });

    it('lists every unknown key', () => {
      expect(invalidDataMessage(() => parseListQuery({ foo: '1', limit: '5', bar: '2' }, spec))).toBe(
        "Invalid request: Unrecognized fields: 'foo', 'bar'",
      );
    });

    it('copies extra keys untouched and keeps them out of the filters', () => {
      const cart = { id: 'cart_1' };
      const query = parseListQuery({ region_id: 'reg_1', cart }, spec);
      expect(query.extra).toEqual({ region_id: 'reg_1', cart });
      expect(query.extra.cart).toBe(cart);
      expect(query.filters).toEqual({});
    });

    it('rejects extra keys of another route', () => {
      expect(invalidDataMessage(() => parseListQuery({ region_id: 'reg_1' }, { ...spec, extra: [] }))).toBe(
        "Invalid request: Unrecognized fields: 'region_id'",
      );
    });
  });

  describe('fields', () => {
    it('resolves the fields parameter', () => {
      expect(parseListQuery({ fields: '+variants.sku' }, spec).fields).toEqual({
        fields: ['id', 'title', 'variants.sku'],
        relations: ['variants'],
        requested: true,
      });
    });

    it('rejects a repeated fields parameter', () => {
      expect(invalidDataMessage(() => parseListQuery({ fields: ['title', 'handle'] }, spec))).toBe(
        'fields must be a single value',
      );
    });
  });
});

describe('parseOrder', () => {
  it('does not append id when the client orders by it', () => {
    expect(parseOrder('title,-id', { allowed: ['title', 'id'] })).toEqual([
      { field: 'title', direction: 'ASC' },
      { field: 'id', direction: 'DESC' },
    ]);
  });

  it('returns an empty order when nothing is requested and there is no default', () => {
    expect(parseOrder(undefined, { allowed: ['title'] })).toEqual([]);
  });

  it('keeps the first direction of a field named twice', () => {
    expect(parseOrder('-title,title', { allowed: ['title'] })).toEqual([
      { field: 'title', direction: 'DESC' },
      { field: 'id', direction: 'DESC' },
    ]);
  });

  it('trusts the route default even when it is not in the allow-list', () => {
    expect(parseOrder(undefined, { allowed: [], default: 'rank' })).toEqual([
      { field: 'rank', direction: 'ASC' },
      { field: 'id', direction: 'ASC' },
    ]);
  });

  it('rejects a bare direction sign', () => {
    expect(invalidDataMessage(() => parseOrder('-', { allowed: ['title'] }))).toBe("Order field '' is not valid");
  });
});

describe('parseRetrieveQuery', () => {
  const retrieveSpec: RetrieveQuerySpec = { defaults: ['id', 'title'], allowed: ['title', 'handle'] };

  it('returns the default fields for an empty query', () => {
    expect(parseRetrieveQuery({}, retrieveSpec)).toEqual({
      fields: { fields: ['id', 'title'], relations: [], requested: false },
      extra: {},
    });
  });

  it('resolves the requested fields', () => {
    expect(parseRetrieveQuery({ fields: 'handle' }, retrieveSpec).fields.fields).toEqual(['handle', 'id']);
  });

  it('rejects every other key, list parameters included', () => {
    expect(invalidDataMessage(() => parseRetrieveQuery({ fields: 'title', limit: '1', id: 'x' }, retrieveSpec))).toBe(
      "Invalid request: Unrecognized fields: 'limit', 'id'",
    );
  });

  it('ignores keys whose value is undefined', () => {
    expect(parseRetrieveQuery({ limit: undefined }, retrieveSpec).fields.requested).toBe(false);
  });

  it('copies the extra keys the route declares', () => {
    const query = parseRetrieveQuery({ region_id: 'reg_1' }, { ...retrieveSpec, extra: ['region_id'] });
    expect(query.extra).toEqual({ region_id: 'reg_1' });
  });
});

describe('toMikroOrmOrderBy', () => {
  it('keeps the sequence and nests dotted fields', () => {
    expect(
      toMikroOrmOrderBy([
        { field: 'variants.options.value', direction: 'DESC' },
        { field: 'title', direction: 'ASC' },
        { field: 'id', direction: 'DESC' },
      ]),
    ).toEqual([{ variants: { options: { value: 'DESC' } } }, { title: 'ASC' }, { id: 'DESC' }]);
  });

  it('returns an empty list for an empty order', () => {
    expect(toMikroOrmOrderBy([])).toEqual([]);
  });
});

describe('a resource keyed by something other than id', () => {
  const spec = {
    defaults: ['code', 'name'],
    allowed: ['code', 'name', 'symbol'],
    key: 'code',
    defaultLimit: 20,
    maxLimit: 100,
    order: { allowed: ['name'], default: 'name' },
    filters: {},
  };

  it('always returns the key instead of id, and allows it', () => {
    expect(parseListQuery({ fields: 'symbol' }, spec).fields.fields).toEqual(['code', 'symbol']);
    expect(parseListQuery({ fields: 'code,name' }, spec).fields.fields).toEqual(['code', 'name']);
  });

  it('makes the order total with the key, not id', () => {
    expect(parseListQuery({ order: '-name' }, spec).order).toEqual([
      { field: 'name', direction: 'DESC' },
      { field: 'code', direction: 'DESC' },
    ]);
  });
});
