import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { Context, inTransaction } from '../../framework/context/context';
import { findPage } from '../../framework/database/find-page';
import { ErrorTypes, SthenoError } from '../../framework/errors/stheno-error';
import { ListQuery } from '../../framework/http/list-query';
import { ProductService } from '../product/product.service';
import { TAX_RULE_REFERENCES, TaxRateRule, TaxRuleReference } from './entities/tax-rate-rule.entity';
import { TaxRate } from './entities/tax-rate.entity';
import { TaxRegion } from './entities/tax-region.entity';
import { rateViews } from './tax-views';
import type { CreateTaxRateInput, TaxRateView, TaxRuleInput, UpdateTaxRateInput } from './tax.types';

/** 422 duplicate_error, as Medusa answers a unique violation. */
export function duplicateError(message: string): SthenoError {
  return new SthenoError(ErrorTypes.DUPLICATE_ERROR, message);
}

/** Rates are percentages: 0 to 100 inclusive (null: a lookup key without a number). */
export function assertValidRate(rate: number | null | undefined): void {
  if (rate === undefined || rate === null) return;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 100) {
    throw SthenoError.invalidData(`Tax rate must be a number between 0 and 100, got: ${String(rate)}`);
  }
}

/** Tax rates and their rules (internal to the tax module; TaxService is the facade). */
@Injectable()
export class TaxRatesService {
  constructor(private readonly products: ProductService) {}

  async list(ctx: Context, query: ListQuery): Promise<[TaxRateView[], number]> {
    const [rows, count] = await findPage(ctx, TaxRate, query, ['name', 'code']);
    return [await rateViews(ctx, rows, query.fields.relations), count];
  }

  async retrieve(ctx: Context, id: string, relations: readonly string[]): Promise<TaxRateView> {
    const [view] = await rateViews(ctx, [await this.load(ctx, id)], relations);
    return view;
  }

  async create(ctx: Context, input: CreateTaxRateInput): Promise<string> {
    return inTransaction(ctx, async (tx) => {
      const region = await tx.em.findOne(TaxRegion, { id: input.tax_region_id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!region) throw SthenoError.notFound(`Tax region with id: ${input.tax_region_id} was not found`);
      return this.createIn(tx, region.id, input);
    });
  }

  /** Creates a rate (and its rules) in a region the caller has loaded and locked. */
  async createIn(tx: Context, regionId: string, input: Omit<CreateTaxRateInput, 'tax_region_id'>): Promise<string> {
    assertValidRate(input.rate);
    if (input.is_default) await this.assertNoOtherDefault(tx, regionId, null);
    const rules = input.rules ? await this.validatedRules(tx, input.rules) : [];
    const rate = tx.em.create(TaxRate, {
      tax_region_id: regionId,
      rate: input.rate === undefined || input.rate === null ? null : String(input.rate),
      code: input.code,
      name: input.name,
      is_default: input.is_default ?? false,
      is_combinable: input.is_combinable ?? false,
      metadata: input.metadata ?? null,
      created_by: tx.actor?.id ?? null,
    });
    for (const rule of rules) this.createRule(tx, rate.id, rule);
    await tx.em.flush();
    return rate.id;
  }

  async update(ctx: Context, id: string, input: UpdateTaxRateInput): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const rate = await this.load(tx, id, true);
      assertValidRate(input.rate);
      if (input.is_default === true && !rate.is_default) await this.assertNoOtherDefault(tx, rate.tax_region_id, rate.id);
      const rules = input.rules ? await this.validatedRules(tx, input.rules) : null;
      if (input.rate !== undefined) rate.rate = input.rate === null ? null : String(input.rate);
      if (input.code !== undefined) rate.code = input.code;
      if (input.name !== undefined) rate.name = input.name;
      if (input.is_default !== undefined) rate.is_default = input.is_default;
      if (input.is_combinable !== undefined) rate.is_combinable = input.is_combinable;
      if (input.metadata !== undefined) rate.metadata = input.metadata;
      rate.updated_at = new Date();
      if (rules) {
        await tx.em.nativeUpdate(TaxRateRule, { tax_rate_id: id }, { deleted_at: new Date() });
        for (const rule of rules) this.createRule(tx, id, rule);
      }
      await tx.em.flush();
    });
  }

  /** Soft-deletes the rate and its rules. */
  async delete(ctx: Context, id: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      await this.load(tx, id, true);
      await this.softDeleteRates(tx, [id]);
    });
  }

  async softDeleteRates(tx: Context, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const now = new Date();
    await tx.em.nativeUpdate(TaxRateRule, { tax_rate_id: { $in: ids } }, { deleted_at: now });
    await tx.em.nativeUpdate(TaxRate, { id: { $in: ids } }, { deleted_at: now });
  }

  async addRule(ctx: Context, rateId: string, input: TaxRuleInput): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const rate = await this.load(tx, rateId, true);
      const [rule] = await this.validatedRules(tx, [input]);
      const existing = await tx.em.count(TaxRateRule, { tax_rate_id: rate.id, reference: rule.reference, reference_id: rule.reference_id });
      if (existing) {
        throw duplicateError(`Tax rate rule with tax_rate_id: ${rate.id}, reference: ${rule.reference}, reference_id: ${rule.reference_id}, already exists.`);
      }
      this.createRule(tx, rate.id, rule);
      rate.updated_at = new Date();
      await tx.em.flush();
    });
  }

  async deleteRule(ctx: Context, rateId: string, ruleId: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      await this.load(tx, rateId, true);
      const removed = await tx.em.nativeUpdate(TaxRateRule, { id: ruleId, tax_rate_id: rateId }, { deleted_at: new Date() });
      if (!removed) throw SthenoError.notFound(`Tax rate rule with id: ${ruleId} was not found`);
    });
  }

  private createRule(tx: Context, rateId: string, rule: { reference: TaxRuleReference; reference_id: string }): void {
    tx.em.create(TaxRateRule, { tax_rate_id: rateId, reference: rule.reference, reference_id: rule.reference_id, metadata: null, created_by: tx.actor?.id ?? null });
  }

  /**
   * Known references, no duplicates, and product references that point at existing products.
   * Product types and shipping options are owned by modules whose facades offer no existence check
   * yet; their ids are taken as given (Medusa checks none of the three).
   */
  private async validatedRules(tx: Context, rules: TaxRuleInput[]): Promise<Array<{ reference: TaxRuleReference; reference_id: string }>> {
    const seen = new Set<string>();
    const valid = rules.map((rule) => {
      if (!(TAX_RULE_REFERENCES as readonly string[]).includes(rule.reference)) {
        throw SthenoError.invalidData(`Tax rate rule reference must be one of: ${TAX_RULE_REFERENCES.join(', ')}; got: ${rule.reference}`);
      }
      const key = `${rule.reference}:${rule.reference_id}`;
      if (seen.has(key)) throw SthenoError.invalidData(`Tax rate rule with reference: ${rule.reference}, reference_id: ${rule.reference_id} is given twice`);
      seen.add(key);
      return { reference: rule.reference as TaxRuleReference, reference_id: rule.reference_id };
    });
    await this.products.assertExist(tx, valid.filter((r) => r.reference === 'product').map((r) => r.reference_id));
    return valid;
  }

  private async assertNoOtherDefault(tx: Context, regionId: string, exceptRateId: string | null): Promise<void> {
    const other = await tx.em.findOne(TaxRate, { tax_region_id: regionId, is_default: true, ...(exceptRateId ? { id: { $ne: exceptRateId } } : {}) }, { fields: ['id'] });
    if (other) throw duplicateError(`Tax region with id: ${regionId} already has a default tax rate: ${other.id}`);
  }

  private async load(ctx: Context, id: string, forUpdate = false): Promise<TaxRate> {
    const rate = await ctx.em.findOne(TaxRate, { id }, forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!rate) throw SthenoError.notFound(`Tax rate with id: ${id} was not found`);
    return rate;
  }
}
