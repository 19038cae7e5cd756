/**
 * Types of the list-query parser: what a route declares it accepts (the *Spec types) and what the
 * parser hands back (ResolvedFields, ListQuery, RetrieveQuery). Pure data, no runtime code.
 */

/** How the string values of a filter are coerced. */
export type FilterType = 'string' | 'number' | 'boolean' | 'date';

/** Filter operators a client may send (`created_at[$gte]=…`); the names are MikroORM's. */
export type FilterOperator =
  | '$eq'
  | '$ne'
  | '$in'
  | '$nin'
  | '$like'
  | '$ilike'
  | '$gt'
  | '$gte'
  | '$lt'
  | '$lte';

export interface FilterSpec {
  type: FilterType;
  /** Property the filter applies to in the output; defaults to the query key itself. */
  column?: string;
  /** Operators the client may use; defaults depend on `type` (see DEFAULT_FILTER_OPERATORS). */
  operators?: readonly FilterOperator[];
}

export interface FieldsSpec {
  /** Fields returned when the client sends no `fields` (`'title'`, `'variants.sku'`, `'*variants'`). */
  defaults: readonly string[];
  /**
   * Field paths (`'title'`, `'variants.sku'`) or relation names (`'variants'`,
   * `'variants.options'`) a client may request. Allowing a relation allows everything under it.
   * The key is always allowed.
   */
  allowed: readonly string[];
  /** The resource's key, always returned and the last order tie-breaker (default `id`; `code` for currencies). */
  key?: string;
}

export interface OrderSpec {
  /** Fields a client may order by. */
  allowed: readonly string[];
  /** Order used when the client sends none, in the same syntax as the query (`'-created_at'`). */
  default?: string;
  /** The column that makes the order total (default `id`); taken from the fields spec's `key`. */
  key?: string;
}

export interface ListQuerySpec extends FieldsSpec {
  defaultLimit: number;
  maxLimit: number;
  order: OrderSpec;
  /** Accepted filter keys (the query key, not the column). */
  filters: Readonly<Record<string, FilterSpec>>;
  /** Whether the route supports free-text search through `q`. */
  q?: boolean;
  /** Keys the route consumes itself (e.g. `region_id`); copied untouched into `ListQuery.extra`. */
  extra?: readonly string[];
}

export interface RetrieveQuerySpec extends FieldsSpec {
  /** Keys the route consumes itself; copied untouched into `RetrieveQuery.extra`. */
  extra?: readonly string[];
}

export interface ResolvedFields {
  /** Normalized field paths, sorted and unique; a whole relation is written `rel.*`. */
  fields: string[];
  /** Every relation path the fields need, parents included, sorted. */
  relations: string[];
  /** True when the client sent a non-empty `fields` parameter. */
  requested: boolean;
}

export type OrderDirection = 'ASC' | 'DESC';

export interface OrderEntry {
  field: string;
  direction: OrderDirection;
}

/** Filters in MikroORM FilterQuery shape, keyed by column. */
export type ListFilters = Record<string, unknown>;

export interface ListQuery {
  limit: number;
  offset: number;
  order: OrderEntry[];
  fields: ResolvedFields;
  filters: ListFilters;
  /** Trimmed search text; present only when the route supports `q` and the client sent it. */
  q?: string;
  extra: Record<string, unknown>;
}

export interface RetrieveQuery {
  fields: ResolvedFields;
  extra: Record<string, unknown>;
}

/** MikroORM `orderBy` entry; dotted fields become nested objects (`{ variants: { sku: 'ASC' } }`). */
export interface MikroOrmOrderBy {
  [property: string]: OrderDirection | MikroOrmOrderBy;
}
