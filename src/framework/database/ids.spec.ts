import { generateId, isPrefixedId, ulid } from './ids';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function decodeTime(id: string): number {
  return [...id.slice(0, 10)].reduce((value, char) => value * 32 + CROCKFORD.indexOf(char), 0);
}

describe('generateId', () => {
  it('is the prefix, an underscore and 26 Crockford base32 characters', () => {
    const id = generateId('prod');
    expect(id).toMatch(/^prod_[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('never uses the letters Crockford base32 leaves out', () => {
    const ids = Array.from({ length: 200 }, () => generateId('x').slice(2)).join('');
    expect(ids).not.toMatch(/[ILOU]/);
  });

  it('encodes the current time in its first 10 characters', () => {
    const before = Date.now();
    const id = generateId('cart');
    const after = Date.now();
    const time = decodeTime(id.slice('cart_'.length));
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(after);
  });

  it('produces strictly increasing ids in a tight loop', () => {
    const ids = Array.from({ length: 2000 }, () => generateId('prod'));
    for (let i = 1; i < ids.length; i++) {
      expect(ids[i] > ids[i - 1]).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('ulid', () => {
  it('encodes the given timestamp (ULID spec example)', () => {
    expect(ulid(1469918176385).slice(0, 10)).toBe('01ARYZ6S41');
  });

  it('round-trips the timestamp through the time prefix', () => {
    const t = Date.UTC(2024, 5, 1, 12, 0, 0, 123);
    expect(decodeTime(ulid(t))).toBe(t);
  });

  it('sorts ids by their timestamps', () => {
    const earlier = ulid(1_700_000_000_000);
    const later = ulid(1_700_000_000_001);
    expect(earlier < later).toBe(true);
    expect(ulid(1_800_000_000_000) > ulid(1_700_000_000_000 + 5)).toBe(true);
  });

  it('increments the random part for ids within the same millisecond', () => {
    const t = 1_750_000_000_000;
    const first = ulid(t);
    const second = ulid(t);
    const third = ulid(t);
    expect(first.slice(0, 10)).toBe(second.slice(0, 10));
    expect(second > first).toBe(true);
    expect(third > second).toBe(true);
  });
});

describe('isPrefixedId', () => {
  it('accepts a generated id with its own prefix', () => {
    expect(isPrefixedId(generateId('prod'), 'prod')).toBe(true);
  });

  it.each([
    ['another prefix', () => generateId('variant'), 'prod'],
    ['a prefix that only starts the same', () => generateId('product'), 'prod'],
    ['no underscore', () => `prod${ulid()}`, 'prod'],
    ['a short ulid', () => generateId('prod').slice(0, -1), 'prod'],
    ['a lowercase ulid', () => generateId('prod').toLowerCase(), 'prod'],
    ['a forbidden letter', () => `prod_${'U'.repeat(26)}`, 'prod'],
    ['the prefix alone', () => 'prod_', 'prod'],
  ])('rejects %s', (_name, make, prefix) => {
    expect(isPrefixedId(make(), prefix)).toBe(false);
  });
});
