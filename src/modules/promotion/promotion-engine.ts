import Decimal from 'decimal.js';
import type {
  ApplicationMethodAllocation,
  ApplicationMethodTargetType,
  ApplicationMethodType,
  CampaignBudgetType,
  ComputedAction,
  PromotionCartContext,
  PromotionType,
  RuleOperator,
} from './promotion.types';

/**
 * The promotion engine: which discounts a cart gets from a set of promotions. Pure (no database, no
 * clock of its own), so every rule of it is unit-tested in promotion-engine.spec.ts.
 *
 * Stacking (Medusa's order): buy-get promotions first, then the others, each group in the order the
 * promotions are handed in (the facade passes the codes in the order the cart gave them, then the
 * automatic promotions by creation). All applicable promotions apply; each one sees what the
 * previous ones left of a line: a line is never discounted below zero, whatever the number of
 * promotions.
 *
 * Amounts: a line's discount is rounded to the currency's minor unit (half up); a discount
 * allocated `across` lines is split in proportion to what is left of each line, every share rounded
 * down and the remainder given to the last line, so that the shares add up to the discount exactly.
 */

export interface EngineRule {
  attribute: string;
  operator: RuleOperator;
  values: string[];
}

export interface EngineBudget {
  /** Budgets are per campaign: promotions of one campaign share it. */
  campaign_id: string;
  type: CampaignBudgetType;
  limit: string | null;
  used: string;
  currency_code: string | null;
}

export interface EnginePromotion {
  id: string;
  code: string;
  type: PromotionType;
  rules: EngineRule[];
  application_method: {
    type: ApplicationMethodType;
    target_type: ApplicationMethodTargetType;
    allocation: ApplicationMethodAllocation | null;
    value: string;
    currency_code: string | null;
    max_quantity: number | null;
    buy_rules_min_quantity: number | null;
    apply_to_quantity: number | null;
    target_rules: EngineRule[];
    buy_rules: EngineRule[];
  };
  campaign: { starts_at: Date | null; ends_at: Date | null; budget: EngineBudget | null } | null;
}

export interface EngineOptions {
  now: Date;
  /** Decimal digits of the cart's currency (2 for eur, 0 for jpy). */
  precision?: number;
}

export interface EngineResult {
  actions: ComputedAction[];
  /** Ids of the promotions that gave at least one adjustment, in the order applied. */
  applied: string[];
}

type CartItem = PromotionCartContext['items'][number];
type CartShipping = PromotionCartContext['shipping_methods'][number];

/** A discountable thing (a line or a shipping method) and what is still left of it. */
interface Target {
  id: string;
  quantity: number;
  subtotal: Decimal;
  remaining: Decimal;
}

// ---- rules ------------------------------------------------------------------------------------

/** The cart's values for a promotion rule attribute (Medusa's attribute paths). */
export function cartValues(attribute: string, cart: PromotionCartContext): string[] | undefined {
  switch (attribute) {
    case 'customer.groups.id':
    case 'customer_group_id':
      return cart.customer?.groups.map((g) => g.id) ?? [];
    case 'customer.id':
    case 'customer_id':
      return cart.customer?.id ? [cart.customer.id] : [];
    case 'region_id':
    case 'region.id':
      return cart.region_id ? [cart.region_id] : [];
    case 'currency_code':
      return [cart.currency_code.toLowerCase()];
    default:
      return undefined;
  }
}

/** An item's values for a target or buy rule attribute (with or without the `items.` prefix). */
export function itemValues(attribute: string, item: CartItem): string[] | undefined {
  const path = attribute.startsWith('items.') ? attribute.slice('items.'.length) : attribute;
  const one = (v: string | null) => (v ? [v] : []);
  switch (path) {
    case 'product.id':
    case 'product_id':
      return one(item.product_id);
    case 'variant.id':
    case 'variant_id':
      return one(item.variant_id);
    case 'product.collection_id':
    case 'product.collection.id':
      return one(item.product_collection_id);
    case 'product.categories.id':
      return item.product_category_ids;
    case 'product.type_id':
    case 'product.type.id':
      return one(item.product_type_id);
    case 'product.tags.id':
      return item.product_tag_ids;
    default:
      return undefined;
  }
}

/** A shipping method's values for a target rule attribute (with or without `shipping_methods.`). */
export function shippingValues(attribute: string, method: CartShipping): string[] | undefined {
  const path = attribute.startsWith('shipping_methods.') ? attribute.slice('shipping_methods.'.length) : attribute;
  switch (path) {
    case 'shipping_option_id':
    case 'shipping_option.id':
      return method.shipping_option_id ? [method.shipping_option_id] : [];
    default:
      return undefined;
  }
}

function compareNumbers(actual: string, expected: string, operator: 'gt' | 'gte' | 'lt' | 'lte'): boolean {
  let a: Decimal;
  let e: Decimal;
  try {
    a = new Decimal(actual);
    e = new Decimal(expected);
  } catch {
    return false;
  }
  const c = a.comparedTo(e);
  if (operator === 'gt') return c > 0;
  if (operator === 'gte') return c >= 0;
  if (operator === 'lt') return c < 0;
  return c <= 0;
}

/**
 * Whether values the cart has satisfy a rule: `in`/`eq`: one of them is a rule value; `ne`: none of
 * them is; `gt`…`lte`: one of them compares so with every rule value. An attribute the engine does
 * not know never matches (the admin routes refuse such rules; this keeps an old row from matching
 * everything).
 */
export function ruleMatches(rule: EngineRule, actual: string[] | undefined): boolean {
  if (actual === undefined) return false;
  const wanted = rule.values;
  switch (rule.operator) {
    case 'in':
    case 'eq':
      return actual.some((v) => wanted.includes(v));
    case 'ne':
      return !actual.some((v) => wanted.includes(v));
    default: {
      const op = rule.operator;
      return actual.some((v) => wanted.length > 0 && wanted.every((w) => compareNumbers(v, w, op)));
    }
  }
}

function itemMatches(rules: EngineRule[], item: CartItem): boolean {
  return rules.every((rule) => ruleMatches(rule, itemValues(rule.attribute, item)));
}

function shippingMatches(rules: EngineRule[], method: CartShipping): boolean {
  return rules.every((rule) => ruleMatches(rule, shippingValues(rule.attribute, method)));
}

// ---- money ------------------------------------------------------------------------------------

function roundHalfUp(value: Decimal, precision: number): Decimal {
  return value.toDecimalPlaces(precision, Decimal.ROUND_HALF_UP);
}

function roundDown(value: Decimal, precision: number): Decimal {
  return value.toDecimalPlaces(precision, Decimal.ROUND_DOWN);
}

function decimalOf(value: string): Decimal {
  const d = new Decimal(value);
  return d.isNegative() ? new Decimal(0) : d;
}

/**
 * Splits `total` over targets in proportion to `weights`: shares rounded down to the minor unit,
 * the remainder to the last target; a share never exceeds its target's cap (what overflows goes to
 * the targets before it that still have room). The shares add up to `total` exactly when the caps
 * allow it (the caller caps `total` at their sum).
 */
export function allocateAcross(total: Decimal, weights: Decimal[], caps: Decimal[], precision: number): Decimal[] {
  const weightSum = weights.reduce((s, w) => s.plus(w), new Decimal(0));
  if (weightSum.isZero() || total.lte(0)) return weights.map(() => new Decimal(0));
  const shares = weights.map((w, i) => (i === weights.length - 1 ? new Decimal(0) : Decimal.min(roundDown(total.times(w).div(weightSum), precision), caps[i])));
  const given = shares.reduce((s, v) => s.plus(v), new Decimal(0));
  let rest = total.minus(given);
  for (let i = shares.length - 1; i >= 0 && rest.gt(0); i--) {
    const room = caps[i].minus(shares[i]);
    const add = Decimal.min(room, rest);
    if (add.gt(0)) {
      shares[i] = shares[i].plus(add);
      rest = rest.minus(add);
    }
  }
  return shares;
}

// ---- the engine -------------------------------------------------------------------------------

function isInWindow(promotion: EnginePromotion, now: Date): boolean {
  const campaign = promotion.campaign;
  if (!campaign) return true;
  if (campaign.starts_at && now < campaign.starts_at) return false;
  if (campaign.ends_at && now > campaign.ends_at) return false;
  return true;
}

/** Buy-get before the rest, keeping the given order inside each group (a stable sort). */
export function stackingOrder(promotions: EnginePromotion[]): EnginePromotion[] {
  return promotions
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.type === b.p.type ? a.i - b.i : a.p.type === 'buyget' ? -1 : 1))
    .map(({ p }) => p);
}

/** Per-target discount amounts of one promotion, before budgets are checked. */
type Discounts = Map<string, Decimal>;

function percentOf(amount: Decimal, percent: Decimal): Decimal {
  return amount.times(percent).div(100);
}

/**
 * `each`: the value per unit, on at most `max_quantity` units of every target. A percentage is
 * taken, as Medusa does, on what is left of the target, at most `max_quantity` units' worth: a
 * second 50 % after a first one takes a quarter of the line, not the other half.
 */
function discountEach(targets: Target[], method: EnginePromotion['application_method'], precision: number): Discounts {
  const value = decimalOf(method.value);
  const result: Discounts = new Map();
  for (const target of targets) {
    const units = Math.min(target.quantity, method.max_quantity ?? target.quantity);
    if (units <= 0 || target.quantity <= 0) continue;
    const unitPrice = target.subtotal.div(target.quantity);
    const raw =
      method.type === 'fixed' ? Decimal.min(value, unitPrice).times(units) : percentOf(Decimal.min(target.remaining, unitPrice.times(units)), value);
    const amount = Decimal.min(roundHalfUp(raw, precision), target.remaining);
    if (amount.gt(0)) result.set(target.id, amount);
  }
  return result;
}

/** `across`: one discount for all targets together, split in proportion to what is left of each. */
function discountAcross(targets: Target[], method: EnginePromotion['application_method'], precision: number): Discounts {
  const value = decimalOf(method.value);
  const left = targets.reduce((s, t) => s.plus(t.remaining), new Decimal(0));
  if (left.lte(0)) return new Map();
  const wanted = method.type === 'fixed' ? value : percentOf(left, value);
  const total = Decimal.min(roundHalfUp(wanted, precision), roundDown(left, precision));
  const remaining = targets.map((t) => t.remaining);
  const shares = allocateAcross(total, remaining, remaining, precision);
  const result: Discounts = new Map();
  targets.forEach((t, i) => {
    if (shares[i].gt(0)) result.set(t.id, shares[i]);
  });
  return result;
}

function discount(targets: Target[], method: EnginePromotion['application_method'], precision: number): Discounts {
  const open = targets.filter((t) => t.remaining.gt(0));
  if (!open.length) return new Map();
  return method.allocation === 'each' ? discountEach(open, method, precision) : discountAcross(open, method, precision);
}

interface Unit {
  itemId: string;
  price: Decimal;
}

/** Every unit of the given lines, with its unit price (what is left of the line, per unit). */
function unitsOf(items: CartItem[], left: Map<string, Decimal>): Unit[] {
  const units: Unit[] = [];
  for (const item of items) {
    if (item.quantity <= 0) continue;
    const price = (left.get(item.id) ?? new Decimal(0)).div(item.quantity);
    for (let i = 0; i < item.quantity; i++) units.push({ itemId: item.id, price });
  }
  return units;
}

/**
 * Buy X get Y: the cart must hold `buy_rules_min_quantity` units matching the buy rules; those
 * units are taken most expensive first, and the discount goes to `apply_to_quantity` of the other
 * units matching the target rules, cheapest first (so "buy 2, get 1 free" on items of 10, 20 and 30
 * gives the 10 away). Applied once per cart.
 */
function discountBuyGet(
  promotion: EnginePromotion,
  items: CartItem[],
  left: Map<string, Decimal>,
  precision: number,
): Discounts {
  const method = promotion.application_method;
  const minQuantity = method.buy_rules_min_quantity ?? 0;
  const applyTo = method.apply_to_quantity ?? 0;
  if (minQuantity <= 0 || applyTo <= 0) return new Map();

  const byPriceDesc = (a: Unit, b: Unit) => b.price.comparedTo(a.price) || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0);
  const buyUnits = unitsOf(items.filter((i) => itemMatches(method.buy_rules, i)), left).sort(byPriceDesc);
  if (buyUnits.length < minQuantity) return new Map();
  const taken = new Map<string, number>();
  for (const unit of buyUnits.slice(0, minQuantity)) taken.set(unit.itemId, (taken.get(unit.itemId) ?? 0) + 1);

  const targetItems = items.filter((i) => itemMatches(method.target_rules, i));
  const free: Unit[] = [];
  for (const item of targetItems) {
    const used = taken.get(item.id) ?? 0;
    const units = unitsOf([item], left).slice(used);
    free.push(...units);
  }
  free.sort((a, b) => -byPriceDesc(a, b));
  const chosen = free.slice(0, applyTo);
  if (!chosen.length) return new Map();

  const value = decimalOf(method.value);
  const raw = new Map<string, Decimal>();
  for (const unit of chosen) {
    const off = method.type === 'fixed' ? Decimal.min(value, unit.price) : percentOf(unit.price, value);
    raw.set(unit.itemId, (raw.get(unit.itemId) ?? new Decimal(0)).plus(off));
  }
  const result: Discounts = new Map();
  for (const [itemId, amount] of raw) {
    const capped = Decimal.min(roundHalfUp(amount, precision), left.get(itemId) ?? new Decimal(0));
    if (capped.gt(0)) result.set(itemId, capped);
  }
  return result;
}

function promotionAppliesToCart(promotion: EnginePromotion, cart: PromotionCartContext): boolean {
  const method = promotion.application_method;
  if (method.type === 'fixed' && method.currency_code && method.currency_code.toLowerCase() !== cart.currency_code.toLowerCase()) return false;
  return promotion.rules.every((rule) => ruleMatches(rule, cartValues(rule.attribute, cart)));
}

/** The currency a spend budget counts in; null when it cannot count this cart's discounts. */
function budgetCountsCart(budget: EngineBudget, promotion: EnginePromotion, cart: PromotionCartContext): boolean {
  if (budget.type !== 'spend') return true;
  const currency = budget.currency_code ?? promotion.application_method.currency_code;
  return !currency || currency.toLowerCase() === cart.currency_code.toLowerCase();
}

/**
 * The actions the cart gets from `promotions` (already filtered to active ones, automatic or asked
 * for by code): item and shipping adjustments, and `campaignBudgetExceeded` for a promotion whose
 * campaign budget this cart would overrun (that promotion then gives nothing).
 */
export function computePromotionActions(promotions: EnginePromotion[], cart: PromotionCartContext, options: EngineOptions): EngineResult {
  const precision = options.precision ?? 2;
  const itemLeft = new Map<string, Decimal>(cart.items.map((i) => [i.id, i.is_discountable ? decimalOf(i.subtotal) : new Decimal(0)]));
  const shippingLeft = new Map<string, Decimal>(cart.shipping_methods.map((m) => [m.id, decimalOf(m.subtotal)]));
  const discountable = cart.items.filter((i) => i.is_discountable);
  /** What this computation already takes from each campaign budget. */
  const budgetTaken = new Map<string, Decimal>();
  const actions: ComputedAction[] = [];
  const applied: string[] = [];

  for (const promotion of stackingOrder(promotions)) {
    if (!isInWindow(promotion, options.now) || !promotionAppliesToCart(promotion, cart)) continue;
    const method = promotion.application_method;
    const budget = promotion.campaign?.budget ?? null;
    if (budget && !budgetCountsCart(budget, promotion, cart)) continue;

    let itemDiscounts: Discounts = new Map();
    let shippingDiscounts: Discounts = new Map();
    if (promotion.type === 'buyget') {
      itemDiscounts = discountBuyGet(promotion, discountable, itemLeft, precision);
    } else if (method.target_type === 'items') {
      const targets = discountable.filter((i) => itemMatches(method.target_rules, i)).map((i) => toTarget(i.id, i.quantity, i.subtotal, itemLeft));
      itemDiscounts = discount(targets, method, precision);
    } else if (method.target_type === 'order') {
      const targets = discountable.map((i) => toTarget(i.id, i.quantity, i.subtotal, itemLeft));
      itemDiscounts = discount(targets, { ...method, allocation: 'across' }, precision);
    } else {
      const targets = cart.shipping_methods.filter((m) => shippingMatches(method.target_rules, m)).map((m) => toTarget(m.id, 1, m.subtotal, shippingLeft));
      shippingDiscounts = discount(targets, method, precision);
    }
    if (!itemDiscounts.size && !shippingDiscounts.size) continue;

    if (budget && budget.limit !== null) {
      const taken = budgetTaken.get(budget.campaign_id) ?? new Decimal(0);
      const cost = budget.type === 'usage' ? new Decimal(1) : sum(itemDiscounts).plus(sum(shippingDiscounts));
      if (decimalOf(budget.used).plus(taken).plus(cost).gt(decimalOf(budget.limit))) {
        actions.push({ action: 'campaignBudgetExceeded', code: promotion.code });
        continue;
      }
      budgetTaken.set(budget.campaign_id, taken.plus(cost));
    }

    for (const [itemId, amount] of itemDiscounts) {
      itemLeft.set(itemId, itemLeft.get(itemId)!.minus(amount));
      actions.push({ action: 'addItemAdjustment', item_id: itemId, amount: amount.toString(), code: promotion.code, promotion_id: promotion.id });
    }
    for (const [methodId, amount] of shippingDiscounts) {
      shippingLeft.set(methodId, shippingLeft.get(methodId)!.minus(amount));
      actions.push({ action: 'addShippingMethodAdjustment', shipping_method_id: methodId, amount: amount.toString(), code: promotion.code, promotion_id: promotion.id });
    }
    applied.push(promotion.id);
  }
  return { actions, applied };
}

function toTarget(id: string, quantity: number, subtotal: string, left: Map<string, Decimal>): Target {
  return { id, quantity, subtotal: decimalOf(subtotal), remaining: left.get(id) ?? new Decimal(0) };
}

function sum(discounts: Discounts): Decimal {
  let total = new Decimal(0);
  for (const amount of discounts.values()) total = total.plus(amount);
  return total;
}
