import type { CalculatedPrice } from './price-calculator';

export type { PricingContext, CalculatedPrice, CalculatedPriceRef, RawAmount } from './price-calculator';

/** A price to write: `id` updates that price, no id creates one. `amount` in major units (exact as a string). */
export interface PriceInput {
  id?: string;
  currency_code: string;
  amount: number | string;
  min_quantity?: number | null;
  max_quantity?: number | null;
  /** Context attribute → value the price needs (`{ region_id: 'reg_…' }`); every rule must match. */
  rules?: Record<string, string>;
}

/** A price as facades and admin routes show it. */
export interface PriceView {
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
  rules: Record<string, string>;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export type PriceListType = 'sale' | 'override';
export type PriceListStatus = 'active' | 'draft';
export const PRICE_LIST_TYPE_VALUES: readonly PriceListType[] = ['sale', 'override'];
export const PRICE_LIST_STATUS_VALUES: readonly PriceListStatus[] = ['active', 'draft'];

/** A price of a price list, as Medusa's admin shows it (with the variant whose price set it prices). */
export interface PriceListPriceView {
  id: string;
  currency_code: string;
  amount: number;
  min_quantity: number | null;
  max_quantity: number | null;
  variant_id: string | null;
  price_set_id: string;
  rules: Record<string, string>;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface PriceListView {
  id: string;
  title: string;
  description: string;
  /** Context attribute → accepted values (`{ customer_group_id: ['cusgroup_…'] }`). */
  rules: Record<string, string[]>;
  starts_at: string | null;
  ends_at: string | null;
  status: PriceListStatus;
  type: PriceListType;
  prices: PriceListPriceView[];
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A list price addressed by variant, as the admin API takes it. */
export interface PriceListPriceInput {
  variant_id: string;
  currency_code: string;
  amount: number;
  min_quantity?: number | null;
  max_quantity?: number | null;
  rules?: Record<string, string>;
}

export interface CreatePriceListInput {
  title: string;
  description: string;
  starts_at?: string | null;
  ends_at?: string | null;
  status?: PriceListStatus;
  type?: PriceListType;
  rules?: Record<string, string[]>;
  prices?: PriceListPriceInput[];
}

/** `rules`, when given, replaces the list's whole rule set. */
export type UpdatePriceListInput = Partial<Omit<CreatePriceListInput, 'prices'>>;

export interface BatchPriceListPricesInput {
  create?: PriceListPriceInput[];
  update?: Array<PriceListPriceInput & { id: string }>;
  delete?: string[];
}

export interface BatchPriceListPricesResult {
  created: PriceListPriceView[];
  updated: PriceListPriceView[];
  deleted: string[];
}

export type PricePreferenceAttribute = 'region_id' | 'currency_code';
export const PRICE_PREFERENCE_ATTRIBUTES: readonly PricePreferenceAttribute[] = ['region_id', 'currency_code'];

export interface PricePreferenceView {
  id: string;
  attribute: PricePreferenceAttribute;
  value: string;
  is_tax_inclusive: boolean;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface CreatePricePreferenceInput {
  attribute: PricePreferenceAttribute;
  value: string;
  is_tax_inclusive?: boolean;
}

export type UpdatePricePreferenceInput = Partial<CreatePricePreferenceInput>;

/** What `calculatePrices` answers per price set: the calculated price, or null when no price applies. */
export type CalculatedPrices = Map<string, CalculatedPrice | null>;

export const PricingEvents = {
  PRICE_LIST_CREATED: 'price-list.created',
  PRICE_LIST_UPDATED: 'price-list.updated',
  PRICE_LIST_DELETED: 'price-list.deleted',
  PRICE_PREFERENCE_CREATED: 'price-preference.created',
  PRICE_PREFERENCE_UPDATED: 'price-preference.updated',
  PRICE_PREFERENCE_DELETED: 'price-preference.deleted',
} as const;
