import { Migration } from '@mikro-orm/migrations';

/** The subscribers' inbox: which events each subscriber has applied (EventInbox.once), pruned by age. */
export class Migration20261121091855_event_inbox extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "event_inbox" ("event_id" text not null, "subscriber_id" text not null, "processed_at" timestamptz not null default now(), constraint "event_inbox_pkey" primary key ("event_id", "subscriber_id"));`);
    this.addSql(`create index "event_inbox_processed_at_idx" on "event_inbox" ("processed_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "event_inbox" cascade;`);
  }

}
