import { Migration } from '@mikro-orm/migrations';

/**
 * CHECKOUT-CART's link tables. `cart_payment_collection` (entity in src/links/cart-links.entity.ts)
 * is created by `*_complete_interim_links.ts` (COMPLETE helper) with the same definition; when that interim
 * migration is cleaned up, move its cart_payment_collection statements here.
 */
export class Migration20261121045151_cart_links extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "cart_promotion" ("cart_id" text not null, "promotion_id" text not null, "created_at" timestamptz not null default now(), constraint "cart_promotion_pkey" primary key ("cart_id", "promotion_id"));`);
    this.addSql(`create index "cart_promotion_promotion_id_index" on "cart_promotion" ("promotion_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cart_promotion" cascade;`);
  }

}
