import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { Context, inTransaction } from '../../../framework/context/context';
import { findPage } from '../../../framework/database/find-page';
import { SthenoError } from '../../../framework/errors/stheno-error';
import { EventBus } from '../../../framework/events/event-bus.service';
import { ListQuery } from '../../../framework/http/list-query';
import { ProductCollection } from '../entities/product-collection.entity';
import { Product } from '../entities/product.entity';
import { handleFor } from './handles';
import { ProductAudience, TaxonomyProducts } from './taxonomy-products';
import { assertProductsExist, duplicateError, iso, normalizeLinks } from './taxonomy-support';
import {
  CollectionEvents,
  CollectionProductView,
  CollectionView,
  CreateCollectionInput,
  ProductLinkInput,
  UpdateCollectionInput,
} from './taxonomy.types';

function toCollectionView(c: ProductCollection, products?: CollectionProductView[]): CollectionView {
  const view: CollectionView = {
    id: c.id,
    title: c.title,
    handle: c.handle,
    metadata: c.metadata,
    created_at: iso(c.created_at),
    updated_at: iso(c.updated_at),
    deleted_at: iso(c.deleted_at),
  };
  if (products) view.products = products;
  return view;
}

/** Product collections; products join one with their `collection_id`. Internal to the product module. */
@Injectable()
export class ProductCollectionService {
  constructor(
    private readonly events: EventBus,
    private readonly products: TaxonomyProducts,
  ) {}

  /** Products are read (one query for the page) only when asked for, and only those `products` may see. */
  async list(ctx: Context, query: ListQuery, products: ProductAudience | null): Promise<[CollectionView[], number]> {
    const [rows, count] = await findPage(ctx, ProductCollection, query, ['title', 'handle']);
    return [await this.toViews(ctx, rows, products), count];
  }

  async retrieve(ctx: Context, id: string, products: ProductAudience | null): Promise<CollectionView> {
    const [view] = await this.toViews(ctx, [await this.load(ctx, id)], products);
    return view;
  }

  async create(ctx: Context, input: CreateCollectionInput): Promise<CollectionView> {
    return inTransaction(ctx, async (tx) => {
      const handle = handleFor(input.handle, input.title);
      await this.assertHandleFree(tx, handle);
      const collection = tx.em.create(ProductCollection, { title: input.title, handle, metadata: input.metadata ?? null });
      this.events.record(tx, CollectionEvents.CREATED, { id: collection.id });
      await tx.em.flush();
      return toCollectionView(collection);
    });
  }

  async update(ctx: Context, id: string, input: UpdateCollectionInput): Promise<CollectionView> {
    return inTransaction(ctx, async (tx) => {
      const collection = await this.load(tx, id, true);
      if (input.handle !== undefined) {
        const handle = handleFor(input.handle, collection.title);
        if (handle !== collection.handle) await this.assertHandleFree(tx, handle, id);
        collection.handle = handle;
      }
      if (input.title !== undefined) collection.title = input.title;
      if (input.metadata !== undefined) collection.metadata = input.metadata;
      this.events.record(tx, CollectionEvents.UPDATED, { id });
      await tx.em.flush();
      return toCollectionView(collection);
    });
  }

  /** Soft-deletes the collection; its products stay, without a collection. */
  async delete(ctx: Context, id: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const collection = await this.load(tx, id, true);
      collection.deleted_at = new Date();
      await tx.em.nativeUpdate(Product, { collection_id: id }, { collection_id: null, updated_at: new Date() });
      this.events.record(tx, CollectionEvents.DELETED, { id });
      await tx.em.flush();
    });
  }

  /**
   * Puts the `add` products in this collection (taking them out of any other) and takes the
   * `remove` ones out of it (a product in another collection is left alone). Every added id must be
   * a product, or nothing is written.
   */
  async linkProducts(ctx: Context, id: string, input: ProductLinkInput): Promise<CollectionView> {
    return inTransaction(ctx, async (tx) => {
      const { add, remove } = normalizeLinks(input);
      const collection = await this.load(tx, id, true);
      await assertProductsExist(tx, add);
      const now = new Date();
      if (add.length) await tx.em.nativeUpdate(Product, { id: { $in: add } }, { collection_id: id, updated_at: now });
      if (remove.length) {
        await tx.em.nativeUpdate(Product, { id: { $in: remove }, collection_id: id }, { collection_id: null, updated_at: now });
      }
      const [view] = await this.toViews(tx, [collection], { kind: 'admin' });
      return view;
    });
  }

  private async assertHandleFree(ctx: Context, handle: string, exceptId?: string): Promise<void> {
    const taken = await ctx.em.count(ProductCollection, exceptId ? { handle, id: { $ne: exceptId } } : { handle });
    if (taken) throw duplicateError(`Product collection with handle: ${handle}, already exists.`);
  }

  private async load(ctx: Context, id: string, forUpdate = false): Promise<ProductCollection> {
    const collection = await ctx.em.findOne(ProductCollection, { id }, forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!collection) throw SthenoError.notFound(`Product collection with id: ${id} was not found`);
    return collection;
  }

  private async toViews(ctx: Context, collections: ProductCollection[], products: ProductAudience | null): Promise<CollectionView[]> {
    if (!products) return collections.map((c) => toCollectionView(c));
    const byCollection = await this.products.ofCollections(ctx, collections.map((c) => c.id), products);
    return collections.map((c) => toCollectionView(c, byCollection.get(c.id)));
  }

}
