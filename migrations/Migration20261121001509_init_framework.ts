import { Migration } from '@mikro-orm/migrations';

export class Migration20261121001509_init_framework extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "event_outbox" ("id" text not null, "name" text not null, "data" jsonb not null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "available_at" timestamptz not null default now(), "locked_until" timestamptz null, "attempts" int not null default 0, "dispatched_at" timestamptz null, "last_error" text null, constraint "event_outbox_pkey" primary key ("id"));`);
    this.addSql(`create index "event_outbox_pending_idx" on "event_outbox" ("created_at") where "dispatched_at" is null;`);

    this.addSql(`create table "seed_run" ("name" text not null, "ran_at" timestamptz not null default now(), constraint "seed_run_pkey" primary key ("name"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "event_outbox" cascade;`);

    this.addSql(`drop table if exists "seed_run" cascade;`);
  }

}
