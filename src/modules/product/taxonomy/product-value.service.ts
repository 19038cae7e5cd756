import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import type { EntityClass } from '@mikro-orm/core';
import { Context, inTransaction } from '../../../framework/context/context';
import { findPage } from '../../../framework/database/find-page';
import { SthenoError } from '../../../framework/errors/stheno-error';
import { EventBus } from '../../../framework/events/event-bus.service';
import { ListQuery } from '../../../framework/http/list-query';
import { ProductTagPivot } from '../entities/pivots.entity';
import { ProductTag } from '../entities/product-tag.entity';
import { ProductType } from '../entities/product-type.entity';
import { Product } from '../entities/product.entity';
import { duplicateError, iso } from './taxonomy-support';
import { CreateValueInput, TagEvents, TaxonomyValueView, TypeEvents, UpdateValueInput } from './taxonomy.types';

type ValueEntity = ProductTag | ProductType;

function toValueView(row: ValueEntity): TaxonomyValueView {
  return {
    id: row.id,
    value: row.value,
    metadata: row.metadata,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    deleted_at: iso(row.deleted_at),
  };
}

/**
 * Tags and types are the same thing to manage: a unique labelled value with metadata. They differ
 * in their events and in how products let go of one that is deleted (`detachProducts`).
 */
@Injectable()
abstract class ProductValueService<T extends ValueEntity> {
  protected abstract readonly entity: EntityClass<T>;
  /** Human name for messages ("Product tag"). */
  protected abstract readonly label: string;
  protected abstract readonly eventNames: { CREATED: string; UPDATED: string; DELETED: string };

  constructor(protected readonly events: EventBus) {}

  /** Products stop referring to the deleted value. */
  protected abstract detachProducts(tx: Context, id: string): Promise<void>;

  async list(ctx: Context, query: ListQuery): Promise<[TaxonomyValueView[], number]> {
    const [rows, count] = await findPage<T>(ctx, this.entity, query, ['value']);
    return [rows.map(toValueView), count];
  }

  async retrieve(ctx: Context, id: string): Promise<TaxonomyValueView> {
    return toValueView(await this.load(ctx, id));
  }

  async create(ctx: Context, input: CreateValueInput): Promise<TaxonomyValueView> {
    return inTransaction(ctx, async (tx) => {
      await this.assertValueFree(tx, input.value);
      const row = tx.em.create(this.entity, { value: input.value, metadata: input.metadata ?? null } as never);
      this.events.record(tx, this.eventNames.CREATED, { id: row.id });
      await tx.em.flush();
      return toValueView(row);
    });
  }

  async update(ctx: Context, id: string, input: UpdateValueInput): Promise<TaxonomyValueView> {
    return inTransaction(ctx, async (tx) => {
      const row = await this.load(tx, id, true);
      if (input.value !== undefined && input.value !== row.value) {
        await this.assertValueFree(tx, input.value);
        row.value = input.value;
      }
      if (input.metadata !== undefined) row.metadata = input.metadata;
      this.events.record(tx, this.eventNames.UPDATED, { id });
      await tx.em.flush();
      return toValueView(row);
    });
  }

  async delete(ctx: Context, id: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const row = await this.load(tx, id, true);
      row.deleted_at = new Date();
      await this.detachProducts(tx, id);
      this.events.record(tx, this.eventNames.DELETED, { id });
      await tx.em.flush();
    });
  }

  private async assertValueFree(ctx: Context, value: string): Promise<void> {
    if (await ctx.em.count(this.entity, { value } as never)) {
      throw duplicateError(`${this.label} with value: ${value}, already exists.`);
    }
  }

  private async load(ctx: Context, id: string, forUpdate = false): Promise<T> {
    const row = await ctx.em.findOne(this.entity, { id } as never, forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!row) throw SthenoError.notFound(`${this.label} with id: ${id} was not found`);
    return row as T;
  }
}

/** Product tags (many-to-many with products through `product_tags`). Internal to the product module. */
@Injectable()
export class ProductTagService extends ProductValueService<ProductTag> {
  protected readonly entity = ProductTag;
  protected readonly label = 'Product tag';
  protected readonly eventNames = TagEvents;

  protected async detachProducts(tx: Context, id: string): Promise<void> {
    await tx.em.nativeDelete(ProductTagPivot, { tag: id });
  }
}

/** Product types (products point at one with `type_id`). Internal to the product module. */
@Injectable()
export class ProductTypeService extends ProductValueService<ProductType> {
  protected readonly entity = ProductType;
  protected readonly label = 'Product type';
  protected readonly eventNames = TypeEvents;

  protected async detachProducts(tx: Context, id: string): Promise<void> {
    await tx.em.nativeUpdate(Product, { type_id: id }, { type_id: null, updated_at: new Date() });
  }
}
