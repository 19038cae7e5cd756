import { RetrieveQuerySpec } from '../../../framework/http/list-query';

/** The store's shipping option (medusa-wire 10): what Medusa's store route selects by default. */
export const STORE_SHIPPING_OPTION_FIELDS: RetrieveQuerySpec = {
  defaults: [
    'id', 'name', 'price_type', 'service_zone_id', 'shipping_profile_id', 'provider_id', 'data',
    'service_zone.fulfillment_set_id', 'service_zone.id', 'service_zone.fulfillment_set.type', 'service_zone.fulfillment_set.id',
    'service_zone.fulfillment_set.location.id', 'service_zone.fulfillment_set.location.address',
    'type.id', 'type.label', 'type.description', 'type.code',
    'provider.id', 'provider.is_enabled',
    'rules.attribute', 'rules.value', 'rules.operator',
    'calculated_price.*', 'calculated_price.calculated_price.*', 'calculated_price.original_price.*',
    'prices.*', 'prices.price_rules.*',
    'amount', 'is_tax_inclusive', 'insufficient_inventory',
  ],
  allowed: [
    'id', 'name', 'price_type', 'service_zone_id', 'shipping_profile_id', 'provider_id', 'data', 'metadata', 'created_at', 'updated_at',
    'service_zone', 'type', 'provider', 'rules', 'calculated_price', 'prices', 'amount', 'is_tax_inclusive', 'insufficient_inventory',
    'shipping_option_type_id',
  ],
  extra: ['cart_id', 'is_return'],
};

/** The store's payment collection (medusa-wire 12/14). */
export const STORE_PAYMENT_COLLECTION_FIELDS: RetrieveQuerySpec = {
  defaults: ['id', 'currency_code', 'amount', 'payment_sessions.*'],
  allowed: [
    'id', 'currency_code', 'amount', 'authorized_amount', 'captured_amount', 'refunded_amount', 'status', 'completed_at', 'metadata',
    'created_at', 'updated_at', 'payment_sessions',
  ],
};
