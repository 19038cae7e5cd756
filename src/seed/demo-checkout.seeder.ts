import { Inject, Logger, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../framework/config/app-config';
import { Context } from '../framework/context/context';
import { Seeder, SeederHandler } from '../framework/database/seeding';
import { runFlow } from '../framework/flows/flow';
import { internalListQuery } from '../framework/http/list-query';
import { createLocationFulfillmentSetFlow, updateLocationFulfillmentProvidersFlow } from '../flows/fulfillment/fulfillment-set.flows';
import { createShippingOptionFlow } from '../flows/fulfillment/shipping-option.flows';
import { regionFlows } from '../flows/region/region-payment-providers.flow';
import { linkSalesChannelsToStockLocationFlow } from '../flows/stock-location/link-sales-channels.flow';
import { LinksModule } from '../links/links.module';
import { LocationFulfillmentProviderLinks, LocationFulfillmentSetLinks, ShippingOptionPriceSetLinks } from '../links/fulfillment-links.service';
import { RegionPaymentProviderLinks } from '../links/region-payment-provider.service';
import { SalesChannelStockLocationLinks } from '../links/sales-channel-stock-location.service';
import { FulfillmentModule } from '../modules/fulfillment/fulfillment.module';
import { FulfillmentService } from '../modules/fulfillment/fulfillment.service';
import type { FulfillmentSetView, ServiceZoneView } from '../modules/fulfillment/fulfillment.service';
import { PaymentModule } from '../modules/payment/payment.module';
import { PaymentService } from '../modules/payment/payment.service';
import { PricingModule } from '../modules/pricing/pricing.module';
import { PricingService } from '../modules/pricing/pricing.service';
import { PromotionModule } from '../modules/promotion/promotion.module';
import { PromotionService } from '../modules/promotion/promotion.service';
import { RegionModule } from '../modules/region/region.module';
import { RegionService } from '../modules/region/region.service';
import type { RegionView } from '../modules/region/region.types';
import { SalesChannelModule } from '../modules/sales-channel/sales-channel.module';
import { SalesChannelService } from '../modules/sales-channel/sales-channel.service';
import { StockLocationModule } from '../modules/stock-location/stock-location.module';
import { StockLocationService } from '../modules/stock-location/stock-location.service';
import type { StockLocationView } from '../modules/stock-location/stock-location.types';
import { StoreModule } from '../modules/store/store.module';
import { StoreService } from '../modules/store/store.service';
import { TaxModule } from '../modules/tax/tax.module';
import { TaxService } from '../modules/tax/tax.service';

interface DemoTaxRate {
  rate: number;
  code: string;
  name: string;
  /** Added to the country's rate (a Canadian PST on top of the GST) rather than replacing it. */
  is_combinable?: boolean;
}

/**
 * Standard rates of the demo countries (VAT in Europe, GST in Canada). The United States has no
 * federal sales tax: its country region charges 0 % and a few states have their own region with
 * the state's base rate (local surcharges left out). Canadian HST provinces replace the GST; PST
 * and QST provinces add to it.
 */
export const DEMO_TAX_RATES: Record<string, { default: DemoTaxRate; provinces?: Record<string, DemoTaxRate> }> = {
  dk: { default: { rate: 25, code: 'DK-VAT', name: 'Moms' } },
  fr: { default: { rate: 20, code: 'FR-VAT', name: 'TVA' } },
  de: { default: { rate: 19, code: 'DE-VAT', name: 'Mehrwertsteuer' } },
  es: { default: { rate: 21, code: 'ES-VAT', name: 'IVA' } },
  it: { default: { rate: 22, code: 'IT-VAT', name: 'IVA' } },
  se: { default: { rate: 25, code: 'SE-VAT', name: 'Moms' } },
  gb: { default: { rate: 20, code: 'GB-VAT', name: 'VAT' } },
  us: {
    default: { rate: 0, code: 'US-NONE', name: 'No federal sales tax' },
    provinces: {
      'us-ca': { rate: 7.25, code: 'US-CA', name: 'California sales tax' },
      'us-ny': { rate: 4, code: 'US-NY', name: 'New York sales tax' },
      'us-tx': { rate: 6.25, code: 'US-TX', name: 'Texas sales tax' },
      'us-fl': { rate: 6, code: 'US-FL', name: 'Florida sales tax' },
      'us-wa': { rate: 6.5, code: 'US-WA', name: 'Washington sales tax' },
    },
  },
  ca: {
    default: { rate: 5, code: 'CA-GST', name: 'GST' },
    provinces: {
      'ca-on': { rate: 13, code: 'CA-ON-HST', name: 'HST' },
      'ca-bc': { rate: 7, code: 'CA-BC-PST', name: 'PST', is_combinable: true },
      'ca-qc': { rate: 9.975, code: 'CA-QC-QST', name: 'QST', is_combinable: true },
    },
  },
};

/** Flat prices of the two options, in the currency of the region they serve (major units). */
export const DEMO_SHIPPING = [
  { name: 'Standard Shipping', amount: 10, type: { label: 'Standard', description: 'Ship in 2-3 days.', code: 'standard' } },
  { name: 'Express Shipping', amount: 25, type: { label: 'Express', description: 'Ship in 24 hours.', code: 'express' } },
] as const;

export const DEMO_SHIPPING_PROFILE = 'Default Shipping Profile';
export const DEMO_PAYMENT_PROVIDER = 'pp_system_default';
export const DEMO_FULFILLMENT_PROVIDER = 'manual_manual';
export const DEMO_PROMOTION_CODE = 'WELCOME10';
const STORE_OPTION_RULES = [
  { attribute: 'enabled_in_store', operator: 'eq' as const, value: 'true' },
  { attribute: 'is_return', operator: 'eq' as const, value: 'false' },
];

/**
 * What a storefront needs to check out on the demo store (SEED_DEMO_CATALOG, like the catalog it
 * sells): tax regions for every country of the store's regions, the default shipping profile, a
 * "<warehouse> delivery" fulfillment set on the store's default location (the European Warehouse)
 * with one service zone per region and "Standard" and "Express" flat-priced options in each, the
 * manual fulfillment provider and the default sales channel on that location, `pp_system_default`
 * in every region, and the promotion code WELCOME10 (10 % off the items).
 *
 * Everything goes through the modules' facades and the same flows as the admin API, and every part
 * is created only when missing: on a database whose catalog was seeded before this seeder existed,
 * or where some of this was set up by hand, it adds what lacks and duplicates nothing.
 */
@Seeder({ name: 'demo-checkout', order: 30 })
class DemoCheckoutSeeder implements SeederHandler {
  private readonly logger = new Logger('Seed');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly stores: StoreService,
    private readonly regions: RegionService,
    private readonly tax: TaxService,
    private readonly fulfillment: FulfillmentService,
    private readonly pricing: PricingService,
    private readonly payments: PaymentService,
    private readonly promotions: PromotionService,
    private readonly locations: StockLocationService,
    private readonly salesChannels: SalesChannelService,
    private readonly setLinks: LocationFulfillmentSetLinks,
    private readonly fulfillmentProviderLinks: LocationFulfillmentProviderLinks,
    private readonly priceLinks: ShippingOptionPriceSetLinks,
    private readonly paymentProviderLinks: RegionPaymentProviderLinks,
    private readonly channelLinks: SalesChannelStockLocationLinks,
  ) {}

  async seed(ctx: Context): Promise<void> {
    if (!this.config.seed.demoCatalog || this.config.isProduction) {
      this.logger.log('Demo checkout skipped (SEED_DEMO_CATALOG=false or production)');
      return;
    }
    const regions = await this.allRegions(ctx);
    await this.seedTaxRegions(ctx, regions);
    await this.seedPaymentProviders(ctx, regions);
    await this.seedPromotion(ctx);

    const store = await this.stores.current(ctx);
    const location = store?.default_location_id ? (await this.locations.listByIds(ctx, [store.default_location_id]))[0] : undefined;
    if (!store || !location) {
      this.logger.warn('Demo checkout: the store has no default stock location; no fulfillment set or shipping options seeded');
      return;
    }
    if (store.default_sales_channel_id) {
      await runFlow(ctx, linkSalesChannelsToStockLocationFlow({ locations: this.locations, salesChannels: this.salesChannels, channelLinks: this.channelLinks }), {
        locationId: location.id,
        add: [store.default_sales_channel_id],
      });
    }
    await runFlow(
      ctx,
      updateLocationFulfillmentProvidersFlow({ locations: this.locations, fulfillment: this.fulfillment, providerLinks: this.fulfillmentProviderLinks }),
      { locationId: location.id, add: [DEMO_FULFILLMENT_PROVIDER] },
    );
    await this.seedShipping(ctx, location, regions);
  }

  /** Every region with its countries, oldest first. */
  private async allRegions(ctx: Context): Promise<RegionView[]> {
    const [page] = await this.regions.list(ctx, internalListQuery({}, { limit: 1000, order: [{ field: 'created_at', direction: 'ASC' }] }));
    return Promise.all(page.map((region) => this.regions.retrieve(ctx, region.id)));
  }

  /** A country region per country of the store's regions (with its standard rate when we know it), and the province regions below. */
  private async seedTaxRegions(ctx: Context, regions: RegionView[]): Promise<void> {
    const countries = [...new Set(regions.flatMap((r) => r.countries.map((c) => c.iso_2)))];
    if (!countries.length) return;
    const [existing] = await this.tax.listRegions(ctx, internalListQuery({ country_code: { $in: countries }, deleted_at: null }, { limit: 10_000 }));
    const has = (country: string, province: string | null) => existing.some((r) => r.country_code === country && r.province_code === province);
    for (const country of countries) {
      const known = DEMO_TAX_RATES[country];
      if (!has(country, null)) {
        await this.tax.createRegion(ctx, { country_code: country, default_tax_rate: known ? { ...known.default } : undefined });
      }
      for (const [province, rate] of Object.entries(known?.provinces ?? {})) {
        if (!has(country, province)) await this.tax.createRegion(ctx, { country_code: country, province_code: province, default_tax_rate: { ...rate } });
      }
    }
  }

  /** `pp_system_default` added to each region's providers (the others kept). */
  private async seedPaymentProviders(ctx: Context, regions: RegionView[]): Promise<void> {
    const linked = await this.paymentProviderLinks.providersOf(ctx, regions.map((r) => r.id));
    const flows = regionFlows({ regions: this.regions, payments: this.payments, providerLinks: this.paymentProviderLinks });
    for (const region of regions) {
      const current = linked.get(region.id) ?? [];
      if (current.includes(DEMO_PAYMENT_PROVIDER)) continue;
      await runFlow(ctx, flows.update, { id: region.id, update: { payment_providers: [...current, DEMO_PAYMENT_PROVIDER] } });
    }
  }

  private async seedPromotion(ctx: Context): Promise<void> {
    if ((await this.promotions.listByCodes(ctx, [DEMO_PROMOTION_CODE])).length) return;
    await this.promotions.create(ctx, {
      code: DEMO_PROMOTION_CODE,
      type: 'standard',
      status: 'active',
      is_automatic: false,
      application_method: { type: 'percentage', target_type: 'items', allocation: 'across', value: 10, description: '10 % off your first order' },
    });
  }

  /** The fulfillment set of the location, a service zone per region, and the two options in each zone. */
  private async seedShipping(ctx: Context, location: StockLocationView, regions: RegionView[]): Promise<void> {
    const profileId = await this.defaultShippingProfile(ctx);
    const setName = `${location.name} delivery`;
    const setOf = async (): Promise<FulfillmentSetView | undefined> =>
      ((await this.fulfillment.fulfillmentSetsOfLocations(ctx, [location.id], true)).get(location.id) ?? []).find((s) => s.name === setName);

    let set = await setOf();
    if (!set) {
      await runFlow(ctx, createLocationFulfillmentSetFlow({ locations: this.locations, fulfillment: this.fulfillment, setLinks: this.setLinks }), {
        locationId: location.id,
        name: setName,
        type: 'shipping',
      });
      set = (await setOf())!;
    }
    const optionFlow = createShippingOptionFlow({ fulfillment: this.fulfillment, pricing: this.pricing, regions: this.regions, priceLinks: this.priceLinks });
    for (const region of regions) {
      if (!region.countries.length) continue;
      let zone: ServiceZoneView | undefined = set.service_zones.find((z) => z.name === region.name);
      if (!zone) {
        const updated = await this.fulfillment.createServiceZone(ctx, set.id, {
          name: region.name,
          geo_zones: region.countries.map((c) => ({ type: 'country' as const, country_code: c.iso_2 })),
        });
        zone = updated.service_zones.find((z) => z.name === region.name)!;
      }
      for (const option of DEMO_SHIPPING) {
        if (zone.shipping_options?.some((o) => o.name === option.name)) continue;
        await runFlow(ctx, optionFlow, {
          name: option.name,
          price_type: 'flat',
          service_zone_id: zone.id,
          shipping_profile_id: profileId,
          provider_id: DEMO_FULFILLMENT_PROVIDER,
          type: { ...option.type },
          rules: STORE_OPTION_RULES,
          prices: [
            { currency_code: region.currency_code, amount: option.amount },
            { region_id: region.id, amount: option.amount },
          ],
        });
      }
    }
  }

  /** The store's shipping profile of type `default`, created when there is none. */
  private async defaultShippingProfile(ctx: Context): Promise<string> {
    const [profiles] = await this.fulfillment.listShippingProfiles(ctx, internalListQuery({ type: 'default' }, { limit: 1, order: [{ field: 'created_at', direction: 'ASC' }] }));
    if (profiles.length) return profiles[0].id;
    return (await this.fulfillment.createShippingProfile(ctx, { name: DEMO_SHIPPING_PROFILE, type: 'default' })).id;
  }
}

@Module({
  imports: [
    StoreModule,
    RegionModule,
    TaxModule,
    FulfillmentModule,
    PricingModule,
    PaymentModule,
    PromotionModule,
    StockLocationModule,
    SalesChannelModule,
    LinksModule,
  ],
  providers: [DemoCheckoutSeeder],
})
export class DemoCheckoutSeedModule {}
