import type { EntityName } from '@mikro-orm/core';
import { Context } from '../framework/context/context';
import { preparedByIds } from '../framework/database/prepared';

/** `{a,b,c}`: a text[] literal for `= any(?::text[])` (ids never contain quotes; JSON quoting keeps it safe anyway). */
export const textArray = (ids: readonly string[]): string => `{${ids.map((id) => JSON.stringify(id)).join(',')}}`;

/** The table and the two columns of a link entity, resolved once per (entity, from, to), with the name of its prepared read. */
const shapes = new Map<string, { table: string; from: string; to: string; statement: string }>();

function shapeOf(ctx: Context, entity: EntityName<object>, from: string, to: string): { table: string; from: string; to: string; statement: string } {
  const meta = ctx.em.getMetadata().get(typeof entity === 'string' ? entity : (entity as { name: string }).name);
  const key = `${meta.className}\u0000${from}\u0000${to}`;
  let shape = shapes.get(key);
  if (!shape) {
    // a name per shape (PostgreSQL cuts names at 63 bytes, so a counter rather than the table's name)
    shape = { table: meta.tableName, from: meta.properties[from as never].fieldNames[0], to: meta.properties[to as never].fieldNames[0], statement: `stheno_link_${shapes.size + 1}` };
    shapes.set(key, shape);
  }
  return shape;
}

/**
 * The ids linked to each of `ids` through a link table (`from` → `to`), in one query for any number
 * of ids, oldest link first: every link service's "which X of these Y" read. Plain SQL, not an ORM
 * find: link reads sit on the cart's hot path and only ids come back (nothing to manage).
 */
export async function linkedIds<T extends object, From extends keyof T & string, To extends keyof T & string>(
  ctx: Context,
  entity: EntityName<T>,
  from: From,
  to: To,
  ids: string[],
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (!ids.length) return result;
  const shape = shapeOf(ctx, entity as EntityName<object>, from, to);
  const rows = await preparedByIds<{ f: string; t: string }>(
    ctx,
    shape.statement,
    `select "${shape.from}" as f, "${shape.to}" as t from "${shape.table}" where "${shape.from}" {ids} order by created_at, "${shape.to}"`,
    ids,
  );
  for (const row of rows) result.get(row.f)?.push(row.t);
  return result;
}
