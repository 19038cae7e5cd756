import { SthenoError } from '../../errors/stheno-error';
import type { FieldsSpec, ResolvedFields } from './list-query.types';

/**
 * Resolution of the `fields` query parameter, with Medusa v2's semantics:
 *
 * - `fields` is a comma-separated list; entries are trimmed and empty entries ignored.
 * - When every entry is a modifier (`+x`, `-x`, `*rel`, `rel.*`) the entries edit the route's
 *   defaults; otherwise the list replaces them. Entries are applied left to right either way.
 * - `+x` adds x, `-x` removes x and everything under it (`-variants` drops `variants.*` and every
 *   `variants.…`), `*rel` and `rel.*` add the whole relation, written `rel.*` in the output.
 * - `id` is always part of the result.
 *
 * In a URL query an unencoded `+` decodes to a space (`fields=+title` arrives as ` title`), and
 * people type `+` unencoded in browsers and curl: an entry that starts with whitespace is read as
 * a `+` entry. Encoded clients (the js-sdk sends `%2B`) are unaffected.
 */

const SEGMENT = /^[A-Za-z0-9_]+$/;
const WILDCARD = '*';

interface FieldEntry {
  remove: boolean;
  /** Normalized path: `title`, `variants.sku`, or `variants.*` for a whole relation. */
  path: string;
  /** The path without the wildcard, used for removal. */
  base: string;
  /** Name reported in error messages (modifiers stripped). */
  display: string;
  wellFormed: boolean;
}

function isModifier(entry: string): boolean {
  return /^[+\-*]/.test(entry) || entry.endsWith('.*');
}

function parseEntry(entry: string): FieldEntry {
  let body = entry;
  let remove = false;
  if (body.startsWith('-') || body.startsWith('+')) {
    remove = body.startsWith('-');
    body = body.slice(1).trim();
  }
  let wholeRelation = false;
  if (body.startsWith(WILDCARD)) {
    wholeRelation = true;
    body = body.slice(1).trim();
  }
  if (body.endsWith('.*')) {
    wholeRelation = true;
    body = body.slice(0, -2);
  }
  const wellFormed = body !== '' && body.split('.').every((segment) => SEGMENT.test(segment));
  return {
    remove,
    path: wholeRelation ? `${body}.${WILDCARD}` : body,
    base: body,
    display: body === '' ? entry : body,
    wellFormed,
  };
}

/** Relation paths above a field path: `a.b.c` → [`a`, `a.b`]; `a.*` → [`a`]. */
function parentPaths(path: string): string[] {
  const segments = path.split('.');
  const parents: string[] = [];
  for (let i = 1; i < segments.length; i++) {
    parents.push(segments.slice(0, i).join('.'));
  }
  return parents;
}

function isAllowed(path: string, allowed: ReadonlySet<string>, key: string): boolean {
  if (path === key || allowed.has(path)) return true;
  return parentPaths(path).some((parent) => allowed.has(parent));
}

function removeSubtree(selected: Set<string>, base: string): void {
  const prefix = `${base}.`;
  for (const field of [...selected]) {
    if (field === base || field.startsWith(prefix)) selected.delete(field);
  }
}

function splitEntries(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  return raw
    .split(',')
    // a space after the comma is only a decoded `+` when no modifier follows (`*items, +items.total`)
    .map((entry) => (/^\s+[^\s+-]/.test(entry) ? `+${entry.trim()}` : entry.trim()))
    .filter((entry) => entry !== '');
}

/** Normalized fields and the relations they need, from a set of selected paths. */
function toResolved(selected: Set<string>, requested: boolean, key: string): ResolvedFields {
  selected.add(key);
  const relations = new Set<string>();
  for (const field of selected) {
    for (const parent of parentPaths(field)) relations.add(parent);
  }
  return {
    fields: [...selected].sort(),
    relations: [...relations].sort(),
    requested,
  };
}

/** Per route spec, the resolutions of the `fields` strings clients sent (a route sees a handful). */
const resolvedBySpec = new WeakMap<FieldsSpec, Map<string | undefined, ResolvedFields>>();
/** Distinct `fields` strings remembered per route: a client inventing new ones cannot grow this without bound. */
const REMEMBERED_PER_SPEC = 200;

/**
 * Resolves the raw `fields` parameter against a route's defaults and allow-list. Throws
 * `invalid_data` listing every requested field that is malformed or not allowed.
 *
 * Every request of a route resolves the same few strings (mostly none: the defaults), so each
 * resolution is kept per spec and handed out as a new object over frozen arrays: a caller may
 * replace `fields`/`relations` on its copy, and changing the arrays in place throws instead of
 * altering the next request's answer. (Resolving was ~5 % of an add to cart's CPU, measured.)
 */
export function resolveFields(raw: string | undefined, spec: FieldsSpec): ResolvedFields {
  let known = resolvedBySpec.get(spec);
  if (!known) {
    known = new Map();
    resolvedBySpec.set(spec, known);
  }
  let resolved = known.get(raw);
  if (!resolved) {
    const fresh = resolveAnew(raw, spec);
    resolved = { fields: Object.freeze(fresh.fields) as string[], relations: Object.freeze(fresh.relations) as string[], requested: fresh.requested };
    if (known.size >= REMEMBERED_PER_SPEC) known.delete(known.keys().next().value as string | undefined);
    known.set(raw, resolved);
  }
  return { ...resolved };
}

function resolveAnew(raw: string | undefined, spec: FieldsSpec): ResolvedFields {
  const key = spec.key ?? 'id';
  const entries = splitEntries(raw);
  const defaults = new Set(
    splitEntries(spec.defaults.join(','))
      .map(parseEntry)
      .filter((entry) => !entry.remove)
      .map((entry) => entry.path),
  );
  if (entries.length === 0) return toResolved(defaults, false, key);

  const allowed = new Set(spec.allowed);
  const parsed = entries.map(parseEntry);
  const invalid = new Set<string>();
  for (const entry of parsed) {
    const acceptable = entry.remove ? entry.wellFormed : entry.wellFormed && isAllowed(entry.path, allowed, key);
    if (!acceptable) invalid.add(entry.display);
  }
  if (invalid.size > 0) {
    throw SthenoError.invalidData(`Requested fields [${[...invalid].join(', ')}] are not valid`);
  }

  const selected = entries.every(isModifier) ? defaults : new Set<string>();
  for (const entry of parsed) {
    if (entry.remove) removeSubtree(selected, entry.base);
    else selected.add(entry.path);
  }
  return toResolved(selected, true, key);
}
