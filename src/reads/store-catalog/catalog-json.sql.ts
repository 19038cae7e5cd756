import { storeVisibleCategory } from './catalog-filters';
import { isoTimestamp, Sql, sql, textArray } from './sql';

/**
 * JSON projections of catalog rows, built in PostgreSQL so that a page of products with every
 * relation it asks for comes back in ONE statement (correlated subqueries per relation, each backed
 * by a foreign-key index). Column lists mirror Medusa's wire (medusa-wire 03–05).
 */

const TIMESTAMPS = ['created_at', 'updated_at', 'deleted_at'];

/** `json_build_object('col', alias.col, …)` pairs; timestamps in Medusa's ISO form. */
function pairs(alias: string, columns: readonly string[]): string {
  return columns
    .map((column) => `'${column}', ${TIMESTAMPS.includes(column) ? isoTimestamp(`${alias}.${column}`) : `${alias}.${column}`}`)
    .join(', ');
}

function jsonArray(element: string, from: string, orderBy: string): string {
  return `coalesce((select json_agg(${element} order by ${orderBy}) ${from}), '[]'::json)`;
}

const PRODUCT_COLUMNS = [
  'id', 'title', 'subtitle', 'description', 'handle', 'is_giftcard', 'discountable', 'thumbnail', 'collection_id',
  'type_id', 'weight', 'length', 'height', 'width', 'hs_code', 'origin_country', 'mid_code', 'material', 'status',
  'external_id', 'metadata', 'created_at', 'updated_at', 'deleted_at',
];
const VARIANT_COLUMNS = [
  'id', 'title', 'sku', 'barcode', 'ean', 'upc', 'allow_backorder', 'manage_inventory', 'hs_code', 'origin_country',
  'mid_code', 'material', 'weight', 'length', 'height', 'width', 'metadata', 'variant_rank', 'thumbnail', 'product_id',
  'created_at', 'updated_at', 'deleted_at',
];
const OPTION_COLUMNS = ['id', 'title', 'is_exclusive', 'metadata', 'created_at', 'updated_at', 'deleted_at'];
const OPTION_VALUE_COLUMNS = ['id', 'value', 'rank', 'metadata', 'option_id', 'created_at', 'updated_at', 'deleted_at'];
const IMAGE_COLUMNS = ['id', 'url', 'metadata', 'rank', 'product_id', 'created_at', 'updated_at', 'deleted_at'];
const TAG_COLUMNS = ['id', 'value', 'metadata', 'created_at', 'updated_at', 'deleted_at'];
const COLLECTION_COLUMNS = ['id', 'title', 'handle', 'metadata', 'created_at', 'updated_at', 'deleted_at'];
const CATEGORY_COLUMNS = [
  'id', 'name', 'description', 'handle', 'mpath', 'is_active', 'is_internal', 'rank', 'parent_category_id', 'metadata',
  'created_at', 'updated_at', 'deleted_at',
];

/** What to load besides the scalars: decided from the resolved `fields`, so unrequested work never runs. */
export interface VariantLoad {
  options: boolean;
  /** The option of each option value (`variants.options.option`). */
  optionOfValue: boolean;
  /** Adds the hidden `_price_set_id` the pricing step needs. */
  priceSet: boolean;
  /** Computes `inventory_quantity` for the stock of these sales channels' locations. */
  stockChannels: readonly string[] | null;
}

export interface ProductLoad {
  variants: VariantLoad | null;
  options: boolean;
  images: boolean;
  tags: boolean;
  type: boolean;
  collection: boolean;
  categories: boolean;
}

/**
 * Sellable quantity of a managed variant: over its inventory items, the least of
 * floor(Σ(stocked − reserved) at the channels' locations / required quantity); 0 without items.
 */
function inventoryQuantity(variantAlias: string, channels: readonly string[]): Sql {
  return sql`case when ${new Sql(variantAlias)}.manage_inventory then coalesce((
      select min(floor(coalesce(avail.quantity, 0)::numeric / greatest(vii.required_quantity, 1)))::int
        from product_variant_inventory_item vii
        join inventory_item ii on ii.id = vii.inventory_item_id and ii.deleted_at is null
        left join lateral (
          select sum(il.stocked_quantity - il.reserved_quantity) as quantity
            from inventory_level il
           where il.inventory_item_id = vii.inventory_item_id and il.deleted_at is null
             and il.location_id in (
               select scsl.stock_location_id from sales_channel_stock_location scsl
                 join stock_location sl on sl.id = scsl.stock_location_id and sl.deleted_at is null
                where scsl.sales_channel_id = any(${textArray(channels)}))
        ) avail on true
       where vii.variant_id = ${new Sql(variantAlias)}.id), 0) end`;
}

/** One variant as JSON (alias `v`), with the relations `load` asks for. */
export function variantJson(load: VariantLoad, extraPairs: Sql | null = null): Sql {
  const parts: Sql[] = [new Sql(pairs('v', VARIANT_COLUMNS))];
  if (load.options) {
    const option = load.optionOfValue
      ? `, 'option', (select json_build_object(${pairs('o', OPTION_COLUMNS)}) from product_option o where o.id = ov.option_id and o.deleted_at is null)`
      : '';
    parts.push(
      new Sql(
        `'options', ${jsonArray(
          `json_build_object(${pairs('ov', OPTION_VALUE_COLUMNS)}${option})`,
          `from product_variant_option pvo join product_option_value ov on ov.id = pvo.option_value_id and ov.deleted_at is null where pvo.variant_id = v.id`,
          'ov.rank nulls last, ov.created_at, ov.id',
        )}`,
      ),
    );
  }
  if (load.priceSet) {
    parts.push(new Sql(`'_price_set_id', (select vps.price_set_id from product_variant_price_set vps where vps.variant_id = v.id)`));
  }
  if (load.stockChannels) parts.push(sql`'inventory_quantity', ${inventoryQuantity('v', load.stockChannels)}`);
  if (extraPairs) parts.push(extraPairs);
  return sql`json_build_object(${Sql.join(parts, ', ')})`;
}

/** One product as JSON (alias `p`), with the relations `load` asks for. */
export function productJson(load: ProductLoad): Sql {
  const parts: Sql[] = [new Sql(pairs('p', PRODUCT_COLUMNS))];
  if (load.variants) {
    const variant = variantJson(load.variants);
    parts.push(
      sql`'variants', coalesce((select json_agg(${variant} order by v.variant_rank, v.created_at, v.id)
        from product_variant v where v.product_id = p.id and v.deleted_at is null), '[]'::json)`,
    );
  }
  if (load.options) {
    const values = jsonArray(
      `json_build_object(${pairs('ov', OPTION_VALUE_COLUMNS)})`,
      'from product_option_value ov where ov.option_id = o.id and ov.deleted_at is null',
      'ov.rank nulls last, ov.created_at, ov.id',
    );
    parts.push(
      new Sql(
        `'options', ${jsonArray(
          `json_build_object(${pairs('o', OPTION_COLUMNS)}, 'values', ${values})`,
          'from product_option o where o.product_id = p.id and o.deleted_at is null',
          'o.created_at, o.id',
        )}`,
      ),
    );
  }
  if (load.images) {
    parts.push(
      new Sql(
        `'images', ${jsonArray(`json_build_object(${pairs('i', IMAGE_COLUMNS)})`, 'from image i where i.product_id = p.id and i.deleted_at is null', 'i.rank, i.id')}`,
      ),
    );
  }
  if (load.tags) {
    parts.push(
      new Sql(
        `'tags', ${jsonArray(
          `json_build_object(${pairs('t', TAG_COLUMNS)})`,
          'from product_tags pt join product_tag t on t.id = pt.product_tag_id and t.deleted_at is null where pt.product_id = p.id',
          't.value, t.id',
        )}`,
      ),
    );
  }
  if (load.type) {
    parts.push(new Sql(`'type', (select json_build_object(${pairs('ty', TAG_COLUMNS)}) from product_type ty where ty.id = p.type_id and ty.deleted_at is null)`));
  }
  if (load.collection) {
    parts.push(
      new Sql(
        `'collection', (select json_build_object(${pairs('col', COLLECTION_COLUMNS)}) from product_collection col where col.id = p.collection_id and col.deleted_at is null)`,
      ),
    );
  }
  if (load.categories) {
    // the store sees only the categories /store/product-categories shows (reference §2)
    parts.push(
      new Sql(
        `'categories', ${jsonArray(
          `json_build_object(${pairs('c', CATEGORY_COLUMNS)})`,
          `from product_category_product pcp join product_category c on c.id = pcp.product_category_id and ${storeVisibleCategory('c')} where pcp.product_id = p.id`,
          'c.rank, c.id',
        )}`,
      ),
    );
  }
  return sql`json_build_object(${Sql.join(parts, ', ')})`;
}
