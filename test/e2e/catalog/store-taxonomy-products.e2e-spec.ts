import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { Body, shirtBody } from '../../utils/product-fixtures';

/**
 * `fields=*products` on store collections and categories (what Medusa's Next.js starter sends): the
 * storefront sees exactly the products /store/products shows it — published, sold in one of its
 * key's sales channels — while the admin sees them all.
 */
describe('products of collections and categories', () => {
  let t: IdentityApp;
  let collectionId: string;
  let categoryId: string;
  let childId: string;
  const ids: Record<string, string> = {};
  const admin = () => bearer(t.adminToken);
  const store = (url: string) => t.api.get(url).set('x-publishable-api-key', t.publishableKey);
  const handles = (products: Body[]) => products.map((p) => p.handle).sort();

  beforeAll(async () => {
    t = await createIdentityApp();
    const other = (await t.api.post('/admin/sales-channels').set(...admin()).send({ name: 'Wholesale' }).expect(200)).body.sales_channel.id;
    collectionId = (await t.api.post('/admin/collections').set(...admin()).send({ title: 'Summer' }).expect(200)).body.collection.id;
    categoryId = (await t.api.post('/admin/product-categories').set(...admin()).send({ name: 'Shirts', is_active: true }).expect(200)).body.product_category.id;
    childId = (await t.api.post('/admin/product-categories').set(...admin()).send({ name: 'Polos', is_active: true, parent_category_id: categoryId }).expect(200)).body
      .product_category.id;
    const variants = [
      ['visible', 'published', t.salesChannelId],
      ['draft', 'draft', t.salesChannelId],
      ['elsewhere', 'published', other],
    ] as const;
    for (const [handle, status, channel] of variants) {
      const res = await t.api
        .post('/admin/products')
        .set(...admin())
        .send(shirtBody(handle, { status, collection_id: collectionId, categories: [{ id: categoryId }], sales_channels: [{ id: channel }] }))
        .expect(200);
      ids[handle] = res.body.product.id;
    }
    await t.api.post('/admin/products').set(...admin()).send(shirtBody('polo', { status: 'published', categories: [{ id: childId }], sales_channels: [{ id: t.salesChannelId }] })).expect(200);
  });
  afterAll(() => t.close());

  it('shows a storefront only the published products of its channels in a collection', async () => {
    const one = await store(`/store/collections/${collectionId}?fields=*products`).expect(200);
    expect(handles(one.body.collection.products)).toEqual(['visible']);
    const list = await store('/store/collections?fields=id,title,*products').expect(200);
    expect(handles(list.body.collections[0].products)).toEqual(['visible']);
    const adminView = await t.api.get(`/admin/collections/${collectionId}?fields=*products`).set(...admin()).expect(200);
    expect(handles(adminView.body.collection.products)).toEqual(['draft', 'elsewhere', 'visible']);
  });

  it('answers the Next.js starter’s category request with the category’s own visible products', async () => {
    const fields = '*category_children,*products,*parent_category,*parent_category.parent_category';
    const res = await store(`/store/product-categories?fields=${encodeURIComponent(fields)}&handle=shirts`).expect(200);
    const [shirts] = res.body.product_categories;
    expect(handles(shirts.products)).toEqual(['visible']);
    expect(shirts.category_children.map((c: Body) => c.id)).toEqual([childId]);
    const child = await store(`/store/product-categories/${childId}?fields=${encodeURIComponent(fields)}`).expect(200);
    expect(handles(child.body.product_category.products)).toEqual(['polo']);
    expect(child.body.product_category.parent_category.id).toBe(categoryId);
    const adminView = await t.api.get(`/admin/product-categories/${categoryId}?fields=*products`).set(...admin()).expect(200);
    expect(handles(adminView.body.product_category.products)).toEqual(['draft', 'elsewhere', 'visible']);
  });

  it('leaves products out unless asked, and still refuses unknown fields', async () => {
    const plain = await store(`/store/collections/${collectionId}`).expect(200);
    expect(plain.body.collection.products).toBeUndefined();
    const bad = await store(`/store/collections/${collectionId}?fields=*variants`).expect(400);
    expect(bad.body.type).toBe('invalid_data');
  });
});
