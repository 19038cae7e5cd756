export { resolveFields } from './fields';
export { DEFAULT_FILTER_OPERATORS, FILTER_OPERATORS, parseFilters } from './filters';
export { withNullTextFilter } from './null-filter';
export { internalListQuery, parseListQuery, parseOrder, parseRetrieveQuery, toMikroOrmOrderBy } from './list-query';
export type {
  FieldsSpec,
  FilterOperator,
  FilterSpec,
  FilterType,
  ListFilters,
  ListQuery,
  ListQuerySpec,
  MikroOrmOrderBy,
  OrderDirection,
  OrderEntry,
  OrderSpec,
  ResolvedFields,
  RetrieveQuery,
  RetrieveQuerySpec,
} from './list-query.types';
