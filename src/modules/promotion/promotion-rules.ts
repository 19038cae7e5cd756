import { Context } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import { ApplicationMethodBuyRule, ApplicationMethodTargetRule, PromotionPromotionRule, PromotionRule, PromotionRuleValue } from './entities/promotion-rule.entity';
import type { ApplicationMethodAllocation, ApplicationMethodTargetType, ApplicationMethodType, PromotionRuleInput, PromotionRuleUpdateInput, PromotionType, RuleType } from './promotion.types';
import { assertRule, ruleValues } from './rule-attributes';

/** The owner of a rule set: a promotion (`rules`) or its application method (target and buy rules). */
export interface RuleOwner {
  ruleType: RuleType;
  promotionId: string;
  methodId: string | null;
  targetType?: ApplicationMethodTargetType;
}

/** Writes the three rule sets of promotions (joins included) inside the caller's transaction. */
export async function createRules(tx: Context, owner: RuleOwner, inputs: PromotionRuleInput[]): Promise<string[]> {
  const ids: string[] = [];
  for (const input of inputs) {
    const values = ruleValues(input.values);
    assertRule(owner.ruleType, { attribute: input.attribute, operator: input.operator, values }, owner.targetType);
    const rule = tx.em.create(PromotionRule, { attribute: input.attribute, operator: input.operator, description: input.description ?? null });
    for (const value of values) tx.em.create(PromotionRuleValue, { promotion_rule_id: rule.id, value });
    linkRule(tx, owner, rule.id);
    ids.push(rule.id);
  }
  await tx.em.flush();
  return ids;
}

function linkRule(tx: Context, owner: RuleOwner, ruleId: string): void {
  if (owner.ruleType === 'rules') {
    tx.em.create(PromotionPromotionRule, { promotion_id: owner.promotionId, promotion_rule_id: ruleId });
    return;
  }
  if (!owner.methodId) throw SthenoError.invalidData('The promotion has no application method');
  const entity = owner.ruleType === 'target-rules' ? ApplicationMethodTargetRule : ApplicationMethodBuyRule;
  tx.em.create(entity, { application_method_id: owner.methodId, promotion_rule_id: ruleId });
}

/** The ids of the owner's rules of its rule type. */
export async function ruleIdsOf(ctx: Context, owner: RuleOwner): Promise<string[]> {
  if (owner.ruleType === 'rules') {
    return (await ctx.em.find(PromotionPromotionRule, { promotion_id: owner.promotionId })).map((l) => l.promotion_rule_id);
  }
  if (!owner.methodId) return [];
  const entity = owner.ruleType === 'target-rules' ? ApplicationMethodTargetRule : ApplicationMethodBuyRule;
  return (await ctx.em.find(entity, { application_method_id: owner.methodId })).map((l) => l.promotion_rule_id);
}

/** Throws invalid_data naming the ids that are not rules of this owner's set. */
export async function assertOwnRules(ctx: Context, owner: RuleOwner, ids: string[]): Promise<void> {
  const own = new Set(await ruleIdsOf(ctx, owner));
  const foreign = [...new Set(ids)].filter((id) => !own.has(id));
  if (foreign.length) throw SthenoError.invalidData(`Promotion rules with ids: ${foreign.join(', ')} are not ${owner.ruleType} of promotion ${owner.promotionId}`);
}

export async function updateRules(tx: Context, owner: RuleOwner, inputs: PromotionRuleUpdateInput[]): Promise<string[]> {
  await assertOwnRules(tx, owner, inputs.map((i) => i.id));
  const rules = new Map((await tx.em.find(PromotionRule, { id: { $in: inputs.map((i) => i.id) } })).map((r) => [r.id, r]));
  for (const input of inputs) {
    const rule = rules.get(input.id)!;
    const currentValues = (await tx.em.find(PromotionRuleValue, { promotion_rule_id: rule.id })).map((v) => v.value);
    const values = input.values !== undefined ? ruleValues(input.values) : currentValues;
    const attribute = input.attribute ?? rule.attribute;
    const operator = input.operator ?? rule.operator;
    assertRule(owner.ruleType, { attribute, operator, values }, owner.targetType);
    rule.attribute = attribute;
    rule.operator = operator;
    if (input.description !== undefined) rule.description = input.description ?? null;
    rule.updated_at = new Date();
    if (input.values !== undefined) {
      await tx.em.nativeUpdate(PromotionRuleValue, { promotion_rule_id: rule.id }, { deleted_at: new Date() });
      for (const value of values) tx.em.create(PromotionRuleValue, { promotion_rule_id: rule.id, value });
    }
  }
  await tx.em.flush();
  return inputs.map((i) => i.id);
}

/** Soft-deletes the rules with their values and removes them from their sets. */
export async function deleteRules(tx: Context, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const now = new Date();
  await tx.em.nativeDelete(PromotionPromotionRule, { promotion_rule_id: { $in: ids } });
  await tx.em.nativeDelete(ApplicationMethodTargetRule, { promotion_rule_id: { $in: ids } });
  await tx.em.nativeDelete(ApplicationMethodBuyRule, { promotion_rule_id: { $in: ids } });
  await tx.em.nativeUpdate(PromotionRuleValue, { promotion_rule_id: { $in: ids } }, { deleted_at: now });
  await tx.em.nativeUpdate(PromotionRule, { id: { $in: ids } }, { deleted_at: now });
}

// ---- application method validation (Medusa's rules) ----------------------------------------------

export interface MethodShape {
  type: ApplicationMethodType;
  target_type: ApplicationMethodTargetType;
  allocation: ApplicationMethodAllocation | null;
  value: number;
  currency_code: string | null;
  max_quantity: number | null;
  buy_rules_min_quantity: number | null;
  apply_to_quantity: number | null;
}

/** Throws invalid_data for a method Medusa refuses; returns it with the allocation completed. */
export function validateMethod(promotionType: PromotionType, method: MethodShape, ruleCounts: { target: number; buy: number }): MethodShape {
  const m = { ...method };
  if (!Number.isFinite(m.value) || m.value < 0) throw SthenoError.invalidData(`Application Method value must be a non-negative number, got: ${m.value}`);
  if (m.type === 'percentage' && (m.value <= 0 || m.value > 100)) {
    throw SthenoError.invalidData('Application Method value should be a percentage number between 0 and 100');
  }
  if (m.type === 'fixed' && !m.currency_code) {
    throw SthenoError.invalidData("application_method.currency_code is required when application_method.type is 'fixed'");
  }
  if (m.target_type === 'order') {
    if (m.allocation === 'each') throw SthenoError.invalidData("application_method.allocation should be 'across' when application_method.target_type is 'order'");
    m.allocation = 'across';
  } else if (!m.allocation) {
    throw SthenoError.invalidData("application_method.allocation should be either 'across OR each' when application_method.target_type is either 'shipping_methods OR items'");
  }
  if (m.allocation === 'each' && promotionType === 'standard' && !m.max_quantity) {
    throw SthenoError.invalidData("application_method.max_quantity is required when application_method.allocation is 'each'");
  }
  if (promotionType === 'buyget') {
    if (m.target_type !== 'items') throw SthenoError.invalidData("application_method.target_type should be 'items' for Promotion type of buyget");
    if (!ruleCounts.buy) throw SthenoError.invalidData('Buy rules are required for buyget promotion type');
    if (!ruleCounts.target) throw SthenoError.invalidData('Target rules are required for buyget promotion type');
    if (!m.apply_to_quantity) throw SthenoError.invalidData('apply_to_quantity is a required field for Promotion type of buyget');
    if (!m.buy_rules_min_quantity) throw SthenoError.invalidData('buy_rules_min_quantity is a required field for Promotion type of buyget');
  } else if (ruleCounts.buy) {
    throw SthenoError.invalidData('Buy rules can only be added to a Promotion type of buyget');
  }
  return m;
}
