import { Injectable } from '@nestjs/common';
import {
  ItemTaxLineInput,
  ProviderTaxLine,
  ShippingTaxLineInput,
  SYSTEM_TAX_PROVIDER_ID,
  SYSTEM_TAX_PROVIDER_LINE_ID,
  TaxRateCandidate,
} from '../tax.types';

const line = (rate: TaxRateCandidate) => ({
  rate_id: rate.id,
  code: rate.code,
  name: rate.name,
  // a rate without a number is a lookup key for other providers: nothing to add here
  rate: rate.rate ?? 0,
  provider_id: SYSTEM_TAX_PROVIDER_LINE_ID,
});

/**
 * `tp_system`, as Medusa's system tax provider: the rates the tax regions' rules chose are the
 * tax lines, as they are.
 */
@Injectable()
export class SystemTaxProvider {
  static readonly identifier = 'system';
  readonly id = SYSTEM_TAX_PROVIDER_ID;

  async getTaxLines(items: ItemTaxLineInput[], shipping: ShippingTaxLineInput[]): Promise<ProviderTaxLine[]> {
    return [
      ...items.flatMap(({ line_item, rates }) => rates.map((rate) => ({ line_item_id: line_item.id, ...line(rate) }))),
      ...shipping.flatMap(({ shipping_line, rates }) => rates.map((rate) => ({ shipping_line_id: shipping_line.id, ...line(rate) }))),
    ];
  }
}
