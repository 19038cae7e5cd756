import { Migration } from '@mikro-orm/migrations';

export class Migration20261121091931_hello_greeting extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "hello_greeting" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "message" text not null, "customer_id" text null, "event_id" text null, constraint "hello_greeting_pkey" primary key ("id"));`);
    this.addSql(`create index "hello_greeting_deleted_at_index" on "hello_greeting" ("deleted_at");`);
    this.addSql(`create index "hello_greeting_customer_id_index" on "hello_greeting" ("customer_id");`);
    this.addSql(`create unique index "hello_greeting_event_id_unique" on "hello_greeting" ("event_id") where "event_id" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "hello_greeting" cascade;`);
  }

}
