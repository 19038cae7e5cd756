import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** Links owned by no module (ARCHITECTURE §4.2): fulfillment's relations to stock locations and prices. */

/** The fulfillment sets of a stock location (a set belongs to one location). */
@Entity({ tableName: 'location_fulfillment_set' })
@Index({ name: 'location_fulfillment_set_set_unique', expression: 'create unique index "location_fulfillment_set_set_unique" on "location_fulfillment_set" ("fulfillment_set_id")' })
export class LocationFulfillmentSet {
  @PrimaryKey({ type: 'text' })
  stock_location_id!: string;

  @PrimaryKey({ type: 'text' })
  fulfillment_set_id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;
}

/** The fulfillment providers a stock location ships with. */
@Entity({ tableName: 'location_fulfillment_provider' })
@Index({ properties: ['fulfillment_provider_id'] })
export class LocationFulfillmentProvider {
  @PrimaryKey({ type: 'text' })
  stock_location_id!: string;

  @PrimaryKey({ type: 'text' })
  fulfillment_provider_id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;
}

/** The price set of a (flat-priced) shipping option, one each. */
@Entity({ tableName: 'shipping_option_price_set' })
@Index({ name: 'shipping_option_price_set_price_set_unique', expression: 'create unique index "shipping_option_price_set_price_set_unique" on "shipping_option_price_set" ("price_set_id")' })
export class ShippingOptionPriceSet {
  @PrimaryKey({ type: 'text' })
  shipping_option_id!: string;

  @Property({ type: 'text' })
  price_set_id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;
}
