import { Migration } from '@mikro-orm/migrations';

/** Stheno's entities no longer index `deleted_at` alone (see Stheno's own drop_deleted_at_indexes migration); nor does this plugin's. */
export class Migration20261122000900_hello_drop_deleted_at_index extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index if exists "hello_greeting_deleted_at_index";`);
  }

  override async down(): Promise<void> {
    this.addSql(`create index "hello_greeting_deleted_at_index" on "hello_greeting" ("deleted_at");`);
  }

}
