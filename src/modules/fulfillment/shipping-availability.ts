import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { Context } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import { LocationFulfillmentSetLinks, ShippingOptionPriceSetLinks } from '../../links/fulfillment-links.service';
import { PricingService } from '../pricing/pricing.service';
import { StockLocationService } from '../stock-location/stock-location.service';
import { toFulfillmentSetView } from './fulfillment-mappers';
import { ShippingContextInput, ShippingOptionForCart, ShippingOptionView, ShippingPriceContext } from './fulfillment.types';
import { geoZoneMatches } from './geo-matcher';
import { FulfillmentProviderRegistry } from './providers/provider-registry';
import { rulesMatch } from './rule-matcher';
import { readShippingCandidates, ShippingCandidate } from './shipping-candidates';
import { ShippingOptions } from './shipping-options.service';

export const INVALID_OPTIONS_MESSAGE = 'Shipping Options are invalid for cart.';

/**
 * Which shipping options a cart can use, and at what price. A fixed number of statements whatever
 * the number of options: the locations' fulfillment sets, the candidate options with everything of
 * this module they need (`readShippingCandidates`), then for a listing their price links, prices,
 * locations and PricingService's calculation.
 */
@Injectable()
export class ShippingAvailability {
  constructor(
    private readonly options: ShippingOptions,
    private readonly providers: FulfillmentProviderRegistry,
    private readonly pricing: PricingService,
    private readonly priceLinks: ShippingOptionPriceSetLinks,
    private readonly setLinks: LocationFulfillmentSetLinks,
    private readonly locations: StockLocationService,
  ) {}

  async list(ctx: Context, input: ShippingContextInput, onlyIds?: string[]): Promise<ShippingOptionView[]> {
    const found = await this.allowed(ctx, input, onlyIds);
    if (!found) return [];
    const { allowed, locationOfSet } = found;
    const usable = allowed.filter((c) => c.option.provider.is_enabled && this.providers.has(c.option.provider.id));
    if (!usable.length) return [];
    const priceSets = await this.priceLinks.priceSetsOf(ctx, usable.map((c) => c.option.id));
    const rulesOf = new Map(usable.map((c) => [c.option.id, c.rules]));
    const views = await this.options.viewsOf(ctx, usable.map((c) => c.option), (id) => rulesOf.get(id) ?? [], priceSets);
    const calculated = await this.pricing.calculatePrices(ctx, [...priceSets.values()], { currency_code: input.currency_code, region_id: input.region_id });
    const locations = new Map((await this.locations.listByIds(ctx, [...new Set(usable.map((c) => locationOfSet.get(c.option.service_zone.fulfillment_set.id)!))])).map((l) => [l.id, l]));

    return views.flatMap((view, index): ShippingOptionView[] => {
      const set = usable[index].fulfillmentSet;
      const location = locations.get(locationOfSet.get(view.service_zone!.fulfillment_set_id) ?? '');
      const withPlace: ShippingOptionView = {
        ...view,
        service_zone: {
          ...view.service_zone!,
          fulfillment_set: set ? { ...toFulfillmentSetView(set, []), location: location ? { id: location.id, address: location.address as Record<string, unknown> | null } : null } : undefined,
        },
        insufficient_inventory: false,
      };
      if (view.price_type === 'calculated') return [{ ...withPlace, calculated_price: null, amount: null, is_tax_inclusive: false }];
      const price = calculated.get(priceSets.get(view.id) ?? '');
      if (!price) return [];
      return [{ ...withPlace, calculated_price: price, amount: price.calculated_amount, is_tax_inclusive: price.is_calculated_price_tax_inclusive }];
    });
  }

  /**
   * The options the context may use, before pricing: in a fulfillment set of one of the context's
   * locations, with a geo zone covering the address and rules that match. Null when there are none.
   * Two statements: the locations' fulfillment sets, then the candidates with all they need.
   */
  private async allowed(
    ctx: Context,
    input: ShippingContextInput,
    onlyIds?: string[],
  ): Promise<{ allowed: ShippingCandidate[]; locationOfSet: Map<string, string> } | null> {
    if (!input.address?.country_code || !input.location_ids.length) return null;
    const setsByLocation = await this.setLinks.setsOf(ctx, [...new Set(input.location_ids)]);
    const locationOfSet = new Map<string, string>();
    for (const [locationId, setIds] of setsByLocation) for (const setId of setIds) locationOfSet.set(setId, locationId);
    if (!locationOfSet.size) return null;

    const candidates = await readShippingCandidates(ctx, [...locationOfSet.keys()], input.address.country_code.trim().toLowerCase(), onlyIds);
    const inZone = candidates.filter((c) => c.geoZones.some((g) => geoZoneMatches(g, input.address!)));
    if (!inZone.length) return null;

    const context: Record<string, unknown> = { ...(input.cart_context ?? {}), is_return: String(input.is_return ?? false) };
    const ignored = new Set<string>();
    if (input.enabled_in_store === undefined) ignored.add('enabled_in_store');
    else context.enabled_in_store = String(input.enabled_in_store);
    const allowed = inZone.filter((c) => rulesMatch(c.rules, context, ignored));
    if (!allowed.length) return null;

    return { allowed, locationOfSet };
  }

  /**
   * The options of `optionIds` the context may use, priced: what completing a cart checks. The same
   * rules as `list` (zone, geo zone, rules, an enabled provider this process knows, a price for a
   * flat option) without building the options' views (type, zone, profile, set, location).
   */
  async validate(ctx: Context, optionIds: string[], input: ShippingContextInput): Promise<Map<string, ShippingOptionForCart>> {
    const wanted = [...new Set(optionIds)];
    if (!wanted.length) return new Map();
    const found = await this.allowed(ctx, input, wanted);
    if (!found) throw SthenoError.invalidData(INVALID_OPTIONS_MESSAGE);
    const usable = found.allowed.map((c) => c.option).filter((o) => o.provider.is_enabled && this.providers.has(o.provider.id));
    const flat = usable.filter((o) => o.price_type === 'flat');
    const priceSets = flat.length ? await this.priceLinks.priceSetsOf(ctx, flat.map((o) => o.id)) : new Map<string, string>();
    const calculated = priceSets.size
      ? await this.pricing.calculatePrices(ctx, [...priceSets.values()], { currency_code: input.currency_code, region_id: input.region_id })
      : new Map();
    const result = new Map<string, ShippingOptionForCart>();
    for (const id of wanted) {
      const option = usable.find((o) => o.id === id);
      if (!option) throw SthenoError.invalidData(INVALID_OPTIONS_MESSAGE);
      let price: { amount: string; is_tax_inclusive: boolean };
      if (option.price_type === 'flat') {
        const flatPrice = calculated.get(priceSets.get(id) ?? '');
        if (!flatPrice) throw SthenoError.invalidData(INVALID_OPTIONS_MESSAGE);
        price = { amount: flatPrice.raw_calculated_amount.value, is_tax_inclusive: flatPrice.is_calculated_price_tax_inclusive };
      } else {
        price = await this.providerPrice(
          { provider_id: option.provider.id, data: option.data ?? null },
          { currency_code: input.currency_code, region_id: input.region_id, ...(input.cart_context ?? {}) },
        );
      }
      result.set(id, {
        id,
        name: option.name,
        amount: price.amount,
        is_tax_inclusive: price.is_tax_inclusive,
        price_type: option.price_type,
        shipping_profile_id: option.shipping_profile.id,
        provider_id: option.provider.id,
        data: option.data ?? null,
      });
    }
    return result;
  }

  async calculate(ctx: Context, optionId: string, context: ShippingPriceContext): Promise<{ amount: string; is_tax_inclusive: boolean }> {
    const view = await this.options.retrieve(ctx, optionId);
    if (view.price_type === 'calculated') return this.providerPrice(view, context);
    const priceSet = (await this.priceLinks.priceSetsOf(ctx, [optionId])).get(optionId);
    const price = priceSet
      ? (await this.pricing.calculatePrices(ctx, [priceSet], { currency_code: context.currency_code, region_id: context.region_id })).get(priceSet)
      : null;
    if (!price) throw SthenoError.invalidData(`Shipping option with id: ${optionId} has no price for currency ${context.currency_code}`);
    return { amount: price.raw_calculated_amount.value, is_tax_inclusive: price.is_calculated_price_tax_inclusive };
  }

  private async providerPrice(view: Pick<ShippingOptionView, 'provider_id' | 'data'>, context: Record<string, unknown>): Promise<{ amount: string; is_tax_inclusive: boolean }> {
    const provider = this.providers.get(view.provider_id);
    const data = (context.data as Record<string, unknown> | undefined) ?? {};
    const price = await provider.calculatePrice(view.data ?? {}, data, context);
    let amount: Decimal;
    try {
      amount = new Decimal(price.calculated_amount);
    } catch {
      throw SthenoError.unexpectedState(`The fulfillment provider ${view.provider_id} answered a price that is not a number`);
    }
    if (amount.isNegative() || !amount.isFinite()) throw SthenoError.unexpectedState(`The fulfillment provider ${view.provider_id} answered an invalid price`);
    return { amount: amount.toString(), is_tax_inclusive: price.is_calculated_price_tax_inclusive };
  }
}
