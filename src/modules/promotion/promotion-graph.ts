import Decimal from 'decimal.js';
import { Context } from '../../framework/context/context';
import { ApplicationMethod } from './entities/application-method.entity';
import { Campaign, CampaignBudget } from './entities/campaign.entity';
import { Promotion } from './entities/promotion.entity';
import { ApplicationMethodBuyRule, ApplicationMethodTargetRule, PromotionPromotionRule, PromotionRule, PromotionRuleValue } from './entities/promotion-rule.entity';
import type { EnginePromotion, EngineRule } from './promotion-engine';
import type { ApplicationMethodView, CampaignBudgetView, CampaignView, PromotionRuleView, PromotionView, RawAmount } from './promotion.types';

/** A promotion with everything it owns, loaded in a fixed number of queries for any number of promotions. */
export interface PromotionGraph {
  promotion: Promotion;
  method: ApplicationMethod | null;
  rules: RuleGraph[];
  targetRules: RuleGraph[];
  buyRules: RuleGraph[];
  campaign: Campaign | null;
  budget: CampaignBudget | null;
}

export interface RuleGraph {
  rule: PromotionRule;
  values: PromotionRuleValue[];
}

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

export function rawAmount(value: string | Decimal): RawAmount {
  return { value: new Decimal(value).toString(), precision: 20 };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** Rules with their values, by id (two queries). */
export async function loadRules(ctx: Context, ruleIds: string[]): Promise<Map<string, RuleGraph>> {
  if (!ruleIds.length) return new Map();
  const rules = await ctx.em.find(PromotionRule, { id: { $in: ruleIds } }, { orderBy: { created_at: 'ASC', id: 'ASC' }, refresh: true });
  const values = await ctx.em.find(PromotionRuleValue, { promotion_rule_id: { $in: ruleIds } }, { orderBy: { created_at: 'ASC', id: 'ASC' }, refresh: true });
  const byRule = groupBy(values, (v) => v.promotion_rule_id);
  return new Map(rules.map((rule) => [rule.id, { rule, values: byRule.get(rule.id) ?? [] }]));
}

/** Campaigns with their budgets, by id (two queries). */
export async function loadCampaigns(ctx: Context, ids: string[]): Promise<Map<string, { campaign: Campaign; budget: CampaignBudget | null }>> {
  if (!ids.length) return new Map();
  const campaigns = await ctx.em.find(Campaign, { id: { $in: ids } }, { refresh: true });
  const budgets = await ctx.em.find(CampaignBudget, { campaign_id: { $in: ids } }, { refresh: true });
  const byCampaign = new Map(budgets.map((b) => [b.campaign_id, b]));
  return new Map(campaigns.map((c) => [c.id, { campaign: c, budget: byCampaign.get(c.id) ?? null }]));
}

/** The graphs of `promotions`, in their order: seven queries whatever their number. */
export async function loadGraphs(ctx: Context, promotions: Promotion[]): Promise<PromotionGraph[]> {
  if (!promotions.length) return [];
  const ids = promotions.map((p) => p.id);
  const methods = await ctx.em.find(ApplicationMethod, { promotion_id: { $in: ids } }, { refresh: true });
  const methodIds = methods.map((m) => m.id);
  // sequential on purpose: the embedded database has one connection
  const promotionLinks = await ctx.em.find(PromotionPromotionRule, { promotion_id: { $in: ids } });
  const targetLinks = methodIds.length ? await ctx.em.find(ApplicationMethodTargetRule, { application_method_id: { $in: methodIds } }) : [];
  const buyLinks = methodIds.length ? await ctx.em.find(ApplicationMethodBuyRule, { application_method_id: { $in: methodIds } }) : [];
  const rules = await loadRules(ctx, [...promotionLinks, ...targetLinks, ...buyLinks].map((l) => l.promotion_rule_id));
  const campaigns = await loadCampaigns(ctx, [...new Set(promotions.map((p) => p.campaign_id).filter((id): id is string => !!id))]);

  const methodByPromotion = new Map(methods.map((m) => [m.promotion_id, m]));
  const pick = (links: Array<{ promotion_rule_id: string }>) => links.map((l) => rules.get(l.promotion_rule_id)).filter((r): r is RuleGraph => !!r).sort(byCreation);
  const promotionRules = groupBy(promotionLinks, (l) => l.promotion_id);
  const targetRules = groupBy(targetLinks, (l) => l.application_method_id);
  const buyRules = groupBy(buyLinks, (l) => l.application_method_id);
  return promotions.map((promotion) => {
    const method = methodByPromotion.get(promotion.id) ?? null;
    const campaign = promotion.campaign_id ? campaigns.get(promotion.campaign_id) : undefined;
    return {
      promotion,
      method,
      rules: pick(promotionRules.get(promotion.id) ?? []),
      targetRules: method ? pick(targetRules.get(method.id) ?? []) : [],
      buyRules: method ? pick(buyRules.get(method.id) ?? []) : [],
      campaign: campaign?.campaign ?? null,
      budget: campaign?.budget ?? null,
    };
  });
}

function byCreation(a: RuleGraph, b: RuleGraph): number {
  return a.rule.created_at.getTime() - b.rule.created_at.getTime() || (a.rule.id < b.rule.id ? -1 : 1);
}

// ---- views --------------------------------------------------------------------------------------

export function toRuleView(graph: RuleGraph): PromotionRuleView {
  const { rule, values } = graph;
  return {
    id: rule.id,
    description: rule.description,
    attribute: rule.attribute,
    operator: rule.operator,
    values: values.map((v) => ({ id: v.id, value: v.value })),
    created_at: iso(rule.created_at),
    updated_at: iso(rule.updated_at),
    deleted_at: isoOrNull(rule.deleted_at),
  };
}

export function toBudgetView(budget: CampaignBudget): CampaignBudgetView {
  return {
    id: budget.id,
    type: budget.type,
    currency_code: budget.currency_code,
    limit: budget.limit === null ? null : Number(budget.limit),
    raw_limit: budget.limit === null ? null : rawAmount(budget.limit),
    used: Number(budget.used),
    raw_used: rawAmount(budget.used),
    campaign_id: budget.campaign_id,
    created_at: iso(budget.created_at),
    updated_at: iso(budget.updated_at),
    deleted_at: isoOrNull(budget.deleted_at),
  };
}

export function toCampaignView(campaign: Campaign, budget: CampaignBudget | null): Omit<CampaignView, 'promotions'> {
  return {
    id: campaign.id,
    name: campaign.name,
    description: campaign.description,
    campaign_identifier: campaign.campaign_identifier,
    starts_at: isoOrNull(campaign.starts_at),
    ends_at: isoOrNull(campaign.ends_at),
    budget: budget ? toBudgetView(budget) : null,
    created_at: iso(campaign.created_at),
    updated_at: iso(campaign.updated_at),
    deleted_at: isoOrNull(campaign.deleted_at),
  };
}

function toMethodView(graph: PromotionGraph): ApplicationMethodView | null {
  const method = graph.method;
  if (!method) return null;
  return {
    id: method.id,
    type: method.type,
    target_type: method.target_type,
    allocation: method.allocation,
    value: Number(method.value),
    raw_value: rawAmount(method.value),
    currency_code: method.currency_code,
    max_quantity: method.max_quantity,
    buy_rules_min_quantity: method.buy_rules_min_quantity,
    apply_to_quantity: method.apply_to_quantity,
    promotion_id: method.promotion_id,
    target_rules: graph.targetRules.map(toRuleView),
    buy_rules: graph.buyRules.map(toRuleView),
    created_at: iso(method.created_at),
    updated_at: iso(method.updated_at),
    deleted_at: isoOrNull(method.deleted_at),
  };
}

/** The promotion's fields without its relations (a campaign's `promotions`). */
export function toPromotionBase(p: Promotion): Omit<PromotionView, 'campaign' | 'application_method' | 'rules'> {
  return {
    id: p.id,
    code: p.code,
    type: p.type,
    is_automatic: p.is_automatic,
    is_tax_inclusive: p.is_tax_inclusive,
    status: p.status,
    campaign_id: p.campaign_id,
    metadata: p.metadata,
    created_at: iso(p.created_at),
    updated_at: iso(p.updated_at),
    deleted_at: isoOrNull(p.deleted_at),
  };
}

export function toPromotionView(graph: PromotionGraph): PromotionView {
  return {
    ...toPromotionBase(graph.promotion),
    application_method: toMethodView(graph),
    rules: graph.rules.map(toRuleView),
    campaign: graph.campaign ? toCampaignView(graph.campaign, graph.budget) : null,
  };
}

// ---- engine input ---------------------------------------------------------------------------------

function toEngineRule(graph: RuleGraph): EngineRule {
  return { attribute: graph.rule.attribute, operator: graph.rule.operator, values: graph.values.map((v) => v.value) };
}

/** Null for a promotion without an application method (it cannot discount anything). */
export function toEnginePromotion(graph: PromotionGraph): EnginePromotion | null {
  const { promotion, method, campaign, budget } = graph;
  if (!method) return null;
  return {
    id: promotion.id,
    code: promotion.code,
    type: promotion.type,
    rules: graph.rules.map(toEngineRule),
    application_method: {
      type: method.type,
      target_type: method.target_type,
      allocation: method.allocation,
      value: method.value,
      currency_code: method.currency_code,
      max_quantity: method.max_quantity,
      buy_rules_min_quantity: method.buy_rules_min_quantity,
      apply_to_quantity: method.apply_to_quantity,
      target_rules: graph.targetRules.map(toEngineRule),
      buy_rules: graph.buyRules.map(toEngineRule),
    },
    campaign: campaign
      ? {
          starts_at: campaign.starts_at,
          ends_at: campaign.ends_at,
          budget: budget ? { campaign_id: campaign.id, type: budget.type, limit: budget.limit, used: budget.used, currency_code: budget.currency_code } : null,
        }
      : null,
  };
}
