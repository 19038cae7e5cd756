import { Migration } from '@mikro-orm/migrations';

/**
 * The catalog version rows (1: what store lists count, 2: what store responses show) were bumped by
 * AFTER STATEMENT triggers, each table bumping one or both rows. Two catalog writers could then
 * deadlock: each statement locks its own rows first and a version row last, so two transactions
 * touching rows in opposite orders, or one bumping row 2 only and another row 1 then 2, could each
 * wait for the other. Now one BEFORE STATEMENT trigger bumps both rows in one UPDATE (always in the
 * same order) before the statement locks anything: catalog writers queue on the version rows first
 * and never hold a catalog row while waiting for them. A price change now also renews the list
 * counts (a recount after a price write costs little; a deadlock costs a failed request).
 */
const VERSIONED_TABLES = [
  'product',
  'product_variant',
  'product_option',
  'product_option_value',
  'product_variant_option',
  'image',
  'product_sales_channel',
  'product_category',
  'product_category_product',
  'product_tag',
  'product_tags',
  'product_type',
  'product_collection',
  'product_variant_price_set',
  'price_set',
  'price',
  'price_rule',
  'price_list',
  'price_list_rule',
  'price_preference',
  'region',
  'region_country',
];

/** The triggers the two earlier migrations created. */
const COUNT_TABLES = ['product', 'product_variant', 'product_sales_channel', 'product_category', 'product_category_product', 'product_tag', 'product_tags'];

export class Migration20261121031500_catalog_version_locks extends Migration {

  override async up(): Promise<void> {
    for (const table of COUNT_TABLES) {
      this.addSql(`drop trigger if exists "${table}_catalog_version" on "${table}";`);
      this.addSql(`drop trigger if exists "${table}_catalog_version_truncate" on "${table}";`);
    }
    for (const table of VERSIONED_TABLES) {
      this.addSql(`drop trigger if exists "${table}_store_content_version" on "${table}";`);
      this.addSql(`drop trigger if exists "${table}_store_content_version_truncate" on "${table}";`);
    }
    this.addSql(`drop function if exists catalog_version_bump();`);
    this.addSql(`drop function if exists store_content_version_bump();`);
    this.addSql(`create or replace function catalog_versions_bump() returns trigger language plpgsql as $$
      begin
        update catalog_version set version = version + 1, updated_at = now() where id in (1, 2);
        return null;
      end $$;`);
    for (const table of VERSIONED_TABLES) {
      this.addSql(`create trigger "${table}_catalog_versions" before insert or update or delete or truncate on "${table}"
        for each statement execute function catalog_versions_bump();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of VERSIONED_TABLES) {
      this.addSql(`drop trigger if exists "${table}_catalog_versions" on "${table}";`);
    }
    this.addSql(`drop function if exists catalog_versions_bump();`);
    this.addSql(`create or replace function catalog_version_bump() returns trigger language plpgsql as $$
      begin
        update catalog_version set version = version + 1, updated_at = now() where id = 1;
        return null;
      end $$;`);
    this.addSql(`create or replace function store_content_version_bump() returns trigger language plpgsql as $$
      begin
        update catalog_version set version = version + 1, updated_at = now() where id = 2;
        return null;
      end $$;`);
    for (const table of COUNT_TABLES) {
      this.addSql(`create trigger "${table}_catalog_version" after insert or update or delete on "${table}"
        for each statement execute function catalog_version_bump();`);
      this.addSql(`create trigger "${table}_catalog_version_truncate" after truncate on "${table}"
        for each statement execute function catalog_version_bump();`);
    }
    for (const table of VERSIONED_TABLES) {
      this.addSql(`create trigger "${table}_store_content_version" after insert or update or delete on "${table}"
        for each statement execute function store_content_version_bump();`);
      this.addSql(`create trigger "${table}_store_content_version_truncate" after truncate on "${table}"
        for each statement execute function store_content_version_bump();`);
    }
  }

}
