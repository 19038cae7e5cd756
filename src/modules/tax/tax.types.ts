import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import type { Metadata } from '../../framework/database/base.entity';
import { declareConfigurableProviders, identifierId } from '../../framework/providers/provider-kinds';

/** The id of the built-in provider, and the label it puts on the tax lines it computes (Medusa's `system`). */
export const SYSTEM_TAX_PROVIDER_ID = 'tp_system';
export const SYSTEM_TAX_PROVIDER_LINE_ID = 'system';

// ---- calculation (the contract the cart and order flows code against) -------------------------

export interface TaxCalculationInput {
  address: { country_code: string; province_code?: string | null; city?: string | null; postal_code?: string | null };
  items: Array<{ id: string; product_id: string | null; product_type_id: string | null; quantity: number; unit_price: string; is_tax_inclusive: boolean }>;
  shipping_methods: Array<{ id: string; shipping_option_id: string | null; amount: string; is_tax_inclusive: boolean }>;
}

export interface ComputedTaxLine {
  rate_id: string | null;
  code: string;
  name: string;
  /** Percent: 25 is 25 %. */
  rate: number;
  provider_id: string;
}

export interface TaxLinesResult {
  items: Map<string, ComputedTaxLine[]>;
  shipping_methods: Map<string, ComputedTaxLine[]>;
}

// ---- providers ---------------------------------------------------------------------------------

/** A rate the tax regions' rules chose for a line (tax-calculator.ts); `rate` null is a lookup key. */
export interface TaxRateCandidate {
  id: string;
  rate: number | null;
  code: string;
  name: string;
  is_combinable: boolean;
  tax_region_id: string;
}

export interface ItemTaxLineInput {
  line_item: TaxCalculationInput['items'][number];
  /** Most specific first: one, or two when a combinable province rate adds its country's. */
  rates: TaxRateCandidate[];
}

export interface ShippingTaxLineInput {
  shipping_line: TaxCalculationInput['shipping_methods'][number];
  rates: TaxRateCandidate[];
}

export interface TaxProviderContext {
  address: TaxCalculationInput['address'];
}

/** A tax line a provider returns, for an item (`line_item_id`) or a shipping method (`shipping_line_id`). */
export type ProviderTaxLine = {
  rate_id?: string | null;
  code: string;
  name: string;
  /** Percent: 25 is 25 %. */
  rate: number;
  /** The label on the line (`system` for the built-in provider); the provider's id when omitted. */
  provider_id?: string;
} & ({ line_item_id: string } | { shipping_line_id: string });

/**
 * A tax provider (Medusa's ITaxProvider): given each line of a cart or order with the rates the
 * tax regions' rules chose for it, returns the tax lines. The built-in `tp_system` returns the
 * chosen rates as they are; another provider may look the amounts up elsewhere. Called for the
 * country regions that name it (`provider_id`); it may run inside the caller's database
 * transaction, so keep it quick and never use the database from it.
 */
export interface TaxProvider {
  /** `tp_<identifier>_<id>` (`tp_system`). */
  readonly id: string;
  getTaxLines(items: ItemTaxLineInput[], shipping: ShippingTaxLineInput[], context: TaxProviderContext): Promise<ProviderTaxLine[]>;
}

export const TAX_PROVIDER_METADATA = 'stheno:tax-provider';

/**
 * Makes a class a tax provider the tax module finds at boot, wherever the class is provided (a
 * module of the app, a plugin): registered under its `id`, its `tax_provider` row written at
 * bootstrap, so tax regions can name it.
 *
 *   @RegisterTaxProvider()
 *   export class AvalaraTaxProvider implements TaxProvider { static identifier = 'avalara'; readonly id = 'tp_avalara'; … }
 */
export function RegisterTaxProvider(): ClassDecorator {
  return applyDecorators(Injectable(), SetMetadata(TAX_PROVIDER_METADATA, true));
}

export const TAX_PROVIDER_ID_SHAPE = /^tp_[a-z0-9_-]+$/i;

/**
 * `modules.tax.options.providers`: a class marked `@RegisterTaxProvider()` with a static
 * `identifier`, registered as `tp_<identifier>_<id>` (`tp_<identifier>` without an id: Medusa's
 * ids). `identifier = 'system'` and no id replaces the built-in `tp_system`; `is_default: true`
 * makes it the provider of country regions that name none.
 */
export const TAX_PROVIDER_KIND = declareConfigurableProviders({
  moduleKey: 'tax',
  label: 'tax provider',
  decorator: '@RegisterTaxProvider()',
  metadataKey: TAX_PROVIDER_METADATA,
  providerId: (parts) => identifierId('tp_', parts, TAX_PROVIDER_ID_SHAPE, 'tp_<identifier>_<id>'),
  defaultMeaning: 'the provider of country tax regions created without one',
});

// ---- views -------------------------------------------------------------------------------------

export interface TaxRateRuleView {
  id: string;
  tax_rate_id: string;
  reference: string;
  reference_id: string;
  metadata: Metadata;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface TaxRateView {
  id: string;
  rate: number | null;
  code: string;
  name: string;
  is_default: boolean;
  is_combinable: boolean;
  tax_region_id: string;
  metadata: Metadata;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  rules?: TaxRateRuleView[];
  tax_region?: TaxRegionView | null;
}

export interface TaxRegionView {
  id: string;
  country_code: string;
  province_code: string | null;
  parent_id: string | null;
  provider_id: string | null;
  metadata: Metadata;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  tax_rates?: TaxRateView[];
  parent?: TaxRegionView | null;
  children?: TaxRegionView[];
}

export interface TaxProviderView {
  id: string;
  is_enabled: boolean;
}

// ---- inputs ------------------------------------------------------------------------------------

export interface TaxRuleInput {
  reference: string;
  reference_id: string;
}

export interface DefaultTaxRateInput {
  rate?: number | null;
  code: string;
  name: string;
  is_combinable?: boolean;
  metadata?: Record<string, unknown> | null;
}

export interface CreateTaxRegionInput {
  country_code: string;
  province_code?: string | null;
  parent_id?: string | null;
  provider_id?: string | null;
  default_tax_rate?: DefaultTaxRateInput;
  metadata?: Record<string, unknown> | null;
}

export interface UpdateTaxRegionInput {
  province_code?: string | null;
  provider_id?: string | null;
  metadata?: Record<string, unknown> | null;
}

export interface CreateTaxRateInput {
  tax_region_id: string;
  rate?: number | null;
  code: string;
  name: string;
  is_default?: boolean;
  is_combinable?: boolean;
  rules?: TaxRuleInput[];
  metadata?: Record<string, unknown> | null;
}

/** `rules`, when given, replaces the rate's whole set. */
export type UpdateTaxRateInput = Partial<Omit<CreateTaxRateInput, 'tax_region_id'>>;
