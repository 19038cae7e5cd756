import { Migration } from '@mikro-orm/migrations';

export class Migration20261121043117_tax extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "tax_provider" ("id" text not null, "is_enabled" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "tax_provider_pkey" primary key ("id"));`);
    // the built-in system provider (Medusa registers it as tp_system)
    this.addSql(`insert into "tax_provider" ("id", "is_enabled") values ('tp_system', true);`);

    this.addSql(`create table "tax_rate" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "rate" numeric(10,4) null, "code" text not null, "name" text not null, "is_default" boolean not null default false, "is_combinable" boolean not null default false, "tax_region_id" text not null, "metadata" jsonb null, "created_by" text null, constraint "tax_rate_pkey" primary key ("id"));`);
    this.addSql(`create index "tax_rate_deleted_at_index" on "tax_rate" ("deleted_at");`);
    this.addSql(`create index "tax_rate_tax_region_id_index" on "tax_rate" ("tax_region_id");`);
    this.addSql(`create unique index "tax_rate_single_default_per_region" on "tax_rate" ("tax_region_id") where "is_default" = true and "deleted_at" is null;`);

    this.addSql(`create table "tax_rate_rule" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "tax_rate_id" text not null, "reference" text not null, "reference_id" text not null, "metadata" jsonb null, "created_by" text null, constraint "tax_rate_rule_pkey" primary key ("id"));`);
    this.addSql(`create index "tax_rate_rule_deleted_at_index" on "tax_rate_rule" ("deleted_at");`);
    this.addSql(`create index "tax_rate_rule_tax_rate_id_index" on "tax_rate_rule" ("tax_rate_id");`);
    this.addSql(`create index "tax_rate_rule_reference_id_index" on "tax_rate_rule" ("reference_id");`);
    this.addSql(`create unique index "tax_rate_rule_rate_reference_unique" on "tax_rate_rule" ("tax_rate_id", "reference", "reference_id") where "deleted_at" is null;`);

    this.addSql(`create table "tax_region" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "country_code" text not null, "province_code" text null, "parent_id" text null, "provider_id" text null, "metadata" jsonb null, "created_by" text null, constraint "tax_region_pkey" primary key ("id"));`);
    this.addSql(`create index "tax_region_deleted_at_index" on "tax_region" ("deleted_at");`);
    this.addSql(`create index "tax_region_parent_id_index" on "tax_region" ("parent_id");`);
    this.addSql(`create unique index "tax_region_country_province_unique" on "tax_region" ("country_code", coalesce("province_code", '')) where "deleted_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "tax_provider" cascade;`);

    this.addSql(`drop table if exists "tax_rate" cascade;`);

    this.addSql(`drop table if exists "tax_rate_rule" cascade;`);

    this.addSql(`drop table if exists "tax_region" cascade;`);
  }

}
