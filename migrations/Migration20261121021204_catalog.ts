import { Migration } from '@mikro-orm/migrations';

export class Migration20261121021204_catalog extends Migration {

  override async up(): Promise<void> {
    // trigram indexes back catalog search's fallback for partial words (PGlite loads the extension too)
    this.addSql(`create extension if not exists pg_trgm;`);

    this.addSql(`create table "inventory_item" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "sku" text null, "origin_country" text null, "hs_code" text null, "mid_code" text null, "material" text null, "weight" int null, "length" int null, "height" int null, "width" int null, "requires_shipping" boolean not null default true, "description" text null, "title" text null, "thumbnail" text null, "metadata" jsonb null, constraint "inventory_item_pkey" primary key ("id"));`);
    this.addSql(`create index "inventory_item_deleted_at_index" on "inventory_item" ("deleted_at");`);
    this.addSql(`create unique index "inventory_item_sku_unique" on "inventory_item" ("sku") where "deleted_at" is null;`);

    this.addSql(`create table "inventory_level" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "inventory_item_id" text not null, "location_id" text not null, "stocked_quantity" int not null default 0, "reserved_quantity" int not null default 0, "incoming_quantity" int not null default 0, "metadata" jsonb null, constraint "inventory_level_pkey" primary key ("id"));`);
    this.addSql(`create index "inventory_level_deleted_at_index" on "inventory_level" ("deleted_at");`);
    this.addSql(`create index "inventory_level_inventory_item_id_index" on "inventory_level" ("inventory_item_id");`);
    this.addSql(`create index "inventory_level_location_id_index" on "inventory_level" ("location_id");`);
    this.addSql(`create unique index "inventory_level_item_location_unique" on "inventory_level" ("inventory_item_id", "location_id") where "deleted_at" is null;`);

    this.addSql(`create table "price_list" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "title" text not null, "description" text not null default '', "status" text check ("status" in ('active', 'draft')) not null default 'draft', "type" text check ("type" in ('sale', 'override')) not null default 'sale', "starts_at" timestamptz null, "ends_at" timestamptz null, "rules_count" int not null default 0, constraint "price_list_pkey" primary key ("id"));`);
    this.addSql(`create index "price_list_deleted_at_index" on "price_list" ("deleted_at");`);
    this.addSql(`create index "price_list_status_starts_at_ends_at_index" on "price_list" ("status", "starts_at", "ends_at");`);

    this.addSql(`create table "price_list_rule" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "attribute" text not null, "value" jsonb not null, "price_list_id" text not null, constraint "price_list_rule_pkey" primary key ("id"));`);
    this.addSql(`create index "price_list_rule_deleted_at_index" on "price_list_rule" ("deleted_at");`);
    this.addSql(`create index "price_list_rule_price_list_id_index" on "price_list_rule" ("price_list_id");`);

    this.addSql(`create table "price_preference" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "attribute" text not null, "value" text not null, "is_tax_inclusive" boolean not null default false, constraint "price_preference_pkey" primary key ("id"));`);
    this.addSql(`create index "price_preference_deleted_at_index" on "price_preference" ("deleted_at");`);
    this.addSql(`create unique index "price_preference_attribute_value_unique" on "price_preference" ("attribute", "value") where "deleted_at" is null;`);

    this.addSql(`create table "price_set" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "price_set_pkey" primary key ("id"));`);
    this.addSql(`create index "price_set_deleted_at_index" on "price_set" ("deleted_at");`);

    this.addSql(`create table "price" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "title" text null, "currency_code" text not null, "amount" numeric(20,6) not null, "min_quantity" numeric(20,6) null, "max_quantity" numeric(20,6) null, "rules_count" int not null default 0, "price_set_id" text not null, "price_list_id" text null, constraint "price_pkey" primary key ("id"));`);
    this.addSql(`create index "price_deleted_at_index" on "price" ("deleted_at");`);
    this.addSql(`create index "price_price_list_id_index" on "price" ("price_list_id");`);
    this.addSql(`create index "price_price_set_id_currency_code_index" on "price" ("price_set_id", "currency_code");`);

    this.addSql(`create table "price_rule" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "attribute" text not null, "operator" text not null default 'eq', "value" text not null, "priority" int not null default 0, "price_id" text not null, constraint "price_rule_pkey" primary key ("id"));`);
    this.addSql(`create index "price_rule_deleted_at_index" on "price_rule" ("deleted_at");`);
    this.addSql(`create index "price_rule_price_id_index" on "price_rule" ("price_id");`);
    this.addSql(`create index "price_rule_attribute_value_index" on "price_rule" ("attribute", "value");`);

    this.addSql(`create table "product" ("id" text not null, "created_at" timestamptz not null default now(), "deleted_at" timestamptz null, "title" text not null, "handle" text not null, "subtitle" text null, "description" text null, "is_giftcard" boolean not null default false, "status" text check ("status" in ('draft', 'proposed', 'published', 'rejected')) not null default 'draft', "thumbnail" text null, "weight" int null, "length" int null, "height" int null, "width" int null, "origin_country" text null, "hs_code" text null, "mid_code" text null, "material" text null, "collection_id" text null, "type_id" text null, "discountable" boolean not null default true, "external_id" text null, "metadata" jsonb null, "updated_at" timestamptz not null default now(), "search_vector" tsvector null, constraint "product_pkey" primary key ("id"));`);
    this.addSql(`create index "product_deleted_at_index" on "product" ("deleted_at");`);
    this.addSql(`create index "product_collection_id_index" on "product" ("collection_id");`);
    this.addSql(`create index "product_type_id_index" on "product" ("type_id");`);
    this.addSql(`create index "product_updated_at_index" on "product" ("updated_at");`);
    this.addSql(`create index "product_title_trgm" on "product" using gin (lower("title") gin_trgm_ops);`);
    this.addSql(`create index "product_search_vector_gin" on "product" using gin ("search_vector");`);
    this.addSql(`create unique index "product_handle_unique" on "product" ("handle") where "deleted_at" is null;`);
    this.addSql(`create index "product_status_created_at_index" on "product" ("status", "created_at");`);

    this.addSql(`create table "product_category" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "name" text not null, "description" text not null default '', "handle" text not null, "mpath" text not null, "is_active" boolean not null default false, "is_internal" boolean not null default false, "rank" int not null default 0, "parent_category_id" text null, "metadata" jsonb null, constraint "product_category_pkey" primary key ("id"));`);
    this.addSql(`create index "product_category_deleted_at_index" on "product_category" ("deleted_at");`);
    this.addSql(`create index "product_category_parent_category_id_rank_index" on "product_category" ("parent_category_id", "rank");`);
    this.addSql(`create index "product_category_mpath_prefix" on "product_category" ("mpath" text_pattern_ops);`);
    this.addSql(`create unique index "product_category_handle_unique" on "product_category" ("handle") where "deleted_at" is null;`);

    this.addSql(`create table "product_category_product" ("product_id" text not null, "product_category_id" text not null, constraint "product_category_product_pkey" primary key ("product_id", "product_category_id"));`);
    this.addSql(`create index "product_category_product_product_category_id_index" on "product_category_product" ("product_category_id");`);

    this.addSql(`create table "product_collection" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "title" text not null, "handle" text not null, "metadata" jsonb null, constraint "product_collection_pkey" primary key ("id"));`);
    this.addSql(`create index "product_collection_deleted_at_index" on "product_collection" ("deleted_at");`);
    this.addSql(`create unique index "product_collection_handle_unique" on "product_collection" ("handle") where "deleted_at" is null;`);

    this.addSql(`create table "image" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "url" text not null, "rank" int not null default 0, "metadata" jsonb null, "product_id" text not null, constraint "image_pkey" primary key ("id"));`);
    this.addSql(`create index "image_deleted_at_index" on "image" ("deleted_at");`);
    this.addSql(`create index "image_product_id_index" on "image" ("product_id");`);

    this.addSql(`create table "product_option" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "title" text not null, "is_exclusive" boolean not null default true, "metadata" jsonb null, "product_id" text not null, constraint "product_option_pkey" primary key ("id"));`);
    this.addSql(`create index "product_option_deleted_at_index" on "product_option" ("deleted_at");`);
    this.addSql(`create index "product_option_product_id_index" on "product_option" ("product_id");`);
    this.addSql(`create unique index "product_option_product_title_unique" on "product_option" ("product_id", "title") where "deleted_at" is null;`);

    this.addSql(`create table "product_option_value" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "value" text not null, "rank" int null, "metadata" jsonb null, "option_id" text not null, constraint "product_option_value_pkey" primary key ("id"));`);
    this.addSql(`create index "product_option_value_deleted_at_index" on "product_option_value" ("deleted_at");`);
    this.addSql(`create index "product_option_value_option_id_index" on "product_option_value" ("option_id");`);
    this.addSql(`create unique index "product_option_value_option_value_unique" on "product_option_value" ("option_id", "value") where "deleted_at" is null;`);

    this.addSql(`create table "product_sales_channel" ("product_id" text not null, "sales_channel_id" text not null, "created_at" timestamptz not null default now(), constraint "product_sales_channel_pkey" primary key ("product_id", "sales_channel_id"));`);
    this.addSql(`create index "product_sales_channel_sales_channel_id_product_id_index" on "product_sales_channel" ("sales_channel_id", "product_id");`);

    this.addSql(`create table "product_tag" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "value" text not null, "metadata" jsonb null, constraint "product_tag_pkey" primary key ("id"));`);
    this.addSql(`create index "product_tag_deleted_at_index" on "product_tag" ("deleted_at");`);
    this.addSql(`create unique index "product_tag_value_unique" on "product_tag" ("value") where "deleted_at" is null;`);

    this.addSql(`create table "product_tags" ("product_id" text not null, "product_tag_id" text not null, constraint "product_tags_pkey" primary key ("product_id", "product_tag_id"));`);
    this.addSql(`create index "product_tags_product_tag_id_index" on "product_tags" ("product_tag_id");`);

    this.addSql(`create table "product_type" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "value" text not null, "metadata" jsonb null, constraint "product_type_pkey" primary key ("id"));`);
    this.addSql(`create index "product_type_deleted_at_index" on "product_type" ("deleted_at");`);
    this.addSql(`create unique index "product_type_value_unique" on "product_type" ("value") where "deleted_at" is null;`);

    this.addSql(`create table "product_variant" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "title" text not null, "sku" text null, "barcode" text null, "ean" text null, "upc" text null, "allow_backorder" boolean not null default false, "manage_inventory" boolean not null default true, "hs_code" text null, "origin_country" text null, "mid_code" text null, "material" text null, "weight" int null, "length" int null, "height" int null, "width" int null, "metadata" jsonb null, "variant_rank" int not null default 0, "thumbnail" text null, "product_id" text not null, constraint "product_variant_pkey" primary key ("id"));`);
    this.addSql(`create index "product_variant_deleted_at_index" on "product_variant" ("deleted_at");`);
    this.addSql(`create index "product_variant_product_id_index" on "product_variant" ("product_id");`);
    this.addSql(`create index "product_variant_sku_trgm" on "product_variant" using gin (lower("sku") gin_trgm_ops);`);
    this.addSql(`create unique index "product_variant_upc_unique" on "product_variant" ("upc") where "deleted_at" is null;`);
    this.addSql(`create unique index "product_variant_ean_unique" on "product_variant" ("ean") where "deleted_at" is null;`);
    this.addSql(`create unique index "product_variant_barcode_unique" on "product_variant" ("barcode") where "deleted_at" is null;`);
    this.addSql(`create unique index "product_variant_sku_unique" on "product_variant" ("sku") where "deleted_at" is null;`);

    this.addSql(`create table "product_variant_inventory_item" ("variant_id" text not null, "inventory_item_id" text not null, "required_quantity" int not null default 1, "created_at" timestamptz not null default now(), constraint "product_variant_inventory_item_pkey" primary key ("variant_id", "inventory_item_id"));`);
    this.addSql(`create index "product_variant_inventory_item_inventory_item_id_index" on "product_variant_inventory_item" ("inventory_item_id");`);

    this.addSql(`create table "product_variant_option" ("variant_id" text not null, "option_value_id" text not null, constraint "product_variant_option_pkey" primary key ("variant_id", "option_value_id"));`);
    this.addSql(`create index "product_variant_option_option_value_id_index" on "product_variant_option" ("option_value_id");`);

    this.addSql(`create table "product_variant_price_set" ("variant_id" text not null, "price_set_id" text not null, "created_at" timestamptz not null default now(), constraint "product_variant_price_set_pkey" primary key ("variant_id"));`);
    this.addSql(`create unique index "product_variant_price_set_price_set_unique" on "product_variant_price_set" ("price_set_id");`);

    this.addSql(`create table "reservation_item" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "inventory_item_id" text not null, "location_id" text not null, "quantity" int not null, "line_item_id" text null, "allow_backorder" boolean not null default false, "description" text null, "external_id" text null, "created_by" text null, "metadata" jsonb null, constraint "reservation_item_pkey" primary key ("id"));`);
    this.addSql(`create index "reservation_item_deleted_at_index" on "reservation_item" ("deleted_at");`);
    this.addSql(`create index "reservation_item_inventory_item_id_index" on "reservation_item" ("inventory_item_id");`);
    this.addSql(`create index "reservation_item_line_item_id_index" on "reservation_item" ("line_item_id");`);
    this.addSql(`create index "reservation_item_location_id_index" on "reservation_item" ("location_id");`);

    this.addSql(`create table "sales_channel_stock_location" ("sales_channel_id" text not null, "stock_location_id" text not null, "created_at" timestamptz not null default now(), constraint "sales_channel_stock_location_pkey" primary key ("sales_channel_id", "stock_location_id"));`);
    this.addSql(`create index "sales_channel_stock_location_stock_location_id_index" on "sales_channel_stock_location" ("stock_location_id");`);

    this.addSql(`create table "stock_location_address" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "address_1" text not null, "address_2" text null, "company" text null, "city" text null, "country_code" text not null, "phone" text null, "province" text null, "postal_code" text null, "metadata" jsonb null, constraint "stock_location_address_pkey" primary key ("id"));`);
    this.addSql(`create index "stock_location_address_deleted_at_index" on "stock_location_address" ("deleted_at");`);

    this.addSql(`create table "stock_location" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "name" text not null, "address_id" text null, "metadata" jsonb null, constraint "stock_location_pkey" primary key ("id"));`);
    this.addSql(`create index "stock_location_deleted_at_index" on "stock_location" ("deleted_at");`);
    this.addSql(`create index "stock_location_name_index" on "stock_location" ("name");`);
    this.addSql(`alter table "stock_location" add constraint "stock_location_address_id_unique" unique ("address_id");`);

    this.addSql(`alter table "inventory_level" add constraint "inventory_level_inventory_item_id_foreign" foreign key ("inventory_item_id") references "inventory_item" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "price_list_rule" add constraint "price_list_rule_price_list_id_foreign" foreign key ("price_list_id") references "price_list" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "price" add constraint "price_price_set_id_foreign" foreign key ("price_set_id") references "price_set" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "price" add constraint "price_price_list_id_foreign" foreign key ("price_list_id") references "price_list" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "price_rule" add constraint "price_rule_price_id_foreign" foreign key ("price_id") references "price" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "product_category_product" add constraint "product_category_product_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "product_category_product" add constraint "product_category_product_product_category_id_foreign" foreign key ("product_category_id") references "product_category" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "image" add constraint "image_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "product_option" add constraint "product_option_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "product_option_value" add constraint "product_option_value_option_id_foreign" foreign key ("option_id") references "product_option" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "product_tags" add constraint "product_tags_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "product_tags" add constraint "product_tags_product_tag_id_foreign" foreign key ("product_tag_id") references "product_tag" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "product_variant" add constraint "product_variant_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "product_variant_option" add constraint "product_variant_option_variant_id_foreign" foreign key ("variant_id") references "product_variant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "product_variant_option" add constraint "product_variant_option_option_value_id_foreign" foreign key ("option_value_id") references "product_option_value" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "reservation_item" add constraint "reservation_item_inventory_item_id_foreign" foreign key ("inventory_item_id") references "inventory_item" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "stock_location" add constraint "stock_location_address_id_foreign" foreign key ("address_id") references "stock_location_address" ("id") on update cascade on delete set null;`);
    // Full-text search document of a product: its prose in English (stemmed), its title, handle and
    // variant SKUs as simple tokens. Kept current by triggers, so every writer (admin routes, the
    // catalog generator, raw SQL) keeps search right; variant changes refresh their products once per
    // statement (transition tables), so a batch insert of variants costs one update per product.
    this.addSql(`create or replace function product_search_document(p_id text, p_title text, p_subtitle text, p_description text, p_handle text)
      returns tsvector language sql stable as $$
        select setweight(to_tsvector('english', coalesce(p_title, '')), 'A')
          || setweight(to_tsvector('simple', coalesce(p_title, '') || ' ' || coalesce(p_handle, '')), 'A')
          || setweight(to_tsvector('english', coalesce(p_subtitle, '')), 'B')
          || setweight(to_tsvector('english', coalesce(p_description, '')), 'C')
          || setweight(to_tsvector('simple', coalesce((
               select string_agg(v.sku, ' ') from product_variant v
                where v.product_id = p_id and v.deleted_at is null and v.sku is not null), '')), 'A')
      $$;`);
    this.addSql(`create or replace function product_search_vector_refresh() returns trigger language plpgsql as $$
      begin
        new.search_vector := product_search_document(new.id, new.title, new.subtitle, new.description, new.handle);
        return new;
      end $$;`);
    this.addSql(`create trigger product_search_vector_refresh before insert or update of title, subtitle, description, handle
      on "product" for each row execute function product_search_vector_refresh();`);
    this.addSql(`create or replace function product_variant_search_refresh() returns trigger language plpgsql as $$
      begin
        update product p set search_vector = product_search_document(p.id, p.title, p.subtitle, p.description, p.handle)
         where p.id in (select distinct product_id from changed_variants);
        return null;
      end $$;`);
    this.addSql(`create trigger product_variant_search_insert after insert on "product_variant"
      referencing new table as changed_variants for each statement execute function product_variant_search_refresh();`);
    this.addSql(`create trigger product_variant_search_update after update on "product_variant"
      referencing new table as changed_variants for each statement execute function product_variant_search_refresh();`);
    this.addSql(`create trigger product_variant_search_delete after delete on "product_variant"
      referencing old table as changed_variants for each statement execute function product_variant_search_refresh();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists product_variant_search_insert on "product_variant";`);
    this.addSql(`drop trigger if exists product_variant_search_update on "product_variant";`);
    this.addSql(`drop trigger if exists product_variant_search_delete on "product_variant";`);
    this.addSql(`drop trigger if exists product_search_vector_refresh on "product";`);
    this.addSql(`drop function if exists product_variant_search_refresh();`);
    this.addSql(`drop function if exists product_search_vector_refresh();`);
    this.addSql(`drop function if exists product_search_document(text, text, text, text, text);`);
    this.addSql(`alter table "inventory_level" drop constraint "inventory_level_inventory_item_id_foreign";`);

    this.addSql(`alter table "reservation_item" drop constraint "reservation_item_inventory_item_id_foreign";`);

    this.addSql(`alter table "price_list_rule" drop constraint "price_list_rule_price_list_id_foreign";`);

    this.addSql(`alter table "price" drop constraint "price_price_list_id_foreign";`);

    this.addSql(`alter table "price" drop constraint "price_price_set_id_foreign";`);

    this.addSql(`alter table "price_rule" drop constraint "price_rule_price_id_foreign";`);

    this.addSql(`alter table "product_category_product" drop constraint "product_category_product_product_id_foreign";`);

    this.addSql(`alter table "image" drop constraint "image_product_id_foreign";`);

    this.addSql(`alter table "product_option" drop constraint "product_option_product_id_foreign";`);

    this.addSql(`alter table "product_tags" drop constraint "product_tags_product_id_foreign";`);

    this.addSql(`alter table "product_variant" drop constraint "product_variant_product_id_foreign";`);

    this.addSql(`alter table "product_category_product" drop constraint "product_category_product_product_category_id_foreign";`);

    this.addSql(`alter table "product_option_value" drop constraint "product_option_value_option_id_foreign";`);

    this.addSql(`alter table "product_variant_option" drop constraint "product_variant_option_option_value_id_foreign";`);

    this.addSql(`alter table "product_tags" drop constraint "product_tags_product_tag_id_foreign";`);

    this.addSql(`alter table "product_variant_option" drop constraint "product_variant_option_variant_id_foreign";`);

    this.addSql(`alter table "stock_location" drop constraint "stock_location_address_id_foreign";`);

    this.addSql(`drop table if exists "inventory_item" cascade;`);

    this.addSql(`drop table if exists "inventory_level" cascade;`);

    this.addSql(`drop table if exists "price_list" cascade;`);

    this.addSql(`drop table if exists "price_list_rule" cascade;`);

    this.addSql(`drop table if exists "price_preference" cascade;`);

    this.addSql(`drop table if exists "price_set" cascade;`);

    this.addSql(`drop table if exists "price" cascade;`);

    this.addSql(`drop table if exists "price_rule" cascade;`);

    this.addSql(`drop table if exists "product" cascade;`);

    this.addSql(`drop table if exists "product_category" cascade;`);

    this.addSql(`drop table if exists "product_category_product" cascade;`);

    this.addSql(`drop table if exists "product_collection" cascade;`);

    this.addSql(`drop table if exists "image" cascade;`);

    this.addSql(`drop table if exists "product_option" cascade;`);

    this.addSql(`drop table if exists "product_option_value" cascade;`);

    this.addSql(`drop table if exists "product_sales_channel" cascade;`);

    this.addSql(`drop table if exists "product_tag" cascade;`);

    this.addSql(`drop table if exists "product_tags" cascade;`);

    this.addSql(`drop table if exists "product_type" cascade;`);

    this.addSql(`drop table if exists "product_variant" cascade;`);

    this.addSql(`drop table if exists "product_variant_inventory_item" cascade;`);

    this.addSql(`drop table if exists "product_variant_option" cascade;`);

    this.addSql(`drop table if exists "product_variant_price_set" cascade;`);

    this.addSql(`drop table if exists "reservation_item" cascade;`);

    this.addSql(`drop table if exists "sales_channel_stock_location" cascade;`);

    this.addSql(`drop table if exists "stock_location_address" cascade;`);

    this.addSql(`drop table if exists "stock_location" cascade;`);
  }

}
