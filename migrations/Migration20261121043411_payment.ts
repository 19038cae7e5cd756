import { Migration } from '@mikro-orm/migrations';

export class Migration20261121043411_payment extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "capture" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "amount" numeric(20,6) not null, "payment_id" text not null, "created_by" text null, "metadata" jsonb null, constraint "capture_pkey" primary key ("id"));`);
    this.addSql(`create index "capture_deleted_at_index" on "capture" ("deleted_at");`);
    this.addSql(`create index "capture_payment_id_index" on "capture" ("payment_id");`);

    this.addSql(`create table "payment" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "amount" numeric(20,6) not null, "currency_code" text not null, "provider_id" text not null, "data" jsonb not null default '{}', "captured_at" timestamptz null, "canceled_at" timestamptz null, "payment_collection_id" text not null, "payment_session_id" text not null, "metadata" jsonb null, constraint "payment_pkey" primary key ("id"));`);
    this.addSql(`create index "payment_deleted_at_index" on "payment" ("deleted_at");`);
    this.addSql(`create index "payment_provider_id_index" on "payment" ("provider_id");`);
    this.addSql(`create index "payment_payment_collection_id_index" on "payment" ("payment_collection_id");`);
    this.addSql(`create unique index "payment_payment_session_id_unique" on "payment" ("payment_session_id") where "deleted_at" is null;`);
    this.addSql(`create index "payment_created_at_id_index" on "payment" ("created_at", "id");`);

    this.addSql(`create table "payment_collection" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "currency_code" text not null, "amount" numeric(20,6) not null, "authorized_amount" numeric(20,6) not null default 0, "captured_amount" numeric(20,6) not null default 0, "refunded_amount" numeric(20,6) not null default 0, "status" text not null default 'not_paid', "completed_at" timestamptz null, "metadata" jsonb null, constraint "payment_collection_pkey" primary key ("id"));`);
    this.addSql(`create index "payment_collection_deleted_at_index" on "payment_collection" ("deleted_at");`);
    this.addSql(`create index "payment_collection_status_index" on "payment_collection" ("status");`);

    this.addSql(`create table "payment_provider" ("id" text not null, "is_enabled" boolean not null default true, "created_at" timestamptz not null default now(), constraint "payment_provider_pkey" primary key ("id"));`);

    this.addSql(`create table "payment_session" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "currency_code" text not null, "amount" numeric(20,6) not null, "provider_id" text not null, "data" jsonb not null default '{}', "context" jsonb not null default '{}', "status" text not null default 'pending', "authorized_at" timestamptz null, "payment_collection_id" text not null, "metadata" jsonb null, constraint "payment_session_pkey" primary key ("id"));`);
    this.addSql(`create index "payment_session_deleted_at_index" on "payment_session" ("deleted_at");`);
    this.addSql(`create index "payment_session_provider_id_index" on "payment_session" ("provider_id");`);
    this.addSql(`create index "payment_session_payment_collection_id_index" on "payment_session" ("payment_collection_id");`);

    this.addSql(`create table "refund" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "amount" numeric(20,6) not null, "payment_id" text not null, "refund_reason_id" text null, "note" text null, "created_by" text null, "metadata" jsonb null, constraint "refund_pkey" primary key ("id"));`);
    this.addSql(`create index "refund_deleted_at_index" on "refund" ("deleted_at");`);
    this.addSql(`create index "refund_payment_id_index" on "refund" ("payment_id");`);
    this.addSql(`create index "refund_refund_reason_id_index" on "refund" ("refund_reason_id");`);

    this.addSql(`create table "refund_reason" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "label" text not null, "code" text null, "description" text null, "metadata" jsonb null, constraint "refund_reason_pkey" primary key ("id"));`);
    this.addSql(`create index "refund_reason_deleted_at_index" on "refund_reason" ("deleted_at");`);
    this.addSql(`create unique index "refund_reason_code_unique" on "refund_reason" ("code") where "deleted_at" is null;`);

    this.addSql(`create table "region_payment_provider" ("region_id" text not null, "payment_provider_id" text not null, "created_at" timestamptz not null default now(), constraint "region_payment_provider_pkey" primary key ("region_id", "payment_provider_id"));`);
    this.addSql(`create index "region_payment_provider_payment_provider_id_index" on "region_payment_provider" ("payment_provider_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "capture" cascade;`);

    this.addSql(`drop table if exists "payment" cascade;`);

    this.addSql(`drop table if exists "payment_collection" cascade;`);

    this.addSql(`drop table if exists "payment_provider" cascade;`);

    this.addSql(`drop table if exists "payment_session" cascade;`);

    this.addSql(`drop table if exists "refund" cascade;`);

    this.addSql(`drop table if exists "refund_reason" cascade;`);

    this.addSql(`drop table if exists "region_payment_provider" cascade;`);
  }

}
