import { SthenoError } from '../../../framework/errors/stheno-error';
import type { MethodFilters } from '../promotion.service';
import type { ValueOptionsQuery } from '../rule-value-options.service';
import { METHOD_FILTER_KEYS } from './promotion-fields';

function stringList(value: unknown, key: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((v) => typeof v === 'string')) throw SthenoError.invalidData(`Invalid value for filter '${key}'`);
  return list as string[];
}

/** `application_method[type]=fixed` or `application_method.type=fixed` → method filters. */
export function methodFilters(extra: Record<string, unknown>): MethodFilters {
  const filters: MethodFilters = {};
  const nested = extra.application_method;
  if (nested !== undefined) {
    if (!nested || typeof nested !== 'object' || Array.isArray(nested)) throw SthenoError.invalidData("Invalid value for filter 'application_method'");
    const unknown = Object.keys(nested).filter((k) => !(METHOD_FILTER_KEYS as readonly string[]).includes(k));
    if (unknown.length) throw SthenoError.invalidData(`Invalid request: Unrecognized fields: ${unknown.map((k) => `'application_method.${k}'`).join(', ')}`);
    for (const [k, v] of Object.entries(nested)) filters[k as keyof MethodFilters] = stringList(v, `application_method.${k}`);
  }
  for (const key of METHOD_FILTER_KEYS) {
    const flat = extra[`application_method.${key}`];
    if (flat !== undefined) filters[key] = stringList(flat, `application_method.${key}`);
  }
  if (filters.currency_code) filters.currency_code = filters.currency_code.map((c) => c.toLowerCase());
  return filters;
}

const ALLOWED_VALUE_QUERY = new Set(['q', 'value', 'limit', 'offset']);

export function valueOptionsQuery(raw: Record<string, unknown>): ValueOptionsQuery {
  const unknown = Object.keys(raw).filter((k) => !ALLOWED_VALUE_QUERY.has(k));
  if (unknown.length) throw SthenoError.invalidData(`Invalid request: Unrecognized fields: ${unknown.map((k) => `'${k}'`).join(', ')}`);
  const int = (v: unknown, name: string, fallback: number, max: number) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (typeof v !== 'string' || !/^\d+$/.test(v) || n > max) throw SthenoError.invalidData(`${name} must be an integer between 0 and ${max}`);
    return n;
  };
  if (raw.q !== undefined && typeof raw.q !== 'string') throw SthenoError.invalidData('q must be a string');
  return {
    q: typeof raw.q === 'string' && raw.q.trim() ? raw.q.trim() : undefined,
    value: raw.value === undefined ? undefined : stringList(raw.value, 'value'),
    limit: int(raw.limit, 'limit', 50, 1000),
    offset: int(raw.offset, 'offset', 0, 1_000_000),
  };
}
