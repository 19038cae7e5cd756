import Decimal from 'decimal.js';

/**
 * Money on the wire, the way Medusa v2 shows it: JSON numbers in major units, plus on some objects a
 * `raw_*` twin `{ value: "10.5", precision: 20 }` carrying the exact decimal string.
 *
 * Amounts arrive as PostgreSQL numeric strings, numbers or Decimals; arithmetic always goes through
 * Decimal (never floats), and a number is produced only for output.
 */

/** The `precision` Medusa puts on every raw amount. */
export const RAW_PRECISION = 20;

/** Minor-unit decimals used when a computed total is rounded for the wire (cents). */
export const MONEY_DECIMALS = 2;

export interface RawAmount {
  value: string;
  precision: typeof RAW_PRECISION;
}

/** Exact decimal string: no exponent, no trailing zeros, no negative zero ("10.5000" → "10.5", 1e-7 → "0.0000001"). */
export function decimalString(value: Decimal.Value): string {
  const d = new Decimal(value);
  return d.isZero() ? '0' : d.toFixed();
}

/** Medusa's raw amount object, full precision. */
export function rawAmount(value: Decimal.Value): RawAmount {
  return { value: decimalString(value), precision: RAW_PRECISION };
}

/** Like {@link rawAmount}, keeping null as null (`raw_compare_at_unit_price: null`). */
export function rawAmountOrNull(value: Decimal.Value | null | undefined): RawAmount | null {
  return value === null || value === undefined ? null : rawAmount(value);
}

/** Rounds half away from zero to `decimals` places (the currency's minor unit). */
export function roundMoney(value: Decimal.Value, decimals: number = MONEY_DECIMALS): Decimal {
  return new Decimal(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
}

/**
 * A JSON number for the wire. Without `decimals` the value is converted as is (stored amounts such
 * as a unit price keep every decimal they were entered with); with `decimals` it is first rounded
 * half away from zero (computed totals, see totals.ts).
 */
export function toWireNumber(value: Decimal.Value, decimals?: number): number {
  const d = decimals === undefined ? new Decimal(value) : roundMoney(value, decimals);
  // Number(-0) would print as 0 anyway, but keep it a clean zero for deep equality in tests.
  return d.isZero() ? 0 : d.toNumber();
}

/** Like {@link toWireNumber}, keeping null as null. */
export function toWireNumberOrNull(value: Decimal.Value | null | undefined): number | null {
  return value === null || value === undefined ? null : toWireNumber(value);
}

/**
 * Parses a numeric input (a finite number or a decimal string such as "10", " 10.50 ", "-3", "1e2");
 * returns null for anything else (empty, "abc", NaN, Infinity, objects), so callers can answer
 * invalid_data with their own message.
 */
export function parseDecimal(value: unknown): Decimal | null {
  if (Decimal.isDecimal(value)) return value.isFinite() ? value : null;
  if (typeof value === 'number') return Number.isFinite(value) ? new Decimal(value) : null;
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return null;
  const d = new Decimal(trimmed);
  return d.isFinite() ? d : null;
}

/** Sum of decimals; 0 for none. */
export function sumDecimals(values: Iterable<Decimal.Value>): Decimal {
  let total = new Decimal(0);
  for (const v of values) total = total.plus(v);
  return total;
}
