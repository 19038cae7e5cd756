import { SthenoError } from '../../../framework/errors/stheno-error';
import { FulfillmentOption, FulfillmentProvider, LabelInput, MANUAL_PROVIDER_ID, ProviderCalculatedPrice } from '../fulfillment.types';

const OPTIONS: FulfillmentOption[] = [{ id: 'manual-fulfillment' }, { id: 'manual-fulfillment-return', is_return: true }];

/** Medusa's manual provider: the merchant ships by hand; flat prices only, no labels, nothing to call. */
export class ManualFulfillmentProvider implements FulfillmentProvider {
  readonly id = MANUAL_PROVIDER_ID;

  async getFulfillmentOptions(): Promise<FulfillmentOption[]> {
    return OPTIONS.map((o) => ({ ...o }));
  }

  /** Any data is accepted, as Medusa's manual provider does. */
  async validateOption(): Promise<boolean> {
    return true;
  }

  async canCalculate(): Promise<boolean> {
    return false;
  }

  async calculatePrice(): Promise<ProviderCalculatedPrice> {
    throw SthenoError.invalidData('The manual fulfillment provider does not calculate prices: give the shipping option a flat price');
  }

  async createFulfillment(): Promise<{ data: Record<string, unknown>; labels: LabelInput[] }> {
    return { data: {}, labels: [] };
  }

  async cancelFulfillment(): Promise<void> {}

  async createReturnFulfillment(): Promise<{ data: Record<string, unknown>; labels: LabelInput[] }> {
    return { data: {}, labels: [] };
  }
}
