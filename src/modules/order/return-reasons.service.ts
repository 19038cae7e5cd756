import { Injectable } from '@nestjs/common';
import { Context, inTransaction } from '../../framework/context/context';
import { findPage } from '../../framework/database/find-page';
import { ErrorTypes, SthenoError } from '../../framework/errors/stheno-error';
import { ListQuery } from '../../framework/http/list-query';
import { ReturnReason } from './entities/return.entity';
import { readAll } from './parallel-reads';
import type { CreateReturnReasonInput, ReturnReasonView, UpdateReturnReasonInput } from './order.types';

type ReasonCore = Omit<ReturnReasonView, 'parent_return_reason' | 'return_reason_children'>;

function toCore(reason: ReturnReason): ReasonCore {
  return {
    id: reason.id,
    value: reason.value,
    label: reason.label,
    description: reason.description,
    parent_return_reason_id: reason.parent_return_reason_id,
    metadata: reason.metadata,
    created_at: reason.created_at.toISOString(),
    updated_at: reason.updated_at.toISOString(),
    deleted_at: reason.deleted_at?.toISOString() ?? null,
  };
}

/** Return reasons (internal to the order module; its controllers use it). */
@Injectable()
export class ReturnReasonService {
  async list(ctx: Context, query: ListQuery): Promise<[ReturnReasonView[], number]> {
    const [rows, count] = await findPage(ctx, ReturnReason, query, ['value', 'label', 'description']);
    return [await this.views(ctx, rows), count];
  }

  async retrieve(ctx: Context, id: string): Promise<ReturnReasonView> {
    const [view] = await this.views(ctx, [await this.load(ctx, id)]);
    return view;
  }

  async create(ctx: Context, input: CreateReturnReasonInput): Promise<ReturnReasonView> {
    return inTransaction(ctx, async (tx) => {
      if (input.parent_return_reason_id) await this.assertParent(tx, input.parent_return_reason_id, null);
      await this.assertValueFree(tx, input.value, null);
      const reason = tx.em.create(ReturnReason, {
        value: input.value,
        label: input.label,
        description: input.description ?? null,
        parent_return_reason_id: input.parent_return_reason_id ?? null,
        metadata: input.metadata ?? null,
      });
      await tx.em.flush();
      return this.retrieve(tx, reason.id);
    });
  }

  async update(ctx: Context, id: string, input: UpdateReturnReasonInput): Promise<ReturnReasonView> {
    return inTransaction(ctx, async (tx) => {
      const reason = await this.load(tx, id);
      if (input.parent_return_reason_id) await this.assertParent(tx, input.parent_return_reason_id, id);
      if (input.value !== undefined && input.value !== reason.value) await this.assertValueFree(tx, input.value, id);
      if (input.value !== undefined) reason.value = input.value;
      if (input.label !== undefined) reason.label = input.label;
      if (input.description !== undefined) reason.description = input.description;
      if (input.parent_return_reason_id !== undefined) reason.parent_return_reason_id = input.parent_return_reason_id;
      if (input.metadata !== undefined) reason.metadata = input.metadata;
      await tx.em.flush();
      return this.retrieve(tx, id);
    });
  }

  /** Soft-deletes the reason and its children (a child cannot outlive its parent). */
  async delete(ctx: Context, id: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      await this.load(tx, id);
      const now = new Date();
      await tx.em.nativeUpdate(ReturnReason, { $or: [{ id }, { parent_return_reason_id: id }] }, { deleted_at: now, updated_at: now });
    });
  }

  private async assertValueFree(tx: Context, value: string, exceptId: string | null): Promise<void> {
    const taken = await tx.em.count(ReturnReason, exceptId ? { value, id: { $ne: exceptId } } : { value });
    if (taken) throw new SthenoError(ErrorTypes.DUPLICATE_ERROR, `Return reason with value: ${value}, already exists.`);
  }

  /** Reasons nest one level, as in Medusa's admin: a parent must exist and be top-level, and not be the reason itself. */
  private async assertParent(tx: Context, parentId: string, selfId: string | null): Promise<void> {
    if (parentId === selfId) throw SthenoError.invalidData('A return reason cannot be its own parent');
    const parent = await tx.em.findOne(ReturnReason, { id: parentId });
    if (!parent) throw SthenoError.invalidData(`Parent return reason with id: ${parentId} was not found`);
    if (parent.parent_return_reason_id) throw SthenoError.invalidData('A return reason can only be nested one level deep');
  }

  private async load(ctx: Context, id: string): Promise<ReturnReason> {
    const reason = await ctx.em.findOne(ReturnReason, { id }, { refresh: true });
    if (!reason) throw SthenoError.notFound(`Return reason with id: ${id} was not found`);
    return reason;
  }

  /** Views with the parent and children, two queries for the whole page. */
  private async views(ctx: Context, rows: ReturnReason[]): Promise<ReturnReasonView[]> {
    if (!rows.length) return [];
    const parentIds = [...new Set(rows.map((r) => r.parent_return_reason_id).filter((id): id is string => !!id))];
    const [parents, children] = await readAll(ctx, [
      () => parentIds.length ? ctx.em.find(ReturnReason, { id: { $in: parentIds } }) : Promise.resolve([]),
      () => ctx.em.find(ReturnReason, { parent_return_reason_id: { $in: rows.map((r) => r.id) } }, { orderBy: { created_at: 'ASC', id: 'ASC' } }),
    ]);
    const parentOf = new Map(parents.map((p) => [p.id, toCore(p)]));
    return rows.map((r) => ({
      ...toCore(r),
      parent_return_reason: r.parent_return_reason_id ? (parentOf.get(r.parent_return_reason_id) ?? null) : null,
      return_reason_children: children.filter((c) => c.parent_return_reason_id === r.id).map(toCore),
    }));
  }
}
