import Decimal from 'decimal.js';

/**
 * Pure price selection: given a price set's candidate prices (already loaded), the price lists they
 * belong to, a pricing context and the price preferences, pick Medusa v2's `calculated_price`.
 * No ORM, no Nest, no clock: `now` is an argument so list date windows are testable.
 * Amounts are PostgreSQL numeric strings; every comparison goes through Decimal, never floats.
 */

export interface PriceRuleInput {
  attribute: string;
  operator: 'eq' | 'gt' | 'gte' | 'lt' | 'lte';
  value: string;
}

export interface CandidatePrice {
  id: string;
  price_set_id: string;
  currency_code: string;
  amount: string;
  min_quantity: string | null;
  max_quantity: string | null;
  price_list_id: string | null;
  rules: PriceRuleInput[];
}

export interface CandidatePriceList {
  id: string;
  type: 'sale' | 'override';
  status: 'active' | 'draft';
  starts_at: Date | null;
  ends_at: Date | null;
  rules: Record<string, string[]>;
}

export interface PricingContext {
  currency_code: string;
  region_id?: string;
  customer_group_id?: string | string[];
  quantity?: number;
  [attribute: string]: unknown;
}

export interface PricePreferenceInput {
  attribute: 'region_id' | 'currency_code';
  value: string;
  is_tax_inclusive: boolean;
}

export type PriceListLookup = Map<string, CandidatePriceList> | Record<string, CandidatePriceList>;

export type RawAmount = { value: string; precision: number };

export interface CalculatedPriceRef {
  id: string;
  price_list_id: string | null;
  price_list_type: 'sale' | 'override' | null;
  min_quantity: number | null;
  max_quantity: number | null;
}

/** Medusa's `calculated_price` shape; key order matters for byte-identical JSON. */
export interface CalculatedPrice {
  id: string;
  is_calculated_price_price_list: boolean;
  is_calculated_price_tax_inclusive: boolean;
  calculated_amount: number;
  raw_calculated_amount: RawAmount;
  is_original_price_price_list: boolean;
  is_original_price_tax_inclusive: boolean;
  original_amount: number;
  raw_original_amount: RawAmount;
  currency_code: string;
  calculated_price: CalculatedPriceRef;
  original_price: CalculatedPriceRef;
}

// Medusa serialises its BigNumber raws with this precision.
const RAW_PRECISION = 20;

/** Decimal string → JSON number ("10.5000" → 10.5); only for output, never for comparison. */
export function toAmountNumber(s: string): number {
  return new Decimal(s).toNumber();
}

/** Decimal string without trailing zeros or exponent ("1000.5000" → "1000.5", "10.00" → "10"). */
export function normalizeDecimal(s: string): string {
  const d = new Decimal(s);
  return d.isZero() ? '0' : d.toFixed();
}

/** A price that survived filtering, with its list and parsed amount (parsed once, compared often). */
interface Candidate {
  price: CandidatePrice;
  list: CandidatePriceList | null;
  amount: Decimal;
  specificity: number;
}

/** Context values of an attribute as strings; a missing attribute yields none (so it never matches). */
function contextValues(context: PricingContext, attribute: string): string[] {
  if (!Object.hasOwn(context, attribute)) return [];
  const raw = context[attribute];
  const values = Array.isArray(raw) ? raw : [raw];
  return values.filter((v) => ['string', 'number', 'bigint', 'boolean'].includes(typeof v)).map((v) => String(v));
}

function parseDecimal(s: string): Decimal | null {
  try {
    const d = new Decimal(s.trim());
    return d.isFinite() ? d : null;
  } catch {
    return null; // a non-numeric value simply fails a numeric rule
  }
}

// Numeric operators read the sign of Decimal.cmp(context value, rule value).
const NUMERIC: Record<string, (sign: number) => boolean> = {
  gt: (c) => c > 0,
  gte: (c) => c >= 0,
  lt: (c) => c < 0,
  lte: (c) => c <= 0,
};

/** One price rule against the context; for an array context value any element may satisfy it. */
function ruleMatches(rule: PriceRuleInput, context: PricingContext): boolean {
  const values = contextValues(context, rule.attribute);
  if (rule.operator === 'eq') return values.includes(rule.value);
  const test = Object.hasOwn(NUMERIC, rule.operator) ? NUMERIC[rule.operator] : undefined;
  const target = parseDecimal(rule.value);
  // an unknown operator or a non-numeric rule value never matches, rather than matching everything
  if (!test || !target) return false;
  return values.some((v) => {
    const d = parseDecimal(v);
    return d !== null && test(d.cmp(target));
  });
}

function quantityFits(price: CandidatePrice, quantity: Decimal): boolean {
  return (
    (price.min_quantity === null || quantity.gte(price.min_quantity)) &&
    (price.max_quantity === null || quantity.lte(price.max_quantity))
  );
}

function findList(lists: PriceListLookup, id: string): CandidatePriceList | undefined {
  if (lists instanceof Map) return lists.get(id);
  // own properties only: a list id like "constructor" must not reach Object.prototype
  return Object.hasOwn(lists, id) ? lists[id] : undefined;
}

/** Active, inside its date window (bounds inclusive), and every list rule intersects the context. */
function listApplies(list: CandidatePriceList, context: PricingContext, now: Date): boolean {
  if (list.status !== 'active') return false;
  if (list.starts_at && now.getTime() < list.starts_at.getTime()) return false;
  if (list.ends_at && now.getTime() > list.ends_at.getTime()) return false;
  return Object.entries(list.rules ?? {}).every(([attribute, allowed]) =>
    contextValues(context, attribute).some((v) => allowed.includes(v)),
  );
}

/** Compares minimum quantities; a null minimum (no tier) ranks below any number. */
function compareMinQuantity(a: CandidatePrice, b: CandidatePrice): number {
  if (a.min_quantity === null || b.min_quantity === null) return Number(a.min_quantity !== null) - Number(b.min_quantity !== null);
  return new Decimal(a.min_quantity).cmp(b.min_quantity);
}

const compareIds = (a: Candidate, b: Candidate): number => (a.price.id < b.price.id ? -1 : a.price.id > b.price.id ? 1 : 0);

/** Most specific first: more rules, then the narrower (higher-minimum) tier, then cheaper, then id. */
function bySpecificity(a: Candidate, b: Candidate): number {
  return b.specificity - a.specificity || compareMinQuantity(b.price, a.price) || a.amount.cmp(b.amount) || compareIds(a, b);
}

/** Cheapest first (sale prices compete on amount); specificity only breaks ties. */
function byAmount(a: Candidate, b: Candidate): number {
  return a.amount.cmp(b.amount) || bySpecificity(a, b);
}

function best(candidates: Candidate[], order: (a: Candidate, b: Candidate) => number): Candidate | null {
  return candidates.reduce<Candidate | null>((top, c) => (top === null || order(c, top) < 0 ? c : top), null);
}

/**
 * Tax inclusivity of one selected price, as Medusa decides it: the region preference counts only for a
 * price that carries the context's region as a rule (it was entered for that region); any other price
 * follows its currency's preference; no preference means tax-exclusive.
 */
function isTaxInclusive(preferences: PricePreferenceInput[], context: PricingContext, candidate: Candidate, currency: string): boolean {
  const regionId = context.region_id;
  const regionPriced = regionId !== undefined && candidate.price.rules.some((r) => r.attribute === 'region_id' && r.value === regionId);
  const region = regionPriced ? preferences.find((p) => p.attribute === 'region_id' && p.value === regionId) : undefined;
  if (region) return region.is_tax_inclusive;
  const byCurrency = preferences.find((p) => p.attribute === 'currency_code' && p.value.toLowerCase() === currency);
  return byCurrency?.is_tax_inclusive ?? false;
}

function toRef(c: Candidate): CalculatedPriceRef {
  return {
    id: c.price.id,
    price_list_id: c.list ? c.list.id : null,
    price_list_type: c.list ? c.list.type : null,
    min_quantity: c.price.min_quantity === null ? null : toAmountNumber(c.price.min_quantity),
    max_quantity: c.price.max_quantity === null ? null : toAmountNumber(c.price.max_quantity),
  };
}

/** The calculated price of one price set in this context, or null when no price applies. */
export function calculatePrice(
  priceSetId: string,
  prices: CandidatePrice[],
  lists: PriceListLookup,
  context: PricingContext,
  preferences: PricePreferenceInput[],
  now: Date,
): CalculatedPrice | null {
  const currency = context.currency_code.toLowerCase();
  const quantity = new Decimal(context.quantity ?? 1);
  const base: Candidate[] = [];
  const override: Candidate[] = [];
  const sale: Candidate[] = [];

  for (const price of prices) {
    if (price.price_set_id !== priceSetId || price.currency_code.toLowerCase() !== currency) continue;
    if (!quantityFits(price, quantity) || !price.rules.every((r) => ruleMatches(r, context))) continue;
    const list = price.price_list_id ? findList(lists, price.price_list_id) : null;
    if (list === undefined || (list && !listApplies(list, context, now))) continue; // unknown or inapplicable list
    // a list's own rules make its prices more specific too (Medusa counts price + list rules)
    const specificity = price.rules.length + (list ? Object.keys(list.rules ?? {}).length : 0);
    const candidate: Candidate = { price, list, amount: new Decimal(price.amount), specificity };
    (list === null ? base : list.type === 'override' ? override : sale).push(candidate);
  }

  const cheapestSale = best(sale, byAmount);
  // an override list replaces the base price outright; a sale-only set uses the sale price as original
  const original = best(override, bySpecificity) ?? best(base, bySpecificity) ?? cheapestSale;
  if (original === null) return null;
  // a sale price applies only when strictly lower: on a tie the original stands
  const calculated = cheapestSale && cheapestSale.amount.lt(original.amount) ? cheapestSale : original;

  return {
    id: priceSetId,
    is_calculated_price_price_list: calculated.list !== null,
    is_calculated_price_tax_inclusive: isTaxInclusive(preferences, context, calculated, currency),
    calculated_amount: toAmountNumber(calculated.price.amount),
    raw_calculated_amount: { value: normalizeDecimal(calculated.price.amount), precision: RAW_PRECISION },
    is_original_price_price_list: original.list !== null,
    is_original_price_tax_inclusive: isTaxInclusive(preferences, context, original, currency),
    original_amount: toAmountNumber(original.price.amount),
    raw_original_amount: { value: normalizeDecimal(original.price.amount), precision: RAW_PRECISION },
    currency_code: currency,
    calculated_price: toRef(calculated),
    original_price: toRef(original),
  };
}

/** Calculated prices of many price sets at once; a set without any applicable price maps to null. */
export function calculatePrices(
  priceSetIds: readonly string[],
  prices: CandidatePrice[],
  lists: PriceListLookup,
  context: PricingContext,
  preferences: PricePreferenceInput[],
  now: Date,
): Map<string, CalculatedPrice | null> {
  const bySet = new Map<string, CandidatePrice[]>();
  for (const price of prices) {
    const group = bySet.get(price.price_set_id);
    if (group) group.push(price);
    else bySet.set(price.price_set_id, [price]);
  }
  const result = new Map<string, CalculatedPrice | null>();
  for (const id of priceSetIds) {
    result.set(id, calculatePrice(id, bySet.get(id) ?? [], lists, context, preferences, now));
  }
  return result;
}
