import { Migration } from '@mikro-orm/migrations';

/** The cart's links: its payment collection (one each way) and its promotion codes. */
export class Migration20261121045151_cart_links extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "cart_payment_collection" ("cart_id" text not null, "payment_collection_id" text not null, "created_at" timestamptz not null default now(), constraint "cart_payment_collection_pkey" primary key ("cart_id"));`);
    this.addSql(`alter table "cart_payment_collection" add constraint "cart_payment_collection_payment_collection_id_unique" unique ("payment_collection_id");`);

    this.addSql(`create table "cart_promotion" ("cart_id" text not null, "promotion_id" text not null, "created_at" timestamptz not null default now(), constraint "cart_promotion_pkey" primary key ("cart_id", "promotion_id"));`);
    this.addSql(`create index "cart_promotion_promotion_id_index" on "cart_promotion" ("promotion_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cart_promotion" cascade;`);
    this.addSql(`drop table if exists "cart_payment_collection" cascade;`);
  }

}
