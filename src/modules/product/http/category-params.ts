import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { SthenoError } from '../../../framework/errors/stheno-error';
import { projectFields } from '../../../framework/http/envelopes';
import { ResolvedFields } from '../../../framework/http/list-query';
import type { ProductAudience } from '../taxonomy/taxonomy-products';
import { CategoryAudience, CategoryTreeOptions, CategoryView } from '../taxonomy/taxonomy.types';

function booleanParam(extra: Record<string, unknown>, key: string): boolean {
  const value = extra[key];
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw SthenoError.invalidData(`${key} must be true or false`);
}

/**
 * The tree options of a category request. A tree parameter implies its relation: asking for the
 * ancestors tree returns `parent_category` even when `fields` did not name it.
 */
export function categoryTreeOptions(
  audience: CategoryAudience,
  fields: ResolvedFields,
  extra: Record<string, unknown>,
  products: ProductAudience = { kind: 'admin' },
): CategoryTreeOptions {
  const ancestors = booleanParam(extra, 'include_ancestors_tree');
  const descendants = booleanParam(extra, 'include_descendants_tree');
  const needs = (relation: string) => fields.relations.includes(relation);
  if (ancestors && !needs('parent_category')) addRelation(fields, 'parent_category');
  if (descendants && !needs('category_children')) addRelation(fields, 'category_children');
  return {
    audience,
    ancestors,
    descendants,
    withParent: needs('parent_category'),
    withChildren: needs('category_children'),
    products: needs('products') ? products : null,
  };
}

function addRelation(fields: ResolvedFields, relation: string): void {
  fields.fields = [...fields.fields, `${relation}.*`].sort();
  fields.relations = [...fields.relations, relation].sort();
}

type Json = Record<string, unknown>;
const TREE_RELATIONS = ['parent_category', 'category_children'] as const;

/**
 * `projectFields` for a category: the fields selected under `parent_category` (or
 * `category_children`) apply at every level of the chain (or tree) the response carries.
 */
export function projectCategory(view: CategoryView, fields: ResolvedFields): Json {
  const result = projectFields(view, fields) as Json;
  for (const relation of TREE_RELATIONS) {
    const prefix = `${relation}.`;
    const sub = fields.fields.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
    if (sub.length && relation in result) result[relation] = projectNested(view[relation], sub, relation);
  }
  return result;
}

function projectNested(value: CategoryView | CategoryView[] | null | undefined, sub: string[], relation: (typeof TREE_RELATIONS)[number]): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (Array.isArray(value)) return value.map((node) => projectNested(node, sub, relation));
  const result = projectFields(value, sub) as Json;
  if (value[relation] !== undefined) result[relation] = projectNested(value[relation], sub, relation);
  return result;
}

/** Documents the two tree parameters of the category routes. */
export function ApiCategoryTreeQuery(): MethodDecorator {
  return applyDecorators(
    ApiQuery({ name: 'include_ancestors_tree', required: false, type: Boolean, description: 'Fill parent_category recursively up to the root' }),
    ApiQuery({ name: 'include_descendants_tree', required: false, type: Boolean, description: 'Fill category_children recursively down to the leaves' }),
  );
}
