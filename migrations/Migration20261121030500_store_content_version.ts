import { Migration } from '@mikro-orm/migrations';

/**
 * Everything a cached store product/variant response shows, except stock (never cached): products
 * and their relations, taxonomy, prices, price lists and preferences, and the regions and countries
 * that turn a request's region_id / country_code into a currency. Every statement on these tables
 * bumps catalog_version row 2 in the writer's transaction, so a response cached under a version is
 * exactly what a fresh read would return while that version holds.
 */
const CONTENT_TABLES = [
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

export class Migration20261121030500_store_content_version extends Migration {

  override async up(): Promise<void> {
    this.addSql(`insert into "catalog_version" ("id", "version") values (2, 0) on conflict do nothing;`);
    this.addSql(`create or replace function store_content_version_bump() returns trigger language plpgsql as $$
      begin
        update catalog_version set version = version + 1, updated_at = now() where id = 2;
        return null;
      end $$;`);
    for (const table of CONTENT_TABLES) {
      this.addSql(`create trigger "${table}_store_content_version" after insert or update or delete on "${table}"
        for each statement execute function store_content_version_bump();`);
      this.addSql(`create trigger "${table}_store_content_version_truncate" after truncate on "${table}"
        for each statement execute function store_content_version_bump();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of CONTENT_TABLES) {
      this.addSql(`drop trigger if exists "${table}_store_content_version" on "${table}";`);
      this.addSql(`drop trigger if exists "${table}_store_content_version_truncate" on "${table}";`);
    }
    this.addSql(`drop function if exists store_content_version_bump();`);
    this.addSql(`delete from "catalog_version" where "id" = 2;`);
  }

}
