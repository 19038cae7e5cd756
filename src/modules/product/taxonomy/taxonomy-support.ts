import { Context } from '../../../framework/context/context';
import { ErrorTypes, SthenoError } from '../../../framework/errors/stheno-error';
import { ListQuery } from '../../../framework/http/list-query';
import { Product } from '../entities/product.entity';
import { ProductLinkInput } from './taxonomy.types';

export function duplicateError(message: string): SthenoError {
  return new SthenoError(ErrorTypes.DUPLICATE_ERROR, message);
}

export function iso(date: Date): string;
export function iso(date: Date | null): string | null;
export function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

/** The query with `extra` conditions and-ed to the client's filters (which may name the same columns). */
export function withConditions(query: ListQuery, ...conditions: Record<string, unknown>[]): ListQuery {
  const parts = [query.filters, ...conditions].filter((part) => Object.keys(part).length > 0);
  return { ...query, filters: parts.length ? { $and: parts } : {} };
}

/** Deduplicated add/remove lists; an id in both is a contradiction the client must resolve. */
export function normalizeLinks(input: ProductLinkInput): { add: string[]; remove: string[] } {
  const add = [...new Set(input.add ?? [])];
  const remove = [...new Set(input.remove ?? [])];
  const both = add.filter((id) => remove.includes(id));
  if (both.length) throw SthenoError.invalidData(`Products cannot be both added and removed: ${both.join(', ')}`);
  return { add, remove };
}

/** Throws not_found naming every id that is not an (undeleted) product. */
export async function assertProductsExist(ctx: Context, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const found = await ctx.em.find(Product, { id: { $in: ids } }, { fields: ['id'], disableIdentityMap: true });
  const known = new Set(found.map((p) => p.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) throw SthenoError.notFound(`Products with ids: ${missing.join(', ')} were not found`);
}
