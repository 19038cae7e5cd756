import type { PriceView } from '../pricing/pricing.service';
import { FulfillmentAddress } from './entities/fulfillment-address.entity';
import { FulfillmentItem } from './entities/fulfillment-item.entity';
import { FulfillmentLabel } from './entities/fulfillment-label.entity';
import { Fulfillment } from './entities/fulfillment.entity';
import { FulfillmentSet } from './entities/fulfillment-set.entity';
import { GeoZone } from './entities/geo-zone.entity';
import { ServiceZone } from './entities/service-zone.entity';
import { ShippingOptionRule } from './entities/shipping-option-rule.entity';
import { ShippingOptionType } from './entities/shipping-option-type.entity';
import { ShippingOption } from './entities/shipping-option.entity';
import { ShippingProfile } from './entities/shipping-profile.entity';
import {
  FulfillmentAddressView,
  FulfillmentItemView,
  FulfillmentLabelView,
  FulfillmentSetView,
  FulfillmentView,
  GeoZoneView,
  ServiceZoneView,
  ShippingOptionPriceView,
  ShippingOptionRuleView,
  ShippingOptionTypeView,
  ShippingOptionView,
  ShippingProfileView,
} from './fulfillment.types';

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
const stamps = (e: { created_at: Date; updated_at: Date; deleted_at: Date | null }) => ({
  created_at: e.created_at.toISOString(),
  updated_at: e.updated_at.toISOString(),
  deleted_at: iso(e.deleted_at),
});

export function toGeoZoneView(z: GeoZone): GeoZoneView {
  return {
    id: z.id,
    type: z.type,
    country_code: z.country_code,
    province_code: z.province_code,
    city: z.city,
    postal_expression: z.postal_expression,
    service_zone_id: z.service_zone.id,
    metadata: z.metadata,
    ...stamps(z),
  };
}

export function toServiceZoneView(z: ServiceZone, geoZones: GeoZone[]): ServiceZoneView {
  return { id: z.id, name: z.name, fulfillment_set_id: z.fulfillment_set.id, metadata: z.metadata, ...stamps(z), geo_zones: geoZones.map(toGeoZoneView) };
}

export function toFulfillmentSetView(s: FulfillmentSet, zones: ServiceZoneView[]): FulfillmentSetView {
  return { id: s.id, name: s.name, type: s.type, metadata: s.metadata, ...stamps(s), service_zones: zones };
}

export function toShippingProfileView(p: ShippingProfile): ShippingProfileView {
  return { id: p.id, name: p.name, type: p.type, metadata: p.metadata, ...stamps(p) };
}

export function toTypeView(t: ShippingOptionType): ShippingOptionTypeView {
  return { id: t.id, label: t.label, description: t.description, code: t.code, ...stamps(t) };
}

export function toRuleView(r: ShippingOptionRule): ShippingOptionRuleView {
  return { id: r.id, attribute: r.attribute, operator: r.operator, value: r.value, shipping_option_id: r.shipping_option.id, ...stamps(r) };
}

/** A pricing-module price as Medusa shows it under a shipping option (`price_rules` instead of a rules map). */
export function toOptionPriceView(p: PriceView): ShippingOptionPriceView {
  return {
    id: p.id,
    title: p.title,
    currency_code: p.currency_code,
    amount: p.amount,
    raw_amount: p.raw_amount,
    min_quantity: p.min_quantity,
    max_quantity: p.max_quantity,
    price_set_id: p.price_set_id,
    price_list_id: p.price_list_id,
    rules_count: p.rules_count,
    price_rules: Object.entries(p.rules).map(([attribute, value]) => ({ attribute, operator: 'eq' as const, value, price_id: p.id })),
    created_at: p.created_at,
    updated_at: p.updated_at,
    deleted_at: p.deleted_at,
  };
}

export function toShippingOptionView(
  o: ShippingOption,
  rules: ShippingOptionRule[],
  prices: PriceView[],
  serviceZone?: ServiceZoneView,
): ShippingOptionView {
  const view: ShippingOptionView = {
    id: o.id,
    name: o.name,
    price_type: o.price_type,
    service_zone_id: o.service_zone.id,
    shipping_profile_id: o.shipping_profile.id,
    provider_id: o.provider.id,
    shipping_option_type_id: o.type.id,
    data: o.data,
    metadata: o.metadata,
    ...stamps(o),
    type: toTypeView(o.type),
    provider: { id: o.provider.id, is_enabled: o.provider.is_enabled },
    rules: rules.map(toRuleView),
    prices: prices.map(toOptionPriceView),
  };
  if (serviceZone) view.service_zone = serviceZone;
  if (o.shipping_profile.name !== undefined) view.shipping_profile = toShippingProfileView(o.shipping_profile);
  return view;
}

function toAddressView(a: FulfillmentAddress): FulfillmentAddressView {
  return {
    id: a.id,
    company: a.company,
    first_name: a.first_name,
    last_name: a.last_name,
    address_1: a.address_1,
    address_2: a.address_2,
    city: a.city,
    country_code: a.country_code,
    province: a.province,
    postal_code: a.postal_code,
    phone: a.phone,
    metadata: a.metadata,
    ...stamps(a),
  };
}

function toItemView(i: FulfillmentItem): FulfillmentItemView {
  return {
    id: i.id,
    title: i.title,
    sku: i.sku,
    barcode: i.barcode,
    quantity: i.quantity,
    raw_quantity: { value: String(i.quantity), precision: 20 },
    line_item_id: i.line_item_id,
    inventory_item_id: i.inventory_item_id,
    fulfillment_id: i.fulfillment.id,
    ...stamps(i),
  };
}

function toLabelView(l: FulfillmentLabel): FulfillmentLabelView {
  return { id: l.id, tracking_number: l.tracking_number, tracking_url: l.tracking_url, label_url: l.label_url, fulfillment_id: l.fulfillment.id, ...stamps(l) };
}

export function toFulfillmentView(f: Fulfillment, items: FulfillmentItem[], labels: FulfillmentLabel[]): FulfillmentView {
  return {
    id: f.id,
    location_id: f.location_id,
    packed_at: iso(f.packed_at),
    shipped_at: iso(f.shipped_at),
    delivered_at: iso(f.delivered_at),
    canceled_at: iso(f.canceled_at),
    data: f.data,
    provider_id: f.provider_id,
    shipping_option_id: f.shipping_option_id,
    metadata: f.metadata,
    ...stamps(f),
    delivery_address: f.delivery_address ? toAddressView(f.delivery_address) : null,
    items: items.map(toItemView),
    labels: labels.map(toLabelView),
  };
}
