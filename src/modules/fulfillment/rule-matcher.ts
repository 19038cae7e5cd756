import Decimal from 'decimal.js';

/**
 * Whether a shipping option's rules hold in a context. Pure; no ORM.
 *
 * The attribute is a dotted path into the context (`customer.group_ids`); arrays along the path are
 * flattened, so the attribute resolves to a list of values (empty when absent). Values compare as
 * strings (`true` and `"true"` are equal, as Medusa stores rule values as strings).
 * - `eq` / `in`: some value equals the rule value / one of the rule values
 * - `ne` / `nin`: no value does (an absent attribute satisfies them)
 * - `gt` `gte` `lt` `lte`: some value compares so, numerically (non-numbers never match)
 */
export interface RuleLike {
  attribute: string;
  operator: string;
  value: unknown;
}

function resolve(context: unknown, path: string[]): unknown[] {
  if (!path.length) return Array.isArray(context) ? context.flat(Infinity) : [context];
  if (Array.isArray(context)) return context.flatMap((item) => resolve(item, path));
  if (context === null || typeof context !== 'object') return [];
  const [head, ...rest] = path;
  if (!(head in (context as Record<string, unknown>))) return [];
  return resolve((context as Record<string, unknown>)[head], rest);
}

const asString = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(asString) : [asString(value)]);

function compare(actual: unknown, expected: unknown, test: (cmp: number) => boolean): boolean {
  try {
    return test(new Decimal(asString(actual)).comparedTo(new Decimal(asString(expected))));
  } catch {
    return false;
  }
}

export function ruleMatches(rule: RuleLike, context: Record<string, unknown>): boolean {
  const values = resolve(context, rule.attribute.split('.')).filter((v) => v !== undefined && v !== null).map(asString);
  const expected = asList(rule.value);
  switch (rule.operator) {
    case 'eq':
    case 'in':
      return values.some((v) => expected.includes(v));
    case 'ne':
    case 'nin':
      return !values.some((v) => expected.includes(v));
    case 'gt':
      return values.some((v) => compare(v, expected[0], (c) => c > 0));
    case 'gte':
      return values.some((v) => compare(v, expected[0], (c) => c >= 0));
    case 'lt':
      return values.some((v) => compare(v, expected[0], (c) => c < 0));
    case 'lte':
      return values.some((v) => compare(v, expected[0], (c) => c <= 0));
    default:
      return false;
  }
}

/** Every rule holds; rules on attributes listed in `ignored` are skipped. */
export function rulesMatch(rules: RuleLike[], context: Record<string, unknown>, ignored: ReadonlySet<string> = new Set()): boolean {
  return rules.every((rule) => ignored.has(rule.attribute) || ruleMatches(rule, context));
}
