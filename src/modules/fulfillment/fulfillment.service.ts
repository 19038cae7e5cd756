import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { LockMode, MikroORM } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context, inTransaction, systemContext } from '../../framework/context/context';
import { findPage } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { ListQuery } from '../../framework/http/list-query';
import { RUNTIME_OPTIONS, RuntimeOptions } from '../../framework/runtime/runtime';
import { LocationFulfillmentProviderLinks, LocationFulfillmentSetLinks } from '../../links/fulfillment-links.service';
import { FulfillmentProviderRow } from './entities/fulfillment-provider.entity';
import { ShippingOption } from './entities/shipping-option.entity';
import { ShippingProfile } from './entities/shipping-profile.entity';
import { toShippingProfileView } from './fulfillment-mappers';
import { FulfillmentSets } from './fulfillment-sets.service';
import {
  CreateFulfillmentInput,
  CreateFulfillmentSetInput,
  CreateServiceZoneInput,
  CreateShippingOptionInput,
  CreateShippingProfileInput,
  FulfillmentOption,
  FulfillmentProvider,
  FulfillmentSetView,
  FulfillmentView,
  LabelInput,
  ProviderView,
  RulesBatchInput,
  RulesBatchResult,
  ServiceZoneView,
  ShippingContextInput,
  ShippingOptionForCart,
  ShippingOptionListFilters,
  ShippingOptionView,
  ShippingPriceContext,
  ShippingProfileView,
  UpdateServiceZoneInput,
  UpdateShippingOptionInput,
  UpdateShippingProfileInput,
} from './fulfillment.types';
import { Fulfillments } from './fulfillments.service';
import { FulfillmentProviderRegistry } from './providers/provider-registry';
import { ShippingAvailability } from './shipping-availability';
import { ShippingOptions } from './shipping-options.service';

export type * from './fulfillment.types';

/**
 * The fulfillment module's facade: fulfillment sets with service and geo zones, shipping profiles,
 * shipping options (priced by price sets in the pricing module, linked in `shipping_option_price_set`)
 * with rules, providers, and fulfillments. Cross-module writes (prices, location links) are flows
 * in `src/flows/fulfillment/`.
 */
@Injectable()
export class FulfillmentService implements OnApplicationBootstrap {
  constructor(
    private readonly orm: MikroORM,
    @Inject(RUNTIME_OPTIONS) private readonly runtime: RuntimeOptions,
    private readonly registry: FulfillmentProviderRegistry,
    private readonly sets: FulfillmentSets,
    private readonly options: ShippingOptions,
    private readonly availability: ShippingAvailability,
    private readonly fulfillments: Fulfillments,
    private readonly setLinks: LocationFulfillmentSetLinks,
    private readonly providerLinks: LocationFulfillmentProviderLinks,
  ) {}

  /* ---------------------------------------------------------------- providers */

  /**
   * Adds a provider instance (tests); a module or plugin marks its provider class
   * `@RegisterFulfillmentProvider()` instead. Call it before the application boots, so its row is
   * written at bootstrap.
   */
  registerProvider(provider: FulfillmentProvider): void {
    this.registry.register(provider);
  }

  /**
   * Writes a row (enabled) for every registered provider that has none yet, once the migrations
   * have run. CLI commands skip it (db:generate diffs an empty schema); the migration that creates
   * the table inserts `manual_manual`.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.runtime.kind !== 'app') return;
    const ctx = systemContext(this.orm.em as EntityManager);
    await ctx.em.execute(
      `insert into fulfillment_provider (id, is_enabled) select unnest(?::text[]), true on conflict (id) do nothing`,
      [`{${this.registry.ids().map((id) => JSON.stringify(id)).join(',')}}`],
    );
  }

  async listProviders(ctx: Context, query: ListQuery, stockLocationId?: string | string[]): Promise<[ProviderView[], number]> {
    const { id, ...rest } = query.filters;
    const and: Record<string, unknown>[] = [{ id: { $in: this.registry.ids() } }];
    if (id !== undefined) and.push({ id });
    if (stockLocationId !== undefined) {
      const locationIds = Array.isArray(stockLocationId) ? stockLocationId : [stockLocationId];
      const linked = await this.providerLinks.providersOf(ctx, locationIds);
      and.push({ id: { $in: [...new Set([...linked.values()].flat())] } });
    }
    const [rows, count] = await findPage(ctx, FulfillmentProviderRow, { ...query, filters: { ...rest, $and: and } }, ['id']);
    return [rows.map((r) => ({ id: r.id, is_enabled: r.is_enabled })), count];
  }

  /** The providers with these ids (unknown ones skipped), in one query. */
  async listProvidersByIds(ctx: Context, ids: string[]): Promise<ProviderView[]> {
    if (!ids.length) return [];
    const rows = await ctx.em.find(FulfillmentProviderRow, { id: { $in: [...new Set(ids)] } }, { orderBy: { id: 'ASC' } });
    return rows.map((r) => ({ id: r.id, is_enabled: r.is_enabled && this.registry.has(r.id) }));
  }

  async providerOptions(ctx: Context, providerId: string): Promise<FulfillmentOption[]> {
    const row = await ctx.em.findOne(FulfillmentProviderRow, { id: providerId });
    if (!row) throw SthenoError.notFound(`Fulfillment provider with id: ${providerId} was not found`);
    return this.registry.get(providerId).getFulfillmentOptions();
  }

  /** Throws not_found naming the first unknown or unregistered provider. */
  async assertProvidersExist(ctx: Context, ids: string[]): Promise<void> {
    const wanted = [...new Set(ids)];
    if (!wanted.length) return;
    const rows = await ctx.em.find(FulfillmentProviderRow, { id: { $in: wanted } });
    const missing = wanted.find((id) => !rows.some((r) => r.id === id) || !this.registry.has(id));
    if (missing) throw SthenoError.notFound(`Fulfillment provider with id: ${missing} was not found`);
  }

  /* ---------------------------------------------------------------- fulfillment sets and zones */

  listFulfillmentSets(ctx: Context, ids: string[]): Promise<FulfillmentSetView[]> {
    return this.sets.views(ctx, ids);
  }

  /** Fulfillment sets per stock location (through the link), with zones; options under zones when asked. */
  async fulfillmentSetsOfLocations(ctx: Context, locationIds: string[], withOptions: boolean): Promise<Map<string, FulfillmentSetView[]>> {
    const linked = await this.setLinks.setsOf(ctx, locationIds);
    const views = await this.sets.views(ctx, [...new Set([...linked.values()].flat())]);
    if (withOptions) await this.attachOptions(ctx, views);
    const byId = new Map(views.map((v) => [v.id, v]));
    return new Map([...linked].map(([locationId, setIds]) => [locationId, setIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))]));
  }

  retrieveFulfillmentSet(ctx: Context, id: string): Promise<FulfillmentSetView> {
    return this.sets.retrieve(ctx, id);
  }

  createFulfillmentSet(ctx: Context, input: CreateFulfillmentSetInput): Promise<FulfillmentSetView> {
    return this.sets.create(ctx, input);
  }

  /** Soft-deletes the sets with their zones and options; returns the ids of the options deleted (their prices are the caller's flow's). */
  async deleteFulfillmentSets(ctx: Context, ids: string[]): Promise<string[]> {
    return inTransaction(ctx, async (tx) => {
      const optionIds = await this.sets.delete(tx, ids);
      this.options.recordDeleted(tx, optionIds);
      return optionIds;
    });
  }

  retrieveServiceZone(ctx: Context, setId: string, zoneId: string): Promise<ServiceZoneView> {
    return this.sets.retrieveZone(ctx, setId, zoneId);
  }

  createServiceZone(ctx: Context, setId: string, input: CreateServiceZoneInput): Promise<FulfillmentSetView> {
    return this.sets.createZone(ctx, setId, input);
  }

  updateServiceZone(ctx: Context, setId: string, zoneId: string, input: UpdateServiceZoneInput): Promise<FulfillmentSetView> {
    return this.sets.updateZone(ctx, setId, zoneId, input);
  }

  /** Returns the ids of the options deleted with the zone. */
  async deleteServiceZone(ctx: Context, setId: string, zoneId: string): Promise<string[]> {
    return inTransaction(ctx, async (tx) => {
      const optionIds = await this.sets.deleteZone(tx, setId, zoneId);
      this.options.recordDeleted(tx, optionIds);
      return optionIds;
    });
  }

  /* ---------------------------------------------------------------- shipping profiles */

  async listShippingProfiles(ctx: Context, query: ListQuery): Promise<[ShippingProfileView[], number]> {
    const [rows, count] = await findPage(ctx, ShippingProfile, query, ['name']);
    return [rows.map(toShippingProfileView), count];
  }

  async retrieveShippingProfile(ctx: Context, id: string): Promise<ShippingProfileView> {
    const row = await ctx.em.findOne(ShippingProfile, { id });
    if (!row) throw SthenoError.notFound(`Shipping profile with id: ${id} was not found`);
    return toShippingProfileView(row);
  }

  async createShippingProfile(ctx: Context, input: CreateShippingProfileInput): Promise<ShippingProfileView> {
    return inTransaction(ctx, async (tx) => {
      if (await tx.em.count(ShippingProfile, { name: input.name })) {
        throw new SthenoError('duplicate_error', `Shipping profile with name: ${input.name} already exists`);
      }
      const row = tx.em.create(ShippingProfile, { name: input.name, type: input.type, metadata: input.metadata ?? null });
      await tx.em.flush();
      return toShippingProfileView(row);
    });
  }

  async updateShippingProfile(ctx: Context, id: string, input: UpdateShippingProfileInput): Promise<ShippingProfileView> {
    return inTransaction(ctx, async (tx) => {
      const row = await tx.em.findOne(ShippingProfile, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!row) throw SthenoError.notFound(`Shipping profile with id: ${id} was not found`);
      if (input.name !== undefined && input.name !== row.name) {
        if (await tx.em.count(ShippingProfile, { name: input.name })) {
          throw new SthenoError('duplicate_error', `Shipping profile with name: ${input.name} already exists`);
        }
        row.name = input.name;
      }
      if (input.type !== undefined) row.type = input.type;
      if (input.metadata !== undefined) row.metadata = input.metadata;
      await tx.em.flush();
      return toShippingProfileView(row);
    });
  }

  /** Refused while shipping options use the profile. */
  async deleteShippingProfile(ctx: Context, id: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const row = await tx.em.findOne(ShippingProfile, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!row) throw SthenoError.notFound(`Shipping profile with id: ${id} was not found`);
      if (await tx.em.count(ShippingOption, { shipping_profile: id })) {
        throw SthenoError.notAllowed(`Cannot delete Shipping Profiles ${id} with associated Shipping Options. Delete Shipping Options and try again.`);
      }
      row.deleted_at = new Date();
      await tx.em.flush();
    });
  }

  /* ---------------------------------------------------------------- shipping options */

  async listShippingOptions(ctx: Context, query: ListQuery, filters: ShippingOptionListFilters): Promise<[ShippingOptionView[], number]> {
    const extra: Record<string, unknown>[] = [];
    if (filters.stock_location_id !== undefined) {
      const locationIds = Array.isArray(filters.stock_location_id) ? filters.stock_location_id : [filters.stock_location_id];
      const setIds = [...new Set([...(await this.setLinks.setsOf(ctx, locationIds)).values()].flat())];
      extra.push({ service_zone: { fulfillment_set: { $in: setIds } } });
    }
    const ruleFilter = async (attribute: string, value: string, present: boolean) => {
      const rows = await ctx.em.execute<Array<{ id: string }>>(
        `select distinct shipping_option_id as id from shipping_option_rule
          where attribute = ? and operator in ('eq', 'in') and deleted_at is null and (value = ?::jsonb or value @> ?::jsonb)`,
        [attribute, JSON.stringify(value), JSON.stringify([value])],
      );
      const ids = rows.map((r) => r.id);
      extra.push(present ? { id: { $in: ids } } : { id: { $nin: ids } });
    };
    if (filters.is_return !== undefined) await ruleFilter('is_return', 'true', filters.is_return);
    if (filters.admin_only !== undefined) await ruleFilter('enabled_in_store', 'false', filters.admin_only);
    return this.options.list(ctx, query, (extra.length ? { $and: extra } : {}) as FilterQuery<ShippingOption>);
  }

  listShippingOptionsByIds(ctx: Context, ids: string[]): Promise<ShippingOptionView[]> {
    return this.options.listByIds(ctx, ids);
  }

  retrieveShippingOption(ctx: Context, id: string): Promise<ShippingOptionView> {
    return this.options.retrieve(ctx, id);
  }

  /** Creates the option without prices: use the create-shipping-option flow, which links its price set. */
  createShippingOption(ctx: Context, input: CreateShippingOptionInput): Promise<string> {
    return this.options.create(ctx, input);
  }

  updateShippingOption(ctx: Context, id: string, input: UpdateShippingOptionInput): Promise<void> {
    return this.options.update(ctx, id, input);
  }

  deleteShippingOptions(ctx: Context, ids: string[]): Promise<void> {
    return this.options.delete(ctx, ids);
  }

  batchShippingOptionRules(ctx: Context, optionId: string, input: RulesBatchInput): Promise<RulesBatchResult> {
    return this.options.batchRules(ctx, optionId, input);
  }

  /* ---------------------------------------------------------------- cart context (BRIEF contract) */

  listShippingOptionsForContext(ctx: Context, input: ShippingContextInput): Promise<ShippingOptionView[]> {
    return this.availability.list(ctx, input);
  }

  validateShippingOptions(ctx: Context, optionIds: string[], input: ShippingContextInput): Promise<Map<string, ShippingOptionForCart>> {
    return this.availability.validate(ctx, optionIds, input);
  }

  calculateShippingPrice(ctx: Context, optionId: string, context: ShippingPriceContext): Promise<{ amount: string; is_tax_inclusive: boolean }> {
    return this.availability.calculate(ctx, optionId, context);
  }

  /* ---------------------------------------------------------------- fulfillments */

  createFulfillment(ctx: Context, input: CreateFulfillmentInput): Promise<FulfillmentView> {
    return this.fulfillments.create(ctx, input);
  }

  cancelFulfillment(ctx: Context, id: string): Promise<FulfillmentView> {
    return this.fulfillments.cancel(ctx, id);
  }

  createShipment(ctx: Context, id: string, input: { labels?: LabelInput[] }): Promise<FulfillmentView> {
    return this.fulfillments.createShipment(ctx, id, input.labels ?? []);
  }

  markDelivered(ctx: Context, id: string): Promise<FulfillmentView> {
    return this.fulfillments.markDelivered(ctx, id);
  }

  listFulfillments(ctx: Context, ids: string[]): Promise<FulfillmentView[]> {
    return this.fulfillments.list(ctx, ids);
  }

  retrieveFulfillment(ctx: Context, id: string): Promise<FulfillmentView> {
    return this.fulfillments.retrieve(ctx, id);
  }

  /** Shipping options of the sets' zones (one batch), put under each zone as `shipping_options`. */
  private async attachOptions(ctx: Context, sets: FulfillmentSetView[]): Promise<void> {
    const zoneIds = sets.flatMap((s) => s.service_zones.map((z) => z.id));
    if (!zoneIds.length) return;
    const rows = await ctx.em.find(ShippingOption, { service_zone: { $in: zoneIds } }, { orderBy: { created_at: 'ASC', id: 'ASC' } });
    const views = await this.options.views(ctx, rows);
    for (const zone of sets.flatMap((s) => s.service_zones)) {
      zone.shipping_options = views.filter((v) => v.service_zone_id === zone.id).map(({ service_zone: _zone, ...rest }) => rest);
    }
  }
}
