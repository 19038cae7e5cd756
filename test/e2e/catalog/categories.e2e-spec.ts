import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { eventCount, insertProducts, snapshot, sql } from './taxonomy.helpers';

interface CategoryBody {
  id: string;
  name: string;
  handle: string;
  mpath: string;
  rank: number;
  is_active: boolean;
  is_internal: boolean;
  parent_category_id: string | null;
  parent_category?: CategoryBody | null;
  category_children?: CategoryBody[];
}

const CATEGORY_KEYS = [
  'category_children', 'created_at', 'deleted_at', 'description', 'handle', 'id', 'is_active', 'is_internal', 'metadata',
  'mpath', 'name', 'parent_category', 'parent_category_id', 'rank', 'updated_at',
];
const TREE_COLUMNS = 'id, parent_category_id, rank, mpath, deleted_at is null as alive';

describe('product categories', () => {
  let t: IdentityApp;
  beforeAll(async () => {
    t = await createIdentityApp();
  });
  afterAll(() => t.close());

  const admin = () => bearer(t.adminToken);
  const storefront = (): [string, string] => ['x-publishable-api-key', t.publishableKey];
  const create = async (body: Record<string, unknown>): Promise<CategoryBody> =>
    (await t.api.post('/admin/product-categories').set(...admin()).send({ is_active: true, ...body }).expect(200)).body.product_category;
  const update = async (id: string, body: Record<string, unknown>): Promise<CategoryBody> =>
    (await t.api.post(`/admin/product-categories/${id}`).set(...admin()).send(body).expect(200)).body.product_category;
  /** Names of the children of `parentId` (roots when null) in rank order, with their ranks. */
  const childrenOf = async (parentId: string | null) =>
    sql<{ name: string; rank: number }>(
      t,
      `select name, rank from product_category where deleted_at is null and parent_category_id ${parentId ? '= ?' : 'is null'} order by rank, id`,
      parentId ? [parentId] : [],
    ).then((rows) => rows.map((r) => `${r.rank}:${r.name}`));
  const tree = () => snapshot(t, 'product_category', TREE_COLUMNS);

  describe('building the tree', () => {
    it('creates roots and children at the given rank, shifting the later siblings, last by default', async () => {
      const apparel = await create({ name: 'Apparel' });
      expect(Object.keys(apparel).sort()).toEqual(CATEGORY_KEYS);
      expect(apparel).toMatchObject({
        id: expect.stringMatching(/^pcat_[0-9A-Z]{26}$/),
        handle: 'apparel',
        mpath: apparel.id,
        rank: 0,
        is_active: true,
        is_internal: false,
        parent_category_id: null,
        parent_category: null,
        category_children: [],
        description: '',
      });
      const shoes = await create({ name: 'Shoes' });
      const sale = await create({ name: 'Sale!', rank: 0 });
      expect(sale.handle).toBe('sale');
      expect(await childrenOf(null)).toEqual(['0:Sale!', '1:Apparel', '2:Shoes']);
      expect((await t.api.get(`/admin/product-categories/${shoes.id}`).set(...admin()).expect(200)).body.product_category.rank).toBe(2);

      const shirts = await create({ name: "Men's Shirts", parent_category_id: apparel.id });
      expect(shirts).toMatchObject({ handle: 'men-s-shirts', mpath: `${apparel.id}.${shirts.id}`, rank: 0, parent_category_id: apparel.id });
      expect(shirts.parent_category).toMatchObject({ id: apparel.id, name: 'Apparel' });
      await create({ name: 'Pants', parent_category_id: apparel.id });
      await create({ name: 'Hats', parent_category_id: apparel.id, rank: 1 });
      await create({ name: 'Socks', parent_category_id: apparel.id, rank: 99 });
      expect(await childrenOf(apparel.id)).toEqual(["0:Men's Shirts", '1:Hats', '2:Pants', '3:Socks']);

      const parent = (await t.api.get(`/admin/product-categories/${apparel.id}`).set(...admin()).expect(200)).body.product_category;
      expect(parent.category_children.map((c: CategoryBody) => c.name)).toEqual(["Men's Shirts", 'Hats', 'Pants', 'Socks']);
      expect(await eventCount(t, 'product-category.created', shirts.id)).toBe(1);
    });

    it('refuses a missing parent, a duplicate handle and malformed bodies, writing nothing', async () => {
      const before = await tree();
      const missing = await t.api.post('/admin/product-categories').set(...admin()).send({ name: 'Orphan', parent_category_id: 'pcat_missing' }).expect(404);
      expect(missing.body).toEqual({ type: 'not_found', message: 'Parent category with id: pcat_missing was not found' });
      const duplicate = await t.api.post('/admin/product-categories').set(...admin()).send({ name: 'Apparel' }).expect(422);
      expect(duplicate.body).toMatchObject({ type: 'duplicate_error', message: 'Product category with handle: apparel, already exists.' });
      for (const body of [{}, { name: 'X', rank: -1 }, { name: 'X', rank: 1.5 }, { name: 'X', colour: 'red' }, { name: 'X', is_active: 'yes' }]) {
        const res = await t.api.post('/admin/product-categories').set(...admin()).send(body).expect(400);
        expect(res.body.type).toBe('invalid_data');
        expect(typeof res.body.message).toBe('string');
      }
      expect(await tree()).toEqual(before);
    });
  });

  describe('moving and reordering', () => {
    let root: CategoryBody;
    let branch: CategoryBody;
    let leaf: CategoryBody;
    let deepest: CategoryBody;
    let target: CategoryBody;

    beforeAll(async () => {
      root = await create({ name: 'Move Root' });
      branch = await create({ name: 'Branch', parent_category_id: root.id });
      await create({ name: 'Branch Sibling', parent_category_id: root.id });
      leaf = await create({ name: 'Leaf', parent_category_id: branch.id });
      deepest = await create({ name: 'Deepest', parent_category_id: leaf.id });
      target = await create({ name: 'Target' });
      await create({ name: 'Target Child', parent_category_id: target.id });
    });

    it('reorders among siblings, shifting only the ones in between', async () => {
      const a = await create({ name: 'Order A', parent_category_id: target.id });
      await create({ name: 'Order B', parent_category_id: target.id });
      expect(await childrenOf(target.id)).toEqual(['0:Target Child', '1:Order A', '2:Order B']);
      expect((await update(a.id, { rank: 2 })).rank).toBe(2);
      expect(await childrenOf(target.id)).toEqual(['0:Target Child', '1:Order B', '2:Order A']);
      await update(a.id, { rank: 0 });
      expect(await childrenOf(target.id)).toEqual(['0:Order A', '1:Target Child', '2:Order B']);
      await update(a.id, { rank: 50 });
      expect(await childrenOf(target.id)).toEqual(['0:Target Child', '1:Order B', '2:Order A']);
      await t.api.delete(`/admin/product-categories/${a.id}`).set(...admin()).expect(200);
      expect(await childrenOf(target.id)).toEqual(['0:Target Child', '1:Order B']);
    });

    it('moves a node with its subtree, closing the old gap and opening one at the new rank', async () => {
      const moved = await update(branch.id, { parent_category_id: target.id, rank: 0 });
      expect(moved).toMatchObject({ parent_category_id: target.id, rank: 0, mpath: `${target.id}.${branch.id}` });
      expect(moved.parent_category?.id).toBe(target.id);
      expect(await childrenOf(root.id)).toEqual(['0:Branch Sibling']);
      expect(await childrenOf(target.id)).toEqual(['0:Branch', '1:Target Child', '2:Order B']);
      const paths = await sql<{ id: string; mpath: string }>(t, 'select id, mpath from product_category where id in (?, ?)', [leaf.id, deepest.id]);
      expect(Object.fromEntries(paths.map((p) => [p.id, p.mpath]))).toEqual({
        [leaf.id]: `${target.id}.${branch.id}.${leaf.id}`,
        [deepest.id]: `${target.id}.${branch.id}.${leaf.id}.${deepest.id}`,
      });
      expect(await eventCount(t, 'product-category.updated', branch.id)).toBe(1);

      const toRoot = await update(leaf.id, { parent_category_id: null });
      expect(toRoot).toMatchObject({ parent_category_id: null, mpath: leaf.id, parent_category: null });
      const roots = await childrenOf(null);
      expect(roots[roots.length - 1]).toBe(`${roots.length - 1}:Leaf`);
      const [deep] = await sql<{ mpath: string }>(t, 'select mpath from product_category where id = ?', [deepest.id]);
      expect(deep.mpath).toBe(`${leaf.id}.${deepest.id}`);
      await update(leaf.id, { parent_category_id: branch.id });
    });

    it('refuses to make a category its own ancestor, writing nothing', async () => {
      const before = await tree();
      for (const parent of [branch.id, leaf.id, deepest.id]) {
        const res = await t.api.post(`/admin/product-categories/${branch.id}`).set(...admin()).send({ parent_category_id: parent, name: 'Renamed' }).expect(400);
        expect(res.body.type).toBe('invalid_data');
        expect(res.body.message).toContain('a category made its own ancestor');
      }
      expect(await tree()).toEqual(before);
      const [row] = await sql<{ name: string }>(t, 'select name from product_category where id = ?', [branch.id]);
      expect(row.name).toBe('Branch');
    });

    it('refuses to delete a category with children, then deletes leaves and closes the rank gap', async () => {
      const before = await tree();
      const refused = await t.api.delete(`/admin/product-categories/${target.id}`).set(...admin()).expect(400);
      expect(refused.body).toEqual({ type: 'not_allowed', message: `Deleting ProductCategory (${target.id}) with category children is not allowed` });
      expect(await tree()).toEqual(before);

      const [product] = await insertProducts(t, ['Pivot Probe']);
      await t.api.post(`/admin/product-categories/${deepest.id}/products`).set(...admin()).send({ add: [product] }).expect(200);
      const res = await t.api.delete(`/admin/product-categories/${deepest.id}`).set(...admin()).expect(200);
      expect(res.body).toEqual({ id: deepest.id, object: 'product_category', deleted: true });
      expect(await sql(t, 'select * from product_category_product where product_category_id = ?', [deepest.id])).toEqual([]);
      await t.api.get(`/admin/product-categories/${deepest.id}`).set(...admin()).expect(404);
      expect(await eventCount(t, 'product-category.deleted', deepest.id)).toBe(1);

      const first = (await t.api.get(`/admin/product-categories?parent_category_id=${target.id}&order=rank`).set(...admin()).expect(200)).body.product_categories[0];
      await t.api.delete(`/admin/product-categories/${first.id}`).set(...admin()).expect(400); // Branch still has Leaf
      const child = (await t.api.get(`/admin/product-categories?handle=target-child`).set(...admin()).expect(200)).body.product_categories[0];
      await t.api.delete(`/admin/product-categories/${child.id}`).set(...admin()).expect(200);
      expect(await childrenOf(target.id)).toEqual(['0:Branch', '1:Order B']);
    });
  });

  describe('tree parameters', () => {
    let top: CategoryBody;
    let mid: CategoryBody;
    let low: CategoryBody;
    let bottom: CategoryBody;

    beforeAll(async () => {
      top = await create({ name: 'Tree Top' });
      mid = await create({ name: 'Tree Mid', parent_category_id: top.id });
      await create({ name: 'Tree Mid Sibling', parent_category_id: top.id });
      low = await create({ name: 'Tree Low', parent_category_id: mid.id });
      bottom = await create({ name: 'Tree Bottom', parent_category_id: low.id });
    });

    it('fills category_children recursively with include_descendants_tree', async () => {
      const res = await t.api.get(`/admin/product-categories/${top.id}?include_descendants_tree=true`).set(...admin()).expect(200);
      const node = res.body.product_category as CategoryBody;
      expect(node.category_children!.map((c) => c.name)).toEqual(['Tree Mid', 'Tree Mid Sibling']);
      const [m, sibling] = node.category_children!;
      expect(sibling.category_children).toEqual([]);
      expect(m.category_children![0].name).toBe('Tree Low');
      expect(m.category_children![0].category_children![0]).toMatchObject({ name: 'Tree Bottom', category_children: [] });

      const flat = (await t.api.get(`/admin/product-categories/${top.id}`).set(...admin()).expect(200)).body.product_category;
      expect(flat.category_children[0].category_children).toBeUndefined();
    });

    it('fills parent_category recursively with include_ancestors_tree', async () => {
      const res = await t.api.get(`/admin/product-categories/${bottom.id}?include_ancestors_tree=true&fields=id,name,parent_category.name`).set(...admin()).expect(200);
      expect(res.body.product_category).toEqual({
        id: bottom.id,
        name: 'Tree Bottom',
        parent_category: { name: 'Tree Low', parent_category: { name: 'Tree Mid', parent_category: { name: 'Tree Top', parent_category: null } } },
      });
      const list = await t.api.get(`/admin/product-categories?id=${low.id}&include_ancestors_tree=true&include_descendants_tree=true`).set(...admin()).expect(200);
      const [node] = list.body.product_categories as CategoryBody[];
      expect(node.parent_category!.parent_category).toMatchObject({ id: top.id, parent_category: null });
      expect(node.category_children!.map((c) => c.id)).toEqual([bottom.id]);
    });

    it('lists the roots with their whole trees', async () => {
      const res = await t.api.get('/admin/product-categories?parent_category_id=null&include_descendants_tree=true&q=tree').set(...admin()).expect(200);
      expect(res.body.product_categories.map((c: CategoryBody) => c.name)).toEqual(['Tree Top']);
      expect(res.body.product_categories[0].category_children[0].category_children[0].name).toBe('Tree Low');
    });

    it('rejects a tree parameter that is not a boolean', async () => {
      const res = await t.api.get(`/admin/product-categories/${top.id}?include_descendants_tree=maybe`).set(...admin()).expect(400);
      expect(res.body).toEqual({ type: 'invalid_data', message: 'include_descendants_tree must be true or false' });
    });
  });

  describe('filters and order', () => {
    it('filters by name, handle, q, parent, flags and dates, and orders by name or rank', async () => {
      const parent = await create({ name: 'Filter Parent' });
      await create({ name: 'Zeta', parent_category_id: parent.id });
      await create({ name: 'Alpha', parent_category_id: parent.id, is_internal: true });
      await create({ name: 'Mu', parent_category_id: parent.id, is_active: false });
      const names = async (query: string) =>
        (await t.api.get(`/admin/product-categories?${query}`).set(...admin()).expect(200)).body.product_categories.map((c: CategoryBody) => c.name);

      expect(await names(`parent_category_id=${parent.id}`)).toEqual(['Zeta', 'Alpha', 'Mu']);
      expect(await names(`parent_category_id=${parent.id}&order=name`)).toEqual(['Alpha', 'Mu', 'Zeta']);
      expect(await names(`parent_category_id=${parent.id}&order=-rank`)).toEqual(['Mu', 'Alpha', 'Zeta']);
      expect(await names(`parent_category_id=${parent.id}&is_internal=true`)).toEqual(['Alpha']);
      expect(await names(`parent_category_id=${parent.id}&is_active=false`)).toEqual(['Mu']);
      expect(await names('handle=zeta')).toEqual(['Zeta']);
      expect(await names('name[]=Zeta&name[]=Mu&order=name')).toEqual(['Mu', 'Zeta']);
      expect(await names('q=ALPH')).toEqual(['Alpha']);
      expect(await names(`parent_category_id=${parent.id}&created_at[$gte]=2100-01-01`)).toEqual([]);
      expect(await names(`parent_category_id=${parent.id}&updated_at[$lt]=2100-01-01&order=handle`)).toEqual(['Alpha', 'Mu', 'Zeta']);
      const page = await t.api.get(`/admin/product-categories?parent_category_id=${parent.id}&limit=1&offset=1&fields=name`).set(...admin()).expect(200);
      expect(page.body).toEqual({ product_categories: [{ id: expect.any(String), name: 'Alpha' }], count: 3, offset: 1, limit: 1 });
      const roots = (await t.api.get('/admin/product-categories?parent_category_id=null&limit=1000').set(...admin()).expect(200)).body.product_categories;
      expect(roots.every((c: CategoryBody) => c.parent_category_id === null)).toBe(true);
      expect(roots.map((c: CategoryBody) => c.name)).toContain('Filter Parent');

      for (const query of ['order=colour', 'colour=red', 'is_active=perhaps', 'fields=variants']) {
        expect((await t.api.get(`/admin/product-categories?${query}`).set(...admin()).expect(400)).body.type).toBe('invalid_data');
      }
    });
  });

  describe('in the store', () => {
    let shop: CategoryBody;
    let shown: CategoryBody;
    let internal: CategoryBody;
    let inactive: CategoryBody;
    let underInternal: CategoryBody;

    beforeAll(async () => {
      shop = await create({ name: 'Shop Root' });
      shown = await create({ name: 'Shop Shown', parent_category_id: shop.id });
      internal = await create({ name: 'Shop Internal', parent_category_id: shop.id, is_internal: true });
      inactive = await create({ name: 'Shop Inactive', parent_category_id: shop.id, is_active: false });
      underInternal = await create({ name: 'Shop Under Internal', parent_category_id: internal.id });
      await create({ name: 'Shop Shown Child', parent_category_id: shown.id });
    });

    it('lists only active public categories, never below a hidden one, without admin-only defaults', async () => {
      const res = await t.api.get('/store/product-categories?q=shop&order=name').set(...storefront()).expect(200);
      expect(res.body.product_categories.map((c: CategoryBody) => c.name)).toEqual(['Shop Root', 'Shop Shown', 'Shop Shown Child']);
      expect(res.body.count).toBe(3);
      const root = res.body.product_categories[0];
      expect(Object.keys(root).sort()).toEqual([
        'category_children', 'created_at', 'description', 'handle', 'id', 'metadata', 'name', 'parent_category', 'parent_category_id', 'rank', 'updated_at',
      ]);
      expect(root.category_children.map((c: CategoryBody) => c.name)).toEqual(['Shop Shown']);
      const internalAsked = await t.api.get(`/store/product-categories?id=${internal.id}`).set(...storefront()).expect(200);
      expect(internalAsked.body.count).toBe(0);
    });

    it('hides internal, inactive and hidden-branch categories by id, and prunes the trees', async () => {
      for (const id of [internal.id, inactive.id, underInternal.id]) {
        const res = await t.api.get(`/store/product-categories/${id}`).set(...storefront()).expect(404);
        expect(res.body).toEqual({ type: 'not_found', message: `Product category with id: ${id} was not found` });
      }
      const tree = await t.api.get(`/store/product-categories/${shop.id}?include_descendants_tree=true&fields=name,category_children.name`).set(...storefront()).expect(200);
      expect(tree.body.product_category).toEqual({
        id: shop.id,
        name: 'Shop Root',
        category_children: [{ name: 'Shop Shown', category_children: [{ name: 'Shop Shown Child', category_children: [] }] }],
      });
      const admin = await t.api.get(`/admin/product-categories/${shop.id}?include_descendants_tree=true`).set(...bearer(t.adminToken)).expect(200);
      expect(admin.body.product_category.category_children.map((c: CategoryBody) => c.name)).toEqual(['Shop Shown', 'Shop Internal', 'Shop Inactive']);
    });

    it('shows a category again once its branch is public, and refuses store filters on the flags', async () => {
      await update(internal.id, { is_internal: false });
      const res = await t.api.get(`/store/product-categories/${underInternal.id}?include_ancestors_tree=true`).set(...storefront()).expect(200);
      expect(res.body.product_category.parent_category).toMatchObject({ id: internal.id, parent_category: { id: shop.id, parent_category: null } });
      await t.api.get('/store/product-categories?is_internal=true').set(...storefront()).expect(400);
      await t.api.get('/store/product-categories').expect(400);
    });
  });

  describe('products', () => {
    it('adds and removes products, refusing unknown ids without writing anything', async () => {
      const category = await create({ name: 'Linked' });
      const [a, b, c] = await insertProducts(t, ['Cat Product A', 'Cat Product B', 'Cat Product C']);
      const linked = () =>
        sql<{ product_id: string }>(t, 'select product_id from product_category_product where product_category_id = ? order by product_id', [category.id]).then((rows) =>
          rows.map((r) => r.product_id),
        );
      const res = await t.api.post(`/admin/product-categories/${category.id}/products`).set(...admin()).send({ add: [a, b, a] }).expect(200);
      expect(res.body.product_category).toMatchObject({ id: category.id, name: 'Linked' });
      expect(await linked()).toEqual([a, b].sort());
      await t.api.post(`/admin/product-categories/${category.id}/products`).set(...admin()).send({ add: [c, a], remove: [b] }).expect(200);
      expect(await linked()).toEqual([a, c].sort());

      const unknown = await t.api.post(`/admin/product-categories/${category.id}/products`).set(...admin()).send({ add: [b, 'prod_nope'], remove: [a] }).expect(404);
      expect(unknown.body).toEqual({ type: 'not_found', message: 'Products with ids: prod_nope were not found' });
      expect(await linked()).toEqual([a, c].sort());
      const both = await t.api.post(`/admin/product-categories/${category.id}/products`).set(...admin()).send({ add: [b], remove: [b] }).expect(400);
      expect(both.body.type).toBe('invalid_data');
      await t.api.post('/admin/product-categories/pcat_nope/products').set(...admin()).send({ add: [b] }).expect(404);
      await t.api.post(`/admin/product-categories/${category.id}/products`).set(...admin()).send({ add: 'x' }).expect(400);
      expect(await linked()).toEqual([a, c].sort());
    });
  });

  it('needs an admin', async () => {
    await t.api.get('/admin/product-categories').expect(401);
    await t.api.post('/admin/product-categories').send({ name: 'Nope' }).expect(401);
  });
});
