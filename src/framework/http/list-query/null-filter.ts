import type { ListFilters } from './list-query.types';

const NULL_TEXT = 'null';

/**
 * `key=null` in a query string asks for rows where the column is NULL, as in Medusa (the dashboard's
 * `parent_category_id=null` for root categories, `parent_id=null` for country tax regions): the
 * literal text `null` becomes SQL NULL in the equality, `$ne` and `$in`/`$nin` forms of the filter.
 * Applied to filters already parsed by parseFilters.
 */
export function withNullTextFilter(filters: ListFilters, key: string): ListFilters {
  const value = filters[key];
  if (value === undefined) return filters;
  const rest = { ...filters };
  delete rest[key];
  if (value === NULL_TEXT) return { ...rest, [key]: null };
  if (!value || typeof value !== 'object') return filters;
  const conditions: Record<string, unknown>[] = [];
  for (const [operator, operand] of Object.entries(value as Record<string, unknown>)) {
    if (operand === NULL_TEXT && (operator === '$eq' || operator === '$ne')) {
      conditions.push({ [key]: operator === '$eq' ? null : { $ne: null } });
    } else if (Array.isArray(operand) && operand.includes(NULL_TEXT) && (operator === '$in' || operator === '$nin')) {
      const ids = operand.filter((id) => id !== NULL_TEXT);
      conditions.push(operator === '$in' ? { $or: [{ [key]: null }, { [key]: { $in: ids } }] } : { [key]: { $ne: null, $nin: ids } });
    } else {
      conditions.push({ [key]: { [operator]: operand } });
    }
  }
  return { ...rest, $and: [...((rest.$and as unknown[]) ?? []), ...conditions] };
}
