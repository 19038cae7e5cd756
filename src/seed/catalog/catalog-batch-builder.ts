import { generateId } from '../../framework/database/ids';
import {
  COLORS,
  DESCRIPTION_BENEFITS,
  DESCRIPTION_CLOSINGS,
  DESCRIPTION_OPENINGS,
  LINES,
  ORIGIN_COUNTRIES,
  OptionTitle,
  PRODUCT_KINDS,
  ProductKind,
  ProductTypeName,
  RATES_FROM_EUR,
  SUBTITLES,
  TAGS,
} from './catalog-vocabulary';
import { SeededRandom } from './seeded-random';

/** Ids of the rows every product refers to, found or created before the first batch. */
export interface CatalogRefs {
  seed: number;
  /** In COLLECTIONS order. */
  collectionIds: string[];
  typeIds: Record<ProductTypeName, string>;
  /** In TAGS order. */
  tagIds: string[];
  /** Category handle → id. */
  categoryIds: Record<string, string>;
  salesChannelId: string;
  locationId: string;
  priceListId: string;
  regions: Array<{ id: string; currency_code: string }>;
}

/** One batch of rows, one array per table, each row keyed by column name. */
export interface CatalogRows {
  product: Array<{
    id: string; title: string; handle: string; subtitle: string | null; description: string; status: 'published' | 'draft';
    thumbnail: string; weight: number; origin_country: string; material: string | null; collection_id: string | null; type_id: string;
  }>;
  image: Array<{ id: string; url: string; rank: number; product_id: string }>;
  product_option: Array<{ id: string; title: string; product_id: string }>;
  product_option_value: Array<{ id: string; value: string; rank: number; option_id: string }>;
  product_variant: Array<{ id: string; title: string; sku: string; weight: number; material: string | null; variant_rank: number; product_id: string }>;
  product_variant_option: Array<{ variant_id: string; option_value_id: string }>;
  product_tags: Array<{ product_id: string; product_tag_id: string }>;
  product_category_product: Array<{ product_id: string; product_category_id: string }>;
  product_sales_channel: Array<{ product_id: string; sales_channel_id: string }>;
  price_set: Array<{ id: string }>;
  price: Array<{ id: string; currency_code: string; amount: string; rules_count: number; price_set_id: string; price_list_id: string | null }>;
  price_rule: Array<{ id: string; attribute: string; value: string; price_id: string }>;
  product_variant_price_set: Array<{ variant_id: string; price_set_id: string }>;
  inventory_item: Array<{ id: string; sku: string; title: string }>;
  inventory_level: Array<{ id: string; inventory_item_id: string; location_id: string; stocked_quantity: number }>;
  product_variant_inventory_item: Array<{ variant_id: string; inventory_item_id: string; required_quantity: number }>;
}

export const emptyRows = (): CatalogRows => ({
  product: [], image: [], product_option: [], product_option_value: [], product_variant: [], product_variant_option: [],
  product_tags: [], product_category_product: [], product_sales_channel: [], price_set: [], price: [], price_rule: [],
  product_variant_price_set: [], inventory_item: [], inventory_level: [], product_variant_inventory_item: [],
});

interface ChosenOption {
  title: OptionTitle;
  values: string[];
  ids: string[];
  /** Position of each value in its full pool (XL is index 4 of XS…XXL), for price uplifts. */
  poolIndex: number[];
  poolSize: number;
}

const SHARE_PUBLISHED = 0.92;
const SHARE_IN_COLLECTION = 0.85;
const SHARE_REGION_PRICED = 0.2;
const SHARE_ON_SALE = 0.1;
const SHARE_OUT_OF_STOCK = 0.06;

const slug = (text: string): string => text.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** Cents → numeric string in major units ("29.95"). */
const money = (cents: number): string => `${Math.floor(cents / 100)}.${pad(cents % 100, 2)}`;
/** A shelf price: whole units minus one cent (33.00 → 32.99), never below 0.99. */
const shelfPrice = (cents: number): number => Math.max(99, Math.round(cents / 100) * 100 - 1);

/** Seed and number make every handle unique, across runs with different seeds too. */
export const catalogHandle = (title: string, seed: number, productNo: number): string => `${slug(title)}-${seed}-${productNo}`;

/**
 * Builds the rows of consecutive products from one seeded stream: the same seed gives the same
 * titles, options, prices and stock whatever the batch size. Pure apart from `generateId`.
 */
export class CatalogBatchBuilder {
  private readonly random: SeededRandom;

  constructor(private readonly refs: CatalogRefs) {
    this.random = new SeededRandom(refs.seed);
  }

  /** Products number `first` … `first + count - 1` (1-based, part of handles and SKUs). */
  build(first: number, count: number): CatalogRows {
    const rows = emptyRows();
    for (let n = first; n < first + count; n++) this.addProduct(rows, n);
    return rows;
  }

  private addProduct(rows: CatalogRows, productNo: number): void {
    const r = this.random;
    const kind = r.pick(PRODUCT_KINDS);
    const options = this.chooseOptions(kind);
    const hasMaterialOption = options.some((o) => o.title === 'Material');
    const titleMaterial = !hasMaterialOption && r.chance(0.4) ? r.pick(kind.materials) : null;
    const title = [r.pick(LINES), titleMaterial, kind.noun].filter(Boolean).join(' ');
    const handle = catalogHandle(title, this.refs.seed, productNo);
    const productId = generateId('prod');

    const imageCount = r.int(1, 3);
    const images = Array.from({ length: imageCount }, (_, rank) => ({
      id: generateId('img'),
      url: `https://picsum.photos/seed/${handle}-${rank + 1}/800/1000`,
      rank,
      product_id: productId,
    }));
    rows.image.push(...images);

    rows.product.push({
      id: productId,
      title,
      handle,
      subtitle: r.chance(0.3) ? r.pick(SUBTITLES) : null,
      description: this.describe(title, titleMaterial ?? r.pick(kind.materials)),
      status: r.chance(SHARE_PUBLISHED) ? 'published' : 'draft',
      thumbnail: images[0].url,
      weight: r.int(kind.weight[0], kind.weight[1]),
      origin_country: r.pick(ORIGIN_COUNTRIES),
      material: titleMaterial,
      collection_id: r.chance(SHARE_IN_COLLECTION) ? r.pick(this.refs.collectionIds) : null,
      type_id: this.refs.typeIds[kind.type],
    });
    for (const tagIndex of r.subset(TAGS.map((_, i) => i), r.int(1, 4))) {
      rows.product_tags.push({ product_id: productId, product_tag_id: this.refs.tagIds[tagIndex] });
    }
    rows.product_category_product.push({ product_id: productId, product_category_id: this.refs.categoryIds[kind.category] });
    rows.product_sales_channel.push({ product_id: productId, sales_channel_id: this.refs.salesChannelId });

    for (const option of options) {
      const optionId = generateId('opt');
      rows.product_option.push({ id: optionId, title: option.title, product_id: productId });
      option.values.forEach((value, rank) => rows.product_option_value.push({ id: option.ids[rank], value, rank, option_id: optionId }));
    }
    this.addVariants(rows, kind, productId, productNo, options);
  }

  /** One to three options whose value counts give 3–12 combinations. */
  private chooseOptions(kind: ProductKind): ChosenOption[] {
    const r = this.random;
    const roll = r.next();
    const count = roll < 0.25 ? 1 : roll < 0.8 ? 2 : 3;
    // a lone option needs three values at least: a two-material kind (swim shorts) falls back to Color
    const single = r.pick(kind.options);
    const titles = count === 1 ? [single === 'Material' && kind.materials.length < 3 ? 'Color' : single] : kind.options.slice(0, count);
    const valueCounts = count === 1 ? [r.int(3, 6)] : count === 2 ? [r.int(2, 4), r.int(2, 3)] : [r.int(2, 3), 2, 2];
    return titles.map((title, i) => {
      const pool = title === 'Size' ? kind.sizes : title === 'Color' ? COLORS : kind.materials;
      const wanted = Math.min(valueCounts[i], pool.length);
      const values = title === 'Size' ? r.run(pool, wanted) : r.subset(pool, wanted);
      return {
        title,
        values,
        ids: values.map(() => generateId('optval')),
        poolIndex: values.map((v) => pool.indexOf(v)),
        poolSize: pool.length,
      };
    });
  }

  private describe(title: string, material: string): string {
    const r = this.random;
    return `The ${title} ${r.pick(DESCRIPTION_OPENINGS)}. Made from ${material.toLowerCase()}, ${r.pick(DESCRIPTION_BENEFITS)}. ${r.pick(DESCRIPTION_CLOSINGS)}`;
  }

  private addVariants(rows: CatalogRows, kind: ProductKind, productId: string, productNo: number, options: ChosenOption[]): void {
    const r = this.random;
    // every combination of value positions, in display order (S/Black, S/White, M/Black …)
    let combos: number[][] = [[]];
    for (const option of options) combos = combos.flatMap((c) => option.values.map((_, i) => [...c, i]));
    const wanted = options.length === 1 ? combos.length : Math.min(r.int(3, 10), combos.length);
    const chosen = new Set(r.shuffled(combos.map((_, i) => i)).slice(0, wanted));
    const baseEur = r.int(kind.price[0], kind.price[1]) * 100 - r.pick([0, 0, 5, 1]);
    let rank = 0;
    combos.forEach((combo, comboIndex) => {
      if (!chosen.has(comboIndex)) return;
      const variantId = generateId('variant');
      const materialAt = options.findIndex((o) => o.title === 'Material');
      rows.product_variant.push({
        id: variantId,
        title: combo.map((valueIndex, o) => options[o].values[valueIndex]).join(' / '),
        // letters before the numbers keep the SKU one token for full-text search (TSH-S1-P000017-V03)
        sku: `${kind.code}-S${this.refs.seed}-P${pad(productNo, 6)}-V${pad(rank + 1, 2)}`,
        weight: r.int(kind.weight[0], kind.weight[1]),
        material: materialAt >= 0 ? options[materialAt].values[combo[materialAt]] : null,
        variant_rank: rank,
        product_id: productId,
      });
      combo.forEach((valueIndex, o) => rows.product_variant_option.push({ variant_id: variantId, option_value_id: options[o].ids[valueIndex] }));
      this.addPrices(rows, variantId, baseEur + this.sizeUplift(baseEur, options, combo));
      this.addInventory(rows, variantId, rows.product_variant[rows.product_variant.length - 1]);
      rank++;
    });
  }

  /** Bigger sizes cost a little more: +3.00 for the two largest clothing sizes, +25% per step for objects. */
  private sizeUplift(baseEur: number, options: ChosenOption[], combo: number[]): number {
    const at = options.findIndex((o) => o.title === 'Size');
    if (at < 0) return 0;
    const { poolIndex, poolSize } = options[at];
    const position = poolIndex[combo[at]];
    if (poolSize <= 3) return Math.round(baseEur * 0.25 * position);
    return position >= poolSize - 2 ? 300 : 0;
  }

  private addPrices(rows: CatalogRows, variantId: string, eurCents: number): void {
    const r = this.random;
    const priceSetId = generateId('pset');
    rows.price_set.push({ id: priceSetId });
    rows.product_variant_price_set.push({ variant_id: variantId, price_set_id: priceSetId });
    const base = (currency: string, cents: number, listId: string | null = null) => {
      const id = generateId('price');
      rows.price.push({ id, currency_code: currency, amount: money(cents), rules_count: 0, price_set_id: priceSetId, price_list_id: listId });
      return id;
    };
    const eur = eurCents;
    const usd = shelfPrice(eurCents * RATES_FROM_EUR.usd);
    base('eur', eur);
    base('usd', usd);
    // rolled even without regions, so that the rest of the stream (titles …) never depends on them
    const regionPriced = r.chance(SHARE_REGION_PRICED);
    if (regionPriced) {
      for (const region of this.refs.regions) {
        const currency = region.currency_code;
        const regular = currency === 'eur' ? eur : currency === 'usd' ? usd : eurCents * (RATES_FROM_EUR[currency] ?? 1);
        const id = base(currency, shelfPrice(regular * 0.95));
        rows.price[rows.price.length - 1].rules_count = 1;
        rows.price_rule.push({ id: generateId('prule'), attribute: 'region_id', value: region.id, price_id: id });
      }
    }
    if (r.chance(SHARE_ON_SALE)) {
      const factor = 0.7 + r.next() * 0.15;
      base('eur', shelfPrice(eur * factor), this.refs.priceListId);
      base('usd', shelfPrice(usd * factor), this.refs.priceListId);
    }
  }

  private addInventory(rows: CatalogRows, variantId: string, variant: { sku: string; title: string }): void {
    const r = this.random;
    const itemId = generateId('iitem');
    rows.inventory_item.push({ id: itemId, sku: variant.sku, title: variant.title });
    rows.inventory_level.push({
      id: generateId('ilev'),
      inventory_item_id: itemId,
      location_id: this.refs.locationId,
      stocked_quantity: r.chance(SHARE_OUT_OF_STOCK) ? 0 : r.int(5, 250),
    });
    rows.product_variant_inventory_item.push({ variant_id: variantId, inventory_item_id: itemId, required_quantity: 1 });
  }
}
