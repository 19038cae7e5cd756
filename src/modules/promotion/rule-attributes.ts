import { SthenoError } from '../../framework/errors/stheno-error';
import { RULE_TYPES } from './promotion.types';
import type { ApplicationMethodType, PromotionType, RuleOperator, RuleType } from './promotion.types';

/**
 * The attributes a promotion rule may test, per rule set, as the admin's rule-attribute-options
 * route lists them (Medusa's ids, paths and labels). Only attributes the engine evaluates are here:
 * a rule on anything else would be stored and silently never match, so it is refused instead.
 */
export interface RuleAttributeOption {
  id: string;
  value: string;
  label: string;
  required: boolean;
  field_type: 'multiselect' | 'select' | 'number';
  operators: Array<{ id: string; value: string; label: string }>;
  disguised?: boolean;
  hydrate?: boolean;
}

const OPERATOR_OPTIONS: Record<string, { id: string; value: string; label: string }> = {
  in: { id: 'in', value: 'in', label: 'In' },
  eq: { id: 'eq', value: 'eq', label: 'Equals' },
  ne: { id: 'ne', value: 'ne', label: 'Not In' },
};
const LIST_OPERATORS = [OPERATOR_OPTIONS.in, OPERATOR_OPTIONS.eq, OPERATOR_OPTIONS.ne];

const option = (id: string, value: string, label: string): RuleAttributeOption => ({ id, value, label, required: false, field_type: 'multiselect', operators: LIST_OPERATORS });

const CART_ATTRIBUTES = [option('customer_group', 'customer.groups.id', 'Customer Group'), option('region', 'region.id', 'Region')];

const ITEM_ATTRIBUTES = [
  option('product', 'items.product.id', 'Product'),
  option('product_category', 'items.product.categories.id', 'Product Category'),
  option('product_collection', 'items.product.collection_id', 'Product Collection'),
  option('product_type', 'items.product.type_id', 'Product Type'),
  option('product_tag', 'items.product.tags.id', 'Product Tag'),
];

const CURRENCY_RULE: RuleAttributeOption = {
  id: 'currency_code',
  value: 'currency_code',
  label: 'Currency Code',
  field_type: 'select',
  required: false,
  disguised: true,
  hydrate: true,
  operators: [OPERATOR_OPTIONS.eq],
};

export function ruleAttributeOptions(ruleType: RuleType, context: { promotion_type?: string; application_method_type?: string }): RuleAttributeOption[] {
  if (ruleType === 'rules') return [...CART_ATTRIBUTES, { ...CURRENCY_RULE, required: context.application_method_type === 'fixed' }];
  const items = [...ITEM_ATTRIBUTES];
  if (context.promotion_type === 'buyget') {
    const disguised = ruleType === 'buy-rules'
      ? { id: 'buy_rules_min_quantity', value: 'buy_rules_min_quantity', label: 'Minimum quantity of items' }
      : { id: 'apply_to_quantity', value: 'apply_to_quantity', label: 'Quantity of items promotion will apply to' };
    items.push({ ...disguised, field_type: 'number', required: true, disguised: true, operators: [OPERATOR_OPTIONS.eq] });
  }
  return items;
}

/** Every attribute path accepted per rule set (Medusa's, plus the short aliases the engine reads). */
const ACCEPTED: Record<RuleType, ReadonlySet<string>> = {
  rules: new Set(['customer.groups.id', 'customer_group_id', 'region.id', 'region_id', 'currency_code', 'customer.id', 'customer_id']),
  'target-rules': new Set([
    ...ITEM_ATTRIBUTES.map((a) => a.value),
    'items.variant_id',
    'items.variant.id',
    'items.product_id',
    'shipping_methods.shipping_option_id',
    'shipping_methods.shipping_option.id',
  ]),
  'buy-rules': new Set([...ITEM_ATTRIBUTES.map((a) => a.value), 'items.variant_id', 'items.variant.id', 'items.product_id']),
};

const NUMERIC_OPERATORS: ReadonlySet<RuleOperator> = new Set(['gt', 'gte', 'lt', 'lte']);

export function assertRuleType(value: string): RuleType {
  if (!(RULE_TYPES as readonly string[]).includes(value)) throw SthenoError.invalidData(`Invalid param rule_type (${value})`);
  return value as RuleType;
}

/** Refuses a rule the engine cannot evaluate. */
export function assertRule(ruleType: RuleType, rule: { attribute: string; operator: RuleOperator; values: string[] }, targetType?: string): void {
  if (!ACCEPTED[ruleType].has(rule.attribute)) {
    throw SthenoError.invalidData(`Rule attribute ${rule.attribute} is not supported for ${ruleType}; use one of: ${[...ACCEPTED[ruleType]].join(', ')}`);
  }
  if (ruleType === 'target-rules' && targetType) {
    const onShipping = rule.attribute.startsWith('shipping_methods.');
    if (targetType === 'shipping_methods' && !onShipping) throw SthenoError.invalidData(`Target rule attribute ${rule.attribute} does not apply to shipping methods`);
    if (targetType !== 'shipping_methods' && onShipping) throw SthenoError.invalidData(`Target rule attribute ${rule.attribute} applies to shipping methods only`);
  }
  if (!rule.values.length) throw SthenoError.invalidData(`Rule ${rule.attribute} needs at least one value`);
  if (NUMERIC_OPERATORS.has(rule.operator)) {
    if (rule.values.length !== 1 || !/^-?\d+(\.\d+)?$/.test(rule.values[0])) {
      throw SthenoError.invalidData(`Operator ${rule.operator} needs one numeric value, got: ${rule.values.join(', ')}`);
    }
  }
}

/** The normalised values of a rule input: always a list of strings. */
export function ruleValues(values: string | string[] | number): string[] {
  const list = Array.isArray(values) ? values : [values];
  return [...new Set(list.map((v) => String(v)))];
}

/** Where the rule-value-options route reads the values of an attribute from. */
export type ValueSource = 'region' | 'currency' | 'product' | 'collection' | 'category' | 'type' | 'tag' | 'customer_group';

const SOURCES: Record<string, ValueSource> = {
  region: 'region',
  currency_code: 'currency',
  customer_group: 'customer_group',
  product: 'product',
  product_collection: 'collection',
  product_category: 'category',
  product_type: 'type',
  product_tag: 'tag',
};

export function valueSource(ruleType: RuleType, attributeId: string): ValueSource {
  const known = ruleAttributeOptions(ruleType, {}).some((a) => a.id === attributeId);
  const source = SOURCES[attributeId];
  if (!known || !source) throw SthenoError.invalidData(`Invalid rule attribute - ${attributeId}`);
  return source;
}

/** The value source of a stored rule's attribute path (to label its values), if any. */
export function sourceOfPath(path: string): { id: string; source: ValueSource } | null {
  const byPath: Record<string, string> = {
    'customer.groups.id': 'customer_group',
    customer_group_id: 'customer_group',
    'region.id': 'region',
    region_id: 'region',
    currency_code: 'currency_code',
    'items.product.id': 'product',
    'items.product_id': 'product',
    'items.product.categories.id': 'product_category',
    'items.product.collection_id': 'product_collection',
    'items.product.type_id': 'product_type',
    'items.product.tags.id': 'product_tag',
  };
  const id = byPath[path];
  return id ? { id, source: SOURCES[id] } : null;
}

export function isPromotionType(value: unknown): value is PromotionType {
  return value === 'standard' || value === 'buyget';
}

export function isMethodType(value: unknown): value is ApplicationMethodType {
  return value === 'fixed' || value === 'percentage';
}
