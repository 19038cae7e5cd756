import type { Metadata } from '../../framework/database/base.entity';

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
