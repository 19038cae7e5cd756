import type { Metadata } from '../../framework/database/base.entity';

/** A country as the API shows it (inside a region's `countries`). */
export interface CountryView {
  iso_2: string;
  iso_3: string;
  num_code: string;
  name: string;
  display_name: string;
  region_id: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** What a pricing context needs of a region. */
export interface PricingRegion {
  id: string;
  currency_code: string;
}

/** The region as the API shows it. */
export interface RegionView {
  id: string;
  name: string;
  currency_code: string;
  automatic_taxes: boolean;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** Empty when the caller did not ask for countries. */
  countries: CountryView[];
}

export interface CreateRegionInput {
  name: string;
  currency_code: string;
  /** ISO 3166-1 alpha-2 codes, any case. */
  countries?: string[];
  automatic_taxes?: boolean;
  metadata?: Record<string, unknown> | null;
}

/** `countries`, when given, replaces the region's whole set. */
export type UpdateRegionInput = Partial<CreateRegionInput>;

export const RegionEvents = {
  CREATED: 'region.created',
  UPDATED: 'region.updated',
  DELETED: 'region.deleted',
} as const;
