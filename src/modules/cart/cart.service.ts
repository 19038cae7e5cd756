import { Injectable } from '@nestjs/common';
import { Context, inTransaction } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import { generateId } from '../../framework/database/ids';
import { preparedQuery } from '../../framework/database/prepared';
import { EventBus, OUTBOX_CTE, outboxCteIf } from '../../framework/events/event-bus.service';
import { LINE_ROW_JSON, loadCart, lockCart, withAddedLines, withChangedLines } from './cart-loader';
import { insertCart, updateCart } from './cart-rows';
import {
  CartEvents,
  CartView,
  CreateCartInput,
  CreditLineInput,
  LineItemAdjustmentInput,
  LineItemInput,
  LineItemTaxLineInput,
  LineItemUpdate,
  ShippingMethodAdjustmentInput,
  ShippingMethodInput,
  ShippingMethodTaxLineInput,
  ShippingMethodUpdate,
  UpdateCartInput,
} from './cart.types';
import { Cart } from './entities/cart.entity';
import { CartLineItem, CartLineItemAdjustment, CartLineItemTaxLine } from './entities/line-item.entity';
import {
  CartCreditLine,
  CartShippingMethod,
  CartShippingMethodAdjustment,
  CartShippingMethodTaxLine,
} from './entities/shipping-method.entity';

export type * from './cart.types';
export { CartEvents } from './cart.types';
/** The cart's one-statement read, for read models that add to it (`src/reads/cart-state`). */
export { CART_SQL, cartFromRow, type CartRow } from './cart-loader';

/** Options of a line or shipping-method write: `recordUpdated` records the request's `cart.updated` in the write's statement (no statement of its own). */
export interface CartWriteOptions {
  recordUpdated?: boolean;
}

/** Who owns a cart, its region and whether it is completed (`lockHeader`). */
export interface CartHeader {
  id: string;
  region_id: string | null;
  customer_id: string | null;
  completed_at: Date | string | null;
}

/** The columns a new shipping method is inserted with (the others keep their defaults). */
const METHOD_COLUMNS = 'id, created_at, updated_at, cart_id, name, description, amount, is_tax_inclusive, shipping_option_id, data, metadata';

/** The columns a new line is inserted with (the others keep their defaults). */
const LINE_COLUMNS = [
  'id', 'created_at', 'updated_at', 'cart_id', 'title', 'subtitle', 'thumbnail', 'quantity', 'variant_id', 'product_id', 'product_title',
  'product_description', 'product_subtitle', 'product_type', 'product_type_id', 'product_collection', 'product_handle', 'variant_sku',
  'variant_barcode', 'variant_title', 'variant_option_values', 'requires_shipping', 'is_discountable', 'is_giftcard', 'is_tax_inclusive',
  'is_custom_price', 'compare_at_unit_price', 'unit_price', 'metadata',
].join(', ');

const rate = (value: number | string): string => String(value);

/** A table of rows owned by the cart's lines or methods, replaced as a whole by the refresh pipeline. */
interface ChildTable {
  table: string;
  /** The owner column and the owners' table (lines or shipping methods, with `cart_id`). */
  owner: string;
  ownerTable: string;
  idPrefix: string;
  /** The other columns with their SQL types, as `jsonb_to_recordset` reads them. */
  columns: Array<[name: string, type: string]>;
  what: string;
}

const TAX_LINE_COLUMNS: ChildTable['columns'] = [['code', 'text'], ['rate', 'numeric'], ['description', 'text'], ['tax_rate_id', 'text'], ['provider_id', 'text']];
const ADJUSTMENT_COLUMNS: ChildTable['columns'] = [['code', 'text'], ['amount', 'numeric'], ['description', 'text'], ['promotion_id', 'text'], ['provider_id', 'text']];
const LINE_ADJUSTMENTS: ChildTable = {
  table: 'cart_line_item_adjustment', owner: 'item_id', ownerTable: 'cart_line_item', idPrefix: CartLineItemAdjustment.idPrefix,
  columns: [...ADJUSTMENT_COLUMNS, ['is_tax_inclusive', 'boolean']], what: 'Line item',
};
const LINE_TAX_LINES: ChildTable = {
  table: 'cart_line_item_tax_line', owner: 'item_id', ownerTable: 'cart_line_item', idPrefix: CartLineItemTaxLine.idPrefix, columns: TAX_LINE_COLUMNS, what: 'Line item',
};
const METHOD_ADJUSTMENTS: ChildTable = {
  table: 'cart_shipping_method_adjustment', owner: 'shipping_method_id', ownerTable: 'cart_shipping_method', idPrefix: CartShippingMethodAdjustment.idPrefix,
  columns: ADJUSTMENT_COLUMNS, what: 'Shipping method',
};
const METHOD_TAX_LINES: ChildTable = {
  table: 'cart_shipping_method_tax_line', owner: 'shipping_method_id', ownerTable: 'cart_shipping_method', idPrefix: CartShippingMethodTaxLine.idPrefix,
  columns: TAX_LINE_COLUMNS, what: 'Shipping method',
};

const taxLineColumns = (l: { code: string; rate: number | string; description?: string | null; tax_rate_id?: string | null; provider_id?: string | null }) => ({
  code: l.code,
  rate: rate(l.rate),
  description: l.description ?? null,
  tax_rate_id: l.tax_rate_id ?? null,
  provider_id: l.provider_id ?? null,
});

/**
 * Makes `rows` exactly the rows of `spec` under the cart's lines (or methods): one DELETE or, when
 * there are rows, one statement that deletes the old rows and inserts those whose owner is the
 * cart's; a row of another cart's owner is not_found and rolls the transaction (the caller's, or its
 * own) back, old rows and all.
 */
async function replaceChildren(ctx: Context, spec: ChildTable, cartId: string, rows: Array<{ owner: string } & Record<string, unknown>>): Promise<void> {
  const owners = `select id from ${spec.ownerTable} where cart_id = ? and deleted_at is null`;
  const deleteOld = `delete from ${spec.table} where ${spec.owner} in (${owners})`;
  // prepared: planning these costs as much as running them (fixed texts, two per table)
  if (!rows.length) {
    await preparedQuery(ctx, `stheno_delete_${spec.table}`, deleteOld, [cartId]);
    return;
  }
  await inTransaction(ctx, async (tx) => {
    const now = new Date().toISOString();
    const names = spec.columns.map(([name]) => name);
    // one statement: the delete and the insert see the same snapshot, so the delete never meets the new rows
    const inserted = await preparedQuery<{ owner: string }>(
      tx,
      `stheno_replace_${spec.table}`,
      `with deleted as (${deleteOld})
       insert into ${spec.table} (id, created_at, updated_at, ${spec.owner}, ${names.join(', ')})
       select r.id, ?::timestamptz, ?::timestamptz, r.owner, ${names.map((n) => `r.${n}`).join(', ')}
         from jsonb_to_recordset(?::jsonb) as r(id text, owner text, ${spec.columns.map(([n, t]) => `${n} ${t}`).join(', ')})
        where r.owner in (${owners})
       returning ${spec.owner} as owner`,
      // ids are monotonic ULIDs: with one created_at for all, `order by created_at, id` keeps the given order
      [cartId, now, now, JSON.stringify(rows.map((row) => ({ ...row, id: generateId(spec.idPrefix) }))), cartId],
    );
    if (inserted.length !== rows.length) {
      const owned = new Set(inserted.map((r) => r.owner));
      throw SthenoError.notFound(`${spec.what} with id: ${rows.find((r) => !owned.has(r.owner))!.owner} was not found`);
    }
  });
}

/**
 * The cart module's facade. Reads give the whole cart with exact totals (`retrieve`, one
 * statement); writes are low-level setters the cart and checkout flows combine, each joining the
 * caller's transaction. Every setter takes the cart id and only touches rows of that cart, so a
 * line id of another cart is treated as unknown.
 */
@Injectable()
export class CartService {
  constructor(private readonly events: EventBus) {}

  // ---- reads -------------------------------------------------------------------------------

  /** The cart with items, adjustments, tax lines, shipping methods, addresses, credit lines and totals. */
  async retrieve(ctx: Context, id: string): Promise<CartView> {
    const cart = await loadCart(ctx, id);
    if (!cart) throw SthenoError.notFound(`Cart id not found: ${id}`);
    return cart;
  }

  /** What storefront prices depend on: the cart's region, currency and shipping country/province. One statement. */
  async pricingContextOf(
    ctx: Context,
    cartId: string,
  ): Promise<{ region_id: string | null; currency_code: string; country_code: string | null; province: string | null } | null> {
    const [row] = await ctx.em.execute<Array<{ region_id: string | null; currency_code: string; country_code: string | null; province: string | null }>>(
      `select c.region_id, c.currency_code, a.country_code, a.province from cart c
         left join cart_address a on a.id = c.shipping_address_id and a.deleted_at is null
        where c.id = ? and c.deleted_at is null`,
      [cartId],
    );
    return row ?? null;
  }

  /** Locks the cart row (`FOR UPDATE`) until the open transaction ends; not_found when there is no such cart. */
  async lock(ctx: Context, id: string): Promise<void> {
    if (!ctx.em.isInTransaction()) throw SthenoError.unexpectedState('lock needs an open transaction');
    if (!(await lockCart(ctx, id))) throw SthenoError.notFound(`Cart id not found: ${id}`);
  }

  /**
   * Locks the cart row (`FOR UPDATE`) until the open transaction ends and answers its owner, region
   * and completion, as they are once locked: for a step that needs nothing else of the cart (the
   * payment session). One statement; not_found when there is no such cart.
   */
  async lockHeader(ctx: Context, id: string): Promise<CartHeader> {
    if (!ctx.em.isInTransaction()) throw SthenoError.unexpectedState('lockHeader needs an open transaction');
    const [row] = await preparedQuery<CartHeader>(
      ctx,
      'stheno_cart_lock_header',
      `select id, region_id, customer_id, completed_at from cart where id = ? and deleted_at is null for update`,
      [id],
    );
    if (!row) throw SthenoError.notFound(`Cart id not found: ${id}`);
    return row;
  }

  /** Like `retrieve`, but the cart row stays locked (`FOR UPDATE`) until the open transaction ends. */
  async retrieveForUpdate(ctx: Context, id: string): Promise<CartView> {
    if (!ctx.em.isInTransaction()) throw SthenoError.unexpectedState('retrieveForUpdate needs an open transaction');
    const cart = await loadCart(ctx, id, true);
    if (!cart) throw SthenoError.notFound(`Cart id not found: ${id}`);
    return cart;
  }

  /** Checkout's first step: locks the cart row in the open transaction and returns the cart. */
  lockForCompletion(ctx: Context, cartId: string): Promise<CartView> {
    return this.retrieveForUpdate(ctx, cartId);
  }

  // ---- cart --------------------------------------------------------------------------------

  /** Creates the cart (and its addresses); records `cart.created`. Returns the id. */
  async create(ctx: Context, input: CreateCartInput): Promise<string> {
    const id = generateId(Cart.idPrefix);
    await insertCart(ctx, id, input, this.events.outboxRows(ctx, [{ name: CartEvents.CREATED, data: { id } }]));
    return id;
  }

  /**
   * Changes the cart's fields and replaces the addresses given (a replaced address row is deleted)
   * and records `cart.updated` (and `cart.region_updated`, `cart.customer_updated`,
   * `cart.customer_transferred` for what changed), all in one statement. Plain SQL: this is
   * every checkout's email-and-addresses call. The caller holds the cart's lock (`lock`); not_found
   * when there is no such cart.
   */
  async update(ctx: Context, id: string, input: UpdateCartInput): Promise<void> {
    // the statement records what it changed: cart.updated always, the others on a change of region or customer
    const events = this.events.outboxRows(ctx, [
      { name: CartEvents.UPDATED, data: { id } },
      { name: CartEvents.REGION_UPDATED, data: { id }, on_change: 'region' },
      { name: CartEvents.CUSTOMER_UPDATED, data: { id }, on_change: 'customer' },
      ...(input.transferred ? [{ name: CartEvents.CUSTOMER_TRANSFERRED, data: { id, customer_id: input.customer_id }, on_change: 'customer' }] : []),
    ]);
    if (!(await updateCart(ctx, id, input, events))) throw SthenoError.notFound(`Cart id not found: ${id}`);
  }

  /** `cart.updated` for `OUTBOX_CTE` when the write records it, else nothing. */
  private updatedEvent(ctx: Context, cartId: string, options: CartWriteOptions): string {
    return this.events.outboxRows(ctx, options.recordUpdated ? [{ name: CartEvents.UPDATED, data: { id: cartId } }] : []);
  }

  /** Records `cart.updated` for a change made through the line/method setters (one per request). */
  async recordUpdated(ctx: Context, id: string): Promise<void> {
    await this.events.recordNow(ctx, CartEvents.UPDATED, { id });
  }

  /**
   * Sets `completed_at` unless it is set already, and then only records `events`
   * (`EventBus.outboxRows`, the caller's: checkout's `order.placed`), in the same statement; false
   * when another transaction completed the cart first (the conditional update is what makes two
   * concurrent completions yield one order).
   */
  async markCompleted(ctx: Context, cartId: string, events = '[]'): Promise<boolean> {
    const now = new Date().toISOString();
    const [row] = await preparedQuery<{ completed: boolean }>(
      ctx,
      'stheno_cart_complete',
      `with done as (
         update cart set completed_at = ?::timestamptz, updated_at = ?::timestamptz
          where id = ? and completed_at is null and deleted_at is null returning id),
       ${outboxCteIf('done')}
       select exists (select 1 from done) as completed`,
      [now, now, cartId, events],
    );
    return row.completed;
  }

  // ---- line items --------------------------------------------------------------------------

  /** Adds lines to the cart; returns their ids in input order. */
  async addLineItems(ctx: Context, cartId: string, items: LineItemInput[]): Promise<string[]> {
    return (await this.insertLines(ctx, cartId, items)).map((line) => line.id as string);
  }

  /**
   * `addLineItems` for a flow that read the cart as `loaded` in this transaction after locking it:
   * answers the cart with the new lines (totals included) without reading it again; null when it
   * cannot (`loaded` not built by the cart loader).
   */
  async addLineItemsTo(ctx: Context, loaded: CartView, items: LineItemInput[], options: CartWriteOptions = {}): Promise<CartView | null> {
    return withAddedLines(loaded, await this.insertLines(ctx, loaded.id, items, options));
  }

  /** One INSERT for the new lines (plain SQL: this is a first add to cart's write); their rows, in input order. */
  private async insertLines(ctx: Context, cartId: string, items: LineItemInput[], options: CartWriteOptions = {}): Promise<Array<Record<string, unknown>>> {
    if (!items.length) return [];
    const now = new Date().toISOString();
    const rows = items.map((item) => ({
      ...item,
      id: generateId(CartLineItem.idPrefix),
      created_at: now,
      updated_at: now,
      cart_id: cartId,
      compare_at_unit_price: item.compare_at_unit_price ?? null,
      variant_option_values: item.variant_option_values ?? null,
      requires_shipping: item.requires_shipping ?? true,
      is_discountable: item.is_discountable ?? true,
      is_giftcard: item.is_giftcard ?? false,
      is_tax_inclusive: item.is_tax_inclusive ?? false,
      is_custom_price: item.is_custom_price ?? false,
      metadata: item.metadata ?? null,
    }));
    const inserted = await preparedQuery<{ line: Record<string, unknown> }>(
      ctx,
      'stheno_cart_line_insert',
      `with ${OUTBOX_CTE}
       insert into cart_line_item as i (${LINE_COLUMNS})
       select ${LINE_COLUMNS} from jsonb_populate_recordset(null::cart_line_item, ?::jsonb)
       returning ${LINE_ROW_JSON} as line`,
      [this.updatedEvent(ctx, cartId, options), JSON.stringify(rows)],
    );
    const byId = new Map(inserted.map(({ line }) => [line.id as string, line]));
    return rows.map((row) => byId.get(row.id)!);
  }

  /** Changes one line of the cart; not_found when the line is not the cart's. See `updateLineItems` for `loaded`. */
  async updateLineItem(ctx: Context, cartId: string, itemId: string, update: LineItemUpdate, loaded?: CartView, options: CartWriteOptions = {}): Promise<CartView | null> {
    return this.updateLineItems(ctx, cartId, [{ id: itemId, ...update }], loaded, options);
  }

  /**
   * Changes several lines of the cart at once (re-pricing after a region change). With `loaded`,
   * the cart as read in this transaction after locking it, answers the cart as changed (totals
   * included) without reading it again; null when it cannot, or without `loaded`.
   */
  async updateLineItems(
    ctx: Context,
    cartId: string,
    updates: Array<LineItemUpdate & { id: string }>,
    loaded?: CartView,
    options: CartWriteOptions = {},
  ): Promise<CartView | null> {
    if (!updates.length) return loaded ?? null;
    // one UPDATE for all of them (plain SQL: this is every add to cart's write); a line of another cart matches nothing
    return inTransaction(ctx, async (tx) => {
      const rows = updates.map(({ id, ...u }) => ({
        id,
        quantity: u.quantity ?? null,
        unit_price: u.unit_price ?? null,
        set_compare_at: u.compare_at_unit_price !== undefined,
        compare_at_unit_price: u.compare_at_unit_price ?? null,
        is_tax_inclusive: u.is_tax_inclusive ?? null,
        set_metadata: u.metadata !== undefined,
        metadata: u.metadata ?? null,
      }));
      const updated = await preparedQuery<{ id: string; line: Record<string, unknown> }>(
        tx,
        'stheno_cart_line_update',
        `with ${OUTBOX_CTE}
         update cart_line_item i set
            quantity = coalesce(u.quantity, i.quantity),
            unit_price = coalesce(u.unit_price, i.unit_price),
            compare_at_unit_price = case when u.set_compare_at then u.compare_at_unit_price else i.compare_at_unit_price end,
            is_tax_inclusive = coalesce(u.is_tax_inclusive, i.is_tax_inclusive),
            metadata = case when u.set_metadata then u.metadata else i.metadata end,
            updated_at = ?::timestamptz
          from jsonb_to_recordset(?::jsonb) as u(id text, quantity integer, unit_price numeric, set_compare_at boolean,
            compare_at_unit_price numeric, is_tax_inclusive boolean, set_metadata boolean, metadata jsonb)
         where i.id = u.id and i.cart_id = ? and i.deleted_at is null
         returning i.id, ${LINE_ROW_JSON} as line`,
        [this.updatedEvent(tx, cartId, options), new Date().toISOString(), JSON.stringify(rows), cartId],
      );
      const found = new Set(updated.map((r) => r.id));
      const missing = updates.find((u) => !found.has(u.id));
      if (missing) throw SthenoError.notFound(`Line item with id: ${missing.id} was not found`);
      return loaded ? withChangedLines(loaded, updated.map((r) => r.line)) : null;
    });
  }

  /** Deletes lines of the cart with their adjustments and tax lines; ids not in the cart are ignored. */
  async removeLineItems(ctx: Context, cartId: string, itemIds: string[]): Promise<void> {
    if (!itemIds.length) return;
    await inTransaction(ctx, async (tx) => {
      const ids = (await tx.em.find(CartLineItem, { cart_id: cartId, id: { $in: itemIds } }, { fields: ['id'] })).map((r) => r.id);
      if (!ids.length) return;
      await tx.em.nativeDelete(CartLineItemAdjustment, { item_id: { $in: ids } });
      await tx.em.nativeDelete(CartLineItemTaxLine, { item_id: { $in: ids } });
      await tx.em.nativeDelete(CartLineItem, { id: { $in: ids } });
    });
  }

  /** Replaces every adjustment of the cart's lines with `adjustments` (promotions recomputed). */
  async setLineItemAdjustments(ctx: Context, cartId: string, adjustments: LineItemAdjustmentInput[]): Promise<void> {
    await replaceChildren(ctx, LINE_ADJUSTMENTS, cartId, adjustments.map((a) => ({
      owner: a.item_id,
      code: a.code ?? null,
      amount: String(a.amount),
      description: a.description ?? null,
      promotion_id: a.promotion_id ?? null,
      provider_id: a.provider_id ?? null,
      is_tax_inclusive: a.is_tax_inclusive ?? false,
    })));
  }

  /** Replaces every tax line of the cart's lines. */
  async setLineItemTaxLines(ctx: Context, cartId: string, lines: LineItemTaxLineInput[]): Promise<void> {
    await replaceChildren(ctx, LINE_TAX_LINES, cartId, lines.map((l) => ({ owner: l.item_id, ...taxLineColumns(l) })));
  }

  // ---- shipping methods --------------------------------------------------------------------

  /** The cart's shipping methods become exactly `methods` (old ones deleted with their lines); returns the new ids. */
  async replaceShippingMethods(ctx: Context, cartId: string, methods: ShippingMethodInput[]): Promise<string[]> {
    return inTransaction(ctx, async (tx) => {
      await this.removeShippingMethods(tx, cartId);
      return this.addShippingMethods(tx, cartId, methods);
    });
  }

  /** Adds shipping methods to the cart beside its others in one statement; returns the new ids in input order. */
  async addShippingMethods(ctx: Context, cartId: string, methods: ShippingMethodInput[], options: CartWriteOptions = {}): Promise<string[]> {
    if (!methods.length) return [];
    const now = new Date().toISOString();
    const rows = methods.map((m) => ({
      id: generateId(CartShippingMethod.idPrefix),
      created_at: now,
      updated_at: now,
      cart_id: cartId,
      name: m.name,
      description: m.description ?? null,
      amount: m.amount,
      is_tax_inclusive: m.is_tax_inclusive ?? false,
      shipping_option_id: m.shipping_option_id ?? null,
      data: m.data ?? null,
      metadata: m.metadata ?? null,
    }));
    await preparedQuery(
      ctx,
      'stheno_cart_method_insert',
      `with ${OUTBOX_CTE}
       insert into cart_shipping_method (${METHOD_COLUMNS})
       select ${METHOD_COLUMNS} from jsonb_populate_recordset(null::cart_shipping_method, ?::jsonb)`,
      [this.updatedEvent(ctx, cartId, options), JSON.stringify(rows)],
    );
    return rows.map((r) => r.id);
  }

  /** Changes the amount / tax basis of shipping methods of the cart (a refreshed price); not_found for a method not the cart's. */
  async updateShippingMethods(ctx: Context, cartId: string, updates: ShippingMethodUpdate[]): Promise<void> {
    if (!updates.length) return;
    await inTransaction(ctx, async (tx) => {
      const rows = await tx.em.find(CartShippingMethod, { cart_id: cartId, id: { $in: updates.map((u) => u.id) } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const update of updates) {
        const row = byId.get(update.id);
        if (!row) throw SthenoError.notFound(`Shipping method with id: ${update.id} was not found`);
        if (update.amount !== undefined) row.amount = update.amount;
        if (update.is_tax_inclusive !== undefined) row.is_tax_inclusive = update.is_tax_inclusive;
        row.updated_at = new Date();
      }
      await tx.em.flush();
    });
  }

  /** Deletes the given shipping methods of the cart (all of them when `ids` is omitted). */
  async removeShippingMethods(ctx: Context, cartId: string, ids?: string[]): Promise<void> {
    // none to remove (a first method of its profile): no statement
    if (ids && !ids.length) return;
    await inTransaction(ctx, async (tx) => {
      const filter = ids ? { cart_id: cartId, id: { $in: ids } } : { cart_id: cartId };
      const found = (await tx.em.find(CartShippingMethod, filter, { fields: ['id'] })).map((r) => r.id);
      if (!found.length) return;
      await tx.em.nativeDelete(CartShippingMethodAdjustment, { shipping_method_id: { $in: found } });
      await tx.em.nativeDelete(CartShippingMethodTaxLine, { shipping_method_id: { $in: found } });
      await tx.em.nativeDelete(CartShippingMethod, { id: { $in: found } });
    });
  }

  async setShippingMethodAdjustments(ctx: Context, cartId: string, adjustments: ShippingMethodAdjustmentInput[]): Promise<void> {
    await replaceChildren(ctx, METHOD_ADJUSTMENTS, cartId, adjustments.map((a) => ({
      owner: a.shipping_method_id,
      code: a.code ?? null,
      amount: String(a.amount),
      description: a.description ?? null,
      promotion_id: a.promotion_id ?? null,
      provider_id: a.provider_id ?? null,
    })));
  }

  async setShippingMethodTaxLines(ctx: Context, cartId: string, lines: ShippingMethodTaxLineInput[]): Promise<void> {
    await replaceChildren(ctx, METHOD_TAX_LINES, cartId, lines.map((l) => ({ owner: l.shipping_method_id, ...taxLineColumns(l) })));
  }

  // ---- credit lines ------------------------------------------------------------------------

  async addCreditLines(ctx: Context, cartId: string, lines: CreditLineInput[]): Promise<string[]> {
    if (!lines.length) return [];
    return inTransaction(ctx, async (tx) => {
      const rows = lines.map((l) =>
        tx.em.create(CartCreditLine, { cart_id: cartId, reference: l.reference ?? null, reference_id: l.reference_id ?? null, amount: l.amount, metadata: l.metadata ?? null }),
      );
      await tx.em.flush();
      return rows.map((r) => r.id);
    });
  }
}
