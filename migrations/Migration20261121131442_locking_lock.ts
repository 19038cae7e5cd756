import { Migration } from '@mikro-orm/migrations';

export class Migration20261121131442_locking_lock extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "locking_lock" ("key" text not null, "owner" text not null, "expires_at" timestamptz not null, constraint "locking_lock_pkey" primary key ("key"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "locking_lock" cascade;`);
  }

}
