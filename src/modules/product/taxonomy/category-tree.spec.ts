import { ancestorChain, ancestorIdsOf, clampRank, descendantTree, groupByParent, isSelfOrDescendant, withNullParentFilter } from './category-tree';
import { CategoryView } from './taxonomy.types';

function node(id: string, parent: string | null, rank: number): CategoryView {
  return {
    id, name: id, description: '', handle: id, mpath: id, is_active: true, is_internal: false, rank,
    parent_category_id: parent, metadata: null, created_at: '', updated_at: '', deleted_at: null,
  };
}

describe('category tree assembly', () => {
  it('reads ancestors from the materialised path, root first', () => {
    expect(ancestorIdsOf('a.b.c')).toEqual(['a', 'b']);
    expect(ancestorIdsOf('a')).toEqual([]);
  });

  it('chains parents up to the root and stops at a missing (hidden) link', () => {
    const byId = new Map([node('a', null, 0), node('b', 'a', 0)].map((n) => [n.id, n]));
    const chain = ancestorChain('b', byId);
    expect(chain?.id).toBe('b');
    expect(chain?.parent_category?.id).toBe('a');
    expect(chain?.parent_category?.parent_category).toBeNull();
    expect(ancestorChain('x', byId)).toBeNull();
  });

  it('builds children by rank down to empty leaves', () => {
    const groups = groupByParent([node('c2', 'root', 1), node('c1', 'root', 0), node('g', 'c2', 0)]);
    const tree = descendantTree('root', groups);
    expect(tree.map((n) => n.id)).toEqual(['c1', 'c2']);
    expect(tree[0].category_children).toEqual([]);
    expect(tree[1].category_children?.map((n) => n.id)).toEqual(['g']);
  });

  it('clamps ranks to the sibling range, last by default', () => {
    expect(clampRank(undefined, 3)).toBe(3);
    expect(clampRank(1, 3)).toBe(1);
    expect(clampRank(10, 3)).toBe(3);
  });

  it('knows a node and its descendants, not its look-alike siblings', () => {
    expect(isSelfOrDescendant('a.b', 'a.b')).toBe(true);
    expect(isSelfOrDescendant('a.b.c', 'a.b')).toBe(true);
    expect(isSelfOrDescendant('a.bc', 'a.b')).toBe(false);
  });

  it('turns the text null of parent_category_id into SQL NULL', () => {
    expect(withNullParentFilter({ parent_category_id: 'null', name: 'x' })).toEqual({ name: 'x', parent_category_id: null });
    expect(withNullParentFilter({ parent_category_id: 'pcat_1' })).toEqual({ parent_category_id: 'pcat_1' });
    expect(withNullParentFilter({ parent_category_id: { $in: ['null', 'p'] } })).toEqual({
      $and: [{ $or: [{ parent_category_id: null }, { parent_category_id: { $in: ['p'] } }] }],
    });
    expect(withNullParentFilter({ parent_category_id: { $ne: 'null' } })).toEqual({ $and: [{ parent_category_id: { $ne: null } }] });
  });
});
