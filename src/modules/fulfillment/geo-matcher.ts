import { SthenoError } from '../../framework/errors/stheno-error';

/**
 * Whether an address lies in a geo zone. Pure; no ORM.
 *
 * - `country`: the country matches.
 * - `province`: and the province code matches (case-insensitive).
 * - `city`: and the city matches (case-insensitive, trimmed); the province too when the zone names one.
 * - `zip`: and the postal code matches `postal_expression`; province and city too when the zone names them.
 *
 * `postal_expression` is one of (postal codes compared upper-cased, without spaces):
 *   `{"in": ["2200", "2100"]}`  one of the codes
 *   `{"prefix": "22"}` or `{"prefix": ["22", "23"]}`  starts with one of the prefixes
 *   `{"regex": "^22\\d{2}$"}`  a JavaScript regular expression over the whole normalised code
 */
export interface GeoZoneLike {
  type: string;
  country_code: string;
  province_code: string | null;
  city: string | null;
  postal_expression: Record<string, unknown> | null;
}

export interface AddressLike {
  country_code: string;
  province_code?: string | null;
  city?: string | null;
  postal_code?: string | null;
}

const norm = (value: string | null | undefined): string => (value ?? '').trim().toLowerCase();
const normPostal = (value: string | null | undefined): string => (value ?? '').replace(/\s+/g, '').toUpperCase();

const REGEX_MAX_LENGTH = 200;

/** Throws invalid_data unless `expression` is one of the documented forms. */
export function assertPostalExpression(expression: unknown): void {
  const fail = (): never => {
    throw SthenoError.invalidData(
      'postal_expression must be {"in": [codes]}, {"prefix": string | [strings]} or {"regex": string}',
    );
  };
  if (!expression || typeof expression !== 'object' || Array.isArray(expression)) fail();
  const entries = Object.entries(expression as Record<string, unknown>);
  if (entries.length !== 1) fail();
  const [kind, value] = entries[0];
  const strings = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && s.trim() !== '');
  if (kind === 'in') {
    if (!strings(value)) fail();
  } else if (kind === 'prefix') {
    if (!(typeof value === 'string' && value.trim() !== '') && !strings(value)) fail();
  } else if (kind === 'regex') {
    if (typeof value !== 'string' || !value || value.length > REGEX_MAX_LENGTH) fail();
    try {
      new RegExp(value as string);
    } catch {
      throw SthenoError.invalidData(`postal_expression.regex is not a valid regular expression: ${String(value)}`);
    }
  } else {
    fail();
  }
}

export function postalCodeMatches(expression: Record<string, unknown> | null, postalCode: string | null | undefined): boolean {
  if (!expression) return false;
  const code = normPostal(postalCode);
  if (!code) return false;
  if (Array.isArray(expression.in)) return (expression.in as string[]).some((c) => normPostal(c) === code);
  if (expression.prefix !== undefined) {
    const prefixes = Array.isArray(expression.prefix) ? (expression.prefix as string[]) : [String(expression.prefix)];
    return prefixes.some((p) => code.startsWith(normPostal(p)));
  }
  if (typeof expression.regex === 'string') {
    try {
      return new RegExp(expression.regex).test(code);
    } catch {
      return false;
    }
  }
  return false;
}

export function geoZoneMatches(zone: GeoZoneLike, address: AddressLike): boolean {
  if (norm(zone.country_code) !== norm(address.country_code) || !norm(address.country_code)) return false;
  const provinceOk = !zone.province_code || norm(zone.province_code) === norm(address.province_code);
  const cityOk = !zone.city || norm(zone.city) === norm(address.city);
  switch (zone.type) {
    case 'country':
      return true;
    case 'province':
      return !!zone.province_code && provinceOk;
    case 'city':
      return !!zone.city && provinceOk && cityOk;
    case 'zip':
      return provinceOk && cityOk && postalCodeMatches(zone.postal_expression, address.postal_code);
    default:
      return false;
  }
}
