import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import Decimal from 'decimal.js';
import { Context, inTransaction } from '../../framework/context/context';
import { containsPattern } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { ListQuery, toMikroOrmOrderBy } from '../../framework/http/list-query';
import { CurrencyService } from '../currency/currency.service';
import { CampaignService } from './campaign.service';
import { ApplicationMethod } from './entities/application-method.entity';
import { CampaignBudget } from './entities/campaign.entity';
import { Promotion } from './entities/promotion.entity';
import { computePromotionActions, EnginePromotion } from './promotion-engine';
import { loadGraphs, loadRules, toEnginePromotion, toPromotionView, toRuleView } from './promotion-graph';
import { assertOwnRules, createRules, deleteRules, MethodShape, RuleOwner, ruleIdsOf, updateRules, validateMethod } from './promotion-rules';
import {
  ComputedAction,
  CreatePromotionInput,
  PromotionCartContext,
  PromotionEvents,
  PromotionRuleInput,
  PromotionRuleUpdateInput,
  PromotionRuleView,
  PromotionUsage,
  PromotionView,
  RuleType,
  UpdatePromotionInput,
} from './promotion.types';

export const BUDGET_EXCEEDED_MESSAGE = 'Promotion usage exceeds the budget limit.';

/** Filters on the application method a promotion list accepts (`application_method[type]=fixed`). */
export interface MethodFilters {
  type?: string[];
  target_type?: string[];
  allocation?: string[];
  currency_code?: string[];
}

/** Whether any automatic promotion is active, as a boolean SQL expression (read models add it to theirs). */
export const ACTIVE_AUTOMATIC_PROMOTION_SQL = `exists(select 1 from promotion where is_automatic and status = 'active' and deleted_at is null)`;

/**
 * The promotion module's facade: promotions with their rules and application method, and what the
 * cart and checkout flows need — the discounts a cart gets (`computeActions`) and the campaign
 * budgets they spend (`registerUsage`, race-free through one conditional UPDATE per budget).
 */
@Injectable()
export class PromotionService {
  constructor(
    private readonly events: EventBus,
    private readonly currencies: CurrencyService,
    private readonly campaigns: CampaignService,
  ) {}

  // ---- reads ------------------------------------------------------------------------------------

  async list(ctx: Context, query: ListQuery, methodFilters: MethodFilters = {}): Promise<[PromotionView[], number]> {
    const where: Record<string, unknown> = { ...query.filters };
    const and: unknown[] = [];
    if (typeof where.code === 'string') where.code = { $ilike: (where.code as string).replace(/[\\%_]/g, (c) => `\\${c}`) };
    // both conditions hold: `code` and `q` on the same column must not overwrite each other
    if (query.q) and.push({ code: { $ilike: containsPattern(query.q) } });
    const methodWhere = Object.fromEntries(Object.entries(methodFilters).filter(([, v]) => v?.length).map(([k, v]) => [k, { $in: v }]));
    if (Object.keys(methodWhere).length) {
      const ids = (await ctx.em.find(ApplicationMethod, methodWhere, { fields: ['promotion_id'] })).map((m) => m.promotion_id);
      and.push({ id: { $in: ids } });
    }
    if (and.length) where.$and = and;
    const [rows, count] = await ctx.em.findAndCount(Promotion, where, { limit: query.limit, offset: query.offset, orderBy: toMikroOrmOrderBy(query.order) as never });
    return [(await loadGraphs(ctx, rows)).map(toPromotionView), count];
  }

  async retrieve(ctx: Context, id: string): Promise<PromotionView> {
    const [graph] = await loadGraphs(ctx, [await this.load(ctx, id)]);
    return toPromotionView(graph);
  }

  /** Promotions by id, in the order given; unknown ids are skipped. */
  async listByIds(ctx: Context, ids: string[]): Promise<PromotionView[]> {
    if (!ids.length) return [];
    const rows = await ctx.em.find(Promotion, { id: { $in: [...new Set(ids)] } }, { refresh: true });
    const views = new Map((await loadGraphs(ctx, rows)).map((g) => [g.promotion.id, toPromotionView(g)]));
    return ids.map((id) => views.get(id)).filter((v): v is PromotionView => !!v);
  }

  /** Promotions by code (case-insensitive), in the order given; unknown codes are skipped. */
  async listByCodes(ctx: Context, codes: string[]): Promise<PromotionView[]> {
    const rows = await this.findByCodes(ctx, codes);
    const graphs = await loadGraphs(ctx, rows);
    const byCode = new Map(graphs.map((g) => [g.promotion.code.toLowerCase(), toPromotionView(g)]));
    return [...new Set(codes.map((c) => c.toLowerCase()))].map((c) => byCode.get(c)).filter((v): v is PromotionView => !!v);
  }

  async listRules(ctx: Context, id: string, ruleType: RuleType): Promise<PromotionRuleView[]> {
    const owner = await this.ownerOf(ctx, id, ruleType);
    const rules = await loadRules(ctx, await ruleIdsOf(ctx, owner));
    return [...rules.values()].sort((a, b) => a.rule.created_at.getTime() - b.rule.created_at.getTime() || (a.rule.id < b.rule.id ? -1 : 1)).map(toRuleView);
  }

  // ---- writes -----------------------------------------------------------------------------------

  async create(ctx: Context, input: CreatePromotionInput): Promise<PromotionView> {
    return inTransaction(ctx, async (tx) => {
      const code = input.code.trim();
      if (!code) throw SthenoError.invalidData('Promotion code must not be empty');
      await this.assertCodeFree(tx, code);
      if (input.campaign && input.campaign_id) throw SthenoError.invalidData('Provide either campaign or campaign_id, not both');
      if (input.campaign_id) await this.campaigns.assertExist(tx, input.campaign_id);
      const am = input.application_method;
      const method = validateMethod(input.type, this.methodShape(am), { target: am.target_rules?.length ?? 0, buy: am.buy_rules?.length ?? 0 });
      if (method.currency_code) await this.currencies.assertExist(tx, [method.currency_code]);

      const campaignId = input.campaign ? (await this.campaigns.createIn(tx, input.campaign)).id : (input.campaign_id ?? null);
      const promotion = tx.em.create(Promotion, {
        code,
        type: input.type,
        is_automatic: input.is_automatic ?? false,
        is_tax_inclusive: input.is_tax_inclusive ?? false,
        status: input.status ?? 'draft',
        campaign_id: campaignId,
        metadata: input.metadata ?? null,
      });
      const methodRow = tx.em.create(ApplicationMethod, { ...this.methodColumns(method), promotion_id: promotion.id });
      await tx.em.flush();
      if (campaignId) await this.campaigns.assertBudgetCurrency(tx, campaignId, [promotion.id]);
      const base = { promotionId: promotion.id, methodId: methodRow.id, targetType: method.target_type };
      await createRules(tx, { ...base, ruleType: 'rules' }, input.rules ?? []);
      await createRules(tx, { ...base, ruleType: 'target-rules' }, am.target_rules ?? []);
      await createRules(tx, { ...base, ruleType: 'buy-rules' }, am.buy_rules ?? []);
      this.events.record(tx, PromotionEvents.CREATED, { id: promotion.id });
      await tx.em.flush();
      return this.retrieve(tx, promotion.id);
    });
  }

  async update(ctx: Context, id: string, input: UpdatePromotionInput): Promise<PromotionView> {
    return inTransaction(ctx, async (tx) => {
      const promotion = await this.load(tx, id, true);
      if (input.code !== undefined) {
        const code = input.code.trim();
        if (!code) throw SthenoError.invalidData('Promotion code must not be empty');
        if (code.toLowerCase() !== promotion.code.toLowerCase()) await this.assertCodeFree(tx, code);
        promotion.code = code;
      }
      if (input.campaign_id !== undefined && input.campaign_id !== null) await this.campaigns.assertExist(tx, input.campaign_id);
      const type = input.type ?? promotion.type;
      const methodRow = await tx.em.findOne(ApplicationMethod, { promotion_id: id });
      if (!methodRow) throw SthenoError.unexpectedState(`Promotion ${id} has no application method`);
      const merged: MethodShape = { ...this.rowShape(methodRow), ...this.definedOnly(input.application_method ?? {}) };
      const owner = { promotionId: id, methodId: methodRow.id };
      const counts = {
        target: (await ruleIdsOf(tx, { ...owner, ruleType: 'target-rules' })).length,
        buy: (await ruleIdsOf(tx, { ...owner, ruleType: 'buy-rules' })).length,
      };
      const method = validateMethod(type, merged, counts);
      if (input.application_method?.currency_code) await this.currencies.assertExist(tx, [method.currency_code!]);
      Object.assign(methodRow, this.methodColumns(method), { updated_at: new Date() });

      promotion.type = type;
      if (input.is_automatic !== undefined) promotion.is_automatic = input.is_automatic;
      if (input.is_tax_inclusive !== undefined) promotion.is_tax_inclusive = input.is_tax_inclusive;
      if (input.status !== undefined) promotion.status = input.status;
      if (input.metadata !== undefined) promotion.metadata = input.metadata;
      if (input.campaign_id !== undefined) promotion.campaign_id = input.campaign_id;
      promotion.updated_at = new Date();
      await tx.em.flush();
      if (promotion.campaign_id) await this.campaigns.assertBudgetCurrency(tx, promotion.campaign_id, [id]);
      this.events.record(tx, PromotionEvents.UPDATED, { id });
      await tx.em.flush();
      return this.retrieve(tx, id);
    });
  }

  /** Soft-deletes the promotion with its method and rules; its code becomes free again. */
  async delete(ctx: Context, id: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const promotion = await this.load(tx, id, true);
      const methodRow = await tx.em.findOne(ApplicationMethod, { promotion_id: id });
      const owner = { promotionId: id, methodId: methodRow?.id ?? null };
      const ruleIds = [
        ...(await ruleIdsOf(tx, { ...owner, ruleType: 'rules' })),
        ...(await ruleIdsOf(tx, { ...owner, ruleType: 'target-rules' })),
        ...(await ruleIdsOf(tx, { ...owner, ruleType: 'buy-rules' })),
      ];
      await deleteRules(tx, ruleIds);
      const now = new Date();
      if (methodRow) methodRow.deleted_at = now;
      promotion.deleted_at = now;
      this.events.record(tx, PromotionEvents.DELETED, { id });
      await tx.em.flush();
    });
  }

  /** `{create, update, delete}` on one rule set of the promotion. */
  async batchRules(
    ctx: Context,
    id: string,
    ruleType: RuleType,
    input: { create?: PromotionRuleInput[]; update?: PromotionRuleUpdateInput[]; delete?: string[] },
  ): Promise<{ created: PromotionRuleView[]; updated: PromotionRuleView[]; deleted: string[] }> {
    return inTransaction(ctx, async (tx) => {
      const promotion = await this.load(tx, id, true);
      const owner = await this.ownerOf(tx, id, ruleType);
      if (ruleType === 'buy-rules' && promotion.type !== 'buyget' && input.create?.length) {
        throw SthenoError.invalidData('Buy rules can only be added to a Promotion type of buyget');
      }
      const toDelete = [...new Set(input.delete ?? [])];
      await assertOwnRules(tx, owner, toDelete);
      const updatedIds = input.update?.length ? await updateRules(tx, owner, input.update) : [];
      await deleteRules(tx, toDelete);
      const createdIds = await createRules(tx, owner, input.create ?? []);
      if (promotion.type === 'buyget' && ruleType !== 'rules' && !(await ruleIdsOf(tx, owner)).length) {
        throw SthenoError.invalidData(`${ruleType === 'buy-rules' ? 'Buy' : 'Target'} rules are required for buyget promotion type`);
      }
      promotion.updated_at = new Date();
      this.events.record(tx, PromotionEvents.UPDATED, { id });
      await tx.em.flush();
      const rules = await loadRules(tx, [...createdIds, ...updatedIds]);
      return {
        created: createdIds.map((r) => toRuleView(rules.get(r)!)),
        updated: updatedIds.map((r) => toRuleView(rules.get(r)!)),
        deleted: toDelete,
      };
    });
  }

  // ---- carts and checkout -------------------------------------------------------------------------

  /** Whether any automatic promotion is active: a cart with no codes needs the engine only then. One statement. */
  async hasActiveAutomatic(ctx: Context): Promise<boolean> {
    const [row] = await ctx.em.execute<Array<{ found: boolean }>>(`select ${ACTIVE_AUTOMATIC_PROMOTION_SQL} as found`);
    return row?.found === true;
  }

  /**
   * The adjustments a cart gets from the given codes plus every active automatic promotion (see
   * promotion-engine.ts for the stacking rule). A code that is unknown or not active is refused.
   */
  async computeActions(ctx: Context, codes: string[], cart: PromotionCartContext): Promise<{ actions: ComputedAction[]; promotions: PromotionView[] }> {
    const wanted = [...new Set(codes.map((c) => c.trim().toLowerCase()))].filter((c) => c);
    const byCode = new Map((await this.findByCodes(ctx, wanted)).map((p) => [p.code.toLowerCase(), p]));
    const asked: Promotion[] = [];
    for (const code of wanted) {
      const promotion = byCode.get(code);
      if (!promotion || promotion.status !== 'active') {
        const original = codes.find((c) => c.trim().toLowerCase() === code) ?? code;
        throw SthenoError.invalidData(`The promotion code ${original} is invalid`);
      }
      asked.push(promotion);
    }
    const automatic = await ctx.em.find(
      Promotion,
      { is_automatic: true, status: 'active', id: { $nin: asked.map((p) => p.id) } },
      { orderBy: { created_at: 'ASC', id: 'ASC' }, refresh: true },
    );
    const graphs = await loadGraphs(ctx, [...asked, ...automatic]);
    const engine = graphs.map(toEnginePromotion).filter((p): p is EnginePromotion => !!p);
    const precision = await this.precisionOf(ctx, cart.currency_code);
    const { actions, applied } = computePromotionActions(engine, cart, { now: new Date(), precision });
    const views = new Map(graphs.map((g) => [g.promotion.id, g]));
    return { actions, promotions: applied.map((id) => toPromotionView(views.get(id)!)) };
  }

  /**
   * Spends the campaign budgets of the promotions a completed cart used, in the caller's
   * transaction. Each budget moves by one conditional UPDATE (`used + n <= limit`): concurrent
   * checkouts queue on the budget row, and the one that would overrun it updates nothing and fails
   * with not_allowed, so a budget is never exceeded whatever the number of processes.
   */
  async registerUsage(ctx: Context, usages: PromotionUsage[]): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      for (const [budgetId, delta] of await this.budgetDeltas(tx, usages)) {
        const changed = await tx.em.execute(
          `update promotion_campaign_budget set used = used + ?, updated_at = now()
            where id = ? and deleted_at is null and ("limit" is null or used + ? <= "limit")`,
          [delta.toString(), budgetId, delta.toString()],
          'run',
        );
        if (Number((changed as { affectedRows?: number }).affectedRows ?? 0) !== 1) throw SthenoError.notAllowed(BUDGET_EXCEEDED_MESSAGE);
      }
    });
  }

  /** Gives back what registerUsage took (a canceled order, a compensated checkout); never below zero. */
  async revertUsage(ctx: Context, usages: PromotionUsage[]): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      for (const [budgetId, delta] of await this.budgetDeltas(tx, usages)) {
        await tx.em.execute(
          'update promotion_campaign_budget set used = greatest(used - ?, 0), updated_at = now() where id = ? and deleted_at is null',
          [delta.toString(), budgetId],
          'run',
        );
      }
    });
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /**
   * budget id → how much the usages move it: the amounts (spend), or one per promotion (usage) —
   * however many entries name it, as Medusa counts: a checkout passes one usage per adjustment, and
   * a promotion discounting three lines is still used once.
   */
  private async budgetDeltas(ctx: Context, usages: PromotionUsage[]): Promise<Map<string, Decimal>> {
    if (!usages.length) return new Map();
    const ids = [...new Set(usages.map((u) => u.promotion_id))];
    const promotions = await ctx.em.find(Promotion, { id: { $in: ids } }, { fields: ['id', 'campaign_id'], filters: false });
    const missing = ids.filter((id) => !promotions.some((p) => p.id === id));
    if (missing.length) throw SthenoError.invalidData(`Promotions with ids: ${missing.join(', ')} were not found`);
    const campaignIds = [...new Set(promotions.map((p) => p.campaign_id).filter((c): c is string => !!c))];
    if (!campaignIds.length) return new Map();
    const budgets = await ctx.em.find(CampaignBudget, { campaign_id: { $in: campaignIds } }, { refresh: true });
    const budgetOf = new Map(budgets.map((b) => [b.campaign_id, b]));
    const deltas = new Map<string, Decimal>();
    const counted = new Set<string>();
    for (const usage of usages) {
      const campaignId = promotions.find((p) => p.id === usage.promotion_id)?.campaign_id;
      const budget = campaignId ? budgetOf.get(campaignId) : undefined;
      if (!budget) continue;
      let amount: Decimal;
      try {
        amount = new Decimal(usage.amount);
      } catch {
        throw SthenoError.invalidData(`Invalid promotion usage amount: ${usage.amount}`);
      }
      if (budget.type === 'usage') {
        if (counted.has(usage.promotion_id)) continue;
        counted.add(usage.promotion_id);
      }
      const delta = budget.type === 'usage' ? new Decimal(1) : amount;
      deltas.set(budget.id, (deltas.get(budget.id) ?? new Decimal(0)).plus(delta));
    }
    return deltas;
  }

  private async findByCodes(ctx: Context, codes: string[]): Promise<Promotion[]> {
    const lower = [...new Set(codes.map((c) => c.trim().toLowerCase()))].filter((c) => c);
    if (!lower.length) return [];
    const rows = await ctx.em.execute<Array<{ id: string }>>(
      `select id from promotion where deleted_at is null and lower(code) in (${lower.map(() => '?').join(', ')})`,
      lower,
    );
    if (!rows.length) return [];
    return ctx.em.find(Promotion, { id: { $in: rows.map((r) => r.id) } }, { refresh: true });
  }

  private async precisionOf(ctx: Context, currencyCode: string): Promise<number> {
    try {
      return (await this.currencies.retrieve(ctx, currencyCode)).decimal_digits;
    } catch {
      return 2;
    }
  }

  private async assertCodeFree(ctx: Context, code: string): Promise<void> {
    const rows = await ctx.em.execute<Array<{ id: string }>>('select id from promotion where deleted_at is null and lower(code) = lower(?) limit 1', [code]);
    if (rows.length) throw new SthenoError('duplicate_error', `Promotion with code: ${code}, already exists.`);
  }

  private async load(ctx: Context, id: string, forUpdate = false): Promise<Promotion> {
    const promotion = await ctx.em.findOne(Promotion, { id }, forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : { refresh: true });
    if (!promotion) throw SthenoError.notFound(`Promotion with id: ${id} was not found`);
    return promotion;
  }

  private async ownerOf(ctx: Context, id: string, ruleType: RuleType): Promise<RuleOwner> {
    await this.load(ctx, id);
    const method = await ctx.em.findOne(ApplicationMethod, { promotion_id: id });
    return { ruleType, promotionId: id, methodId: method?.id ?? null, targetType: method?.target_type };
  }

  private methodShape(input: CreatePromotionInput['application_method']): MethodShape {
    return {
      type: input.type,
      target_type: input.target_type,
      allocation: input.allocation ?? null,
      value: input.value,
      currency_code: input.currency_code ? input.currency_code.toLowerCase() : null,
      max_quantity: input.max_quantity ?? null,
      buy_rules_min_quantity: input.buy_rules_min_quantity ?? null,
      apply_to_quantity: input.apply_to_quantity ?? null,
    };
  }

  private rowShape(row: ApplicationMethod): MethodShape {
    return {
      type: row.type,
      target_type: row.target_type,
      allocation: row.allocation,
      value: Number(row.value),
      currency_code: row.currency_code,
      max_quantity: row.max_quantity,
      buy_rules_min_quantity: row.buy_rules_min_quantity,
      apply_to_quantity: row.apply_to_quantity,
    };
  }

  private definedOnly(input: Record<string, unknown>): Partial<MethodShape> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(input)) {
      if (v === undefined || k === 'description') continue;
      out[k] = k === 'currency_code' && typeof v === 'string' ? v.toLowerCase() : v;
    }
    return out as Partial<MethodShape>;
  }

  private methodColumns(m: MethodShape) {
    return {
      type: m.type,
      target_type: m.target_type,
      allocation: m.allocation,
      value: String(m.value),
      currency_code: m.currency_code,
      max_quantity: m.max_quantity,
      buy_rules_min_quantity: m.buy_rules_min_quantity,
      apply_to_quantity: m.apply_to_quantity,
    };
  }
}
