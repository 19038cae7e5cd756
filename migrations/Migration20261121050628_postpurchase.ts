import { Migration } from '@mikro-orm/migrations';

/**
 * The order's after-sale links (payment collections, fulfillments; return fulfillments) and the
 * staged receipt of a return (return_item.receiving_quantity).
 */
export class Migration20261121050628_postpurchase extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "order_payment_collection" ("order_id" text not null, "payment_collection_id" text not null, "created_at" timestamptz not null default now(), constraint "order_payment_collection_pkey" primary key ("order_id", "payment_collection_id"));`);
    this.addSql(`create unique index "order_payment_collection_collection_unique" on "order_payment_collection" ("payment_collection_id");`);

    this.addSql(`create table "order_fulfillment" ("order_id" text not null, "fulfillment_id" text not null, "created_at" timestamptz not null default now(), constraint "order_fulfillment_pkey" primary key ("order_id", "fulfillment_id"));`);
    this.addSql(`create unique index "order_fulfillment_fulfillment_unique" on "order_fulfillment" ("fulfillment_id");`);

    this.addSql(`create table "return_fulfillment" ("return_id" text not null, "fulfillment_id" text not null, "created_at" timestamptz not null default now(), constraint "return_fulfillment_pkey" primary key ("return_id", "fulfillment_id"));`);
    this.addSql(`create unique index "return_fulfillment_fulfillment_unique" on "return_fulfillment" ("fulfillment_id");`);

    this.addSql(`alter table "return_item" add column "receiving_quantity" numeric(20,6) not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_fulfillment" cascade;`);

    this.addSql(`drop table if exists "return_fulfillment" cascade;`);
    this.addSql(`drop table if exists "order_payment_collection" cascade;`);

    this.addSql(`alter table "return_item" drop column "receiving_quantity";`);
  }

}
