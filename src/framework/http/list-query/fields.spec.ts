import { resolveFields } from './fields';
import type { FieldsSpec } from './list-query.types';
import { invalidDataMessage } from '../../../../test/utils/errors';

const spec: FieldsSpec = {
  defaults: ['id', 'title', 'handle', '*variants'],
  allowed: ['id', 'title', 'handle', 'description', 'variants', 'options', 'images.url'],
};


describe('resolveFields', () => {
  describe('when the client sends no fields', () => {
    it('returns the normalized defaults with their relations', () => {
      expect(resolveFields(undefined, spec)).toEqual({
        fields: ['handle', 'id', 'title', 'variants.*'],
        relations: ['variants'],
        requested: false,
      });
    });

    it.each(['', '   ', ' , ,'])('treats %j as no fields', (raw) => {
      expect(resolveFields(raw, spec)).toEqual(resolveFields(undefined, spec));
    });

    it('adds id even when the defaults omit it', () => {
      const result = resolveFields(undefined, { defaults: ['title'], allowed: ['title'] });
      expect(result.fields).toEqual(['id', 'title']);
    });
  });

  describe('replacing the defaults', () => {
    it('returns exactly id plus the plain fields requested', () => {
      expect(resolveFields('title,handle', spec)).toEqual({
        fields: ['handle', 'id', 'title'],
        relations: [],
        requested: true,
      });
    });

    it('trims entries and ignores empty ones', () => {
      expect(resolveFields(' title , ,handle ,', spec).fields).toEqual(['handle', 'id', 'title']);
    });

    it('returns unique sorted fields when one is repeated', () => {
      expect(resolveFields('title,description,title', spec).fields).toEqual(['description', 'id', 'title']);
    });

    it('replaces the defaults when plain entries are mixed with modifiers', () => {
      expect(resolveFields('title,+description,*options', spec).fields).toEqual([
        'description',
        'id',
        'options.*',
        'title',
      ]);
    });

    it('allows id even when the allow-list does not name it', () => {
      const result = resolveFields('id,title', { defaults: [], allowed: ['title'] });
      expect(result.fields).toEqual(['id', 'title']);
    });
  });

  describe('modifying the defaults', () => {
    it('adds a field with +', () => {
      expect(resolveFields('+description', spec).fields).toEqual([
        'description',
        'handle',
        'id',
        'title',
        'variants.*',
      ]);
    });

    it('removes a field with -', () => {
      expect(resolveFields('-title', spec).fields).toEqual(['handle', 'id', 'variants.*']);
    });

    it('removes a whole relation and every field under it', () => {
      const result = resolveFields('+variants.options.value,-variants', spec);
      expect(result.fields).toEqual(['handle', 'id', 'title']);
      expect(result.relations).toEqual([]);
    });

    it('removes a relation written as rel.* or *rel', () => {
      expect(resolveFields('-variants.*', spec).fields).toEqual(['handle', 'id', 'title']);
      expect(resolveFields('-*variants', spec).fields).toEqual(['handle', 'id', 'title']);
    });

    it('does not remove relations that merely share a name prefix', () => {
      const prefixSpec: FieldsSpec = { defaults: ['variants_count', 'variants.*'], allowed: [] };
      expect(resolveFields('-variants', prefixSpec).fields).toEqual(['id', 'variants_count']);
    });

    it('keeps id when the client removes it', () => {
      expect(resolveFields('-id', spec).fields).toContain('id');
    });

    it('adds a whole relation with *rel', () => {
      const result = resolveFields('*options', spec);
      expect(result.fields).toContain('options.*');
      expect(result.fields).toContain('title');
      expect(result.relations).toEqual(['options', 'variants']);
    });

    it('adds a whole relation with rel.*', () => {
      expect(resolveFields('options.*', spec).fields).toEqual([
        'handle',
        'id',
        'options.*',
        'title',
        'variants.*',
      ]);
    });

    it('ignores the removal of a field that is not selected, even an unlisted one', () => {
      expect(resolveFields('-secret', spec)).toEqual({ ...resolveFields(undefined, spec), requested: true });
    });
  });

  describe('relations', () => {
    it('derives every parent relation of a dotted field', () => {
      expect(resolveFields('variants.options.value', spec)).toEqual({
        fields: ['id', 'variants.options.value'],
        relations: ['variants', 'variants.options'],
        requested: true,
      });
    });

    it('derives the relation of a rel.* field', () => {
      expect(resolveFields('variants.*', spec).relations).toEqual(['variants']);
    });
  });

  describe('validation against the allow-list', () => {
    it.each(['variants.sku', 'variants.*', '*variants', 'variants.options.value', 'images.url'])(
      'accepts %s',
      (raw) => {
        expect(() => resolveFields(raw, spec)).not.toThrow();
      },
    );

    it('rejects a sibling of an exactly allowed dotted path', () => {
      expect(invalidDataMessage(() => resolveFields('images.id', spec))).toBe(
        'Requested fields [images.id] are not valid',
      );
    });

    it('rejects the whole relation when only one of its fields is allowed', () => {
      expect(invalidDataMessage(() => resolveFields('images.*', spec))).toBe(
        'Requested fields [images] are not valid',
      );
    });

    it('lists every bad field with its modifiers stripped', () => {
      expect(invalidDataMessage(() => resolveFields('title,secret,+cost,*images,cost', spec))).toBe(
        'Requested fields [secret, cost, images] are not valid',
      );
    });

    it('rejects an added field that is not allowed in modifier mode', () => {
      expect(invalidDataMessage(() => resolveFields('+cost', spec))).toBe('Requested fields [cost] are not valid');
    });

    it.each([
      ['variants..sku', 'variants..sku'],
      ['variants.*.sku', 'variants.*.sku'],
      ['+', '+'],
      ['-', '-'],
      ['*', '*'],
      ['.title', '.title'],
      ['title;drop', 'title;drop'],
    ])('rejects the malformed entry %s', (raw, reported) => {
      expect(invalidDataMessage(() => resolveFields(raw, spec))).toBe(`Requested fields [${reported}] are not valid`);
    });
  });
});

describe('resolveFields with the Next.js starter\'s comma-and-space lists', () => {
  it('reads `, +x` and `, -x` as the modifier, not as a doubled `+`', () => {
    const spec = { defaults: ['id', 'title'], allowed: ['id', 'title', 'handle', 'variants'] };
    expect(resolveFields('*variants, +handle, -title', spec).fields).toEqual(['handle', 'id', 'variants.*']);
  });
});

describe('resolveFields remembers what a route resolved', () => {
  const route: FieldsSpec = { defaults: ['id', 'title', '*variants'], allowed: ['id', 'title', 'handle', 'variants'] };

  it('answers a repeated string alike, each caller with its own object', () => {
    const first = resolveFields('+handle', route);
    const second = resolveFields('+handle', route);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    // replacing a list on one answer (as the category routes do) leaves the next one alone
    first.fields = [...first.fields, 'extra'];
    expect(resolveFields('+handle', route).fields).toEqual(['handle', 'id', 'title', 'variants.*']);
  });

  it('refuses changes of the shared lists in place', () => {
    const resolved = resolveFields(undefined, route);
    expect(() => resolved.fields.push('handle')).toThrow(TypeError);
    expect(() => resolved.relations.splice(0, 1)).toThrow(TypeError);
    expect(resolveFields(undefined, route).fields).toEqual(['id', 'title', 'variants.*']);
  });

  it('still rejects an invalid string every time it comes', () => {
    for (let i = 0; i < 2; i++) {
      expect(invalidDataMessage(() => resolveFields('secret', route))).toBe('Requested fields [secret] are not valid');
    }
  });

  it('keeps a bounded number of strings per route and still resolves those it forgot', () => {
    const wide: FieldsSpec = { defaults: ['id'], allowed: ['id', 'title'] };
    for (let i = 0; i < 250; i++) expect(resolveFields(`${' '.repeat(i % 5)}title${','.repeat(i)}`, wide).fields).toEqual(['id', 'title']);
    expect(resolveFields('title', wide)).toEqual({ fields: ['id', 'title'], relations: [], requested: true });
  });
});
