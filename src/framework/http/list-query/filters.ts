import { SthenoError } from '../../errors/stheno-error';
import { hasOwn, isPlainObject, unrecognizedKeysError } from './errors';
import type { FilterOperator, FilterSpec, FilterType, ListFilters } from './list-query.types';

/**
 * Translation of filter query keys into a MikroORM FilterQuery. Accepted value shapes (after qs):
 *
 * - `key=v`                       → `{ column: v }`               (needs `$eq`)
 * - `key=a&key=b`, `key[]=a`      → `{ column: { $in: [a, b] } }` (needs `$in`)
 * - `key[$gte]=a&key[$lt]=b`      → `{ column: { $gte: a, $lt: b } }`
 *
 * Values are coerced according to the filter's type; `$like`/`$ilike` patterns pass through as
 * given. Anything else is rejected with `invalid_data`.
 */

export const FILTER_OPERATORS: readonly FilterOperator[] = [
  '$eq',
  '$ne',
  '$in',
  '$nin',
  '$like',
  '$ilike',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
];

const COMPARISON: readonly FilterOperator[] = ['$eq', '$ne', '$in', '$nin', '$gt', '$gte', '$lt', '$lte'];

export const DEFAULT_FILTER_OPERATORS: Readonly<Record<FilterType, readonly FilterOperator[]>> = {
  string: ['$eq', '$ne', '$in', '$nin', '$like', '$ilike'],
  number: COMPARISON,
  date: COMPARISON,
  boolean: ['$eq', '$ne'],
};

const LIST_OPERATORS: ReadonlySet<string> = new Set(['$in', '$nin']);
const PATTERN_OPERATORS: ReadonlySet<string> = new Set(['$like', '$ilike']);

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

function invalidValue(key: string): SthenoError {
  return SthenoError.invalidData(`Invalid value for filter '${key}'`);
}

function unsupportedOperator(operator: string, key: string): SthenoError {
  return SthenoError.invalidData(`Operator '${operator}' is not supported for filter '${key}'`);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toDate(value: string): Date | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (match[4] !== undefined && Number(match[4]) > 23) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function coerce(value: string, key: string, type: FilterType): unknown {
  switch (type) {
    case 'string':
      return value;
    case 'number': {
      const number = Number(value);
      if (!DECIMAL.test(value) || !Number.isFinite(number)) {
        throw SthenoError.invalidData(`Filter '${key}' expects a number`);
      }
      return number;
    }
    case 'boolean':
      if (value === 'true') return true;
      if (value === 'false') return false;
      throw SthenoError.invalidData(`Filter '${key}' expects a boolean`);
    case 'date': {
      const date = toDate(value);
      if (!date) throw SthenoError.invalidData(`Filter '${key}' expects a date`);
      return date;
    }
  }
}

function coerceScalar(value: unknown, key: string, spec: FilterSpec, operator: string): unknown {
  if (typeof value !== 'string') throw invalidValue(key);
  return PATTERN_OPERATORS.has(operator) ? value : coerce(value, key, spec.type);
}

function coerceList(value: unknown, key: string, spec: FilterSpec, operator: string): unknown[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => coerceScalar(item, key, spec, operator));
}

function allowedOperators(spec: FilterSpec): ReadonlySet<string> {
  return new Set(spec.operators ?? DEFAULT_FILTER_OPERATORS[spec.type]);
}

function requireOperator(operator: string, key: string, allowed: ReadonlySet<string>): void {
  if (!allowed.has(operator)) throw unsupportedOperator(operator, key);
}

function parseOperators(raw: Record<string, unknown>, key: string, spec: FilterSpec): Record<string, unknown> {
  const allowed = allowedOperators(spec);
  const operators = Object.keys(raw);
  if (operators.length === 0) throw invalidValue(key);
  const condition: Record<string, unknown> = {};
  for (const operator of operators) {
    requireOperator(operator, key, allowed);
    const value = raw[operator];
    condition[operator] = LIST_OPERATORS.has(operator)
      ? coerceList(value, key, spec, operator)
      : coerceScalar(value, key, spec, operator);
  }
  return condition;
}

function parseFilter(value: unknown, key: string, spec: FilterSpec): unknown {
  if (typeof value === 'string') {
    requireOperator('$eq', key, allowedOperators(spec));
    return coerceScalar(value, key, spec, '$eq');
  }
  if (Array.isArray(value)) {
    requireOperator('$in', key, allowedOperators(spec));
    return { $in: coerceList(value, key, spec, '$in') };
  }
  if (isPlainObject(value)) return parseOperators(value, key, spec);
  throw invalidValue(key);
}

/**
 * Parses the filter part of a query (every key that is not a reserved parameter) into MikroORM
 * filters keyed by column. Keys missing from `specs` are all reported in one `invalid_data` error,
 * as are malformed values, unsupported operators and values that do not coerce to the filter type.
 * Keys whose value is `undefined` are ignored.
 */
export function parseFilters(
  raw: Readonly<Record<string, unknown>>,
  specs: Readonly<Record<string, FilterSpec>>,
): ListFilters {
  const keys = Object.keys(raw).filter((key) => raw[key] !== undefined);
  const unknown = keys.filter((key) => !hasOwn(specs, key));
  if (unknown.length > 0) throw unrecognizedKeysError(unknown);

  const filters: ListFilters = {};
  for (const key of keys) {
    const spec = specs[key];
    filters[spec.column ?? key] = parseFilter(raw[key], key, spec);
  }
  return filters;
}
