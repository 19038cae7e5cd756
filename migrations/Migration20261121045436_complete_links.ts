import { Migration } from '@mikro-orm/migrations';

export class Migration20261121045436_complete_links extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "order_cart" ("order_id" text not null, "cart_id" text not null, "created_at" timestamptz not null default now(), constraint "order_cart_pkey" primary key ("order_id"));`);
    this.addSql(`alter table "order_cart" add constraint "order_cart_cart_id_unique" unique ("cart_id");`);

    this.addSql(`create table "order_promotion" ("order_id" text not null, "promotion_id" text not null, "created_at" timestamptz not null default now(), constraint "order_promotion_pkey" primary key ("order_id", "promotion_id"));`);
    this.addSql(`create index "order_promotion_promotion_id_index" on "order_promotion" ("promotion_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_cart" cascade;`);

    this.addSql(`drop table if exists "order_promotion" cascade;`);
  }

}
