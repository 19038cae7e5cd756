import Medusa from '@medusajs/js-sdk';
import { APP_VERSION } from '../../../src/bootstrap';
import { buildOpenApiDocument } from '../../../src/framework/openapi/openapi';
import { ADMIN, createIdentityApp, IdentityApp } from '../../utils/identity';
import { OpenApiValidator } from '../../utils/openapi-validator';

type Item = { id: string };
const idsOf = (items: Item[]) => items.map((i) => i.id).sort();

/**
 * The catalog driven only through `@medusajs/js-sdk`, as Medusa's admin dashboard and a storefront
 * drive it: taxonomy, products with variants and prices, price lists and preferences, stock
 * locations, inventory and reservations, then what a shopper sees. Every answer the sdk receives
 * is also checked against Stheno's OpenAPI document (the sdk calls `fetch`, not supertest).
 */
describe('@medusajs/js-sdk drives the catalog', () => {
  let t: IdentityApp;
  let baseUrl: string;
  let admin: Medusa;
  let store: Medusa;
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    t = await createIdentityApp();
    baseUrl = await t.listen();
    const validator = new OpenApiValidator(buildOpenApiDocument(t.app, APP_VERSION));
    globalThis.fetch = async (input, init) => {
      const res = await realFetch(input, init);
      const url = new URL(input instanceof Request ? input.url : input.toString());
      const text = await res.clone().text();
      const contentType = res.headers.get('content-type') ?? undefined;
      const body = contentType?.includes('json') && text ? JSON.parse(text) : undefined;
      validator.check(init?.method ?? 'GET', url.pathname, res.status, contentType, body, text);
      return res;
    };
    admin = new Medusa({ baseUrl, auth: { type: 'jwt', jwtTokenStorageMethod: 'memory' } });
    await admin.auth.login('user', 'emailpass', ADMIN);
    store = new Medusa({ baseUrl, publishableKey: t.publishableKey });
  });
  afterAll(async () => {
    globalThis.fetch = realFetch;
    await t.close();
  });

  // shared by the scenario, in order
  const ids = {} as Record<string, string>;

  it('manages collections: create, list, retrieve, update, delete', async () => {
    const { collection } = await admin.admin.productCollection.create({ title: 'Summer', handle: 'summer', metadata: { season: 'summer' } });
    expect(collection).toMatchObject({ id: expect.stringMatching(/^pcol_/), title: 'Summer', handle: 'summer', metadata: { season: 'summer' } });
    ids.collection = collection.id;
    const { collection: spare } = await admin.admin.productCollection.create({ title: 'Spare' });
    expect(spare.handle).toBe('spare');

    const listed = await admin.admin.productCollection.list({ q: 'summ', fields: 'title,handle' });
    expect(listed).toMatchObject({ count: 1, offset: 0, limit: 10 });
    expect(listed.collections).toEqual([{ id: collection.id, title: 'Summer', handle: 'summer' }]);

    const { collection: renamed } = await admin.admin.productCollection.update(collection.id, { title: 'Summer 26' });
    expect(renamed).toMatchObject({ id: collection.id, title: 'Summer 26', handle: 'summer' });
    expect((await admin.admin.productCollection.retrieve(collection.id)).collection.title).toBe('Summer 26');

    expect(await admin.admin.productCollection.delete(spare.id)).toEqual({ id: spare.id, object: 'collection', deleted: true });
    await expect(admin.admin.productCollection.retrieve(spare.id)).rejects.toMatchObject({ status: 404 });
  });

  it('manages a category tree: create with a parent, list as a tree, retrieve with ancestors, update', async () => {
    const { product_category: root } = await admin.admin.productCategory.create({ name: 'Clothing', is_active: true, is_internal: false });
    const { product_category: child } = await admin.admin.productCategory.create({ name: 'Shirts', parent_category_id: root.id, is_active: true });
    const { product_category: hidden } = await admin.admin.productCategory.create({ name: 'Staff only', parent_category_id: root.id, is_internal: true });
    expect(root).toMatchObject({ id: expect.stringMatching(/^pcat_/), handle: 'clothing', parent_category_id: null, rank: 0 });
    expect(child).toMatchObject({ handle: 'shirts', parent_category_id: root.id, rank: 0 });
    expect(hidden).toMatchObject({ parent_category_id: root.id, rank: 1, is_internal: true });
    Object.assign(ids, { root: root.id, child: child.id, hidden: hidden.id });

    const tree = await admin.admin.productCategory.list({ parent_category_id: 'null', include_descendants_tree: true, fields: 'name,rank' });
    expect(tree.count).toBe(1);
    expect(tree.product_categories[0]).toMatchObject({ id: root.id, name: 'Clothing' });
    expect(tree.product_categories[0].category_children.map((c: { name: string }) => c.name)).toEqual(['Shirts', 'Staff only']);

    const { product_category: withAncestors } = await admin.admin.productCategory.retrieve(child.id, { include_ancestors_tree: true });
    expect(withAncestors.parent_category).toMatchObject({ id: root.id, name: 'Clothing' });

    const { product_category: moved } = await admin.admin.productCategory.update(hidden.id, { name: 'Internal', rank: 0 });
    expect(moved).toMatchObject({ name: 'Internal', rank: 0 });
    const { product_category: after } = await admin.admin.productCategory.retrieve(child.id);
    expect(after.rank).toBe(1);
  });

  it('manages product tags and types', async () => {
    const { product_tag: tag } = await admin.admin.productTag.create({ value: 'cotton' });
    const { product_tag: spareTag } = await admin.admin.productTag.create({ value: 'linen' });
    expect(tag).toMatchObject({ id: expect.stringMatching(/^ptag_/), value: 'cotton' });
    const { product_tag: renamed } = await admin.admin.productTag.update(tag.id, { value: 'organic cotton' });
    expect(renamed.value).toBe('organic cotton');
    expect((await admin.admin.productTag.retrieve(tag.id)).product_tag.value).toBe('organic cotton');
    const tags = await admin.admin.productTag.list({ value: 'organic cotton' });
    expect(tags).toMatchObject({ count: 1, product_tags: [{ id: tag.id }] });
    expect(await admin.admin.productTag.delete(spareTag.id)).toEqual({ id: spareTag.id, object: 'product_tag', deleted: true });
    ids.tag = tag.id;

    const { product_type: type } = await admin.admin.productType.create({ value: 'Apparel' });
    const { product_type: spareType } = await admin.admin.productType.create({ value: 'Spare' });
    expect(type).toMatchObject({ id: expect.stringMatching(/^ptyp_/), value: 'Apparel' });
    expect((await admin.admin.productType.update(type.id, { value: 'Clothes' })).product_type.value).toBe('Clothes');
    expect((await admin.admin.productType.retrieve(type.id)).product_type.value).toBe('Clothes');
    const types = await admin.admin.productType.list({ q: 'cloth' });
    expect(types).toMatchObject({ count: 1, product_types: [{ id: type.id, value: 'Clothes' }] });
    expect(await admin.admin.productType.delete(spareType.id)).toEqual({ id: spareType.id, object: 'product_type', deleted: true });
    ids.type = type.id;
  });

  it('creates a product with options, variants, prices and taxonomy, lists it with fields and retrieves it', async () => {
    const { product } = await admin.admin.product.create({
      title: 'Linen Shirt',
      status: 'published',
      collection_id: ids.collection,
      type_id: ids.type,
      tags: [{ id: ids.tag }],
      categories: [{ id: ids.child }],
      sales_channels: [{ id: t.salesChannelId }],
      options: [{ title: 'Size', values: ['S', 'M'] }],
      variants: [
        { title: 'S', sku: 'LIN-S', options: { Size: 'S' }, prices: [{ currency_code: 'eur', amount: 40 }, { currency_code: 'usd', amount: 45 }] },
        { title: 'M', sku: 'LIN-M', options: { Size: 'M' }, prices: [{ currency_code: 'eur', amount: 42 }] },
      ],
    });
    expect(product).toMatchObject({
      id: expect.stringMatching(/^prod_/),
      handle: 'linen-shirt',
      status: 'published',
      collection: { id: ids.collection },
      type: { id: ids.type, value: 'Clothes' },
      tags: [{ id: ids.tag, value: 'organic cotton' }],
    });
    expect(product.options.map((o: { title: string; values: Array<{ value: string }> }) => [o.title, o.values.map((v) => v.value).sort()])).toEqual([['Size', ['M', 'S']]]);
    const small = product.variants.find((v: { sku: string }) => v.sku === 'LIN-S');
    expect(small.prices.map((p: { currency_code: string; amount: number }) => [p.currency_code, p.amount]).sort()).toEqual([['eur', 40], ['usd', 45]]);
    Object.assign(ids, { product: product.id, small: small.id, medium: product.variants.find((v: { sku: string }) => v.sku === 'LIN-M').id });

    const { products, count } = await admin.admin.product.list({ q: 'linen', fields: 'title,*variants,*variants.prices,*categories' });
    expect(count).toBe(1);
    expect(products[0]).toMatchObject({ id: product.id, title: 'Linen Shirt', categories: [{ id: ids.child }] });
    expect(products[0].variants).toHaveLength(2);
    const byCollection = await admin.admin.product.list({ collection_id: [ids.collection], fields: 'id' });
    expect(byCollection.products).toEqual([{ id: product.id }]);

    const { product: retrieved } = await admin.admin.product.retrieve(product.id, { fields: 'title,*sales_channels' });
    expect(retrieved).toMatchObject({ id: product.id, title: 'Linen Shirt', sales_channels: [{ id: t.salesChannelId }] });
    const { product_options, count: optionCount } = await admin.admin.product.listOptions(product.id, { fields: 'title' });
    expect(optionCount).toBe(1);
    expect(product_options).toEqual([{ id: product.options[0].id, title: 'Size' }]);
  });

  it('manages variants: create, update, delete, batch, and lists them across products', async () => {
    const { product: withLarge } = await admin.admin.product.update(ids.product, {
      options: [{ title: 'Size', values: ['S', 'M', 'L', 'XL'] }],
    });
    expect(withLarge.options[0].values.map((v: { value: string }) => v.value).sort()).toEqual(['L', 'M', 'S', 'XL']);

    const { product: created } = await admin.admin.product.createVariant(ids.product, {
      title: 'L',
      sku: 'LIN-L',
      options: { Size: 'L' },
      prices: [{ currency_code: 'eur', amount: 44 }],
    });
    const large = created.variants.find((v: { sku: string }) => v.sku === 'LIN-L');
    expect(large).toMatchObject({ title: 'L', prices: [expect.objectContaining({ currency_code: 'eur', amount: 44 })] });

    const { product: updated } = await admin.admin.product.updateVariant(ids.product, large.id, { title: 'Large', prices: [{ currency_code: 'eur', amount: 46 }] });
    expect(updated.variants.find((v: Item) => v.id === large.id)).toMatchObject({ title: 'Large', prices: [expect.objectContaining({ amount: 46 })] });

    const batch = await admin.admin.product.batchVariants(ids.product, {
      create: [{ title: 'XL', sku: 'LIN-XL', options: { Size: 'XL' }, prices: [{ currency_code: 'eur', amount: 48 }] }],
      update: [{ id: ids.medium, title: 'Medium' }],
      delete: [large.id],
    });
    expect(batch.created).toMatchObject([{ sku: 'LIN-XL', title: 'XL' }]);
    expect(batch.updated).toMatchObject([{ id: ids.medium, title: 'Medium' }]);
    expect(batch.deleted).toEqual({ ids: [large.id], object: 'variant', deleted: true });
    const xl = batch.created[0].id as string;

    const removed = await admin.admin.product.deleteVariant(ids.product, xl);
    expect(removed).toMatchObject({ id: xl, object: 'variant', deleted: true, parent: { id: ids.product } });

    const { variants, count } = await admin.admin.productVariant.list({ q: 'LIN', fields: 'sku,title' });
    expect(count).toBe(2);
    expect(variants.map((v: { sku: string; title: string }) => [v.sku, v.title]).sort()).toEqual([['LIN-M', 'Medium'], ['LIN-S', 'S']]);
  });

  it('links products to a collection, a category and a sales channel', async () => {
    const { product: mug } = await admin.admin.product.create({ title: 'Mug', status: 'published', options: [{ title: 'Default', values: ['Default'] }], variants: [{ title: 'Mug', options: { Default: 'Default' }, manage_inventory: false, prices: [{ currency_code: 'eur', amount: 8 }] }] });
    ids.mug = mug.id;

    const { collection } = await admin.admin.productCollection.updateProducts(ids.collection, { add: [mug.id] });
    expect(collection.id).toBe(ids.collection);
    const inCollection = await admin.admin.product.list({ collection_id: [ids.collection], fields: 'id' });
    expect(idsOf(inCollection.products)).toEqual([ids.product, mug.id].sort());
    await admin.admin.productCollection.updateProducts(ids.collection, { remove: [mug.id] });
    expect((await admin.admin.product.retrieve(mug.id, { fields: 'collection_id' })).product.collection_id).toBeNull();

    const { product_category } = await admin.admin.productCategory.updateProducts(ids.root, { add: [mug.id] });
    expect(product_category.id).toBe(ids.root);
    const inRoot = await admin.admin.product.list({ category_id: [ids.root], fields: 'id' });
    expect(inRoot.products).toEqual([{ id: mug.id }]);

    // not in the storefront's channel yet
    await expect(store.store.product.retrieve(mug.id)).rejects.toMatchObject({ status: 404 });
    const { sales_channel } = await admin.admin.salesChannel.batchProducts(t.salesChannelId, { add: [mug.id] });
    expect(sales_channel.id).toBe(t.salesChannelId);
    expect((await store.store.product.retrieve(mug.id, { fields: 'title' })).product).toEqual({ id: mug.id, title: 'Mug' });
    await admin.admin.salesChannel.updateProducts(t.salesChannelId, { remove: [mug.id] });
    await expect(store.store.product.retrieve(mug.id)).rejects.toMatchObject({ status: 404 });
    await admin.admin.salesChannel.updateProducts(t.salesChannelId, { add: [mug.id] });
  });

  it('manages stock locations and inventory: levels, batches, reservations', async () => {
    const { stock_location: warehouse } = await admin.admin.stockLocation.create({
      name: 'Lyon warehouse',
      address: { address_1: '1 rue de la Soie', city: 'Lyon', country_code: 'fr', postal_code: '69001' },
    });
    expect(warehouse).toMatchObject({ id: expect.stringMatching(/^sloc_/), name: 'Lyon warehouse' });
    const { stock_location: renamed } = await admin.admin.stockLocation.update(warehouse.id, { name: 'Lyon', address: { address_1: '2 rue de la Soie', country_code: 'fr' } });
    expect(renamed.name).toBe('Lyon');
    const { stock_location: linked } = await admin.admin.stockLocation.updateSalesChannels(warehouse.id, { add: [t.salesChannelId] });
    expect(linked.id).toBe(warehouse.id);
    const { stock_location: full } = await admin.admin.stockLocation.retrieve(warehouse.id, { fields: '*address,*sales_channels' });
    expect(full).toMatchObject({ address: { address_1: '2 rue de la Soie', city: 'Lyon', country_code: 'fr' }, sales_channels: [{ id: t.salesChannelId }] });
    const { stock_locations } = await admin.admin.stockLocation.list({ q: 'lyon' });
    expect(idsOf(stock_locations)).toEqual([warehouse.id]);
    ids.warehouse = warehouse.id;

    // the variant's inventory item, created with the product
    const { inventory_items } = await admin.admin.inventoryItem.list({ sku: 'LIN-S' });
    expect(inventory_items).toHaveLength(1);
    const item = inventory_items[0];
    ids.smallItem = item.id;

    const batch = await admin.admin.inventoryItem.batchInventoryItemLocationLevels(item.id, { create: [{ location_id: warehouse.id, stocked_quantity: 10 }] });
    expect(batch.created).toMatchObject([{ inventory_item_id: item.id, location_id: warehouse.id, stocked_quantity: 10 }]);
    const { inventory_item: restocked } = await admin.admin.inventoryItem.updateLevel(item.id, warehouse.id, { stocked_quantity: 12 });
    expect(restocked.id).toBe(item.id);
    const { inventory_levels, count } = await admin.admin.inventoryItem.listLevels(item.id);
    expect(count).toBe(1);
    expect(inventory_levels[0]).toMatchObject({ location_id: warehouse.id, stocked_quantity: 12, reserved_quantity: 0, available_quantity: 12 });

    const { reservation } = await admin.admin.reservation.create({ inventory_item_id: item.id, location_id: warehouse.id, quantity: 3, description: 'Held for a phone order' });
    expect(reservation).toMatchObject({ id: expect.stringMatching(/^resitem_/), quantity: 3, inventory_item_id: item.id, location_id: warehouse.id });
    const { reservation: grown } = await admin.admin.reservation.update(reservation.id, { quantity: 4 });
    expect(grown.quantity).toBe(4);
    const reservations = await admin.admin.reservation.list({ inventory_item_id: [item.id] });
    expect(reservations).toMatchObject({ count: 1, reservations: [{ id: reservation.id, quantity: 4 }] });
    expect((await admin.admin.reservation.retrieve(reservation.id)).reservation.description).toBe('Held for a phone order');
    const { inventory_item: reserved } = await admin.admin.inventoryItem.retrieve(item.id);
    expect(reserved).toMatchObject({ stocked_quantity: 12, reserved_quantity: 4 });
    ids.reservation = reservation.id;

    // a stand-alone item, managed then deleted
    const { inventory_item: loose } = await admin.admin.inventoryItem.create({ sku: 'LOOSE-1', title: 'Loose part', requires_shipping: true });
    expect(loose).toMatchObject({ id: expect.stringMatching(/^iitem_/), sku: 'LOOSE-1', requires_shipping: true });
    const { inventory_item: renamedItem } = await admin.admin.inventoryItem.update(loose.id, { title: 'Spare part', weight: 100 });
    expect(renamedItem).toMatchObject({ title: 'Spare part', weight: 100 });
    const many = await admin.admin.inventoryItem.batchInventoryItemsLocationLevels({ create: [{ inventory_item_id: loose.id, location_id: warehouse.id, stocked_quantity: 5 }] });
    expect(many.created).toMatchObject([{ inventory_item_id: loose.id, stocked_quantity: 5 }]);
    const legacy = await admin.admin.inventoryItem.batchUpdateLevels(loose.id, { update: [{ location_id: warehouse.id, stocked_quantity: 6 }] });
    expect(legacy.updated).toMatchObject([{ location_id: warehouse.id, stocked_quantity: 6 }]);
    expect(await admin.admin.inventoryItem.deleteLevel(loose.id, warehouse.id)).toMatchObject({ object: 'inventory-level', deleted: true });
    expect(await admin.admin.inventoryItem.delete(loose.id)).toEqual({ id: loose.id, object: 'inventory_item', deleted: true });
    await expect(admin.admin.inventoryItem.retrieve(loose.id)).rejects.toMatchObject({ status: 404 });
  });

  it('manages a sale price list and price preferences', async () => {
    const { price_list } = await admin.admin.priceList.create({
      title: 'Summer sale',
      description: 'Linen on sale',
      type: 'sale',
      status: 'active',
      prices: [{ variant_id: ids.small, currency_code: 'eur', amount: 30 }],
    });
    expect(price_list).toMatchObject({ id: expect.stringMatching(/^plist_/), title: 'Summer sale', type: 'sale', status: 'active' });
    expect(price_list.prices).toMatchObject([{ variant_id: ids.small, currency_code: 'eur', amount: 30 }]);
    ids.priceList = price_list.id;

    const batch = await admin.admin.priceList.batchPrices(price_list.id, {
      create: [{ variant_id: ids.medium, currency_code: 'eur', amount: 35 }],
      update: [{ id: price_list.prices[0].id, variant_id: ids.small, currency_code: 'eur', amount: 32 }],
      delete: [],
    });
    expect(batch.created).toMatchObject([{ variant_id: ids.medium, amount: 35 }]);
    expect(batch.updated).toMatchObject([{ id: price_list.prices[0].id, amount: 32 }]);
    const { prices } = await admin.admin.priceList.prices(price_list.id);
    expect(prices.map((p: { amount: number }) => p.amount).sort()).toEqual([32, 35]);

    const { price_list: renamed } = await admin.admin.priceList.update(price_list.id, { title: 'Summer sale 26' });
    expect(renamed.title).toBe('Summer sale 26');
    const { price_lists, count } = await admin.admin.priceList.list({ q: 'summer' });
    expect(count).toBe(1);
    expect(price_lists[0]).toMatchObject({ id: price_list.id, title: 'Summer sale 26' });
    expect((await admin.admin.priceList.retrieve(price_list.id)).price_list.prices).toHaveLength(2);

    const { price_preference } = await admin.admin.pricePreference.create({ attribute: 'currency_code', value: 'usd', is_tax_inclusive: true });
    expect(price_preference).toMatchObject({ id: expect.stringMatching(/^prpref_/), attribute: 'currency_code', value: 'usd', is_tax_inclusive: true });
    const { price_preference: flipped } = await admin.admin.pricePreference.update(price_preference.id, { is_tax_inclusive: false });
    expect(flipped.is_tax_inclusive).toBe(false);
    expect((await admin.admin.pricePreference.retrieve(price_preference.id)).price_preference.value).toBe('usd');
    const preferences = await admin.admin.pricePreference.list({ attribute: 'currency_code', value: ['usd'] });
    expect(preferences.price_preferences.map((p: Item) => p.id)).toEqual([price_preference.id]);
    expect(await admin.admin.pricePreference.delete(price_preference.id)).toEqual({ id: price_preference.id, object: 'price_preference', deleted: true });
  });

  it('shows the storefront published products with calculated prices and stock', async () => {
    const { regions } = await admin.admin.region.list({ currency_code: 'eur' });
    const regionId = regions[0].id as string;
    const fields = '+variants.calculated_price,+variants.inventory_quantity';

    const { products, count } = await store.store.product.list({ region_id: regionId, fields, collection_id: [ids.collection] });
    expect(count).toBe(1);
    const small = products[0].variants.find((v: Item) => v.id === ids.small);
    expect(small.calculated_price).toMatchObject({ calculated_amount: 32, original_amount: 40, currency_code: 'eur', is_calculated_price_price_list: true });
    expect(small.inventory_quantity).toBe(12 - 4);

    const { product } = await store.store.product.retrieve(ids.product, { region_id: regionId, fields });
    expect(product.variants.find((v: Item) => v.id === ids.medium).calculated_price).toMatchObject({ calculated_amount: 35, original_amount: 42 });

    // removing the product from the list brings the base prices back
    const { price_list } = await admin.admin.priceList.linkProducts(ids.priceList, { remove: [ids.product] });
    expect(price_list.id).toBe(ids.priceList);
    const again = await store.store.product.retrieve(ids.product, { region_id: regionId, fields });
    expect(again.product.variants.find((v: Item) => v.id === ids.small).calculated_price).toMatchObject({ calculated_amount: 40, is_calculated_price_price_list: false });

    // a reservation released is stock back on sale
    expect(await admin.admin.reservation.delete(ids.reservation)).toEqual({ id: ids.reservation, object: 'reservation', deleted: true });
    const restocked = await store.store.product.retrieve(ids.product, { fields: '+variants.inventory_quantity' });
    expect(restocked.product.variants.find((v: Item) => v.id === ids.small).inventory_quantity).toBe(12);
  });

  it('shows the storefront public categories as a tree and collections', async () => {
    const { product_categories } = await store.store.category.list({ parent_category_id: 'null', include_descendants_tree: true, fields: 'name,handle' });
    expect(product_categories).toHaveLength(1);
    expect(product_categories[0].category_children.map((c: { name: string }) => c.name)).toEqual(['Shirts']);
    const { product_category } = await store.store.category.retrieve(ids.root, { include_descendants_tree: true, fields: 'name' });
    expect(product_category.category_children.map((c: Item) => c.id)).toEqual([ids.child]);
    await expect(store.store.category.retrieve(ids.hidden)).rejects.toMatchObject({ status: 404 });

    const { collections, count } = await store.store.collection.list({ fields: 'title,handle' });
    expect(count).toBe(1);
    expect(collections).toEqual([{ id: ids.collection, title: 'Summer 26', handle: 'summer' }]);
    expect((await store.store.collection.retrieve(ids.collection)).collection.handle).toBe('summer');
  });

  it('tears the catalog down: price list, category, product, stock location', async () => {
    expect(await admin.admin.priceList.delete(ids.priceList)).toEqual({ id: ids.priceList, object: 'price_list', deleted: true });
    await expect(admin.admin.priceList.retrieve(ids.priceList)).rejects.toMatchObject({ status: 404 });

    expect(await admin.admin.productCategory.delete(ids.hidden)).toEqual({ id: ids.hidden, object: 'product_category', deleted: true });

    const deleted = await admin.admin.product.delete(ids.mug);
    expect(deleted).toEqual({ id: ids.mug, object: 'product', deleted: true });
    await expect(store.store.product.retrieve(ids.mug)).rejects.toMatchObject({ status: 404 });

    expect(await admin.admin.stockLocation.delete(ids.warehouse)).toEqual({ id: ids.warehouse, object: 'stock_location', deleted: true });
    await expect(admin.admin.stockLocation.retrieve(ids.warehouse)).rejects.toMatchObject({ status: 404 });
    // the stock left with the location
    const { product } = await store.store.product.retrieve(ids.product, { fields: '+variants.inventory_quantity' });
    expect(product.variants.find((v: Item) => v.id === ids.small).inventory_quantity).toBe(0);
  });
});
