import type { Context } from '../context/context';

/**
 * Rows read as JSON (`to_jsonb`) in one statement instead of through the ORM's per-relation
 * queries, made into what the ORM would have hydrated, so a module's mappers take them unchanged.
 */

type Json = Record<string, unknown>;

/**
 * `to_jsonb(alias)` with the named numeric columns as text: JSON would carry them as numbers, and
 * an amount must never pass through a float (the ORM hands numerics over as strings too).
 */
export function jsonRowSql(alias: string, numerics: readonly string[] = []): string {
  if (!numerics.length) return `to_jsonb(${alias})`;
  return `to_jsonb(${alias}) || jsonb_build_object(${numerics.map((c) => `'${c}', ${alias}.${c}::text`).join(', ')})`;
}

/**
 * The row as the ORM hydrates it: every timestamp (by convention a column named `*_at`) as a Date,
 * as JSON has them as strings; `relations` set as given (`{ service_zone: zone }`). Numerics stay
 * the text `jsonRowSql` made of them.
 */
export function hydrateJsonRow<T>(json: Json, relations: Json = {}): T {
  const out: Json = { ...json, ...relations };
  for (const key of Object.keys(json)) {
    if (key.endsWith('_at') && typeof out[key] === 'string') out[key] = new Date(out[key] as string);
  }
  return out as T;
}

/**
 * Flushes the ORM's pending changes first, as its own queries do before they run (autoflush): a
 * statement sent past the unit of work must see what the caller changed so far. Nothing to write
 * costs a walk over the identity map, no statement.
 */
export async function flushBeforeRead(ctx: Context): Promise<void> {
  await ctx.em.flush();
}
