import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { Context, inTransaction } from '../../../framework/context/context';
import { generateId } from '../../../framework/database/ids';
import { SthenoError } from '../../../framework/errors/stheno-error';
import { EventBus } from '../../../framework/events/event-bus.service';
import { ProductCategoryPivot } from '../entities/pivots.entity';
import { ProductCategory } from '../entities/product-category.entity';
import { clampRank, isSelfOrDescendant } from './category-tree';
import { handleFor, likeLiteral } from './handles';
import { assertProductsExist, duplicateError, normalizeLinks } from './taxonomy-support';
import { CategoryEvents, CreateCategoryInput, ProductLinkInput, UpdateCategoryInput } from './taxonomy.types';

/**
 * Serialises every change to the shape of the category tree (ranks, parents, paths) across
 * transactions and processes: two inserts among the same siblings must not take one rank, and two
 * crossing moves must not build a cycle between them. Tree edits are rare admin actions.
 */
const CATEGORY_TREE_LOCK = 0x7ca7_0001;

/** SQL condition and parameters selecting the children of `parentId` (the roots when null). */
function siblingsOf(parentId: string | null): [string, unknown[]] {
  return parentId === null
    ? ['parent_category_id is null and deleted_at is null', []]
    : ['parent_category_id = ? and deleted_at is null', [parentId]];
}

/**
 * Writes to product categories: create, update (including moves and reordering), delete, and
 * the product links. Keeps the invariants of the tree: siblings are ranked 0..n-1 without gaps,
 * `mpath` is the ids from the root, and no category is its own ancestor. Internal to the module.
 */
@Injectable()
export class ProductCategoryService {
  constructor(private readonly events: EventBus) {}

  /** Creates the category at `rank` among its siblings (last by default), moving the later ones down. */
  async create(ctx: Context, input: CreateCategoryInput): Promise<string> {
    return inTransaction(ctx, async (tx) => {
      await this.lockTree(tx);
      const handle = handleFor(input.handle, input.name);
      await this.assertHandleFree(tx, handle);
      const parentId = input.parent_category_id ?? null;
      const parent = parentId ? await this.load(tx, parentId, 'Parent category') : null;
      const rank = clampRank(input.rank, await this.countChildren(tx, parentId));
      await this.shiftRanks(tx, parentId, '+ 1', 'rank >= ?', [rank]);
      const id = generateId(ProductCategory.idPrefix);
      tx.em.create(ProductCategory, {
        id,
        name: input.name,
        description: input.description ?? '',
        handle,
        mpath: parent ? `${parent.mpath}.${id}` : id,
        is_active: input.is_active ?? false,
        is_internal: input.is_internal ?? false,
        rank,
        parent_category_id: parentId,
        metadata: input.metadata ?? null,
      });
      this.events.record(tx, CategoryEvents.CREATED, { id });
      await tx.em.flush();
      return id;
    });
  }

  /**
   * Updates the columns given. A new `parent_category_id` moves the category with its whole
   * subtree (one UPDATE rewrites every path below it) to `rank` among its new siblings (last by
   * default); a `rank` alone reorders it among its current siblings.
   */
  async update(ctx: Context, id: string, input: UpdateCategoryInput): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      await this.lockTree(tx);
      const category = await this.load(tx, id);
      if (input.handle !== undefined) {
        const handle = handleFor(input.handle, category.name);
        if (handle !== category.handle) await this.assertHandleFree(tx, handle, id);
        category.handle = handle;
      }
      if (input.name !== undefined) category.name = input.name;
      if (input.description !== undefined) category.description = input.description;
      if (input.is_active !== undefined) category.is_active = input.is_active;
      if (input.is_internal !== undefined) category.is_internal = input.is_internal;
      if (input.metadata !== undefined) category.metadata = input.metadata;

      const newParentId = input.parent_category_id === undefined ? category.parent_category_id : input.parent_category_id;
      if (newParentId !== category.parent_category_id) await this.move(tx, category, newParentId, input.rank);
      else if (input.rank !== undefined) await this.reorder(tx, category, input.rank);

      this.events.record(tx, CategoryEvents.UPDATED, { id });
      await tx.em.flush();
    });
  }

  /** Soft-deletes a childless category, closes the gap in its siblings' ranks and unlinks its products. */
  async delete(ctx: Context, id: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      await this.lockTree(tx);
      const category = await this.load(tx, id);
      if (await this.countChildren(tx, id)) {
        throw SthenoError.notAllowed(`Deleting ProductCategory (${id}) with category children is not allowed`);
      }
      category.deleted_at = new Date();
      await this.shiftRanks(tx, category.parent_category_id, '- 1', 'rank > ?', [category.rank]);
      await tx.em.nativeDelete(ProductCategoryPivot, { category: id });
      this.events.record(tx, CategoryEvents.DELETED, { id });
      await tx.em.flush();
    });
  }

  /** Adds and removes products of the category; every added id must be a product, or nothing is written. */
  async linkProducts(ctx: Context, id: string, input: ProductLinkInput): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const { add, remove } = normalizeLinks(input);
      await this.load(tx, id, 'Product category', true);
      await assertProductsExist(tx, add);
      if (add.length) {
        const values = add.map(() => '(?, ?)').join(', ');
        await tx.em.execute(
          `insert into product_category_product (product_id, product_category_id) values ${values} on conflict do nothing`,
          add.flatMap((productId) => [productId, id]),
        );
      }
      if (remove.length) await tx.em.nativeDelete(ProductCategoryPivot, { category: id, product: { $in: remove } });
    });
  }

  private async move(tx: Context, category: ProductCategory, newParentId: string | null, requestedRank?: number): Promise<void> {
    const parent = newParentId ? await this.load(tx, newParentId, 'Parent category') : null;
    if (parent && isSelfOrDescendant(parent.mpath, category.mpath)) {
      throw SthenoError.invalidData(
        `Cannot move product category ${category.id} under ${parent.id}: a category made its own ancestor`,
      );
    }
    await this.shiftRanks(tx, category.parent_category_id, '- 1', 'rank > ?', [category.rank]);
    const rank = clampRank(requestedRank, await this.countChildren(tx, newParentId));
    await this.shiftRanks(tx, newParentId, '+ 1', 'rank >= ?', [rank]);

    const oldPath = category.mpath;
    const newPath = parent ? `${parent.mpath}.${category.id}` : category.id;
    await tx.em.execute(
      `update product_category set mpath = ? || substr(mpath, ?), updated_at = now()
        where deleted_at is null and (id = ? or mpath like ?)`,
      [newPath, oldPath.length + 1, category.id, `${likeLiteral(oldPath)}.%`],
    );
    category.mpath = newPath;
    category.parent_category_id = newParentId;
    category.rank = rank;
  }

  /** Moves the category to `requested` among its siblings; the ones in between shift by one. */
  private async reorder(tx: Context, category: ProductCategory, requested: number): Promise<void> {
    const from = category.rank;
    const to = clampRank(requested, (await this.countChildren(tx, category.parent_category_id)) - 1);
    if (to > from) await this.shiftRanks(tx, category.parent_category_id, '- 1', 'rank > ? and rank <= ?', [from, to]);
    if (to < from) await this.shiftRanks(tx, category.parent_category_id, '+ 1', 'rank >= ? and rank < ?', [to, from]);
    category.rank = to;
  }

  private async shiftRanks(tx: Context, parentId: string | null, delta: '+ 1' | '- 1', range: string, params: unknown[]): Promise<void> {
    const [siblings, siblingParams] = siblingsOf(parentId);
    await tx.em.execute(
      `update product_category set rank = rank ${delta}, updated_at = now() where ${siblings} and ${range}`,
      [...siblingParams, ...params],
    );
  }

  private async countChildren(tx: Context, parentId: string | null): Promise<number> {
    const [siblings, params] = siblingsOf(parentId);
    const [row] = await tx.em.execute<Array<{ n: string | number }>>(`select count(*) as n from product_category where ${siblings}`, params);
    return Number(row.n);
  }

  private async lockTree(tx: Context): Promise<void> {
    await tx.em.execute('select pg_advisory_xact_lock(?)', [CATEGORY_TREE_LOCK]);
  }

  private async assertHandleFree(ctx: Context, handle: string, exceptId?: string): Promise<void> {
    const taken = await ctx.em.count(ProductCategory, exceptId ? { handle, id: { $ne: exceptId } } : { handle });
    if (taken) throw duplicateError(`Product category with handle: ${handle}, already exists.`);
  }

  /** Reads the row fresh (ranks and paths change through native updates). */
  private async load(ctx: Context, id: string, label = 'Product category', forUpdate = false): Promise<ProductCategory> {
    const category = await ctx.em.findOne(ProductCategory, { id }, { refresh: true, ...(forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}) });
    if (!category) throw SthenoError.notFound(`${label} with id: ${id} was not found`);
    return category;
  }
}
