import { Migration } from '@mikro-orm/migrations';

export class Migration20261121042744_idempotency_keys extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "idempotency_key" ("id" text not null, "scope" text not null, "key" text not null, "request_fingerprint" text not null, "status" text not null, "response_status" int null, "response_body" jsonb null, "created_at" timestamptz not null default now(), "locked_until" timestamptz not null, "completed_at" timestamptz null, constraint "idempotency_key_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_key" cascade;`);
  }

}
