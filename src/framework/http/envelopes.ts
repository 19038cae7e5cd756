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
  return apply(record as Record<string, unknown>, compiled(paths)) as Partial<T>;
}

/**
 * A field selection compiled once into a tree, then applied to every record of a response (a page
 * of products holds hundreds of nested items: re-reading the paths for each was most of the work).
 * Order of the output keys: the top-level paths in the order given (`*` expands in the record's
 * own order), then the relations in order of first mention.
 */
interface FieldTree {
  /** Top-level entries in order: a column name, or `*` for every scalar of the record. */
  own: string[];
  relations: Map<string, FieldTree>;
}

const compiledTrees = new Map<string, FieldTree>();

function compiled(paths: string[]): FieldTree {
  const key = paths.join(',');
  let tree = compiledTrees.get(key);
  if (!tree) {
    tree = compile(paths);
    // routes have a handful of shapes each; a client inventing new ones cannot grow this without bound
    if (compiledTrees.size >= 1000) compiledTrees.delete(compiledTrees.keys().next().value as string);
    compiledTrees.set(key, tree);
  }
  return tree;
}

function compile(paths: string[]): FieldTree {
  const own: string[] = [];
  const nested = new Map<string, string[]>();
  for (const path of paths) {
    const dot = path.indexOf('.');
    if (dot === -1) {
      own.push(path);
      continue;
    }
    const head = path.slice(0, dot);
    const sub = nested.get(head);
    if (sub) sub.push(path.slice(dot + 1));
    else nested.set(head, [path.slice(dot + 1)]);
  }
  const relations = new Map<string, FieldTree>();
  for (const [relation, subPaths] of nested) relations.set(relation, compile(subPaths));
  return { own, relations };
}

function apply(record: Record<string, unknown>, tree: FieldTree): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const path of tree.own) {
    if (path === '*') {
      for (const name in record) {
        const value = record[name];
        if (isScalar(value)) result[name] = value;
      }
    } else if (path in record) {
      result[path] = record[path];
    }
  }
  for (const [relation, sub] of tree.relations) {
    const value = record[relation];
    if (Array.isArray(value)) {
      result[relation] = value.map((item) => (item && typeof item === 'object' ? apply(item as Record<string, unknown>, sub) : item));
    } else if (value && typeof value === 'object' && !(value instanceof Date)) {
      result[relation] = apply(value as Record<string, unknown>, sub);
    } else if (relation in record) {
      result[relation] = value ?? null;
    }
  }
  return result;
}

function isScalar(value: unknown): boolean {
  return value === null || value instanceof Date || typeof value !== 'object' || isPlainJson(value as object);
}

/** jsonb columns (metadata) are scalars of the record, unlike relations (arrays of records or objects with ids). */
function isPlainJson(value: object): boolean {
  return !Array.isArray(value) && !('id' in value);
}
