import { createFlow, createStep } from '../../framework/flows/flow';
import { RegionPaymentProviderLinks } from '../../links/region-payment-provider.service';
import { PaymentService } from '../../modules/payment/payment.service';
import { RegionService } from '../../modules/region/region.service';
import { CreateRegionInput, RegionView, UpdateRegionInput } from '../../modules/region/region.types';

export interface RegionFlowServices {
  regions: RegionService;
  payments: PaymentService;
  providerLinks: RegionPaymentProviderLinks;
}

/** A region's fields plus the payment providers it offers (ids; on update, the whole set). */
export type RegionWithProvidersInput = CreateRegionInput & { payment_providers?: string[] };
export type RegionUpdateWithProvidersInput = UpdateRegionInput & { payment_providers?: string[] };

/**
 * Region writes that also set its payment providers (region module + payment module + their link),
 * in one transaction: an unknown provider refuses the whole request before anything is written.
 */
export function regionFlows(services: RegionFlowServices) {
  const validateProviders = createStep('validate-payment-providers', async (ids: string[] | undefined, ctx) => {
    if (ids !== undefined) await services.payments.assertProvidersExist(ctx, ids);
  });
  const createRegion = createStep('create-region', (input: CreateRegionInput, ctx) => services.regions.create(ctx, input));
  const updateRegion = createStep('update-region', (input: { id: string; update: UpdateRegionInput }, ctx) =>
    services.regions.update(ctx, input.id, input.update),
  );
  const deleteRegion = createStep('delete-region', (id: string, ctx) => services.regions.delete(ctx, id));
  const setProviders = createStep('set-region-payment-providers', async (input: { regionId: string; ids: string[] | undefined }, ctx) => {
    if (input.ids !== undefined) await services.providerLinks.replace(ctx, input.regionId, input.ids);
  });
  const unlinkProviders = createStep('unlink-region-payment-providers', (id: string, ctx) => services.providerLinks.removeRegions(ctx, [id]));

  const create = createFlow('create-region', async (run, input: RegionWithProvidersInput): Promise<RegionView> => {
    const { payment_providers: ids, ...region } = input;
    await run(validateProviders, ids);
    const created = await run(createRegion, region);
    await run(setProviders, { regionId: created.id, ids });
    return created;
  });

  const update = createFlow('update-region', async (run, input: { id: string; update: RegionUpdateWithProvidersInput }): Promise<RegionView> => {
    const { payment_providers: ids, ...region } = input.update;
    await run(validateProviders, ids);
    const updated = await run(updateRegion, { id: input.id, update: region });
    await run(setProviders, { regionId: input.id, ids });
    return updated;
  });

  const remove = createFlow('delete-region', async (run, id: string): Promise<void> => {
    await run(deleteRegion, id);
    await run(unlinkProviders, id);
  });

  return { create, update, remove };
}
