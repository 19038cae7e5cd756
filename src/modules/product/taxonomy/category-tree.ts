import { ListFilters, withNullTextFilter } from '../../../framework/http/list-query';
import { ProductCategory } from '../entities/product-category.entity';
import { iso } from './taxonomy-support';
import { CategoryView } from './taxonomy.types';

/**
 * Pure pieces of the category tree: views, the assembly of ancestor chains and descendant trees
 * from rows loaded in bulk, rank arithmetic and the `parent_category_id=null` filter.
 */

/** The node's own columns; `parent_category` / `category_children` are added by the tree assembly. */
export function toCategoryView(c: ProductCategory): CategoryView {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    handle: c.handle,
    mpath: c.mpath,
    is_active: c.is_active,
    is_internal: c.is_internal,
    rank: c.rank,
    parent_category_id: c.parent_category_id,
    metadata: c.metadata,
    created_at: iso(c.created_at),
    updated_at: iso(c.updated_at),
    deleted_at: iso(c.deleted_at),
  };
}

/** Ids of the ancestors of a node, root first, from its materialised path. */
export function ancestorIdsOf(mpath: string): string[] {
  return mpath.split('.').slice(0, -1);
}

/**
 * The chain above a node: the parent with its parent set, up to the root (whose parent is null).
 * A link missing from `byId` (a hidden ancestor) ends the chain there.
 */
export function ancestorChain(parentId: string | null, byId: ReadonlyMap<string, CategoryView>): CategoryView | null {
  const parent = parentId ? byId.get(parentId) : undefined;
  if (!parent) return null;
  return { ...parent, parent_category: ancestorChain(parent.parent_category_id, byId) };
}

/** Children of `parentId`, each with its own children, down to the leaves (empty arrays). */
export function descendantTree(parentId: string, childrenOf: ReadonlyMap<string, CategoryView[]>): CategoryView[] {
  return (childrenOf.get(parentId) ?? []).map((child) => ({ ...child, category_children: descendantTree(child.id, childrenOf) }));
}

/** Groups nodes under their parent, each group ordered by rank then id. */
export function groupByParent(nodes: readonly CategoryView[]): Map<string, CategoryView[]> {
  const groups = new Map<string, CategoryView[]>();
  for (const node of nodes) {
    if (!node.parent_category_id) continue;
    const group = groups.get(node.parent_category_id) ?? [];
    group.push(node);
    groups.set(node.parent_category_id, group);
  }
  for (const group of groups.values()) group.sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return groups;
}

/** The rank a node takes among `siblings` others: the one asked for, or last when absent or past the end. */
export function clampRank(requested: number | undefined, siblings: number): number {
  return requested === undefined ? siblings : Math.min(Math.max(requested, 0), siblings);
}

/** Whether `candidate` (a category's mpath) is `node` itself or lies below it. */
export function isSelfOrDescendant(candidateMpath: string, nodeMpath: string): boolean {
  return candidateMpath === nodeMpath || candidateMpath.startsWith(`${nodeMpath}.`);
}

/** `parent_category_id=null` asks for the roots, as in Medusa (see withNullTextFilter). */
export function withNullParentFilter(filters: ListFilters): ListFilters {
  return withNullTextFilter(filters, 'parent_category_id');
}
