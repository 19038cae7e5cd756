import { Migration } from '@mikro-orm/migrations';

export class Migration20261121043651_fulfillment extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "fulfillment_address" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "company" text null, "first_name" text null, "last_name" text null, "address_1" text null, "address_2" text null, "city" text null, "country_code" text null, "province" text null, "postal_code" text null, "phone" text null, "metadata" jsonb null, constraint "fulfillment_address_pkey" primary key ("id"));`);
    this.addSql(`create index "fulfillment_address_deleted_at_index" on "fulfillment_address" ("deleted_at");`);

    this.addSql(`create table "fulfillment" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "location_id" text not null, "packed_at" timestamptz null, "shipped_at" timestamptz null, "delivered_at" timestamptz null, "canceled_at" timestamptz null, "data" jsonb null, "provider_id" text not null, "shipping_option_id" text null, "metadata" jsonb null, "delivery_address_id" text null, constraint "fulfillment_pkey" primary key ("id"));`);
    this.addSql(`create index "fulfillment_deleted_at_index" on "fulfillment" ("deleted_at");`);
    this.addSql(`create index "fulfillment_location_id_index" on "fulfillment" ("location_id");`);
    this.addSql(`create index "fulfillment_provider_id_index" on "fulfillment" ("provider_id");`);
    this.addSql(`create index "fulfillment_shipping_option_id_index" on "fulfillment" ("shipping_option_id");`);
    this.addSql(`alter table "fulfillment" add constraint "fulfillment_delivery_address_id_unique" unique ("delivery_address_id");`);

    this.addSql(`create table "fulfillment_item" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "title" text not null, "sku" text null, "barcode" text null, "quantity" int not null, "line_item_id" text null, "inventory_item_id" text null, "fulfillment_id" text not null, constraint "fulfillment_item_pkey" primary key ("id"));`);
    this.addSql(`create index "fulfillment_item_deleted_at_index" on "fulfillment_item" ("deleted_at");`);
    this.addSql(`create index "fulfillment_item_line_item_id_index" on "fulfillment_item" ("line_item_id");`);
    this.addSql(`create index "fulfillment_item_inventory_item_id_index" on "fulfillment_item" ("inventory_item_id");`);
    this.addSql(`create index "fulfillment_item_fulfillment_id_index" on "fulfillment_item" ("fulfillment_id");`);

    this.addSql(`create table "fulfillment_label" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "tracking_number" text not null, "tracking_url" text not null, "label_url" text not null, "fulfillment_id" text not null, constraint "fulfillment_label_pkey" primary key ("id"));`);
    this.addSql(`create index "fulfillment_label_deleted_at_index" on "fulfillment_label" ("deleted_at");`);
    this.addSql(`create index "fulfillment_label_fulfillment_id_index" on "fulfillment_label" ("fulfillment_id");`);

    this.addSql(`create table "fulfillment_provider" ("id" text not null, "is_enabled" boolean not null default true, "created_at" timestamptz not null default now(), constraint "fulfillment_provider_pkey" primary key ("id"));`);

    this.addSql(`create table "fulfillment_set" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "name" text not null, "type" text not null, "metadata" jsonb null, constraint "fulfillment_set_pkey" primary key ("id"));`);
    this.addSql(`create index "fulfillment_set_deleted_at_index" on "fulfillment_set" ("deleted_at");`);
    this.addSql(`create unique index "fulfillment_set_name_unique" on "fulfillment_set" ("name") where "deleted_at" is null;`);

    this.addSql(`create table "location_fulfillment_provider" ("stock_location_id" text not null, "fulfillment_provider_id" text not null, "created_at" timestamptz not null default now(), constraint "location_fulfillment_provider_pkey" primary key ("stock_location_id", "fulfillment_provider_id"));`);
    this.addSql(`create index "location_fulfillment_provider_fulfillment_provider_id_index" on "location_fulfillment_provider" ("fulfillment_provider_id");`);

    this.addSql(`create table "location_fulfillment_set" ("stock_location_id" text not null, "fulfillment_set_id" text not null, "created_at" timestamptz not null default now(), constraint "location_fulfillment_set_pkey" primary key ("stock_location_id", "fulfillment_set_id"));`);
    this.addSql(`create unique index "location_fulfillment_set_set_unique" on "location_fulfillment_set" ("fulfillment_set_id");`);

    this.addSql(`create table "service_zone" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "name" text not null, "fulfillment_set_id" text not null, "metadata" jsonb null, constraint "service_zone_pkey" primary key ("id"));`);
    this.addSql(`create index "service_zone_deleted_at_index" on "service_zone" ("deleted_at");`);
    this.addSql(`create index "service_zone_fulfillment_set_id_index" on "service_zone" ("fulfillment_set_id");`);
    this.addSql(`create unique index "service_zone_name_unique" on "service_zone" ("name") where "deleted_at" is null;`);

    this.addSql(`create table "geo_zone" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "type" text not null, "country_code" text not null, "province_code" text null, "city" text null, "postal_expression" jsonb null, "service_zone_id" text not null, "metadata" jsonb null, constraint "geo_zone_pkey" primary key ("id"));`);
    this.addSql(`create index "geo_zone_deleted_at_index" on "geo_zone" ("deleted_at");`);
    this.addSql(`create index "geo_zone_service_zone_id_index" on "geo_zone" ("service_zone_id");`);
    this.addSql(`create index "geo_zone_country_code_index" on "geo_zone" ("country_code");`);

    this.addSql(`create table "shipping_option_price_set" ("shipping_option_id" text not null, "price_set_id" text not null, "created_at" timestamptz not null default now(), constraint "shipping_option_price_set_pkey" primary key ("shipping_option_id"));`);
    this.addSql(`create unique index "shipping_option_price_set_price_set_unique" on "shipping_option_price_set" ("price_set_id");`);

    this.addSql(`create table "shipping_option_type" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "label" text not null, "description" text null, "code" text not null, constraint "shipping_option_type_pkey" primary key ("id"));`);
    this.addSql(`create index "shipping_option_type_deleted_at_index" on "shipping_option_type" ("deleted_at");`);

    this.addSql(`create table "shipping_profile" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "name" text not null, "type" text not null, "metadata" jsonb null, constraint "shipping_profile_pkey" primary key ("id"));`);
    this.addSql(`create index "shipping_profile_deleted_at_index" on "shipping_profile" ("deleted_at");`);
    this.addSql(`create unique index "shipping_profile_name_unique" on "shipping_profile" ("name") where "deleted_at" is null;`);

    this.addSql(`create table "shipping_option" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "name" text not null, "price_type" text not null default 'flat', "service_zone_id" text not null, "shipping_profile_id" text not null, "provider_id" text not null, "shipping_option_type_id" text not null, "data" jsonb null, "metadata" jsonb null, constraint "shipping_option_pkey" primary key ("id"));`);
    this.addSql(`create index "shipping_option_deleted_at_index" on "shipping_option" ("deleted_at");`);
    this.addSql(`create index "shipping_option_service_zone_id_index" on "shipping_option" ("service_zone_id");`);
    this.addSql(`create index "shipping_option_shipping_profile_id_index" on "shipping_option" ("shipping_profile_id");`);
    this.addSql(`create index "shipping_option_provider_id_index" on "shipping_option" ("provider_id");`);
    this.addSql(`create index "shipping_option_shipping_option_type_id_index" on "shipping_option" ("shipping_option_type_id");`);

    this.addSql(`create table "shipping_option_rule" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "attribute" text not null, "operator" text not null, "value" jsonb not null, "shipping_option_id" text not null, constraint "shipping_option_rule_pkey" primary key ("id"));`);
    this.addSql(`create index "shipping_option_rule_deleted_at_index" on "shipping_option_rule" ("deleted_at");`);
    this.addSql(`create index "shipping_option_rule_shipping_option_id_index" on "shipping_option_rule" ("shipping_option_id");`);

    this.addSql(`alter table "fulfillment" add constraint "fulfillment_delivery_address_id_foreign" foreign key ("delivery_address_id") references "fulfillment_address" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "fulfillment_item" add constraint "fulfillment_item_fulfillment_id_foreign" foreign key ("fulfillment_id") references "fulfillment" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "fulfillment_label" add constraint "fulfillment_label_fulfillment_id_foreign" foreign key ("fulfillment_id") references "fulfillment" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "service_zone" add constraint "service_zone_fulfillment_set_id_foreign" foreign key ("fulfillment_set_id") references "fulfillment_set" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "geo_zone" add constraint "geo_zone_service_zone_id_foreign" foreign key ("service_zone_id") references "service_zone" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "shipping_option" add constraint "shipping_option_service_zone_id_foreign" foreign key ("service_zone_id") references "service_zone" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "shipping_option" add constraint "shipping_option_shipping_profile_id_foreign" foreign key ("shipping_profile_id") references "shipping_profile" ("id") on update cascade;`);
    this.addSql(`alter table "shipping_option" add constraint "shipping_option_provider_id_foreign" foreign key ("provider_id") references "fulfillment_provider" ("id") on update cascade;`);
    this.addSql(`alter table "shipping_option" add constraint "shipping_option_shipping_option_type_id_foreign" foreign key ("shipping_option_type_id") references "shipping_option_type" ("id") on update cascade;`);

    this.addSql(`alter table "shipping_option_rule" add constraint "shipping_option_rule_shipping_option_id_foreign" foreign key ("shipping_option_id") references "shipping_option" ("id") on update cascade on delete cascade;`);

    // the built-in provider; others are written at boot by the providers that register them
    this.addSql(`insert into "fulfillment_provider" ("id", "is_enabled") values ('manual_manual', true) on conflict do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "fulfillment" drop constraint "fulfillment_delivery_address_id_foreign";`);

    this.addSql(`alter table "fulfillment_item" drop constraint "fulfillment_item_fulfillment_id_foreign";`);

    this.addSql(`alter table "fulfillment_label" drop constraint "fulfillment_label_fulfillment_id_foreign";`);

    this.addSql(`alter table "shipping_option" drop constraint "shipping_option_provider_id_foreign";`);

    this.addSql(`alter table "service_zone" drop constraint "service_zone_fulfillment_set_id_foreign";`);

    this.addSql(`alter table "geo_zone" drop constraint "geo_zone_service_zone_id_foreign";`);

    this.addSql(`alter table "shipping_option" drop constraint "shipping_option_service_zone_id_foreign";`);

    this.addSql(`alter table "shipping_option" drop constraint "shipping_option_shipping_option_type_id_foreign";`);

    this.addSql(`alter table "shipping_option" drop constraint "shipping_option_shipping_profile_id_foreign";`);

    this.addSql(`alter table "shipping_option_rule" drop constraint "shipping_option_rule_shipping_option_id_foreign";`);

    this.addSql(`drop table if exists "fulfillment_address" cascade;`);

    this.addSql(`drop table if exists "fulfillment" cascade;`);

    this.addSql(`drop table if exists "fulfillment_item" cascade;`);

    this.addSql(`drop table if exists "fulfillment_label" cascade;`);

    this.addSql(`drop table if exists "fulfillment_provider" cascade;`);

    this.addSql(`drop table if exists "fulfillment_set" cascade;`);

    this.addSql(`drop table if exists "location_fulfillment_provider" cascade;`);

    this.addSql(`drop table if exists "location_fulfillment_set" cascade;`);

    this.addSql(`drop table if exists "service_zone" cascade;`);

    this.addSql(`drop table if exists "geo_zone" cascade;`);

    this.addSql(`drop table if exists "shipping_option_price_set" cascade;`);

    this.addSql(`drop table if exists "shipping_option_type" cascade;`);

    this.addSql(`drop table if exists "shipping_profile" cascade;`);

    this.addSql(`drop table if exists "shipping_option" cascade;`);

    this.addSql(`drop table if exists "shipping_option_rule" cascade;`);
  }

}
