import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { Context, inTransaction } from '../../framework/context/context';
import { findPage } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { ListQuery } from '../../framework/http/list-query';
import { CurrencyService } from '../currency/currency.service';
import { ApplicationMethod } from './entities/application-method.entity';
import { Campaign, CampaignBudget } from './entities/campaign.entity';
import { Promotion } from './entities/promotion.entity';
import { loadCampaigns, toCampaignView, toPromotionBase } from './promotion-graph';
import { CampaignBudgetInput, CampaignView, CreateCampaignInput, PromotionEvents, UpdateCampaignInput } from './promotion.types';

function toDate(value: string | null | undefined, field: string): Date | null {
  if (value === null || value === undefined) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw SthenoError.invalidData(`${field} must be a valid date`);
  return date;
}

/** Campaigns and their budgets (admin routes; the promotion facade creates nested ones through it). */
@Injectable()
export class CampaignService {
  constructor(
    private readonly events: EventBus,
    private readonly currencies: CurrencyService,
  ) {}

  async list(ctx: Context, query: ListQuery): Promise<[CampaignView[], number]> {
    const [rows, count] = await findPage(ctx, Campaign, query, ['name', 'campaign_identifier', 'description']);
    return [await this.toViews(ctx, rows, query.fields.relations.includes('promotions')), count];
  }

  async retrieve(ctx: Context, id: string): Promise<CampaignView> {
    const [view] = await this.toViews(ctx, [await this.load(ctx, id)], true);
    return view;
  }

  async create(ctx: Context, input: CreateCampaignInput): Promise<CampaignView> {
    return inTransaction(ctx, async (tx) => {
      const campaign = await this.createIn(tx, input);
      const [view] = await this.toViews(tx, [campaign], true);
      return view;
    });
  }

  /** Creates the campaign (and its budget) in the caller's transaction. */
  async createIn(tx: Context, input: CreateCampaignInput): Promise<Campaign> {
    await this.assertIdentifierFree(tx, input.campaign_identifier);
    const starts = toDate(input.starts_at, 'starts_at');
    const ends = toDate(input.ends_at, 'ends_at');
    assertWindow(starts, ends);
    const campaign = tx.em.create(Campaign, {
      name: input.name,
      campaign_identifier: input.campaign_identifier,
      description: input.description ?? null,
      starts_at: starts,
      ends_at: ends,
    });
    if (input.budget) await this.createBudget(tx, campaign.id, input.budget);
    this.events.record(tx, PromotionEvents.CAMPAIGN_CREATED, { id: campaign.id });
    await tx.em.flush();
    return campaign;
  }

  async update(ctx: Context, id: string, input: UpdateCampaignInput): Promise<CampaignView> {
    return inTransaction(ctx, async (tx) => {
      const campaign = await this.load(tx, id, true);
      if (input.campaign_identifier !== undefined && input.campaign_identifier !== campaign.campaign_identifier) {
        await this.assertIdentifierFree(tx, input.campaign_identifier);
        campaign.campaign_identifier = input.campaign_identifier;
      }
      if (input.name !== undefined) campaign.name = input.name;
      if (input.description !== undefined) campaign.description = input.description ?? null;
      if (input.starts_at !== undefined) campaign.starts_at = toDate(input.starts_at, 'starts_at');
      if (input.ends_at !== undefined) campaign.ends_at = toDate(input.ends_at, 'ends_at');
      assertWindow(campaign.starts_at, campaign.ends_at);
      if (input.budget !== undefined) {
        const budget = await tx.em.findOne(CampaignBudget, { campaign_id: id });
        if (input.budget === null) {
          if (budget) budget.deleted_at = new Date();
        } else if (budget) {
          await this.updateBudget(tx, budget, input.budget);
        } else {
          await this.createBudget(tx, id, input.budget);
        }
      }
      campaign.updated_at = new Date();
      this.events.record(tx, PromotionEvents.CAMPAIGN_UPDATED, { id });
      await tx.em.flush();
      const [view] = await this.toViews(tx, [campaign], true);
      return view;
    });
  }

  /** Soft-deletes the campaign and its budget; its promotions stay, without a campaign. */
  async delete(ctx: Context, id: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const campaign = await this.load(tx, id, true);
      const now = new Date();
      campaign.deleted_at = now;
      await tx.em.nativeUpdate(CampaignBudget, { campaign_id: id }, { deleted_at: now });
      await tx.em.nativeUpdate(Promotion, { campaign_id: id }, { campaign_id: null, updated_at: now });
      this.events.record(tx, PromotionEvents.CAMPAIGN_DELETED, { id });
      await tx.em.flush();
    });
  }

  /** `{add, remove}` promotion ids: added ones move to this campaign, removed ones leave it. */
  async batchPromotions(ctx: Context, id: string, input: { add?: string[]; remove?: string[] }): Promise<CampaignView> {
    return inTransaction(ctx, async (tx) => {
      const campaign = await this.load(tx, id, true);
      const add = [...new Set(input.add ?? [])];
      const remove = [...new Set(input.remove ?? [])];
      const both = add.filter((p) => remove.includes(p));
      if (both.length) throw SthenoError.invalidData(`Promotions cannot be both added and removed: ${both.join(', ')}`);
      const found = await tx.em.find(Promotion, { id: { $in: [...add, ...remove] } });
      const missing = [...add, ...remove].filter((p) => !found.some((f) => f.id === p));
      if (missing.length) throw SthenoError.invalidData(`Promotions with ids: ${missing.join(', ')} were not found`);
      const notHere = found.filter((p) => remove.includes(p.id) && p.campaign_id !== id).map((p) => p.id);
      if (notHere.length) throw SthenoError.invalidData(`Promotions with ids: ${notHere.join(', ')} are not part of campaign ${id}`);
      if (add.length) await this.assertBudgetCurrency(tx, id, add);
      const now = new Date();
      if (add.length) await tx.em.nativeUpdate(Promotion, { id: { $in: add } }, { campaign_id: id, updated_at: now });
      if (remove.length) await tx.em.nativeUpdate(Promotion, { id: { $in: remove } }, { campaign_id: null, updated_at: now });
      this.events.record(tx, PromotionEvents.CAMPAIGN_UPDATED, { id });
      const [view] = await this.toViews(tx, [campaign], true);
      return view;
    });
  }

  /** A spend budget counts in one currency: fixed promotions in another currency cannot join it. */
  async assertBudgetCurrency(tx: Context, campaignId: string, promotionIds: string[]): Promise<void> {
    const budget = await tx.em.findOne(CampaignBudget, { campaign_id: campaignId });
    if (!budget || budget.type !== 'spend' || !budget.currency_code) return;
    const methods = await tx.em.find(ApplicationMethod, { promotion_id: { $in: promotionIds }, currency_code: { $ne: null } });
    const other = methods.find((m) => m.currency_code !== budget.currency_code);
    if (other) throw SthenoError.invalidData(`Currency code doesn't match for campaign (${campaignId}) and promotion (${other.promotion_id})`);
  }

  async assertExist(ctx: Context, id: string): Promise<void> {
    if (!(await ctx.em.count(Campaign, { id }))) throw SthenoError.invalidData(`Campaign with id: ${id} was not found`);
  }

  private async createBudget(tx: Context, campaignId: string, input: CampaignBudgetInput): Promise<void> {
    const type = input.type ?? 'spend';
    const currency = input.currency_code ? input.currency_code.toLowerCase() : null;
    if (type === 'spend' && !currency) throw SthenoError.invalidData('Campaign budget currency_code is required when the budget type is spend');
    if (type === 'usage' && currency) throw SthenoError.invalidData('Campaign budget currency_code is only allowed when the budget type is spend');
    if (currency) await this.currencies.assertExist(tx, [currency]);
    tx.em.create(CampaignBudget, { campaign_id: campaignId, type, currency_code: currency, limit: limitOf(input.limit), used: '0' });
  }

  private async updateBudget(tx: Context, budget: CampaignBudget, input: CampaignBudgetInput): Promise<void> {
    if (input.type !== undefined && input.type !== budget.type) throw SthenoError.invalidData('The type of a campaign budget cannot be changed');
    if (input.limit !== undefined) budget.limit = limitOf(input.limit);
    if (input.currency_code !== undefined) {
      if (budget.type === 'usage' && input.currency_code) throw SthenoError.invalidData('Campaign budget currency_code is only allowed when the budget type is spend');
      if (budget.type === 'spend' && !input.currency_code) throw SthenoError.invalidData('Campaign budget currency_code is required when the budget type is spend');
      const currency = input.currency_code ? input.currency_code.toLowerCase() : null;
      if (currency) await this.currencies.assertExist(tx, [currency]);
      budget.currency_code = currency;
    }
    budget.updated_at = new Date();
  }

  private async assertIdentifierFree(ctx: Context, identifier: string): Promise<void> {
    if (await ctx.em.count(Campaign, { campaign_identifier: identifier })) {
      throw new SthenoError('duplicate_error', `Campaign with campaign_identifier: ${identifier}, already exists.`);
    }
  }

  private async load(ctx: Context, id: string, forUpdate = false): Promise<Campaign> {
    const campaign = await ctx.em.findOne(Campaign, { id }, forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!campaign) throw SthenoError.notFound(`Campaign with id: ${id} was not found`);
    return campaign;
  }

  private async toViews(ctx: Context, campaigns: Campaign[], withPromotions: boolean): Promise<CampaignView[]> {
    const loaded = await loadCampaigns(ctx, campaigns.map((c) => c.id));
    const promotions = withPromotions && campaigns.length
      ? await ctx.em.find(Promotion, { campaign_id: { $in: campaigns.map((c) => c.id) } }, { orderBy: { created_at: 'ASC', id: 'ASC' }, refresh: true })
      : [];
    return campaigns.map((c) => ({
      ...toCampaignView(c, loaded.get(c.id)?.budget ?? null),
      promotions: promotions.filter((p) => p.campaign_id === c.id).map(toPromotionBase),
    }));
  }
}

function limitOf(limit: number | null | undefined): string | null {
  if (limit === null || limit === undefined) return null;
  if (!Number.isFinite(limit) || limit < 0) throw SthenoError.invalidData(`Campaign budget limit must be a non-negative number, got: ${limit}`);
  return String(limit);
}

function assertWindow(starts: Date | null, ends: Date | null): void {
  if (starts && ends && ends < starts) throw SthenoError.invalidData('Campaign ends_at must not be before starts_at');
}
