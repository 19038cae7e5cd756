import { SthenoError } from '../../errors/stheno-error';
import { hasOwn, unrecognizedKeysError } from './errors';
import { resolveFields } from './fields';
import { parseFilters } from './filters';
import type {
  ListQuery,
  ListQuerySpec,
  MikroOrmOrderBy,
  OrderDirection,
  OrderEntry,
  OrderSpec,
  RetrieveQuery,
  RetrieveQuerySpec,
} from './list-query.types';

/**
 * Parsing of the query string of list (`GET /store/products`) and retrieve (`GET
 * /store/products/:id`) routes, already decoded by qs. Pure: no Nest, no database; every bad input
 * becomes `SthenoError.invalidData`.
 */

const RESERVED_LIST_KEYS = ['limit', 'offset', 'order', 'fields'] as const;
const NON_NEGATIVE_INTEGER = /^\d+$/;

/** The single string value of a parameter; repeated or bracketed parameters are rejected. */
function singleString(raw: Readonly<Record<string, unknown>>, key: string): string | undefined {
  if (!hasOwn(raw, key)) return undefined;
  const value = raw[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw SthenoError.invalidData(`${key} must be a single value`);
  return value;
}

function parseNonNegativeInteger(
  raw: Readonly<Record<string, unknown>>,
  key: 'limit' | 'offset',
  fallback: number,
): number {
  const value = hasOwn(raw, key) ? raw[key] : undefined;
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if (Array.isArray(value)) throw SthenoError.invalidData(`${key} must be a single value`);
  const text = typeof value === 'string' ? value.trim() : undefined;
  const parsed = text !== undefined && NON_NEGATIVE_INTEGER.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(parsed)) {
    throw SthenoError.invalidData(`${key} must be a non-negative integer`);
  }
  return parsed;
}

function parseLimit(raw: Readonly<Record<string, unknown>>, spec: ListQuerySpec): number {
  const limit = parseNonNegativeInteger(raw, 'limit', spec.defaultLimit);
  if (limit > spec.maxLimit) {
    throw SthenoError.invalidData(`limit must not be greater than ${spec.maxLimit}`);
  }
  return limit;
}

function parseOrderList(text: string, allowed: ReadonlySet<string> | undefined): OrderEntry[] {
  const order: OrderEntry[] = [];
  const seen = new Set<string>();
  for (const item of text.split(',')) {
    let field = item.trim();
    if (field === '') continue;
    let direction: OrderDirection = 'ASC';
    if (field.startsWith('-') || field.startsWith('+')) {
      direction = field.startsWith('-') ? 'DESC' : 'ASC';
      field = field.slice(1).trim();
    }
    if (allowed && !allowed.has(field)) {
      throw SthenoError.invalidData(`Order field '${field}' is not valid`);
    }
    // A field named twice keeps its first direction: later mentions could never change the order.
    if (seen.has(field)) continue;
    seen.add(field);
    order.push({ field, direction });
  }
  return order;
}

/**
 * Parses `order` (`-created_at,title`). The client's fields must be in `spec.allowed`; the route's
 * default is trusted. Whenever the result is non-empty and does not mention the key (`id` unless the
 * spec names another), the key is appended
 * with the direction of the last entry so that rows tying on every requested field still come back
 * in a stable order and offset pagination never skips or repeats a row.
 */
export function parseOrder(raw: string | undefined, spec: OrderSpec): OrderEntry[] {
  const requested = raw !== undefined && raw.trim() !== '';
  const order = requested
    ? parseOrderList(raw, new Set(spec.allowed))
    : parseOrderList(spec.default ?? '', undefined);
  const key = spec.key ?? 'id';
  const last = order[order.length - 1];
  if (last && !order.some((entry) => entry.field === key)) {
    order.push({ field: key, direction: last.direction });
  }
  return order;
}

function parseSearch(raw: Readonly<Record<string, unknown>>): string | undefined {
  if (!hasOwn(raw, 'q') || raw.q === undefined) return undefined;
  const value = raw.q;
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw SthenoError.invalidData('q must be a non-empty string');
  return text;
}

function pickExtra(
  raw: Readonly<Record<string, unknown>>,
  keys: readonly string[] | undefined,
): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const key of keys ?? []) {
    if (hasOwn(raw, key) && raw[key] !== undefined) extra[key] = raw[key];
  }
  return extra;
}

/** Parses the query of a list route: pagination, order, fields, search, filters and extra keys. */
export function parseListQuery(rawQuery: Record<string, unknown>, spec: ListQuerySpec): ListQuery {
  const reserved = new Set<string>([...RESERVED_LIST_KEYS, ...(spec.extra ?? [])]);
  if (spec.q) reserved.add('q');
  const filterInput: Record<string, unknown> = {};
  for (const key of Object.keys(rawQuery)) {
    if (!reserved.has(key)) filterInput[key] = rawQuery[key];
  }

  const query: ListQuery = {
    limit: parseLimit(rawQuery, spec),
    offset: parseNonNegativeInteger(rawQuery, 'offset', 0),
    order: parseOrder(singleString(rawQuery, 'order'), { key: spec.key, ...spec.order }),
    fields: resolveFields(singleString(rawQuery, 'fields'), spec),
    filters: parseFilters(filterInput, spec.filters),
    extra: pickExtra(rawQuery, spec.extra),
  };
  if (spec.q) {
    const q = parseSearch(rawQuery);
    if (q !== undefined) query.q = q;
  }
  return query;
}

/** Parses the query of a retrieve (GET-by-id) route: only `fields` and the route's extra keys. */
export function parseRetrieveQuery(
  rawQuery: Record<string, unknown>,
  spec: RetrieveQuerySpec,
): RetrieveQuery {
  const accepted = new Set<string>(['fields', ...(spec.extra ?? [])]);
  const unknown = Object.keys(rawQuery).filter(
    (key) => !accepted.has(key) && rawQuery[key] !== undefined,
  );
  if (unknown.length > 0) throw unrecognizedKeysError(unknown);
  return {
    fields: resolveFields(singleString(rawQuery, 'fields'), spec),
    extra: pickExtra(rawQuery, spec.extra),
  };
}

/**
 * MikroORM `orderBy` for a parsed order: one object per entry so the sequence survives, dotted
 * fields nested (`variants.sku` → `{ variants: { sku: 'ASC' } }`).
 */
export function toMikroOrmOrderBy(order: readonly OrderEntry[]): MikroOrmOrderBy[] {
  return order.map(({ field, direction }) => {
    const segments = field.split('.');
    let entry: MikroOrmOrderBy | OrderDirection = direction;
    for (let i = segments.length - 1; i >= 0; i--) entry = { [segments[i]]: entry };
    return entry as MikroOrmOrderBy;
  });
}

/**
 * A list query built in code rather than parsed from a request: every row matching `filters`
 * (defaults: no limit beyond `limit`, no fields beyond the service's defaults). For facades that
 * take a ListQuery when another module needs rows by id.
 */
export function internalListQuery(filters: ListQuery['filters'], options: { limit: number; order?: OrderEntry[] }): ListQuery {
  return {
    limit: options.limit,
    offset: 0,
    order: options.order ?? [],
    fields: { fields: [], relations: [], requested: false },
    filters,
    extra: {},
  };
}
