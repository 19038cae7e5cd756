import { Injectable } from '@nestjs/common';
import { Context, inTransaction } from '../../framework/context/context';
import { findPage } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { ListQuery } from '../../framework/http/list-query';
import { RefundReason } from './entities/refund-reason.entity';
import { RefundReasonInput, RefundReasonView } from './payment.types';
import { toRefundReasonView } from './payment-views';

const notFound = (id: string) => SthenoError.notFound(`Refund reason with id: ${id} was not found`);

/** Refund reasons (`/admin/refund-reasons`): plain records refunds point to. */
@Injectable()
export class RefundReasons {
  async list(ctx: Context, query: ListQuery): Promise<[RefundReasonView[], number]> {
    const [rows, count] = await findPage(ctx, RefundReason, query, ['label', 'code', 'description']);
    return [rows.map(toRefundReasonView), count];
  }

  async retrieve(ctx: Context, id: string): Promise<RefundReasonView> {
    return toRefundReasonView(await this.load(ctx, id));
  }

  async create(ctx: Context, input: RefundReasonInput): Promise<RefundReasonView> {
    return inTransaction(ctx, async (tx) => {
      const reason = tx.em.create(RefundReason, {
        label: input.label,
        code: input.code ?? null,
        description: input.description ?? null,
        metadata: input.metadata ?? null,
      });
      await tx.em.flush();
      return toRefundReasonView(reason);
    });
  }

  async update(ctx: Context, id: string, input: Partial<RefundReasonInput>): Promise<RefundReasonView> {
    return inTransaction(ctx, async (tx) => {
      const reason = await this.load(tx, id);
      if (input.label !== undefined) reason.label = input.label;
      if (input.code !== undefined) reason.code = input.code;
      if (input.description !== undefined) reason.description = input.description;
      if (input.metadata !== undefined) reason.metadata = input.metadata;
      await tx.em.flush();
      return toRefundReasonView(reason);
    });
  }

  /** Soft delete: refunds that cite the reason keep showing it. */
  async delete(ctx: Context, id: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const reason = await this.load(tx, id);
      reason.deleted_at = new Date();
      await tx.em.flush();
    });
  }

  /** invalid_data when a refund names a reason that does not exist. */
  async assertExists(ctx: Context, id: string): Promise<void> {
    if (!(await ctx.em.count(RefundReason, { id }))) throw SthenoError.invalidData(`Refund reason with id: ${id} was not found`);
  }

  private async load(ctx: Context, id: string): Promise<RefundReason> {
    const reason = await ctx.em.findOne(RefundReason, { id });
    if (!reason) throw notFound(id);
    return reason;
  }
}
