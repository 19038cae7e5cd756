import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { Context, inTransaction } from '../../framework/context/context';
import { findPage } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { ListQuery, withNullTextFilter } from '../../framework/http/list-query';
import { TaxProvider } from './entities/tax-provider.entity';
import { TaxRate } from './entities/tax-rate.entity';
import { TaxRegion } from './entities/tax-region.entity';
import { normalizeRegionCode } from './tax-calculator';
import { assertValidRate, duplicateError, TaxRatesService } from './tax-rates.service';
import { regionViews } from './tax-views';
import { CreateTaxRegionInput, TaxRegionView, UpdateTaxRegionInput } from './tax.types';
import { TaxProviderRegistry } from './providers/tax-provider-registry';

const COUNTRY_CODE = /^[a-z]{2}$/;

/** Tax regions (internal to the tax module; TaxService is the facade). */
@Injectable()
export class TaxRegionsService {
  constructor(
    private readonly rates: TaxRatesService,
    private readonly providers: TaxProviderRegistry,
  ) {}

  async list(ctx: Context, query: ListQuery): Promise<[TaxRegionView[], number]> {
    // parent_id=null lists the country regions (the dashboard's tax region list)
    const scoped: ListQuery = { ...query, filters: withNullTextFilter(query.filters, 'parent_id') };
    const [rows, count] = await findPage(ctx, TaxRegion, scoped, ['country_code', 'province_code']);
    return [await regionViews(ctx, rows, query.fields.relations), count];
  }

  async retrieve(ctx: Context, id: string, relations: readonly string[]): Promise<TaxRegionView> {
    const [view] = await regionViews(ctx, [await this.load(ctx, id)], relations);
    return view;
  }

  /**
   * A country region (with a provider; the default one, `tp_system` unless configured, when none is named) or a province region under
   * its country's region: `parent_id` when given, else the country's region is found by its code.
   */
  async create(ctx: Context, input: CreateTaxRegionInput): Promise<string> {
    return inTransaction(ctx, async (tx) => {
      const country = normalizeRegionCode(input.country_code) ?? '';
      if (!COUNTRY_CODE.test(country)) throw SthenoError.invalidData(`Country code must be an ISO 3166-1 alpha-2 code, got: ${input.country_code}`);
      const province = normalizeRegionCode(input.province_code);
      if (input.default_tax_rate) assertValidRate(input.default_tax_rate.rate);

      let parentId: string | null = null;
      let providerId: string | null = null;
      if (province === null) {
        if (input.parent_id) throw SthenoError.invalidData('A tax region with a parent must have a province code');
        providerId = await this.assertProvider(tx, input.provider_id ?? this.providers.defaultId());
      } else {
        if (input.provider_id) throw SthenoError.invalidData('Only country tax regions have a provider; a province region uses its parent\'s');
        parentId = (await this.parentFor(tx, country, province, input.parent_id ?? null)).id;
      }
      await this.assertFree(tx, country, province, null);

      const region = tx.em.create(TaxRegion, {
        country_code: country,
        province_code: province,
        parent_id: parentId,
        provider_id: providerId,
        metadata: input.metadata ?? null,
        created_by: tx.actor?.id ?? null,
      });
      await tx.em.flush();
      if (input.default_tax_rate) await this.rates.createIn(tx, region.id, { ...input.default_tax_rate, is_default: true });
      return region.id;
    });
  }

  async update(ctx: Context, id: string, input: UpdateTaxRegionInput): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const region = await this.load(tx, id, true);
      if (input.province_code !== undefined) {
        const province = normalizeRegionCode(input.province_code);
        if ((province === null) !== (region.province_code === null)) {
          throw SthenoError.invalidData(
            region.province_code === null ? 'A country tax region cannot take a province code' : 'A province tax region must keep a province code',
          );
        }
        if (province !== region.province_code) {
          await this.assertFree(tx, region.country_code, province, region.id);
          region.province_code = province;
        }
      }
      if (input.provider_id !== undefined) {
        if (region.province_code !== null) throw SthenoError.invalidData('Only country tax regions have a provider; a province region uses its parent\'s');
        region.provider_id = await this.assertProvider(tx, input.provider_id ?? this.providers.defaultId());
      }
      if (input.metadata !== undefined) region.metadata = input.metadata;
      region.updated_at = new Date();
      await tx.em.flush();
    });
  }

  /** Soft-deletes the region, its province regions, and the rates and rules of all of them. */
  async delete(ctx: Context, id: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      await this.load(tx, id, true);
      const children = await tx.em.find(TaxRegion, { parent_id: id }, { fields: ['id'], lockMode: LockMode.PESSIMISTIC_WRITE });
      const regionIds = [id, ...children.map((c) => c.id)];
      const rates = await tx.em.find(TaxRate, { tax_region_id: { $in: regionIds } }, { fields: ['id'] });
      await this.rates.softDeleteRates(tx, rates.map((r) => r.id));
      await tx.em.nativeUpdate(TaxRegion, { id: { $in: regionIds } }, { deleted_at: new Date() });
    });
  }

  /** The country region a province region belongs under, locked so it cannot be deleted meanwhile. */
  private async parentFor(tx: Context, country: string, province: string, parentId: string | null): Promise<TaxRegion> {
    const parent = parentId
      ? await tx.em.findOne(TaxRegion, { id: parentId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : await tx.em.findOne(TaxRegion, { country_code: country, province_code: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!parent) {
      throw SthenoError.invalidData(
        `Province region must belong to a parent region. You are trying to create a province region with (country: ${country}, province: ${province}) but parent does not exist`,
      );
    }
    if (parent.country_code !== country) {
      throw SthenoError.invalidData(
        `Province region must belong to a parent region with the same country code. You are trying to create a province region with (country: ${country}, province: ${province}) but parent expects (country: ${parent.country_code})`,
      );
    }
    if (parent.province_code !== null) throw SthenoError.invalidData(`The parent of a province region must be a country region; ${parent.id} is a province region`);
    return parent;
  }

  private async assertProvider(tx: Context, id: string): Promise<string> {
    const provider = await tx.em.findOne(TaxProvider, { id, deleted_at: null });
    // a row of a provider this process does not run (removed from the configuration) is no provider
    if (!provider || !this.providers.has(id)) throw SthenoError.notFound(`Tax provider with id: ${id} was not found`);
    if (!provider.is_enabled) throw SthenoError.invalidData(`Tax provider with id: ${id} is not enabled`);
    return provider.id;
  }

  /** The unique index is the guard against races; this gives the common case a clear message. */
  private async assertFree(tx: Context, country: string, province: string | null, exceptId: string | null): Promise<void> {
    const taken = await tx.em.findOne(TaxRegion, { country_code: country, province_code: province, ...(exceptId ? { id: { $ne: exceptId } } : {}) }, { fields: ['id'] });
    if (taken) throw duplicateError(`Tax region with country_code: ${country}, province_code: ${province ?? 'null'}, already exists.`);
  }

  private async load(ctx: Context, id: string, forUpdate = false): Promise<TaxRegion> {
    const region = await ctx.em.findOne(TaxRegion, { id }, forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!region) throw SthenoError.notFound(`Tax region with id: ${id} was not found`);
    return region;
  }
}
