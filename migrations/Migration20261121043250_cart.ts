import { Migration } from '@mikro-orm/migrations';

export class Migration20261121043250_cart extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "cart" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "region_id" text null, "customer_id" text null, "sales_channel_id" text null, "email" text null, "currency_code" text not null, "locale" text null, "shipping_address_id" text null, "billing_address_id" text null, "metadata" jsonb null, "completed_at" timestamptz null, constraint "cart_pkey" primary key ("id"));`);
    this.addSql(`create index "cart_deleted_at_index" on "cart" ("deleted_at");`);
    this.addSql(`create index "cart_region_id_index" on "cart" ("region_id");`);
    this.addSql(`create index "cart_customer_id_index" on "cart" ("customer_id");`);
    this.addSql(`create index "cart_sales_channel_id_index" on "cart" ("sales_channel_id");`);

    this.addSql(`create table "cart_address" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "customer_id" text null, "company" text null, "first_name" text null, "last_name" text null, "address_1" text null, "address_2" text null, "city" text null, "country_code" text null, "province" text null, "postal_code" text null, "phone" text null, "metadata" jsonb null, constraint "cart_address_pkey" primary key ("id"));`);
    this.addSql(`create index "cart_address_deleted_at_index" on "cart_address" ("deleted_at");`);

    this.addSql(`create table "credit_line" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "cart_id" text not null, "reference" text null, "reference_id" text null, "amount" numeric(20,6) not null, "metadata" jsonb null, constraint "credit_line_pkey" primary key ("id"));`);
    this.addSql(`create index "credit_line_deleted_at_index" on "credit_line" ("deleted_at");`);
    this.addSql(`create index "credit_line_cart_id_index" on "credit_line" ("cart_id");`);

    this.addSql(`create table "cart_line_item" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "cart_id" text not null, "title" text not null, "subtitle" text null, "thumbnail" text null, "quantity" int not null, "variant_id" text null, "product_id" text null, "product_title" text null, "product_description" text null, "product_subtitle" text null, "product_type" text null, "product_type_id" text null, "product_collection" text null, "product_handle" text null, "variant_sku" text null, "variant_barcode" text null, "variant_title" text null, "variant_option_values" jsonb null, "requires_shipping" boolean not null default true, "is_discountable" boolean not null default true, "is_giftcard" boolean not null default false, "is_tax_inclusive" boolean not null default false, "is_custom_price" boolean not null default false, "compare_at_unit_price" numeric(20,6) null, "unit_price" numeric(20,6) not null, "metadata" jsonb null, constraint "cart_line_item_pkey" primary key ("id"));`);
    this.addSql(`create index "cart_line_item_deleted_at_index" on "cart_line_item" ("deleted_at");`);
    this.addSql(`create index "cart_line_item_cart_id_index" on "cart_line_item" ("cart_id");`);
    this.addSql(`create index "cart_line_item_variant_id_index" on "cart_line_item" ("variant_id");`);
    this.addSql(`create index "cart_line_item_product_id_index" on "cart_line_item" ("product_id");`);

    this.addSql(`create table "cart_line_item_adjustment" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "item_id" text not null, "code" text null, "amount" numeric(20,6) not null, "description" text null, "promotion_id" text null, "provider_id" text null, "is_tax_inclusive" boolean not null default false, constraint "cart_line_item_adjustment_pkey" primary key ("id"));`);
    this.addSql(`create index "cart_line_item_adjustment_deleted_at_index" on "cart_line_item_adjustment" ("deleted_at");`);
    this.addSql(`create index "cart_line_item_adjustment_item_id_index" on "cart_line_item_adjustment" ("item_id");`);
    this.addSql(`create index "cart_line_item_adjustment_promotion_id_index" on "cart_line_item_adjustment" ("promotion_id");`);

    this.addSql(`create table "cart_line_item_tax_line" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "item_id" text not null, "code" text not null, "rate" numeric(20,6) not null, "description" text null, "tax_rate_id" text null, "provider_id" text null, constraint "cart_line_item_tax_line_pkey" primary key ("id"));`);
    this.addSql(`create index "cart_line_item_tax_line_deleted_at_index" on "cart_line_item_tax_line" ("deleted_at");`);
    this.addSql(`create index "cart_line_item_tax_line_item_id_index" on "cart_line_item_tax_line" ("item_id");`);

    this.addSql(`create table "cart_shipping_method" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "cart_id" text not null, "name" text not null, "description" text null, "amount" numeric(20,6) not null, "is_tax_inclusive" boolean not null default false, "shipping_option_id" text null, "data" jsonb null, "metadata" jsonb null, constraint "cart_shipping_method_pkey" primary key ("id"));`);
    this.addSql(`create index "cart_shipping_method_deleted_at_index" on "cart_shipping_method" ("deleted_at");`);
    this.addSql(`create index "cart_shipping_method_cart_id_index" on "cart_shipping_method" ("cart_id");`);

    this.addSql(`create table "cart_shipping_method_adjustment" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "shipping_method_id" text not null, "code" text null, "amount" numeric(20,6) not null, "description" text null, "promotion_id" text null, "provider_id" text null, constraint "cart_shipping_method_adjustment_pkey" primary key ("id"));`);
    this.addSql(`create index "cart_shipping_method_adjustment_deleted_at_index" on "cart_shipping_method_adjustment" ("deleted_at");`);
    this.addSql(`create index "cart_shipping_method_adjustment_shipping_method_id_index" on "cart_shipping_method_adjustment" ("shipping_method_id");`);
    this.addSql(`create index "cart_shipping_method_adjustment_promotion_id_index" on "cart_shipping_method_adjustment" ("promotion_id");`);

    this.addSql(`create table "cart_shipping_method_tax_line" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "shipping_method_id" text not null, "code" text not null, "rate" numeric(20,6) not null, "description" text null, "tax_rate_id" text null, "provider_id" text null, constraint "cart_shipping_method_tax_line_pkey" primary key ("id"));`);
    this.addSql(`create index "cart_shipping_method_tax_line_deleted_at_index" on "cart_shipping_method_tax_line" ("deleted_at");`);
    this.addSql(`create index "cart_shipping_method_tax_line_shipping_method_id_index" on "cart_shipping_method_tax_line" ("shipping_method_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cart" cascade;`);

    this.addSql(`drop table if exists "cart_address" cascade;`);

    this.addSql(`drop table if exists "credit_line" cascade;`);

    this.addSql(`drop table if exists "cart_line_item" cascade;`);

    this.addSql(`drop table if exists "cart_line_item_adjustment" cascade;`);

    this.addSql(`drop table if exists "cart_line_item_tax_line" cascade;`);

    this.addSql(`drop table if exists "cart_shipping_method" cascade;`);

    this.addSql(`drop table if exists "cart_shipping_method_adjustment" cascade;`);

    this.addSql(`drop table if exists "cart_shipping_method_tax_line" cascade;`);
  }

}
