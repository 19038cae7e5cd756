import { Migration } from '@mikro-orm/migrations';

export class Migration20261121043300_promotion extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "promotion_application_method" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "value" numeric(20,6) not null, "currency_code" text null, "max_quantity" int null, "type" text check ("type" in ('fixed', 'percentage')) not null, "target_type" text check ("target_type" in ('items', 'shipping_methods', 'order')) not null, "allocation" text check ("allocation" in ('each', 'across')) null, "buy_rules_min_quantity" int null, "apply_to_quantity" int null, "promotion_id" text not null, constraint "promotion_application_method_pkey" primary key ("id"));`);
    this.addSql(`create index "promotion_application_method_deleted_at_index" on "promotion_application_method" ("deleted_at");`);
    this.addSql(`create index "promotion_application_method_target_type_index" on "promotion_application_method" ("target_type");`);
    this.addSql(`create unique index "promotion_application_method_promotion_id_unique" on "promotion_application_method" ("promotion_id") where "deleted_at" is null;`);

    this.addSql(`create table "application_method_buy_rules" ("application_method_id" text not null, "promotion_rule_id" text not null, constraint "application_method_buy_rules_pkey" primary key ("application_method_id", "promotion_rule_id"));`);
    this.addSql(`create index "application_method_buy_rules_promotion_rule_id_index" on "application_method_buy_rules" ("promotion_rule_id");`);

    this.addSql(`create table "application_method_target_rules" ("application_method_id" text not null, "promotion_rule_id" text not null, constraint "application_method_target_rules_pkey" primary key ("application_method_id", "promotion_rule_id"));`);
    this.addSql(`create index "application_method_target_rules_promotion_rule_id_index" on "application_method_target_rules" ("promotion_rule_id");`);

    this.addSql(`create table "promotion_campaign" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "name" text not null, "description" text null, "campaign_identifier" text not null, "starts_at" timestamptz null, "ends_at" timestamptz null, constraint "promotion_campaign_pkey" primary key ("id"));`);
    this.addSql(`create index "promotion_campaign_deleted_at_index" on "promotion_campaign" ("deleted_at");`);
    this.addSql(`create unique index "promotion_campaign_identifier_unique" on "promotion_campaign" ("campaign_identifier") where "deleted_at" is null;`);

    this.addSql(`create table "promotion_campaign_budget" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "type" text check ("type" in ('spend', 'usage')) not null, "currency_code" text null, "limit" numeric(20,6) null, "used" numeric(20,6) not null default 0, "campaign_id" text not null, constraint "promotion_campaign_budget_pkey" primary key ("id"));`);
    this.addSql(`create index "promotion_campaign_budget_deleted_at_index" on "promotion_campaign_budget" ("deleted_at");`);
    this.addSql(`create unique index "promotion_campaign_budget_campaign_id_unique" on "promotion_campaign_budget" ("campaign_id") where "deleted_at" is null;`);

    this.addSql(`create table "promotion" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "code" text not null, "type" text check ("type" in ('standard', 'buyget')) not null, "is_automatic" boolean not null default false, "is_tax_inclusive" boolean not null default false, "status" text check ("status" in ('draft', 'active', 'inactive')) not null default 'draft', "campaign_id" text null, "metadata" jsonb null, constraint "promotion_pkey" primary key ("id"));`);
    this.addSql(`create index "promotion_deleted_at_index" on "promotion" ("deleted_at");`);
    this.addSql(`create index "promotion_campaign_id_index" on "promotion" ("campaign_id");`);
    this.addSql(`create index "promotion_is_automatic_status_index" on "promotion" ("is_automatic", "status");`);
    this.addSql(`create unique index "promotion_code_unique" on "promotion" (lower("code")) where "deleted_at" is null;`);

    this.addSql(`create table "promotion_promotion_rule" ("promotion_id" text not null, "promotion_rule_id" text not null, constraint "promotion_promotion_rule_pkey" primary key ("promotion_id", "promotion_rule_id"));`);
    this.addSql(`create index "promotion_promotion_rule_promotion_rule_id_index" on "promotion_promotion_rule" ("promotion_rule_id");`);

    this.addSql(`create table "promotion_rule" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "description" text null, "attribute" text not null, "operator" text check ("operator" in ('in', 'eq', 'ne', 'gt', 'gte', 'lt', 'lte')) not null, constraint "promotion_rule_pkey" primary key ("id"));`);
    this.addSql(`create index "promotion_rule_deleted_at_index" on "promotion_rule" ("deleted_at");`);
    this.addSql(`create index "promotion_rule_attribute_index" on "promotion_rule" ("attribute");`);

    this.addSql(`create table "promotion_rule_value" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "promotion_rule_id" text not null, "value" text not null, constraint "promotion_rule_value_pkey" primary key ("id"));`);
    this.addSql(`create index "promotion_rule_value_deleted_at_index" on "promotion_rule_value" ("deleted_at");`);
    this.addSql(`create index "promotion_rule_value_promotion_rule_id_index" on "promotion_rule_value" ("promotion_rule_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "promotion_application_method" cascade;`);

    this.addSql(`drop table if exists "application_method_buy_rules" cascade;`);

    this.addSql(`drop table if exists "application_method_target_rules" cascade;`);

    this.addSql(`drop table if exists "promotion_campaign" cascade;`);

    this.addSql(`drop table if exists "promotion_campaign_budget" cascade;`);

    this.addSql(`drop table if exists "promotion" cascade;`);

    this.addSql(`drop table if exists "promotion_promotion_rule" cascade;`);

    this.addSql(`drop table if exists "promotion_rule" cascade;`);

    this.addSql(`drop table if exists "promotion_rule_value" cascade;`);
  }

}
