import type { Metadata } from '../../framework/database/base.entity';

export const PROMOTION_TYPES = ['standard', 'buyget'] as const;
export type PromotionType = (typeof PROMOTION_TYPES)[number];
export const PROMOTION_STATUSES = ['draft', 'active', 'inactive'] as const;
export type PromotionStatus = (typeof PROMOTION_STATUSES)[number];
export const APPLICATION_METHOD_TYPES = ['fixed', 'percentage'] as const;
export type ApplicationMethodType = (typeof APPLICATION_METHOD_TYPES)[number];
export const APPLICATION_METHOD_TARGET_TYPES = ['items', 'shipping_methods', 'order'] as const;
export type ApplicationMethodTargetType = (typeof APPLICATION_METHOD_TARGET_TYPES)[number];
export const APPLICATION_METHOD_ALLOCATIONS = ['each', 'across'] as const;
export type ApplicationMethodAllocation = (typeof APPLICATION_METHOD_ALLOCATIONS)[number];
export const RULE_OPERATORS = ['in', 'eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];
export const CAMPAIGN_BUDGET_TYPES = ['spend', 'usage'] as const;
export type CampaignBudgetType = (typeof CAMPAIGN_BUDGET_TYPES)[number];
/** The three rule sets of a promotion, as the admin routes name them. */
export const RULE_TYPES = ['rules', 'target-rules', 'buy-rules'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

/**
 * What the promotion engine needs of a cart (built by the cart flows). Amounts are strings in major
 * units; `subtotal` is the line's pre-discount amount in the line's own tax basis.
 */
export interface PromotionCartContext {
  currency_code: string;
  region_id: string | null;
  customer: { id: string | null; groups: Array<{ id: string }> } | null;
  items: Array<{
    id: string;
    quantity: number;
    subtotal: string;
    is_discountable: boolean;
    product_id: string | null;
    variant_id: string | null;
    product_collection_id: string | null;
    product_category_ids: string[];
    product_type_id: string | null;
    product_tag_ids: string[];
  }>;
  shipping_methods: Array<{ id: string; subtotal: string; shipping_option_id: string | null }>;
}

export type ComputedAction =
  | { action: 'addItemAdjustment'; item_id: string; amount: string; code: string; promotion_id: string; description?: string }
  | { action: 'addShippingMethodAdjustment'; shipping_method_id: string; amount: string; code: string; promotion_id: string }
  | { action: 'campaignBudgetExceeded'; code: string };

export interface PromotionUsage {
  promotion_id: string;
  /**
   * A discount granted by the promotion on one cart (major units): one entry per adjustment or one
   * per promotion, alike (spend budgets add the amounts; usage budgets count the promotion once).
   */
  amount: string;
  code: string;
  customer_id?: string | null;
}

export interface RawAmount {
  value: string;
  precision: number;
}

export interface PromotionRuleValueView {
  id: string;
  value: string;
}

export interface PromotionRuleView {
  id: string;
  description: string | null;
  attribute: string;
  operator: RuleOperator;
  values: PromotionRuleValueView[];
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ApplicationMethodView {
  id: string;
  type: ApplicationMethodType;
  target_type: ApplicationMethodTargetType;
  allocation: ApplicationMethodAllocation | null;
  value: number;
  raw_value: RawAmount;
  currency_code: string | null;
  max_quantity: number | null;
  buy_rules_min_quantity: number | null;
  apply_to_quantity: number | null;
  promotion_id: string;
  target_rules: PromotionRuleView[];
  buy_rules: PromotionRuleView[];
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface CampaignBudgetView {
  id: string;
  type: CampaignBudgetType;
  currency_code: string | null;
  limit: number | null;
  raw_limit: RawAmount | null;
  used: number;
  raw_used: RawAmount;
  campaign_id: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface CampaignView {
  id: string;
  name: string;
  description: string | null;
  campaign_identifier: string;
  starts_at: string | null;
  ends_at: string | null;
  budget: CampaignBudgetView | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** Only on the campaign routes. */
  promotions?: Array<Omit<PromotionView, 'campaign' | 'application_method' | 'rules'>>;
}

export interface PromotionView {
  id: string;
  code: string;
  type: PromotionType;
  is_automatic: boolean;
  is_tax_inclusive: boolean;
  status: PromotionStatus;
  campaign_id: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  application_method: ApplicationMethodView | null;
  rules: PromotionRuleView[];
  campaign: Omit<CampaignView, 'promotions'> | null;
}

export interface PromotionRuleInput {
  attribute: string;
  operator: RuleOperator;
  values: string | string[] | number;
  description?: string | null;
}

export interface PromotionRuleUpdateInput extends Partial<PromotionRuleInput> {
  id: string;
}

export interface ApplicationMethodInput {
  type: ApplicationMethodType;
  target_type: ApplicationMethodTargetType;
  allocation?: ApplicationMethodAllocation | null;
  value: number;
  currency_code?: string | null;
  max_quantity?: number | null;
  buy_rules_min_quantity?: number | null;
  apply_to_quantity?: number | null;
  description?: string | null;
  target_rules?: PromotionRuleInput[];
  buy_rules?: PromotionRuleInput[];
}

export interface CampaignBudgetInput {
  type?: CampaignBudgetType;
  limit?: number | null;
  currency_code?: string | null;
}

export interface CreateCampaignInput {
  name: string;
  campaign_identifier: string;
  description?: string | null;
  starts_at?: string | null;
  ends_at?: string | null;
  budget?: CampaignBudgetInput | null;
}

export type UpdateCampaignInput = Partial<CreateCampaignInput>;

export interface CreatePromotionInput {
  code: string;
  type: PromotionType;
  is_automatic?: boolean;
  is_tax_inclusive?: boolean;
  status?: PromotionStatus;
  campaign_id?: string | null;
  campaign?: CreateCampaignInput;
  metadata?: Metadata;
  application_method: ApplicationMethodInput;
  rules?: PromotionRuleInput[];
}

export interface UpdatePromotionInput {
  code?: string;
  type?: PromotionType;
  is_automatic?: boolean;
  is_tax_inclusive?: boolean;
  status?: PromotionStatus;
  campaign_id?: string | null;
  metadata?: Metadata;
  application_method?: Partial<Omit<ApplicationMethodInput, 'target_rules' | 'buy_rules'>>;
}

export const PromotionEvents = {
  CREATED: 'promotion.created',
  UPDATED: 'promotion.updated',
  DELETED: 'promotion.deleted',
  CAMPAIGN_CREATED: 'campaign.created',
  CAMPAIGN_UPDATED: 'campaign.updated',
  CAMPAIGN_DELETED: 'campaign.deleted',
} as const;
