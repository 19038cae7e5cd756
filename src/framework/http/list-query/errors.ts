import { SthenoError } from '../../errors/stheno-error';

/** Medusa's exact wording for query keys a route does not accept. */
export function unrecognizedKeysError(keys: readonly string[]): SthenoError {
  const quoted = keys.map((key) => `'${key}'`).join(', ');
  return SthenoError.invalidData(`Invalid request: Unrecognized fields: ${quoted}`);
}

/** True when `record` itself (not its prototype chain) has `key`. */
export function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** True for `{}`-like objects, as produced by qs for bracketed keys. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
