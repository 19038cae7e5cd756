import { Migration } from '@mikro-orm/migrations';

export class Migration20261121024354_store_sort_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "product_status_title_id_index" on "product" ("status", "title", "id");`);

    this.addSql(`create index "product_variant_variant_rank_id_index" on "product_variant" ("variant_rank", "id");`);
    this.addSql(`create index "product_variant_title_id_index" on "product_variant" ("title", "id");`);
    this.addSql(`create index "product_variant_updated_at_id_index" on "product_variant" ("updated_at", "id");`);
    this.addSql(`create index "product_variant_created_at_id_index" on "product_variant" ("created_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "product_status_title_id_index";`);

    this.addSql(`drop index "product_variant_variant_rank_id_index";`);
    this.addSql(`drop index "product_variant_title_id_index";`);
    this.addSql(`drop index "product_variant_updated_at_id_index";`);
    this.addSql(`drop index "product_variant_created_at_id_index";`);
  }

}
