import type { Metadata } from '../../framework/database/base.entity';

/** A customer group as the API shows it (also inside a customer's `groups`). */
export interface CustomerGroupView {
  id: string;
  name: string;
  metadata: Metadata;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** Only when the caller asked for them (`fields=*customers`). */
  customers?: CustomerView[];
}

/** An address of a customer's address book, as Medusa's `customer_address`. */
export interface CustomerAddressView {
  id: string;
  address_name: string | null;
  is_default_shipping: boolean;
  is_default_billing: boolean;
  customer_id: string;
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
}

/** Medusa's customer object. `addresses` and `groups` are present when loaded. */
export interface CustomerView {
  id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  company_name: string | null;
  phone: string | null;
  has_account: boolean;
  metadata: Metadata;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  addresses?: CustomerAddressView[];
  groups?: CustomerGroupView[];
}

/** Which relations a customer view carries. */
export interface CustomerRelations {
  addresses?: boolean;
  groups?: boolean;
}

export interface CreateCustomerInput {
  /** Set only when the id must be known before the row exists (sign-up links the identity first); from `newCustomerId()`. */
  id?: string;
  email?: string | null;
  company_name?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  phone?: string | null;
  metadata?: Record<string, unknown> | null;
  /** True for a registered shopper's own customer (store sign-up); admins and guest checkouts create guests. */
  has_account?: boolean;
  created_by?: string | null;
}

export type UpdateCustomerInput = Omit<CreateCustomerInput, 'id' | 'has_account' | 'created_by'>;

export interface CustomerAddressInput {
  address_name?: string | null;
  is_default_shipping?: boolean;
  is_default_billing?: boolean;
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

export interface CreateCustomerGroupInput {
  name: string;
  metadata?: Record<string, unknown> | null;
  created_by?: string | null;
}

export type UpdateCustomerGroupInput = Partial<Omit<CreateCustomerGroupInput, 'created_by'>>;

/** `{add, remove}` of a link route: ids to attach and to detach. */
export interface LinkChanges {
  add?: string[];
  remove?: string[];
}

export const CustomerEvents = {
  CREATED: 'customer.created',
  UPDATED: 'customer.updated',
  DELETED: 'customer.deleted',
} as const;
