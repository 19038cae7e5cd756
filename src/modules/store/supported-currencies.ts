import { SthenoError } from '../../framework/errors/stheno-error';
import type { SupportedCurrencyInput } from './store.types';

export interface CurrentStoreCurrency {
  id: string;
  currency_code: string;
  is_default: boolean;
}

/** What replacing a store's currencies with a new list takes: rows kept as they are are in none. */
export interface SupportedCurrenciesChange {
  create: Array<{ currency_code: string; is_default: boolean }>;
  /** Kept currencies whose default flag changes. */
  update: Array<{ id: string; is_default: boolean }>;
  /** Ids of the currencies no longer supported. */
  remove: string[];
}

/** Lower-cased codes; throws invalid_data on a repeated code or unless exactly one is the default. */
export function normalizeSupportedCurrencies(wanted: readonly SupportedCurrencyInput[]): Array<{ currency_code: string; is_default: boolean }> {
  const normalized = wanted.map((c) => ({ currency_code: c.currency_code.trim().toLowerCase(), is_default: c.is_default === true }));
  const seen = new Set<string>();
  for (const { currency_code } of normalized) {
    if (seen.has(currency_code)) throw SthenoError.invalidData(`Currency with code: ${currency_code} is listed more than once`);
    seen.add(currency_code);
  }
  if (!normalized.length) return normalized;
  const defaults = normalized.filter((c) => c.is_default).map((c) => c.currency_code);
  if (defaults.length === 0) throw SthenoError.invalidData('One of the supported currencies must be the default (is_default: true)');
  if (defaults.length > 1) {
    throw SthenoError.invalidData(`Only one supported currency can be the default, got ${defaults.length}: ${defaults.join(', ')}`);
  }
  return normalized;
}

/** The change that turns `current` into `wanted`, keeping the rows (and ids) of currencies in both. */
export function planSupportedCurrencies(
  current: readonly CurrentStoreCurrency[],
  wanted: readonly SupportedCurrencyInput[],
): SupportedCurrenciesChange {
  const next = normalizeSupportedCurrencies(wanted);
  const currentByCode = new Map(current.map((c) => [c.currency_code, c]));
  const nextCodes = new Set(next.map((c) => c.currency_code));
  const change: SupportedCurrenciesChange = { create: [], update: [], remove: [] };
  for (const entry of next) {
    const existing = currentByCode.get(entry.currency_code);
    if (!existing) change.create.push(entry);
    else if (existing.is_default !== entry.is_default) change.update.push({ id: existing.id, is_default: entry.is_default });
  }
  change.remove = current.filter((c) => !nextCodes.has(c.currency_code)).map((c) => c.id);
  return change;
}
