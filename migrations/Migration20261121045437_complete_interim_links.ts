import { Migration } from '@mikro-orm/migrations';

/**
 * INTERIM (see src/links/interim-payment-links.entity.ts): the CHECKOUT-CART and POST-PURCHASE
 * helpers own these two tables; delete this migration when their migrations are merged.
 */
export class Migration20261121045437_complete_interim_links extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "cart_payment_collection" ("cart_id" text not null, "payment_collection_id" text not null, "created_at" timestamptz not null default now(), constraint "cart_payment_collection_pkey" primary key ("cart_id"));`);
    this.addSql(`alter table "cart_payment_collection" add constraint "cart_payment_collection_payment_collection_id_unique" unique ("payment_collection_id");`);

    this.addSql(`create table "order_payment_collection" ("order_id" text not null, "payment_collection_id" text not null, "created_at" timestamptz not null default now(), constraint "order_payment_collection_pkey" primary key ("order_id", "payment_collection_id"));`);
    this.addSql(`create unique index "order_payment_collection_collection_unique" on "order_payment_collection" ("payment_collection_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cart_payment_collection" cascade;`);

    this.addSql(`drop table if exists "order_payment_collection" cascade;`);
  }

}
