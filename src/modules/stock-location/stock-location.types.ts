import type { Metadata } from '../../framework/database/base.entity';
import type { FulfillmentSetView, ProviderView } from '../fulfillment/fulfillment.types';

/** A stock location's address as the API shows it. */
export interface StockLocationAddressView {
  id: string;
  address_1: string;
  address_2: string | null;
  company: string | null;
  city: string | null;
  country_code: string;
  phone: string | null;
  province: string | null;
  postal_code: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A sales channel as shown inside a stock location (`fields=*sales_channels`). */
export interface StockLocationSalesChannelView {
  id: string;
  name: string;
  description: string | null;
  is_disabled: boolean;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The stock location as the API shows it. */
export interface StockLocationView {
  id: string;
  name: string;
  address_id: string | null;
  address: StockLocationAddressView | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** Only when the caller asked for them (read through the sales-channel facade). */
  sales_channels?: StockLocationSalesChannelView[];
  /** Only when asked for (`*fulfillment_sets`, read through the fulfillment facade). */
  fulfillment_sets?: FulfillmentSetView[];
  /** Only when asked for (`*fulfillment_providers`). */
  fulfillment_providers?: ProviderView[];
}

export interface StockLocationAddressInput {
  address_1?: string;
  address_2?: string | null;
  company?: string | null;
  city?: string | null;
  country_code?: string;
  phone?: string | null;
  province?: string | null;
  postal_code?: string | null;
  metadata?: Record<string, unknown> | null;
}

export interface CreateStockLocationInput {
  name: string;
  /** A new address needs `address_1` and `country_code`. */
  address?: StockLocationAddressInput | null;
  metadata?: Record<string, unknown> | null;
}

/** `address` merges into the existing address (or creates one); `null` detaches it. */
export type UpdateStockLocationInput = Partial<CreateStockLocationInput>;

export const StockLocationEvents = {
  CREATED: 'stock-location.created',
  UPDATED: 'stock-location.updated',
  DELETED: 'stock-location.deleted',
} as const;
