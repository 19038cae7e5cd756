import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import type { Metadata } from '../../framework/database/base.entity';
import { declareConfigurableProviders, identifierId } from '../../framework/providers/provider-kinds';
import type { CalculatedPrice } from '../pricing/pricing.service';

/* ------------------------------------------------------------------ providers */

/** One of the ways a provider can fulfil (`{id: 'manual-fulfillment'}`); stored as a shipping option's `data`. */
export interface FulfillmentOption {
  id: string;
  is_return?: boolean;
  [key: string]: unknown;
}

export interface FulfillmentItemInput {
  title: string;
  sku?: string | null;
  barcode?: string | null;
  quantity: number;
  line_item_id?: string | null;
  inventory_item_id?: string | null;
}

export interface LabelInput {
  tracking_number: string;
  tracking_url: string;
  label_url: string;
}

/** What a provider answers for a calculated price: the amount in major units and its tax basis. */
export interface ProviderCalculatedPrice {
  calculated_amount: string | number;
  is_calculated_price_tax_inclusive: boolean;
}

/**
 * A fulfillment provider (a carrier integration). `manual_manual` is built in; modules and plugins
 * add theirs with `@RegisterFulfillmentProvider()`, tests also with `FulfillmentService.registerProvider`. Methods are called outside of nothing:
 * `createFulfillment` and `cancelFulfillment` run inside the facade's transaction.
 */
export interface FulfillmentProvider {
  /** `<identifier>_<id>` as Medusa names them (`manual_manual`). */
  readonly id: string;
  getFulfillmentOptions(): Promise<FulfillmentOption[]>;
  /** Whether `data` (a shipping option's) is one of this provider's options. */
  validateOption(data: Record<string, unknown>): Promise<boolean>;
  /** Whether this provider can price an option with this `data` (price_type 'calculated'). */
  canCalculate(data: Record<string, unknown>): Promise<boolean>;
  calculatePrice(optionData: Record<string, unknown>, data: Record<string, unknown>, context: Record<string, unknown>): Promise<ProviderCalculatedPrice>;
  createFulfillment(
    data: Record<string, unknown>,
    items: FulfillmentItemInput[],
    order: Record<string, unknown> | undefined,
    fulfillment: { id: string; location_id: string; delivery_address: AddressInput | null },
  ): Promise<{ data: Record<string, unknown>; labels: LabelInput[] }>;
  cancelFulfillment(data: Record<string, unknown>): Promise<void>;
  createReturnFulfillment(fulfillment: { id: string; data: Record<string, unknown> | null }): Promise<{ data: Record<string, unknown>; labels: LabelInput[] }>;
}

export const FULFILLMENT_PROVIDER_METADATA = 'stheno:fulfillment-provider';

/**
 * Makes a class a fulfillment provider the fulfillment module finds at boot, wherever the class is
 * provided (a module of the app, a plugin): registered under its `id`, its provider row is written
 * at bootstrap like `manual_manual`'s.
 *
 *   @RegisterFulfillmentProvider()
 *   export class DhlProvider implements FulfillmentProvider { readonly id = 'dhl_dhl'; … }
 */
export function RegisterFulfillmentProvider(): ClassDecorator {
  return applyDecorators(Injectable(), SetMetadata(FULFILLMENT_PROVIDER_METADATA, true));
}

export const FULFILLMENT_PROVIDER_ID_SHAPE = /^[a-z0-9-]+_[a-z0-9-]+$/i;

/**
 * `modules.fulfillment.options.providers`: a class marked `@RegisterFulfillmentProvider()` with a
 * static `identifier`, registered as `<identifier>_<id>` (Medusa's ids; the id is required). An
 * entry whose id is a built-in's or a plugin's (`manual_manual`) replaces it.
 */
export const FULFILLMENT_PROVIDER_KIND = declareConfigurableProviders({
  moduleKey: 'fulfillment',
  label: 'fulfillment provider',
  decorator: '@RegisterFulfillmentProvider()',
  metadataKey: FULFILLMENT_PROVIDER_METADATA,
  providerId: (parts) => identifierId('', parts, FULFILLMENT_PROVIDER_ID_SHAPE, '<identifier>_<id>, without other underscores', true),
});

/* ------------------------------------------------------------------ views */

export interface ProviderView {
  id: string;
  is_enabled: boolean;
}

export interface GeoZoneView {
  id: string;
  type: 'country' | 'province' | 'city' | 'zip';
  country_code: string;
  province_code: string | null;
  city: string | null;
  postal_expression: Record<string, unknown> | null;
  service_zone_id: string;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ServiceZoneView {
  id: string;
  name: string;
  fulfillment_set_id: string;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  geo_zones: GeoZoneView[];
  shipping_options?: ShippingOptionView[];
}

export interface FulfillmentSetView {
  id: string;
  name: string;
  type: string;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  service_zones: ServiceZoneView[];
}

export interface ShippingProfileView {
  id: string;
  name: string;
  type: string;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ShippingOptionTypeView {
  id: string;
  label: string;
  description: string | null;
  code: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export type RuleOperator = 'eq' | 'ne' | 'in' | 'nin' | 'gt' | 'gte' | 'lt' | 'lte';

export interface ShippingOptionRuleView {
  id: string;
  attribute: string;
  operator: RuleOperator;
  value: string | string[];
  shipping_option_id: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A base price of an option's price set, as Medusa shows it (`price_rules` with region_id …). */
export interface ShippingOptionPriceView {
  id: string;
  title: string | null;
  currency_code: string;
  amount: number;
  raw_amount: { value: string; precision: number };
  min_quantity: number | null;
  max_quantity: number | null;
  price_set_id: string;
  price_list_id: string | null;
  rules_count: number;
  price_rules: Array<{ attribute: string; operator: 'eq'; value: string; price_id: string }>;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ShippingOptionView {
  id: string;
  name: string;
  price_type: 'flat' | 'calculated';
  service_zone_id: string;
  shipping_profile_id: string;
  provider_id: string;
  shipping_option_type_id: string;
  data: Record<string, unknown> | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  type: ShippingOptionTypeView;
  provider: ProviderView;
  rules: ShippingOptionRuleView[];
  prices: ShippingOptionPriceView[];
  service_zone?: ServiceZoneView & { fulfillment_set?: FulfillmentSetView & { location?: ShippingOptionLocation | null } };
  shipping_profile?: ShippingProfileView;
  /** Only in a cart context (listShippingOptionsForContext), for flat options. */
  calculated_price?: CalculatedPrice | null;
  amount?: number | null;
  is_tax_inclusive?: boolean;
  insufficient_inventory?: boolean;
}

/** The stock location a listed option ships from, with its address (as the store wire shows it). */
export interface ShippingOptionLocation {
  id: string;
  address: Record<string, unknown> | null;
}

export interface FulfillmentAddressView {
  id: string;
  company: string | null;
  first_name: string | null;
  last_name: string | null;
  address_1: string | null;
  address_2: string | null;
  city: string | null;
  country_code: string | null;
  province: string | null;
  postal_code: string | null;
  phone: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface FulfillmentItemView extends FulfillmentItemInput {
  id: string;
  fulfillment_id: string;
  raw_quantity: { value: string; precision: number };
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface FulfillmentLabelView extends LabelInput {
  id: string;
  fulfillment_id: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface FulfillmentView {
  id: string;
  location_id: string;
  packed_at: string | null;
  shipped_at: string | null;
  delivered_at: string | null;
  canceled_at: string | null;
  data: Record<string, unknown> | null;
  provider_id: string;
  shipping_option_id: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  delivery_address: FulfillmentAddressView | null;
  items: FulfillmentItemView[];
  labels: FulfillmentLabelView[];
}

/* ------------------------------------------------------------------ inputs */

export interface AddressInput {
  company?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  address_1?: string | null;
  address_2?: string | null;
  city?: string | null;
  country_code?: string | null;
  province?: string | null;
  postal_code?: string | null;
  phone?: string | null;
  metadata?: Record<string, unknown> | null;
}

export interface GeoZoneInput {
  type: 'country' | 'province' | 'city' | 'zip';
  country_code: string;
  province_code?: string | null;
  city?: string | null;
  postal_expression?: Record<string, unknown> | null;
  metadata?: Record<string, unknown> | null;
}

export interface CreateServiceZoneInput {
  name: string;
  geo_zones?: GeoZoneInput[];
  metadata?: Record<string, unknown> | null;
}

/** `geo_zones`, when given, is the zone's whole set: entries with an id update that zone, others are created, the rest deleted. */
export interface UpdateServiceZoneInput {
  name?: string;
  geo_zones?: Array<Partial<GeoZoneInput> & { id?: string }>;
  metadata?: Record<string, unknown> | null;
}

export interface CreateFulfillmentSetInput {
  name: string;
  type: string;
  service_zones?: CreateServiceZoneInput[];
  metadata?: Record<string, unknown> | null;
}

export interface CreateShippingProfileInput {
  name: string;
  type: string;
  metadata?: Record<string, unknown> | null;
}

export type UpdateShippingProfileInput = Partial<CreateShippingProfileInput>;

export interface RuleInput {
  attribute: string;
  operator: RuleOperator;
  value: string | string[];
}

export interface ShippingOptionTypeInput {
  label: string;
  description?: string | null;
  code: string;
}

export interface CreateShippingOptionInput {
  name: string;
  price_type: 'flat' | 'calculated';
  service_zone_id: string;
  shipping_profile_id: string;
  provider_id: string;
  data?: Record<string, unknown> | null;
  metadata?: Record<string, unknown> | null;
  /** An existing type, or `type` to create one for this option. */
  shipping_option_type_id?: string;
  type?: ShippingOptionTypeInput;
  rules?: RuleInput[];
}

export type UpdateShippingOptionInput = Partial<Omit<CreateShippingOptionInput, 'service_zone_id' | 'rules'>> & {
  /** When given, the option's whole rule set: entries with an id update that rule. */
  rules?: Array<RuleInput & { id?: string }>;
};

export interface RulesBatchInput {
  create?: RuleInput[];
  update?: Array<RuleInput & { id: string }>;
  delete?: string[];
}

export interface RulesBatchResult {
  created: ShippingOptionRuleView[];
  updated: ShippingOptionRuleView[];
  deleted: string[];
}

/** Filters of the admin shipping-option list beyond the column filters. */
export interface ShippingOptionListFilters {
  stock_location_id?: string | string[];
  is_return?: boolean;
  admin_only?: boolean;
}

export interface ShippingContextAddress {
  country_code: string;
  province_code?: string | null;
  city?: string | null;
  postal_code?: string | null;
}

/** What decides which options a cart can use (BRIEF). */
export interface ShippingContextInput {
  address: ShippingContextAddress | null;
  /** Stock locations of the cart's sales channel. */
  location_ids: string[];
  is_return?: boolean;
  enabled_in_store?: boolean;
  currency_code: string;
  region_id: string;
  cart_context?: Record<string, unknown>;
}

export interface ShippingOptionForCart {
  id: string;
  name: string;
  /** Major units, exact. */
  amount: string;
  is_tax_inclusive: boolean;
  price_type: 'flat' | 'calculated';
  shipping_profile_id: string;
  provider_id: string;
  data: Record<string, unknown> | null;
}

/** Context of `calculateShippingPrice`: the pricing context, plus what a provider needs (`data` from the client, the cart). */
export interface ShippingPriceContext {
  currency_code: string;
  region_id: string;
  data?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface CreateFulfillmentInput {
  location_id: string;
  provider_id?: string;
  shipping_option_id?: string | null;
  delivery_address: AddressInput | null;
  items: FulfillmentItemInput[];
  labels?: LabelInput[];
  order?: Record<string, unknown>;
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

export const FulfillmentEvents = {
  SHIPPING_OPTION_CREATED: 'shipping-option.created',
  SHIPPING_OPTION_UPDATED: 'shipping-option.updated',
  SHIPPING_OPTION_DELETED: 'shipping-option.deleted',
} as const;

export const MANUAL_PROVIDER_ID = 'manual_manual';
