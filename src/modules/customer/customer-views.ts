import { CustomerAddress } from './entities/customer-address.entity';
import { CustomerGroup } from './entities/customer-group.entity';
import { Customer } from './entities/customer.entity';
import { CustomerAddressView, CustomerGroupView, CustomerView } from './customer.types';

export function toCustomerView(customer: Customer): CustomerView {
  return {
    id: customer.id,
    email: customer.email,
    first_name: customer.first_name,
    last_name: customer.last_name,
    company_name: customer.company_name,
    phone: customer.phone,
    has_account: customer.has_account,
    metadata: customer.metadata,
    created_by: customer.created_by,
    created_at: customer.created_at.toISOString(),
    updated_at: customer.updated_at.toISOString(),
    deleted_at: customer.deleted_at?.toISOString() ?? null,
  };
}

export function toAddressView(address: CustomerAddress): CustomerAddressView {
  return {
    id: address.id,
    address_name: address.address_name,
    is_default_shipping: address.is_default_shipping,
    is_default_billing: address.is_default_billing,
    customer_id: address.customer_id,
    company: address.company,
    first_name: address.first_name,
    last_name: address.last_name,
    address_1: address.address_1,
    address_2: address.address_2,
    city: address.city,
    country_code: address.country_code,
    province: address.province,
    postal_code: address.postal_code,
    phone: address.phone,
    metadata: address.metadata,
    created_at: address.created_at.toISOString(),
    updated_at: address.updated_at.toISOString(),
  };
}

export function toGroupView(group: CustomerGroup): CustomerGroupView {
  return {
    id: group.id,
    name: group.name,
    metadata: group.metadata,
    created_by: group.created_by,
    created_at: group.created_at.toISOString(),
    updated_at: group.updated_at.toISOString(),
    deleted_at: group.deleted_at?.toISOString() ?? null,
  };
}

/** Trimmed and lower-cased; null stays null. */
export function normalizeEmail(email: string | null | undefined): string | null {
  return email == null ? null : email.trim().toLowerCase();
}
