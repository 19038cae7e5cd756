import type { EntityName, FilterQuery, FindOptions } from '@mikro-orm/core';
import { Context } from '../context/context';
import { ListQuery, toMikroOrmOrderBy } from '../http/list-query';

/** `%text%` for ILIKE, with the client's own `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of a list route: the parsed filters, `q` as a case-insensitive substring match over
 * `searchFields`, the limit, offset and order, and the total count of the match.
 */
export async function findPage<T extends object>(
  ctx: Context,
  entity: EntityName<T>,
  query: ListQuery,
  searchFields: string[] = [],
): Promise<[T[], number]> {
  const where: Record<string, unknown> = { ...query.filters };
  if (query.q && searchFields.length) {
    const like = { $ilike: containsPattern(query.q) };
    where.$or = searchFields.map((field) => ({ [field]: like }));
  }
  const options = { limit: query.limit, offset: query.offset, orderBy: toMikroOrmOrderBy(query.order) } as FindOptions<T>;
  return ctx.em.findAndCount(entity, where as FilterQuery<T>, options as never);
}
