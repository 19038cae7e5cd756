import { Injectable } from '@nestjs/common';
import { Context } from '../framework/context/context';
import { linkedIds } from './linked-ids';
import { PublishableKeySalesChannel } from './publishable-key-sales-channel.entity';

/** Reads and writes the publishable key ↔ sales channel link. */
@Injectable()
export class PublishableKeySalesChannelLinks {
  async add(ctx: Context, keyId: string, salesChannelIds: string[]): Promise<void> {
    if (!salesChannelIds.length) return;
    await ctx.em.execute(
      `insert into publishable_api_key_sales_channel (publishable_key_id, sales_channel_id)
       select ?, unnest(?::text[]) on conflict do nothing`,
      [keyId, `{${salesChannelIds.map((id) => JSON.stringify(id)).join(',')}}`],
    );
  }

  async remove(ctx: Context, keyId: string, salesChannelIds: string[]): Promise<void> {
    if (!salesChannelIds.length) return;
    await ctx.em.nativeDelete(PublishableKeySalesChannel, { publishable_key_id: keyId, sales_channel_id: { $in: salesChannelIds } });
  }

  async removeKey(ctx: Context, keyId: string): Promise<void> {
    await ctx.em.nativeDelete(PublishableKeySalesChannel, { publishable_key_id: keyId });
  }

  /** Sales channel ids per key, in one query for any number of keys. */
  channelsOf(ctx: Context, keyIds: string[]): Promise<Map<string, string[]>> {
    return linkedIds(ctx, PublishableKeySalesChannel, 'publishable_key_id', 'sales_channel_id', keyIds);
  }
}
