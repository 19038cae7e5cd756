import { Injectable } from '@nestjs/common';
import { Context } from '../../../framework/context/context';
import { ResolvedFields } from '../../../framework/http/list-query';
import { RegionPaymentProviderLinks } from '../../../links/region-payment-provider.service';
import { PaymentService } from '../../payment/payment.service';
import { PaymentProviderView } from '../../payment/payment.types';
import { RegionView } from '../region.types';

export type AdminRegionView = RegionView & { payment_providers?: PaymentProviderView[] };

/** Regions with `payment_providers` when the fields ask for them: two queries for a whole page. */
@Injectable()
export class AdminRegionViews {
  constructor(
    private readonly payments: PaymentService,
    private readonly providerLinks: RegionPaymentProviderLinks,
  ) {}

  async withPaymentProviders(ctx: Context, regions: RegionView[], fields: ResolvedFields): Promise<AdminRegionView[]> {
    if (!fields.relations.includes('payment_providers') || !regions.length) return regions;
    const linked = await this.providerLinks.providersOf(ctx, regions.map((r) => r.id));
    const providers = new Map((await this.payments.retrieveProviders(ctx, [...new Set([...linked.values()].flat())])).map((p) => [p.id, p]));
    return regions.map((region) => ({
      ...region,
      payment_providers: (linked.get(region.id) ?? []).flatMap((id) => (providers.has(id) ? [providers.get(id)!] : [])),
    }));
  }
}
