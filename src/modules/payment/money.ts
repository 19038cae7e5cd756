import Decimal from 'decimal.js';
import { SthenoError } from '../../framework/errors/stheno-error';
import type { RawAmount } from './payment.types';

// numeric(20, 6): at most 14 integer digits and 6 decimals
const MAX_AMOUNT = new Decimal('1e14');
const MAX_DECIMALS = 6;
export const RAW_PRECISION = 20;

/** JSON number in major units, as Medusa answers (`"10.500000"` → 10.5); output only, never for sums. */
export function wireNumber(value: Decimal.Value): number {
  return new Decimal(value).toNumber();
}

/** Medusa's `raw_*` companion: the exact value without trailing zeros. */
export function rawAmount(value: Decimal.Value): RawAmount {
  return { value: new Decimal(value).toFixed(), precision: RAW_PRECISION };
}

/**
 * A client or caller amount as an exact Decimal: finite, at most 6 decimals, below 1e14, and
 * positive (or ≥ 0 with `allowZero`). Anything else is invalid_data naming the field.
 */
export function parseAmount(value: Decimal.Value, field: string, options: { allowZero?: boolean } = {}): Decimal {
  let d: Decimal | null;
  try {
    d = new Decimal(typeof value === 'string' ? value.trim() : value);
  } catch {
    d = null;
  }
  if (d === null || !d.isFinite()) throw SthenoError.invalidData(`${field} must be a number, got: ${String(value)}`);
  if (options.allowZero ? d.isNegative() : d.lte(0)) {
    throw SthenoError.invalidData(`${field} must be ${options.allowZero ? 'zero or more' : 'greater than zero'}, got: ${String(value)}`);
  }
  if (d.gte(MAX_AMOUNT)) throw SthenoError.invalidData(`${field} is too large: ${String(value)}`);
  if (d.decimalPlaces() > MAX_DECIMALS) throw SthenoError.invalidData(`${field} has more than ${MAX_DECIMALS} decimals: ${String(value)}`);
  return d;
}
