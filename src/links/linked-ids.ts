import type { EntityName, FilterQuery, FindOptions } from '@mikro-orm/core';
import { Context } from '../framework/context/context';

/**
 * The ids linked to each of `ids` through a link table (`from` → `to`), in one query for any number
 * of ids, oldest link first: every link service's "which X of these Y" read.
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
  const where = { [from]: { $in: ids } } as FilterQuery<T>;
  const options = { orderBy: { created_at: 'asc', [to]: 'asc' } } as FindOptions<T>;
  const rows = await ctx.em.find(entity, where, options as never);
  for (const row of rows) result.get(row[from] as string)?.push(row[to] as string);
  return result;
}
