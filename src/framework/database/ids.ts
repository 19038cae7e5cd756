import { randomBytes } from 'node:crypto';

/**
 * Prefixed ULIDs (`prod_01J…`): 48 bits of milliseconds and 80 random bits in Crockford base32,
 * 26 characters, lexicographically sortable by creation time. Within one millisecond the random
 * part is incremented so that ids created by one process stay strictly increasing.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_CHARS = 16;
const TIME_CHARS = 10;

let lastTime = -1;
let lastRandom: number[] = [];

function randomDigits(): number[] {
  const bytes = randomBytes(RANDOM_CHARS);
  return Array.from(bytes, (b) => b & 31);
}

function incremented(digits: number[]): number[] {
  const next = digits.slice();
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i] < 31) {
      next[i] += 1;
      return next;
    }
    next[i] = 0;
  }
  // 80 bits exhausted within one millisecond: practically impossible; fall back to fresh randomness
  return randomDigits();
}

function timeChars(ms: number): string {
  let time = '';
  let remaining = ms;
  for (let i = 0; i < TIME_CHARS; i++) {
    time = ALPHABET[remaining % 32] + time;
    remaining = Math.floor(remaining / 32);
  }
  return time;
}

export function ulid(now: number = Date.now()): string {
  if (now === lastTime) {
    lastRandom = incremented(lastRandom);
  } else {
    lastTime = now;
    lastRandom = randomDigits();
  }
  return timeChars(now) + lastRandom.map((d) => ALPHABET[d]).join('');
}

/**
 * Sorts before every id of `prefix` created at or after `ms` and after every one created before:
 * `where id < idTimeFloor(…)` walks the primary key's index through the oldest rows only.
 */
export function idTimeFloor(prefix: string, ms: number): string {
  return `${prefix}_${timeChars(ms)}`;
}

export function generateId(prefix: string): string {
  return `${prefix}_${ulid()}`;
}

const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function isPrefixedId(value: string, prefix: string): boolean {
  return value.startsWith(`${prefix}_`) && ULID_PATTERN.test(value.slice(prefix.length + 1));
}
