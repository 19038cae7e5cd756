import { SthenoError } from '../../../framework/errors/stheno-error';

/**
 * A URL handle from a title or name: lower-case ASCII letters and digits, every other run of
 * characters one '-', none at either end ("Summer Sale 2025!" → "summer-sale-2025"). Accents are
 * folded first so "Café" becomes "cafe" rather than "caf".
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The handle given (trimmed), or one made from `source`; invalid_data when neither yields one. */
export function handleFor(given: string | undefined, source: string): string {
  const handle = given !== undefined ? given.trim() : slugify(source);
  if (!handle) throw SthenoError.invalidData(`Cannot make a handle from "${source}": give one explicitly`);
  return handle;
}

/** `text` as a LIKE pattern matching itself literally (ids hold '_', a LIKE wildcard). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
