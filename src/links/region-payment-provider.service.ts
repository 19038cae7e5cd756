import { Injectable } from '@nestjs/common';
import { Context } from '../framework/context/context';
import { linkedIds, textArray } from './linked-ids';
import { RegionPaymentProvider } from './region-payment-provider.entity';


/** Reads and writes the region ↔ payment provider link. */
@Injectable()
export class RegionPaymentProviderLinks {
  /** Makes `providerIds` exactly the region's providers (two statements). */
  async replace(ctx: Context, regionId: string, providerIds: string[]): Promise<void> {
    const wanted = [...new Set(providerIds)];
    await ctx.em.nativeDelete(RegionPaymentProvider, { region_id: regionId, payment_provider_id: { $nin: wanted } });
    if (!wanted.length) return;
    await ctx.em.execute(
      `insert into region_payment_provider (region_id, payment_provider_id)
       select ?, p from unnest(?::text[]) as p on conflict do nothing`,
      [regionId, textArray(wanted)],
    );
  }

  async removeRegions(ctx: Context, regionIds: string[]): Promise<void> {
    if (!regionIds.length) return;
    await ctx.em.nativeDelete(RegionPaymentProvider, { region_id: { $in: regionIds } });
  }

  /** Provider ids per region, in one query for any number of regions. */
  providersOf(ctx: Context, regionIds: string[]): Promise<Map<string, string[]>> {
    return linkedIds(ctx, RegionPaymentProvider, 'region_id', 'payment_provider_id', regionIds);
  }
}
