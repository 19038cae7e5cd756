import { Injectable } from '@nestjs/common';
import { Context, inTransaction } from '../../framework/context/context';
import { findPage } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { ListQuery } from '../../framework/http/list-query';
import { SalesChannel } from './entities/sales-channel.entity';
import { CreateSalesChannelInput, SalesChannelEvents, SalesChannelView, UpdateSalesChannelInput } from './sales-channel.types';

export function toSalesChannelView(channel: SalesChannel): SalesChannelView {
  return {
    id: channel.id,
    name: channel.name,
    description: channel.description,
    is_disabled: channel.is_disabled,
    metadata: channel.metadata,
    created_at: channel.created_at.toISOString(),
    updated_at: channel.updated_at.toISOString(),
    deleted_at: channel.deleted_at?.toISOString() ?? null,
  };
}

/** The sales-channel module's facade. */
@Injectable()
export class SalesChannelService {
  constructor(private readonly events: EventBus) {}

  async list(ctx: Context, query: ListQuery): Promise<[SalesChannelView[], number]> {
    const [rows, count] = await findPage(ctx, SalesChannel, query, ['name', 'description']);
    return [rows.map(toSalesChannelView), count];
  }

  async retrieve(ctx: Context, id: string): Promise<SalesChannelView> {
    return toSalesChannelView(await this.load(ctx, id));
  }

  async create(ctx: Context, input: CreateSalesChannelInput): Promise<SalesChannelView> {
    return inTransaction(ctx, async (tx) => {
      const channel = tx.em.create(SalesChannel, {
        name: input.name,
        description: input.description ?? null,
        is_disabled: input.is_disabled ?? false,
        metadata: input.metadata ?? null,
      });
      this.events.record(tx, SalesChannelEvents.CREATED, { id: channel.id });
      await tx.em.flush();
      return toSalesChannelView(channel);
    });
  }

  async update(ctx: Context, id: string, input: UpdateSalesChannelInput): Promise<SalesChannelView> {
    return inTransaction(ctx, async (tx) => {
      const channel = await this.load(tx, id);
      tx.em.assign(channel, input);
      this.events.record(tx, SalesChannelEvents.UPDATED, { id });
      await tx.em.flush();
      return toSalesChannelView(channel);
    });
  }

  async delete(ctx: Context, id: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const channel = await this.load(tx, id);
      channel.deleted_at = new Date();
      this.events.record(tx, SalesChannelEvents.DELETED, { id });
      await tx.em.flush();
    });
  }

  /** The ids among `ids` that exist; throws not_found naming the first that does not. */
  async assertExist(ctx: Context, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const found = new Set((await ctx.em.find(SalesChannel, { id: { $in: ids } }, { fields: ['id'] })).map((c) => c.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw SthenoError.notFound(`Sales channel with id: ${missing} was not found`);
  }

  async namesByIds(ctx: Context, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await ctx.em.find(SalesChannel, { id: { $in: [...new Set(ids)] } }, { fields: ['id', 'name'] });
    return new Map(rows.map((c) => [c.id, c.name]));
  }

  private async load(ctx: Context, id: string): Promise<SalesChannel> {
    const channel = await ctx.em.findOne(SalesChannel, { id });
    if (!channel) throw SthenoError.notFound(`Sales channel with id: ${id} was not found`);
    return channel;
  }
}
