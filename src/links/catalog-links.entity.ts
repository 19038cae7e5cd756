import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** Links owned by no module (ARCHITECTURE §4.2): the catalog's cross-module relations. */

/** Which sales channels sell a product. */
@Entity({ tableName: 'product_sales_channel' })
@Index({ properties: ['sales_channel_id', 'product_id'] })
export class ProductSalesChannel {
  @PrimaryKey({ type: 'text' })
  product_id!: string;

  @PrimaryKey({ type: 'text' })
  sales_channel_id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;
}

/** The price set of a variant (one each). */
@Entity({ tableName: 'product_variant_price_set' })
@Index({ name: 'product_variant_price_set_price_set_unique', expression: 'create unique index "product_variant_price_set_price_set_unique" on "product_variant_price_set" ("price_set_id")' })
export class ProductVariantPriceSet {
  @PrimaryKey({ type: 'text' })
  variant_id!: string;

  @Property({ type: 'text' })
  price_set_id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;
}

/** The inventory items a variant consumes, `required_quantity` of each per unit sold (bundles). */
@Entity({ tableName: 'product_variant_inventory_item' })
@Index({ properties: ['inventory_item_id'] })
export class ProductVariantInventoryItem {
  @PrimaryKey({ type: 'text' })
  variant_id!: string;

  @PrimaryKey({ type: 'text' })
  inventory_item_id!: string;

  @Property({ type: 'integer', default: 1 })
  required_quantity: number = 1;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;
}

/** The stock locations that fulfil a sales channel's orders (and count for its stock). */
@Entity({ tableName: 'sales_channel_stock_location' })
@Index({ properties: ['stock_location_id'] })
export class SalesChannelStockLocation {
  @PrimaryKey({ type: 'text' })
  sales_channel_id!: string;

  @PrimaryKey({ type: 'text' })
  stock_location_id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;
}
