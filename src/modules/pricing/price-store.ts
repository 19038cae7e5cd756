import Decimal from 'decimal.js';
import { Context } from '../../framework/context/context';
import { generateId } from '../../framework/database/ids';
import { preparedByIds } from '../../framework/database/prepared';
import { SthenoError } from '../../framework/errors/stheno-error';
import { normalizeDecimal, toAmountNumber } from './price-calculator';
import { PriceInput, PriceView } from './pricing.types';

/**
 * Set-based reads and writes of prices with their rules, shared by the facade and price lists.
 * Every function costs a fixed number of statements whatever the number of prices: lists of values
 * travel as one jsonb parameter (MikroORM inlines parameters, and a jsonb literal is escaped once).
 */

// numeric(20, 6): at most 14 integer digits
const MAX_AMOUNT = new Decimal('1e14');
const RAW_PRECISION = 20;

/** A validated price: lower-cased currency, exact decimal strings, rules as attribute → value. */
export interface NormalizedPrice {
  id?: string;
  currency_code: string;
  amount: string;
  min_quantity: string | null;
  max_quantity: string | null;
  /** Undefined on an update that leaves the rules as they are. */
  rules?: Record<string, string>;
}

export interface PriceRow {
  id: string;
  title: string | null;
  currency_code: string;
  amount: string;
  min_quantity: string | null;
  max_quantity: string | null;
  price_set_id: string;
  price_list_id: string | null;
  rules_count: number;
  rules: Record<string, string>;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

/** One jsonb parameter carrying a list (ids, rows). */
export const jsonb = (value: unknown): string => JSON.stringify(value);

function decimalOf(value: number | string, field: string): Decimal {
  let d: Decimal | null;
  try {
    d = new Decimal(typeof value === 'string' ? value.trim() : value);
  } catch {
    d = null;
  }
  if (d === null || !d.isFinite()) throw SthenoError.invalidData(`${field} must be a number, got: ${String(value)}`);
  if (d.isNegative()) throw SthenoError.invalidData(`${field} must not be negative, got: ${String(value)}`);
  if (d.gte(MAX_AMOUNT)) throw SthenoError.invalidData(`${field} is too large: ${String(value)}`);
  return d;
}

function quantityOf(value: number | null | undefined, field: string): Decimal | null {
  return value === null || value === undefined ? null : decimalOf(value, field);
}

function rulesOf(rules: Record<string, unknown> | undefined): Record<string, string> | undefined {
  if (rules === undefined) return undefined;
  const normalized: Record<string, string> = {};
  for (const [attribute, value] of Object.entries(rules)) {
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw SthenoError.invalidData(`Price rule ${attribute} must be a string, got: ${JSON.stringify(value)}`);
    }
    normalized[attribute] = String(value);
  }
  return normalized;
}

/** Checks amounts (≥ 0) and tiers (min ≤ max); currencies are checked by the caller in one query. */
export function normalizePrice(input: PriceInput): NormalizedPrice {
  const amount = decimalOf(input.amount, 'amount');
  const min = quantityOf(input.min_quantity, 'min_quantity');
  const max = quantityOf(input.max_quantity, 'max_quantity');
  if (min && max && min.gt(max)) {
    throw SthenoError.invalidData(`min_quantity (${min.toFixed()}) must not be greater than max_quantity (${max.toFixed()})`);
  }
  if (typeof input.currency_code !== 'string' || !input.currency_code.trim()) throw SthenoError.invalidData('currency_code is required');
  return {
    ...(input.id !== undefined ? { id: input.id } : {}),
    currency_code: input.currency_code.trim().toLowerCase(),
    amount: amount.toFixed(),
    min_quantity: min?.toFixed() ?? null,
    max_quantity: max?.toFixed() ?? null,
    rules: rulesOf(input.rules),
  };
}

export interface PriceToInsert extends NormalizedPrice {
  price_set_id: string;
  price_list_id: string | null;
}

/** Inserts prices and their rules in two statements; returns the new ids in input order. */
export async function insertPrices(tx: Context, prices: PriceToInsert[]): Promise<string[]> {
  if (!prices.length) return [];
  const rows = prices.map((p) => ({ ...p, id: generateId('price'), rules: Object.entries(p.rules ?? {}) }));
  await tx.em.execute(
    `insert into price (id, price_set_id, price_list_id, currency_code, amount, min_quantity, max_quantity, rules_count)
     select v.id, v.price_set_id, v.price_list_id, v.currency_code, v.amount, v.min_quantity, v.max_quantity, v.rules_count
       from jsonb_to_recordset(?::jsonb) as v(id text, price_set_id text, price_list_id text, currency_code text,
            amount numeric, min_quantity numeric, max_quantity numeric, rules_count int)`,
    [
      jsonb(
        rows.map((r) => ({
          id: r.id,
          price_set_id: r.price_set_id,
          price_list_id: r.price_list_id,
          currency_code: r.currency_code,
          amount: r.amount,
          min_quantity: r.min_quantity,
          max_quantity: r.max_quantity,
          rules_count: r.rules.length,
        })),
      ),
    ],
  );
  await insertRules(tx, rows.flatMap((r) => r.rules.map(([attribute, value]) => ({ price_id: r.id, attribute, value }))));
  return rows.map((r) => r.id);
}

async function insertRules(tx: Context, rules: Array<{ price_id: string; attribute: string; value: string }>): Promise<void> {
  if (!rules.length) return;
  await tx.em.execute(
    `insert into price_rule (id, price_id, attribute, operator, value)
     select v.id, v.price_id, v.attribute, 'eq', v.value
       from jsonb_to_recordset(?::jsonb) as v(id text, price_id text, attribute text, value text)`,
    [jsonb(rules.map((r) => ({ id: generateId('prule'), ...r })))],
  );
}

/**
 * Updates prices in place (one statement) and replaces the rules of those given rules (two more).
 * `price_set_id` may move a list price to another variant's set.
 */
export async function updatePrices(tx: Context, prices: Array<NormalizedPrice & { id: string; price_set_id?: string }>): Promise<void> {
  if (!prices.length) return;
  await tx.em.execute(
    `update price p set currency_code = v.currency_code, amount = v.amount, min_quantity = v.min_quantity,
            max_quantity = v.max_quantity, price_set_id = coalesce(v.price_set_id, p.price_set_id),
            rules_count = coalesce(v.rules_count, p.rules_count), updated_at = now()
       from jsonb_to_recordset(?::jsonb) as v(id text, price_set_id text, currency_code text, amount numeric,
            min_quantity numeric, max_quantity numeric, rules_count int)
      where p.id = v.id and p.deleted_at is null`,
    [
      jsonb(
        prices.map((p) => ({
          id: p.id,
          price_set_id: p.price_set_id ?? null,
          currency_code: p.currency_code,
          amount: p.amount,
          min_quantity: p.min_quantity,
          max_quantity: p.max_quantity,
          rules_count: p.rules ? Object.keys(p.rules).length : null,
        })),
      ),
    ],
  );
  const withRules = prices.filter((p) => p.rules !== undefined);
  if (!withRules.length) return;
  await tx.em.execute(`update price_rule set deleted_at = now() where deleted_at is null and price_id in (select jsonb_array_elements_text(?::jsonb))`, [
    jsonb(withRules.map((p) => p.id)),
  ]);
  await insertRules(tx, withRules.flatMap((p) => Object.entries(p.rules!).map(([attribute, value]) => ({ price_id: p.id, attribute, value }))));
}

/** Soft-deletes prices matching `condition` (SQL on alias `p`) and their rules: two statements. */
export async function softDeletePricesWhere(tx: Context, condition: string, params: unknown[]): Promise<string[]> {
  const deleted = await tx.em.execute<Array<{ id: string }>>(
    `update price p set deleted_at = now() where p.deleted_at is null and (${condition}) returning p.id`,
    params,
  );
  const ids = deleted.map((r) => r.id);
  if (ids.length) {
    await tx.em.execute(`update price_rule set deleted_at = now() where deleted_at is null and price_id in (select jsonb_array_elements_text(?::jsonb))`, [
      jsonb(ids),
    ]);
  }
  return ids;
}

/**
 * Prices matching `condition` (SQL on alias `p`), each with its rules, in one statement. A hot
 * caller reading by ids whose condition never changes writes `{ids}` in it and passes the ids with
 * a statement name (`prepared`): the read is then prepared (preparedByIds).
 */
export async function loadPrices(
  ctx: Context,
  condition: string,
  params: unknown[],
  orderBy = 'p.created_at, p.id',
  prepared?: { name: string; ids: readonly string[] },
): Promise<PriceRow[]> {
  const sql = `select p.id, p.title, p.currency_code, p.amount::text as amount, p.min_quantity::text as min_quantity,
            p.max_quantity::text as max_quantity, p.price_set_id, p.price_list_id, p.rules_count,
            p.created_at, p.updated_at, p.deleted_at,
            coalesce((select jsonb_object_agg(r.attribute, r.value) from price_rule r
                       where r.price_id = p.id and r.deleted_at is null), '{}'::jsonb) as rules
       from price p
      where p.deleted_at is null and (${condition})
      order by ${orderBy}`;
  type Row = Omit<PriceRow, 'rules_count'> & { rules_count: number | string };
  const rows = prepared ? await preparedByIds<Row>(ctx, prepared.name, sql, prepared.ids, params) : await ctx.em.execute<Row[]>(sql, params);
  return rows.map((r) => ({
    ...r,
    rules_count: Number(r.rules_count),
    rules: typeof r.rules === 'string' ? (JSON.parse(r.rules) as Record<string, string>) : r.rules,
    created_at: new Date(r.created_at),
    updated_at: new Date(r.updated_at),
    deleted_at: r.deleted_at ? new Date(r.deleted_at) : null,
  }));
}

export const quantityNumber = (value: string | null): number | null => (value === null ? null : toAmountNumber(value));

export function toPriceView(row: PriceRow): PriceView {
  return {
    id: row.id,
    title: row.title,
    currency_code: row.currency_code,
    amount: toAmountNumber(row.amount),
    raw_amount: { value: normalizeDecimal(row.amount), precision: RAW_PRECISION },
    min_quantity: quantityNumber(row.min_quantity),
    max_quantity: quantityNumber(row.max_quantity),
    price_set_id: row.price_set_id,
    price_list_id: row.price_list_id,
    rules_count: row.rules_count,
    rules: row.rules,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    deleted_at: row.deleted_at?.toISOString() ?? null,
  };
}
