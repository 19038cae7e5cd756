import { ResolvedFields } from './list-query';

/**
 * Medusa v2's response envelopes (reference §5.2): lists `{<plural>, count, offset, limit}`,
 * singles `{<singular>}`, deletes `{id, object, deleted: true}` (with `parent` for child deletes),
 * batches `{created, updated, deleted}`.
 */
export type ListEnvelope<K extends string, T> = { [key in K]: T[] } & { count: number; offset: number; limit: number };

export function listEnvelope<K extends string, T>(
  key: K,
  items: T[],
  page: { count: number; offset: number; limit: number },
): ListEnvelope<K, T> {
  return { [key]: items, count: page.count, offset: page.offset, limit: page.limit } as ListEnvelope<K, T>;
}

export interface DeleteEnvelope<P = unknown> {
  id: string;
  object: string;
  deleted: true;
  parent?: P;
}

export function deleteEnvelope<P>(id: string, object: string, parent?: P): DeleteEnvelope<P> {
  return parent === undefined ? { id, object, deleted: true } : { id, object, deleted: true, parent };
}

export interface BatchResult<T> {
  created: T[];
  updated: T[];
  deleted: { ids: string[]; object: string; deleted: true };
}

export function batchEnvelope<T>(object: string, created: T[], updated: T[], deletedIds: string[]): BatchResult<T> {
  return { created, updated, deleted: { ids: deletedIds, object, deleted: true } };
}

/**
 * Keeps only the selected fields of a serialised record: top-level columns by name, relations
 * (`variants.*`, `variants.sku`) recursively. Used on responses so that `fields` shapes exactly what
 * the client receives. Only the top level always carries its key: nested items hold exactly the
 * fields selected under them, as Medusa answers (`categories.is_internal` → `[{"is_internal":false}]`
 * in medusa-wire 05).
 */
export function projectFields<T extends object>(record: T, fields: ResolvedFields | string[]): Partial<T> {
  const paths = Array.isArray(fields) ? fields : fields.fields;
  return project(record as Record<string, unknown>, paths) as Partial<T>;
}

function project(record: Record<string, unknown>, paths: string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const nested = new Map<string, string[]>();
  for (const path of paths) {
    const dot = path.indexOf('.');
    if (dot === -1) {
      if (path === '*') Object.assign(result, scalarsOf(record));
      else if (path in record) result[path] = record[path];
      continue;
    }
    const head = path.slice(0, dot);
    nested.set(head, [...(nested.get(head) ?? []), path.slice(dot + 1)]);
  }
  for (const [relation, subPaths] of nested) {
    const value = record[relation];
    if (Array.isArray(value)) {
      result[relation] = value.map((item) => (item && typeof item === 'object' ? project(item as Record<string, unknown>, subPaths) : item));
    } else if (value && typeof value === 'object' && !(value instanceof Date)) {
      result[relation] = project(value as Record<string, unknown>, subPaths);
    } else if (relation in record) {
      result[relation] = value ?? null;
    }
  }
  return result;
}

function scalarsOf(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).filter(
      ([, value]) => value === null || value instanceof Date || typeof value !== 'object' || isPlainJson(value),
    ),
  );
}

/** jsonb columns (metadata) are scalars of the record, unlike relations (arrays of records or objects with ids). */
function isPlainJson(value: object): boolean {
  return !Array.isArray(value) && !('id' in value);
}
