import { Migration } from '@mikro-orm/migrations';

/**
 * Tables whose writes can change which products a store list shows (visibility, filters, search):
 * every statement on them bumps catalog_version in the writer's transaction, so a count cached
 * under a version is exact for every snapshot that reads that version.
 */
const VERSIONED_TABLES = [
  'product',
  'product_variant',
  'product_sales_channel',
  'product_category',
  'product_category_product',
  'product_tag',
  'product_tags',
];

export class Migration20261121021549_catalog_version extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "catalog_version" ("id" int not null, "version" bigint not null default 0, "updated_at" timestamptz not null default now(), constraint "catalog_version_pkey" primary key ("id"));`);
    this.addSql(`insert into "catalog_version" ("id", "version") values (1, 0);`);
    this.addSql(`create or replace function catalog_version_bump() returns trigger language plpgsql as $$
      begin
        update catalog_version set version = version + 1, updated_at = now() where id = 1;
        return null;
      end $$;`);
    for (const table of VERSIONED_TABLES) {
      this.addSql(`create trigger "${table}_catalog_version" after insert or update or delete on "${table}"
        for each statement execute function catalog_version_bump();`);
      this.addSql(`create trigger "${table}_catalog_version_truncate" after truncate on "${table}"
        for each statement execute function catalog_version_bump();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of VERSIONED_TABLES) {
      this.addSql(`drop trigger if exists "${table}_catalog_version" on "${table}";`);
      this.addSql(`drop trigger if exists "${table}_catalog_version_truncate" on "${table}";`);
    }
    this.addSql(`drop function if exists catalog_version_bump();`);
    this.addSql(`drop table if exists "catalog_version" cascade;`);
  }

}
