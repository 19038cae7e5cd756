import { containsPattern } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { ListFilters, OrderEntry } from '../../framework/http/list-query';
import { Sql, sql, textArray } from './sql';

/**
 * Translation of the parsed store filters into SQL over `product p` (or `product_variant v`).
 * Only the shapes the route specs allow reach here: a value, `{$in: [...]}`, or comparison operators
 * on dates. Every client value is a parameter.
 */

const COMPARISONS: Record<string, string> = { $eq: '=', $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/** The value lists a condition requires: `x`, `{$eq: x}`, `{$in: [...]}`; both operators together must both hold. */
function valueListsOf(condition: unknown): string[][] {
  if (typeof condition === 'string') return [[condition]];
  const record = condition as { $in?: string[]; $eq?: string };
  const lists: string[][] = [];
  if (record.$eq !== undefined) lists.push([record.$eq]);
  if (record.$in) lists.push(record.$in);
  return lists;
}

function inList(column: string, condition: unknown): Sql {
  const lists = valueListsOf(condition);
  if (!lists.length) throw SthenoError.unexpectedState(`No values in the store filter on ${column}`);
  return Sql.join(
    valueListsOf(condition).map((values) => sql`${new Sql(column)} = any(${textArray(values)})`),
    ' and ',
  );
}

function dateRange(column: string, condition: unknown): Sql[] {
  if (condition instanceof Date) return [sql`${new Sql(column)} = ${condition}::timestamptz`];
  return Object.entries(condition as Record<string, Date>).map(
    ([operator, value]) => sql`${new Sql(column)} ${new Sql(COMPARISONS[operator])} ${value}::timestamptz`,
  );
}

/** The publishable key's scope: published, undeleted, sold in one of its channels. */
export function productScope(alias: string, channels: readonly string[]): Sql {
  return sql`${new Sql(alias)}.deleted_at is null and ${new Sql(alias)}.status = 'published' and exists (
    select 1 from product_sales_channel psc
     where psc.product_id = ${new Sql(alias)}.id and psc.sales_channel_id = any(${textArray(channels)}))`;
}

/**
 * A category the store shows, by the rule of /store/product-categories: undeleted, active and public,
 * and no undeleted ancestor inactive or internal (the ancestors' ids are the mpath's segments, looked
 * up by primary key). A category hidden there can neither filter products nor appear on them.
 */
export function storeVisibleCategory(alias: string): string {
  return `${alias}.deleted_at is null and ${alias}.is_active and not ${alias}.is_internal and not exists (
    select 1 from product_category hidden
     where hidden.id = any(string_to_array(${alias}.mpath, '.')) and hidden.deleted_at is null
       and (not hidden.is_active or hidden.is_internal))`;
}

/** Products in the given visible categories; with the tree, in their visible descendants too (an mpath segment). */
function categoryFilter(condition: unknown, withDescendants: boolean): Sql {
  const roots = inList('root.id', condition);
  const match = withDescendants ? new Sql('root.id = any(string_to_array(c.mpath, \'.\'))') : new Sql('c.id = root.id');
  return sql`exists (
    select 1 from product_category_product pcp
      join product_category c on c.id = pcp.product_category_id and ${new Sql(storeVisibleCategory('c'))}
      join product_category root on ${roots} and root.deleted_at is null
     where pcp.product_id = p.id and ${match})`;
}

export function productFilters(filters: ListFilters, includeDescendants: boolean): Sql[] {
  const where: Sql[] = [];
  for (const [key, condition] of Object.entries(filters)) {
    switch (key) {
      case 'id':
      case 'handle':
      case 'collection_id':
      case 'type_id':
        where.push(inList(`p.${key}`, condition));
        break;
      case 'tag_id':
        where.push(sql`exists (select 1 from product_tags pt join product_tag t on t.id = pt.product_tag_id and t.deleted_at is null
          where pt.product_id = p.id and ${inList('pt.product_tag_id', condition)})`);
        break;
      case 'category_id':
        where.push(categoryFilter(condition, includeDescendants));
        break;
      case 'created_at':
      case 'updated_at':
        where.push(...dateRange(`p.${key}`, condition));
        break;
      default:
        throw SthenoError.unexpectedState(`No SQL for the store product filter '${key}'`);
    }
  }
  return where;
}

export function variantFilters(filters: ListFilters): Sql[] {
  const where: Sql[] = [];
  for (const [key, condition] of Object.entries(filters)) {
    if (key === 'created_at' || key === 'updated_at') where.push(...dateRange(`v.${key}`, condition));
    else if (key === 'id' || key === 'sku' || key === 'product_id') where.push(inList(`v.${key}`, condition));
    else throw SthenoError.unexpectedState(`No SQL for the store variant filter '${key}'`);
  }
  return where;
}

/** Search words: letters and digits, lower-cased, at most 8 (a longer query adds nothing but cost). */
function tokensOf(q: string): string[] {
  return q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 8);
}

/**
 * pg_trgm extracts trigrams only from runs of 3+ letters or digits: a LIKE pattern without one (short
 * words, punctuation) would scan the whole trigram index and recheck every row, a sequential ILIKE in
 * disguise. Such queries rely on the full-text prefixes only.
 */
const TRIGRAM_RUN = /[\p{L}\p{N}]{3}/u;

/**
 * `tok1:* & tok2:*` in both dictionaries: the English one matches stems (`shirts` → `shirt`), the
 * simple one keeps SKUs, handles and stop words. Null when the query has no word characters.
 */
export function searchQuery(q: string): Sql | null {
  const tokens = tokensOf(q);
  if (!tokens.length) return null;
  return Sql.join(
    tokens.map((token) => sql`(to_tsquery('english', ${`${token}:*`}) || to_tsquery('simple', ${`${token}:*`}))`),
    ' && ',
  );
}

/**
 * Products matching `q`: full-text with prefixes (GIN on search_vector) OR the whole text inside the
 * title or a SKU (GIN trigram indexes on lower(title) and lower(sku)). Written as a UNION of
 * index-backed branches so PostgreSQL never falls back to scanning product.
 */
export function productSearch(q: string, idColumn: string): Sql {
  const tsquery = searchQuery(q);
  const branches: Sql[] = [];
  if (tsquery) branches.push(sql`select s.id from product s where s.search_vector @@ (${tsquery})`);
  const text = q.trim().toLowerCase();
  if (TRIGRAM_RUN.test(text)) {
    const pattern = containsPattern(text);
    branches.push(sql`select s.id from product s where lower(s.title) like ${pattern}`);
    branches.push(sql`select sv.product_id from product_variant sv where lower(sv.sku) like ${pattern} and sv.deleted_at is null`);
  }
  if (!branches.length) return new Sql('false');
  return sql`${new Sql(idColumn)} in (${Sql.join(branches, ' union ')})`;
}

/**
 * The same match as a per-row predicate on `product p`, for walking an ordered index and stopping
 * after a page: cheap when many products match (a broad search), a full scan when few do, so it is
 * used only for searches known to be broad (see StoreCatalogService.listProducts).
 */
export function productMatches(q: string): Sql {
  const tsquery = searchQuery(q);
  const tests: Sql[] = [];
  if (tsquery) tests.push(sql`p.search_vector @@ (${tsquery})`);
  const text = q.trim().toLowerCase();
  if (TRIGRAM_RUN.test(text)) {
    const pattern = containsPattern(text);
    tests.push(sql`lower(p.title) like ${pattern}`);
    tests.push(sql`p.id in (select sv.product_id from product_variant sv where lower(sv.sku) like ${pattern} and sv.deleted_at is null)`);
  }
  if (!tests.length) return new Sql('false');
  return sql`(${Sql.join(tests, ' or ')})`;
}

/** ORDER BY for an explicit order; the parser already appended the id tie-breaker. */
export function orderBy(alias: string, order: readonly OrderEntry[]): Sql {
  return new Sql(order.map((entry) => `${alias}.${entry.field} ${entry.direction === 'DESC' ? 'desc' : 'asc'}`).join(', '));
}
