import { Migration } from '@mikro-orm/migrations';

export class Migration20261121043208_customer extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "customer" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "email" text null, "company_name" text null, "first_name" text null, "last_name" text null, "phone" text null, "has_account" boolean not null default false, "metadata" jsonb null, "created_by" text null, constraint "customer_pkey" primary key ("id"));`);
    this.addSql(`create index "customer_deleted_at_index" on "customer" ("deleted_at");`);
    this.addSql(`create index "customer_search_trgm" on "customer" using gin ("email" gin_trgm_ops, "first_name" gin_trgm_ops, "last_name" gin_trgm_ops, "company_name" gin_trgm_ops);`);
    this.addSql(`create unique index "customer_email_has_account_unique" on "customer" ("email", "has_account") where "deleted_at" is null;`);

    this.addSql(`create table "customer_address" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "customer_id" text not null, "address_name" text null, "is_default_shipping" boolean not null default false, "is_default_billing" boolean not null default false, "company" text null, "first_name" text null, "last_name" text null, "address_1" text null, "address_2" text null, "city" text null, "country_code" text null, "province" text null, "postal_code" text null, "phone" text null, "metadata" jsonb null, constraint "customer_address_pkey" primary key ("id"));`);
    this.addSql(`create index "customer_address_deleted_at_index" on "customer_address" ("deleted_at");`);
    this.addSql(`create index "customer_address_customer_id_index" on "customer_address" ("customer_id");`);
    this.addSql(`create unique index "customer_address_default_billing_unique" on "customer_address" ("customer_id") where "is_default_billing" = true and "deleted_at" is null;`);
    this.addSql(`create unique index "customer_address_default_shipping_unique" on "customer_address" ("customer_id") where "is_default_shipping" = true and "deleted_at" is null;`);

    this.addSql(`create table "customer_group" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "name" text not null, "metadata" jsonb null, "created_by" text null, constraint "customer_group_pkey" primary key ("id"));`);
    this.addSql(`create index "customer_group_deleted_at_index" on "customer_group" ("deleted_at");`);
    this.addSql(`create unique index "customer_group_name_unique" on "customer_group" ("name") where "deleted_at" is null;`);

    this.addSql(`create table "customer_group_customer" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "customer_id" text not null, "customer_group_id" text not null, "created_by" text null, "metadata" jsonb null, constraint "customer_group_customer_pkey" primary key ("id"));`);
    this.addSql(`create index "customer_group_customer_deleted_at_index" on "customer_group_customer" ("deleted_at");`);
    this.addSql(`create index "customer_group_customer_customer_group_id_index" on "customer_group_customer" ("customer_group_id");`);
    this.addSql(`create unique index "customer_group_customer_unique" on "customer_group_customer" ("customer_id", "customer_group_id") where "deleted_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer" cascade;`);

    this.addSql(`drop table if exists "customer_address" cascade;`);

    this.addSql(`drop table if exists "customer_group" cascade;`);

    this.addSql(`drop table if exists "customer_group_customer" cascade;`);
  }

}
