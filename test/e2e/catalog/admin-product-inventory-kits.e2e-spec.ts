import { bearer, createIdentityApp, IdentityApp } from '../../utils/identity';
import { Body, catalogCounts, shirtBody, sqlOf } from '../../utils/product-fixtures';

/** `variants[].inventory_items` on create (Medusa's inventory kits, as the admin dashboard sends them). */
describe('variants created with existing inventory items', () => {
  let t: IdentityApp;
  let sql: ReturnType<typeof sqlOf>;
  let cotton: string;
  let button: string;
  const admin = () => bearer(t.adminToken);
  const linksOf = async (variantId: string) =>
    sql<{ inventory_item_id: string; required_quantity: number }>(
      'select inventory_item_id, required_quantity from product_variant_inventory_item where variant_id = ? order by inventory_item_id',
      [variantId],
    );

  beforeAll(async () => {
    t = await createIdentityApp();
    sql = sqlOf(t);
    cotton = (await t.api.post('/admin/inventory-items').set(...admin()).send({ sku: 'COTTON-ROLL' }).expect(200)).body.inventory_item.id;
    button = (await t.api.post('/admin/inventory-items').set(...admin()).send({ sku: 'BUTTON' }).expect(200)).body.inventory_item.id;
  });
  afterAll(() => t.close());

  it('links the given items with their quantities and creates an item only for the other variants', async () => {
    const body: Body = shirtBody('kit');
    body.variants[0] = {
      ...body.variants[0],
      inventory_items: [
        { inventory_item_id: cotton, required_quantity: 2 },
        { inventory_item_id: button, required_quantity: 6 },
      ],
    };
    const product = (await t.api.post('/admin/products').set(...admin()).send(body).expect(200)).body.product as Body;
    const kit = product.variants.find((v: Body) => v.sku === body.variants[0].sku);
    expect(await linksOf(kit.id)).toEqual(
      [
        { inventory_item_id: cotton, required_quantity: 2 },
        { inventory_item_id: button, required_quantity: 6 },
      ].sort((a, b) => a.inventory_item_id.localeCompare(b.inventory_item_id)),
    );
    const plain = product.variants.find((v: Body) => v.sku === body.variants[1].sku);
    const [own] = await linksOf(plain.id);
    expect(own.required_quantity).toBe(1);
    expect([cotton, button]).not.toContain(own.inventory_item_id);
  });

  it('does the same for a variant added to a product', async () => {
    const product = (await t.api.post('/admin/products').set(...admin()).send(shirtBody('kit-2')).expect(200)).body.product as Body;
    const res = await t.api
      .post(`/admin/products/${product.id}/variants`)
      .set(...admin())
      .send({ title: 'Bundle', sku: 'KIT-2-BUNDLE', options: { Size: 'S', Color: 'Black' }, inventory_items: [{ inventory_item_id: cotton }] })
      .expect(400); // S / Black exists already: the option combination is refused first
    expect(res.body.type).toBe('invalid_data');
    await t.api.post(`/admin/products/${product.id}/options/${product.options.find((o: Body) => o.title === 'Size').id}`)
      .set(...admin())
      .send({ values: ['S', 'M', 'L'] })
      .expect(200);
    const added = await t.api
      .post(`/admin/products/${product.id}/variants`)
      .set(...admin())
      .send({ title: 'Bundle', sku: 'KIT-2-BUNDLE', options: { Size: 'L', Color: 'Black' }, inventory_items: [{ inventory_item_id: cotton }] })
      .expect(200);
    const bundle = added.body.product.variants.find((v: Body) => v.sku === 'KIT-2-BUNDLE');
    expect(await linksOf(bundle.id)).toEqual([{ inventory_item_id: cotton, required_quantity: 1 }]);
  });

  it('refuses an unknown item or the same item twice, writing nothing', async () => {
    const before = await catalogCounts(t);
    const unknown: Body = shirtBody('kit-bad');
    unknown.variants[0] = { ...unknown.variants[0], inventory_items: [{ inventory_item_id: 'iitem_missing' }] };
    const res = await t.api.post('/admin/products').set(...admin()).send(unknown).expect(404);
    expect(res.body).toEqual({ type: 'not_found', message: 'Inventory item with id: iitem_missing was not found' });
    const twice: Body = shirtBody('kit-bad');
    twice.variants[0] = { ...twice.variants[0], inventory_items: [{ inventory_item_id: cotton }, { inventory_item_id: cotton, required_quantity: 2 }] };
    expect((await t.api.post('/admin/products').set(...admin()).send(twice).expect(400)).body.type).toBe('invalid_data');
    const zero: Body = shirtBody('kit-bad');
    zero.variants[0] = { ...zero.variants[0], inventory_items: [{ inventory_item_id: cotton, required_quantity: 0 }] };
    expect((await t.api.post('/admin/products').set(...admin()).send(zero).expect(400)).body.type).toBe('invalid_data');
    expect(await catalogCounts(t)).toEqual(before);
  });
});
