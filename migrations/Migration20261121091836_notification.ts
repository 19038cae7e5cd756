import { Migration } from '@mikro-orm/migrations';

export class Migration20261121091836_notification extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notification" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "to" text not null, "channel" text not null, "template" text null, "data" jsonb null, "trigger_type" text null, "resource_id" text null, "resource_type" text null, "receiver_id" text null, "original_notification_id" text null, "idempotency_key" text null, "external_id" text null, "provider_id" text null, "status" text check ("status" in ('pending', 'success', 'failure')) not null default 'pending', "error" text null, constraint "notification_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_deleted_at_index" on "notification" ("deleted_at");`);
    this.addSql(`create index "notification_to_index" on "notification" ("to");`);
    this.addSql(`create index "notification_resource_type_index" on "notification" ("resource_type");`);
    this.addSql(`create index "notification_receiver_id_index" on "notification" ("receiver_id");`);
    this.addSql(`alter table "notification" add constraint "IDX_notification_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "notification_provider_id_index" on "notification" ("provider_id");`);
    this.addSql(`create index "IDX_notification_channel_created_at" on "notification" ("channel", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification" cascade;`);
  }

}
