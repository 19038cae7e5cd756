import { Migration } from '@mikro-orm/migrations';

export class Migration20261121043323_order extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "order" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "display_id" serial, "custom_display_id" text null, "version" int not null default 1, "status" text not null default 'pending', "region_id" text null, "customer_id" text null, "sales_channel_id" text null, "email" text null, "currency_code" text not null, "locale" text null, "shipping_address_id" text null, "billing_address_id" text null, "no_notification" boolean not null default false, "is_draft_order" boolean not null default false, "metadata" jsonb null, "canceled_at" timestamptz null, constraint "order_pkey" primary key ("id"));`);
    this.addSql(`create index "order_deleted_at_index" on "order" ("deleted_at");`);
    this.addSql(`alter table "order" add constraint "order_display_id_unique" unique ("display_id");`);
    this.addSql(`create index "order_status_index" on "order" ("status");`);
    this.addSql(`create index "order_region_id_index" on "order" ("region_id");`);
    this.addSql(`create index "order_customer_id_index" on "order" ("customer_id");`);
    this.addSql(`create index "order_sales_channel_id_index" on "order" ("sales_channel_id");`);
    this.addSql(`create index "order_email_index" on "order" ("email");`);

    this.addSql(`create table "order_address" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "customer_id" text null, "company" text null, "first_name" text null, "last_name" text null, "address_1" text null, "address_2" text null, "city" text null, "country_code" text null, "province" text null, "postal_code" text null, "phone" text null, "metadata" jsonb null, constraint "order_address_pkey" primary key ("id"));`);
    this.addSql(`create index "order_address_deleted_at_index" on "order_address" ("deleted_at");`);

    this.addSql(`create table "order_credit_line" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "order_id" text not null, "reference" text null, "reference_id" text null, "amount" numeric(20,6) not null, "metadata" jsonb null, constraint "order_credit_line_pkey" primary key ("id"));`);
    this.addSql(`create index "order_credit_line_deleted_at_index" on "order_credit_line" ("deleted_at");`);
    this.addSql(`create index "order_credit_line_order_id_index" on "order_credit_line" ("order_id");`);

    this.addSql(`create table "order_item" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "order_id" text not null, "version" int not null default 1, "item_id" text not null, "quantity" numeric(20,6) not null, "fulfilled_quantity" numeric(20,6) not null default 0, "delivered_quantity" numeric(20,6) not null default 0, "shipped_quantity" numeric(20,6) not null default 0, "return_requested_quantity" numeric(20,6) not null default 0, "return_received_quantity" numeric(20,6) not null default 0, "return_dismissed_quantity" numeric(20,6) not null default 0, "written_off_quantity" numeric(20,6) not null default 0, "unit_price" numeric(20,6) null, "compare_at_unit_price" numeric(20,6) null, "metadata" jsonb null, constraint "order_item_pkey" primary key ("id"));`);
    this.addSql(`create index "order_item_deleted_at_index" on "order_item" ("deleted_at");`);
    this.addSql(`create index "order_item_item_id_index" on "order_item" ("item_id");`);
    this.addSql(`create index "order_item_order_id_version_index" on "order_item" ("order_id", "version");`);

    this.addSql(`create table "order_line_item" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "title" text not null, "subtitle" text null, "thumbnail" text null, "variant_id" text null, "product_id" text null, "product_title" text null, "product_description" text null, "product_subtitle" text null, "product_type" text null, "product_type_id" text null, "product_collection" text null, "product_handle" text null, "variant_sku" text null, "variant_barcode" text null, "variant_title" text null, "variant_option_values" jsonb null, "requires_shipping" boolean not null default true, "is_giftcard" boolean not null default false, "is_discountable" boolean not null default true, "is_tax_inclusive" boolean not null default false, "is_custom_price" boolean not null default false, "compare_at_unit_price" numeric(20,6) null, "unit_price" numeric(20,6) not null, "metadata" jsonb null, constraint "order_line_item_pkey" primary key ("id"));`);
    this.addSql(`create index "order_line_item_deleted_at_index" on "order_line_item" ("deleted_at");`);
    this.addSql(`create index "order_line_item_variant_id_index" on "order_line_item" ("variant_id");`);
    this.addSql(`create index "order_line_item_product_id_index" on "order_line_item" ("product_id");`);

    this.addSql(`create table "order_line_item_adjustment" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "item_id" text not null, "code" text null, "amount" numeric(20,6) not null, "description" text null, "promotion_id" text null, "provider_id" text null, constraint "order_line_item_adjustment_pkey" primary key ("id"));`);
    this.addSql(`create index "order_line_item_adjustment_deleted_at_index" on "order_line_item_adjustment" ("deleted_at");`);
    this.addSql(`create index "order_line_item_adjustment_item_id_index" on "order_line_item_adjustment" ("item_id");`);
    this.addSql(`create index "order_line_item_adjustment_promotion_id_index" on "order_line_item_adjustment" ("promotion_id");`);

    this.addSql(`create table "order_line_item_tax_line" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "item_id" text not null, "code" text not null, "rate" numeric(10,4) not null, "description" text null, "tax_rate_id" text null, "provider_id" text null, constraint "order_line_item_tax_line_pkey" primary key ("id"));`);
    this.addSql(`create index "order_line_item_tax_line_deleted_at_index" on "order_line_item_tax_line" ("deleted_at");`);
    this.addSql(`create index "order_line_item_tax_line_item_id_index" on "order_line_item_tax_line" ("item_id");`);

    this.addSql(`create table "order_shipping" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "order_id" text not null, "version" int not null default 1, "shipping_method_id" text not null, "return_id" text null, "exchange_id" text null, "claim_id" text null, constraint "order_shipping_pkey" primary key ("id"));`);
    this.addSql(`create index "order_shipping_deleted_at_index" on "order_shipping" ("deleted_at");`);
    this.addSql(`create index "order_shipping_shipping_method_id_index" on "order_shipping" ("shipping_method_id");`);
    this.addSql(`create index "order_shipping_order_id_version_index" on "order_shipping" ("order_id", "version");`);

    this.addSql(`create table "order_shipping_method" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "name" text not null, "description" text null, "amount" numeric(20,6) not null, "is_tax_inclusive" boolean not null default false, "is_custom_amount" boolean not null default false, "shipping_option_id" text null, "data" jsonb null, "metadata" jsonb null, constraint "order_shipping_method_pkey" primary key ("id"));`);
    this.addSql(`create index "order_shipping_method_deleted_at_index" on "order_shipping_method" ("deleted_at");`);
    this.addSql(`create index "order_shipping_method_shipping_option_id_index" on "order_shipping_method" ("shipping_option_id");`);

    this.addSql(`create table "order_shipping_method_adjustment" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "shipping_method_id" text not null, "code" text null, "amount" numeric(20,6) not null, "description" text null, "promotion_id" text null, "provider_id" text null, constraint "order_shipping_method_adjustment_pkey" primary key ("id"));`);
    this.addSql(`create index "order_shipping_method_adjustment_deleted_at_index" on "order_shipping_method_adjustment" ("deleted_at");`);
    this.addSql(`create index "order_shipping_method_adjustment_shipping_method_id_index" on "order_shipping_method_adjustment" ("shipping_method_id");`);
    this.addSql(`create index "order_shipping_method_adjustment_promotion_id_index" on "order_shipping_method_adjustment" ("promotion_id");`);

    this.addSql(`create table "order_shipping_method_tax_line" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "shipping_method_id" text not null, "code" text not null, "rate" numeric(10,4) not null, "description" text null, "tax_rate_id" text null, "provider_id" text null, constraint "order_shipping_method_tax_line_pkey" primary key ("id"));`);
    this.addSql(`create index "order_shipping_method_tax_line_deleted_at_index" on "order_shipping_method_tax_line" ("deleted_at");`);
    this.addSql(`create index "order_shipping_method_tax_line_shipping_method_id_index" on "order_shipping_method_tax_line" ("shipping_method_id");`);

    this.addSql(`create table "order_summary" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "order_id" text not null, "version" int not null default 1, "totals" jsonb not null, constraint "order_summary_pkey" primary key ("id"));`);
    this.addSql(`create index "order_summary_deleted_at_index" on "order_summary" ("deleted_at");`);
    this.addSql(`create index "order_summary_order_id_index" on "order_summary" ("order_id");`);

    this.addSql(`create table "order_transaction" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "order_id" text not null, "version" int not null default 1, "amount" numeric(20,6) not null, "currency_code" text not null, "reference" text not null, "reference_id" text null, constraint "order_transaction_pkey" primary key ("id"));`);
    this.addSql(`create index "order_transaction_deleted_at_index" on "order_transaction" ("deleted_at");`);
    this.addSql(`create index "order_transaction_order_id_index" on "order_transaction" ("order_id");`);
    this.addSql(`create index "order_transaction_reference_id_index" on "order_transaction" ("reference_id");`);

    this.addSql(`create table "return" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "order_id" text not null, "order_version" int not null default 1, "display_id" serial, "status" text not null default 'requested', "refund_amount" numeric(20,6) null, "location_id" text null, "no_notification" boolean not null default false, "created_by" text null, "metadata" jsonb null, "requested_at" timestamptz null, "received_at" timestamptz null, "canceled_at" timestamptz null, constraint "return_pkey" primary key ("id"));`);
    this.addSql(`create index "return_deleted_at_index" on "return" ("deleted_at");`);
    this.addSql(`create index "return_order_id_index" on "return" ("order_id");`);
    this.addSql(`alter table "return" add constraint "return_display_id_unique" unique ("display_id");`);
    this.addSql(`create index "return_status_index" on "return" ("status");`);

    this.addSql(`create table "return_item" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "return_id" text not null, "item_id" text not null, "quantity" numeric(20,6) not null, "received_quantity" numeric(20,6) not null default 0, "reason_id" text null, "note" text null, "metadata" jsonb null, constraint "return_item_pkey" primary key ("id"));`);
    this.addSql(`create index "return_item_deleted_at_index" on "return_item" ("deleted_at");`);
    this.addSql(`create index "return_item_return_id_index" on "return_item" ("return_id");`);
    this.addSql(`create index "return_item_item_id_index" on "return_item" ("item_id");`);

    this.addSql(`create table "return_reason" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "value" text not null, "label" text not null, "description" text null, "parent_return_reason_id" text null, "metadata" jsonb null, constraint "return_reason_pkey" primary key ("id"));`);
    this.addSql(`create index "return_reason_deleted_at_index" on "return_reason" ("deleted_at");`);
    this.addSql(`create index "return_reason_parent_return_reason_id_index" on "return_reason" ("parent_return_reason_id");`);
    this.addSql(`create unique index "return_reason_value_unique" on "return_reason" ("value") where "deleted_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order" cascade;`);

    this.addSql(`drop table if exists "order_address" cascade;`);

    this.addSql(`drop table if exists "order_credit_line" cascade;`);

    this.addSql(`drop table if exists "order_item" cascade;`);

    this.addSql(`drop table if exists "order_line_item" cascade;`);

    this.addSql(`drop table if exists "order_line_item_adjustment" cascade;`);

    this.addSql(`drop table if exists "order_line_item_tax_line" cascade;`);

    this.addSql(`drop table if exists "order_shipping" cascade;`);

    this.addSql(`drop table if exists "order_shipping_method" cascade;`);

    this.addSql(`drop table if exists "order_shipping_method_adjustment" cascade;`);

    this.addSql(`drop table if exists "order_shipping_method_tax_line" cascade;`);

    this.addSql(`drop table if exists "order_summary" cascade;`);

    this.addSql(`drop table if exists "order_transaction" cascade;`);

    this.addSql(`drop table if exists "return" cascade;`);

    this.addSql(`drop table if exists "return_item" cascade;`);

    this.addSql(`drop table if exists "return_reason" cascade;`);
  }

}
