import type { Metadata } from '../../framework/database/base.entity';

export interface StoreCurrencyView {
  id: string;
  currency_code: string;
  is_default: boolean;
  store_id: string;
  created_at: string;
  updated_at: string;
}

/** The store as the API shows it. */
export interface StoreView {
  id: string;
  name: string;
  default_sales_channel_id: string | null;
  default_region_id: string | null;
  default_location_id: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  /** Empty when the caller did not ask for them. */
  supported_currencies: StoreCurrencyView[];
}

export interface SupportedCurrencyInput {
  currency_code: string;
  is_default?: boolean;
}

export interface CreateStoreInput {
  name: string;
  /** Exactly one entry must be `is_default: true` when the list is not empty. */
  supported_currencies?: SupportedCurrencyInput[];
  default_sales_channel_id?: string | null;
  default_region_id?: string | null;
  default_location_id?: string | null;
  metadata?: Record<string, unknown> | null;
}

/** `supported_currencies`, when given, replaces the store's whole set. */
export type UpdateStoreInput = Partial<CreateStoreInput>;

export const StoreEvents = {
  UPDATED: 'store.updated',
} as const;
