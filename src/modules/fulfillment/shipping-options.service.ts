import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/core';
import { Context, inTransaction } from '../../framework/context/context';
import { findPage } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { ListQuery } from '../../framework/http/list-query';
import { ShippingOptionPriceSetLinks } from '../../links/fulfillment-links.service';
import { PricingService } from '../pricing/pricing.service';
import { FulfillmentProviderRow } from './entities/fulfillment-provider.entity';
import { ServiceZone } from './entities/service-zone.entity';
import { ShippingOptionRule } from './entities/shipping-option-rule.entity';
import { ShippingOptionType } from './entities/shipping-option-type.entity';
import { ShippingOption } from './entities/shipping-option.entity';
import { ShippingProfile } from './entities/shipping-profile.entity';
import { toRuleView, toShippingOptionView } from './fulfillment-mappers';
import {
  CreateShippingOptionInput,
  FulfillmentEvents,
  RuleInput,
  RulesBatchInput,
  RulesBatchResult,
  ShippingOptionView,
  UpdateShippingOptionInput,
} from './fulfillment.types';
import { FulfillmentProviderRegistry } from './providers/provider-registry';

const OPERATORS = new Set(['eq', 'ne', 'in', 'nin', 'gt', 'gte', 'lt', 'lte']);

function checkRule(rule: RuleInput): RuleInput {
  if (!OPERATORS.has(rule.operator)) throw SthenoError.invalidData(`Invalid rule operator: ${String(rule.operator)}`);
  const list = rule.operator === 'in' || rule.operator === 'nin';
  const wellTyped = list ? Array.isArray(rule.value) && rule.value.every((v) => typeof v === 'string') : typeof rule.value === 'string';
  if (!wellTyped) {
    throw SthenoError.invalidData(`Rule operator ${rule.operator} needs ${list ? 'an array of strings' : 'a string'} as value`);
  }
  return { attribute: rule.attribute, operator: rule.operator, value: rule.value };
}

/** Shipping options, their rules and types (internal). Prices are the pricing module's, read through the link. */
@Injectable()
export class ShippingOptions {
  constructor(
    private readonly events: EventBus,
    private readonly providers: FulfillmentProviderRegistry,
    private readonly pricing: PricingService,
    private readonly priceLinks: ShippingOptionPriceSetLinks,
  ) {}

  async list(ctx: Context, query: ListQuery, extra: FilterQuery<ShippingOption>): Promise<[ShippingOptionView[], number]> {
    const [rows, count] = await findPage(ctx, ShippingOption, { ...query, filters: { ...query.filters, ...(extra as object) } }, ['name']);
    return [await this.views(ctx, rows), count];
  }

  /** Views of the options (unknown ids skipped), in the order of `ids`. */
  async listByIds(ctx: Context, ids: string[]): Promise<ShippingOptionView[]> {
    if (!ids.length) return [];
    const rows = await ctx.em.find(ShippingOption, { id: { $in: [...new Set(ids)] } });
    const views = new Map((await this.views(ctx, rows)).map((v) => [v.id, v]));
    return ids.flatMap((id) => (views.has(id) ? [views.get(id)!] : []));
  }

  async retrieve(ctx: Context, id: string): Promise<ShippingOptionView> {
    const [view] = await this.listByIds(ctx, [id]);
    if (!view) throw SthenoError.notFound(`Shipping option with id: ${id} was not found`);
    return view;
  }

  /** Options with their type, provider, zone, profile, rules and prices: a fixed number of statements for any number of options. */
  async views(ctx: Context, rows: ShippingOption[]): Promise<ShippingOptionView[]> {
    if (!rows.length) return [];
    await ctx.em.populate(rows, ['type', 'provider', 'service_zone', 'shipping_profile']);
    const ids = rows.map((r) => r.id);
    const rules = (await ctx.em.find(ShippingOptionRule, { shipping_option: { $in: ids } })).sort(
      (a, b) => a.created_at.getTime() - b.created_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const priceSets = await this.priceLinks.priceSetsOf(ctx, ids);
    return this.viewsOf(ctx, rows, (id) => rules.filter((r) => r.shipping_option.id === id), priceSets);
  }

  /**
   * Views of options whose type, provider, zone and profile are loaded, given each one's rules (in
   * order) and price-set links: reads only the prices.
   */
  async viewsOf(
    ctx: Context,
    rows: ShippingOption[],
    rulesOf: (optionId: string) => ShippingOptionRule[],
    priceSets: Map<string, string>,
  ): Promise<ShippingOptionView[]> {
    if (!rows.length) return [];
    const prices = await this.pricing.listPrices(ctx, [...new Set(priceSets.values())]);
    return rows.map((o) =>
      toShippingOptionView(o, rulesOf(o.id), prices.get(priceSets.get(o.id) ?? '') ?? [], {
        id: o.service_zone.id,
        name: o.service_zone.name,
        fulfillment_set_id: o.service_zone.fulfillment_set.id,
        metadata: o.service_zone.metadata,
        created_at: o.service_zone.created_at.toISOString(),
        updated_at: o.service_zone.updated_at.toISOString(),
        deleted_at: o.service_zone.deleted_at?.toISOString() ?? null,
        geo_zones: [],
      }),
    );
  }

  /** Creates the option (no prices: the create-shipping-option flow links a price set). */
  async create(ctx: Context, input: CreateShippingOptionInput): Promise<string> {
    return inTransaction(ctx, async (tx) => {
      const zone = await tx.em.findOne(ServiceZone, { id: input.service_zone_id });
      if (!zone) throw SthenoError.notFound(`Service zone with id: ${input.service_zone_id} was not found`);
      const profile = await this.profile(tx, input.shipping_profile_id);
      const provider = await this.enabledProvider(tx, input.provider_id);
      await this.checkProviderData(input.provider_id, input.price_type, input.data ?? {});
      const type = await this.resolveType(tx, input);
      const option = tx.em.create(ShippingOption, {
        name: input.name,
        price_type: input.price_type,
        service_zone: zone,
        shipping_profile: profile,
        provider,
        type,
        data: input.data ?? null,
        metadata: input.metadata ?? null,
      });
      for (const rule of input.rules ?? []) tx.em.create(ShippingOptionRule, { ...checkRule(rule), shipping_option: option });
      this.events.record(tx, FulfillmentEvents.SHIPPING_OPTION_CREATED, { id: option.id });
      await tx.em.flush();
      return option.id;
    });
  }

  async update(ctx: Context, id: string, input: UpdateShippingOptionInput): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const option = await this.lock(tx, id);
      await tx.em.populate(option, ['type']);
      if (input.name !== undefined) option.name = input.name;
      if (input.shipping_profile_id !== undefined) option.shipping_profile = await this.profile(tx, input.shipping_profile_id);
      if (input.provider_id !== undefined) option.provider = await this.enabledProvider(tx, input.provider_id);
      if (input.price_type !== undefined) option.price_type = input.price_type;
      if (input.data !== undefined) option.data = input.data;
      if (input.metadata !== undefined) option.metadata = input.metadata;
      if (input.provider_id !== undefined || input.price_type !== undefined || input.data !== undefined) {
        await this.checkProviderData(option.provider.id, option.price_type, option.data ?? {});
      }
      if (input.shipping_option_type_id !== undefined || input.type !== undefined) {
        option.type = await this.resolveType(tx, { shipping_option_type_id: input.shipping_option_type_id, type: input.type });
      }
      if (input.rules !== undefined) await this.replaceRules(tx, option, input.rules);
      this.events.record(tx, FulfillmentEvents.SHIPPING_OPTION_UPDATED, { id });
      await tx.em.flush();
    });
  }

  async delete(ctx: Context, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await inTransaction(ctx, async (tx) => {
      const options = await tx.em.find(ShippingOption, { id: { $in: ids } }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const missing = ids.find((id) => !options.some((o) => o.id === id));
      if (missing) throw SthenoError.notFound(`Shipping option with id: ${missing} was not found`);
      const now = new Date();
      await tx.em.nativeUpdate(ShippingOptionRule, { shipping_option: { $in: ids } }, { deleted_at: now });
      for (const option of options) {
        option.deleted_at = now;
        this.events.record(tx, FulfillmentEvents.SHIPPING_OPTION_DELETED, { id: option.id });
      }
      await tx.em.flush();
    });
  }

  /** Records shipping-option.deleted for options removed with their zone or set. */
  recordDeleted(ctx: Context, ids: string[]): void {
    for (const id of ids) this.events.record(ctx, FulfillmentEvents.SHIPPING_OPTION_DELETED, { id });
  }

  async batchRules(ctx: Context, optionId: string, input: RulesBatchInput): Promise<RulesBatchResult> {
    return inTransaction(ctx, async (tx) => {
      const option = await this.lock(tx, optionId);
      const existing = await tx.em.find(ShippingOptionRule, { shipping_option: optionId });
      const byId = new Map(existing.map((r) => [r.id, r]));
      for (const id of [...(input.delete ?? []), ...(input.update ?? []).map((u) => u.id)]) {
        if (!byId.has(id)) throw SthenoError.notFound(`Shipping option rule with id: ${id} was not found in shipping option: ${optionId}`);
      }
      const updated = (input.update ?? []).map((u) => tx.em.assign(byId.get(u.id)!, checkRule(u)));
      const created = (input.create ?? []).map((c) => tx.em.create(ShippingOptionRule, { ...checkRule(c), shipping_option: option }));
      for (const id of input.delete ?? []) byId.get(id)!.deleted_at = new Date();
      this.events.record(tx, FulfillmentEvents.SHIPPING_OPTION_UPDATED, { id: optionId });
      await tx.em.flush();
      return { created: created.map(toRuleView), updated: updated.map(toRuleView), deleted: input.delete ?? [] };
    });
  }

  private async replaceRules(tx: Context, option: ShippingOption, rules: Array<RuleInput & { id?: string }>): Promise<void> {
    const existing = await tx.em.find(ShippingOptionRule, { shipping_option: option.id });
    const byId = new Map(existing.map((r) => [r.id, r]));
    const kept = new Set<string>();
    for (const rule of rules) {
      if (rule.id) {
        const row = byId.get(rule.id);
        if (!row) throw SthenoError.notFound(`Shipping option rule with id: ${rule.id} was not found in shipping option: ${option.id}`);
        tx.em.assign(row, checkRule(rule));
        kept.add(rule.id);
      } else {
        tx.em.create(ShippingOptionRule, { ...checkRule(rule), shipping_option: option });
      }
    }
    for (const row of existing) if (!kept.has(row.id)) row.deleted_at = new Date();
  }

  private async lock(tx: Context, id: string): Promise<ShippingOption> {
    const option = await tx.em.findOne(ShippingOption, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!option) throw SthenoError.notFound(`Shipping option with id: ${id} was not found`);
    return option;
  }

  private async profile(tx: Context, id: string): Promise<ShippingProfile> {
    const profile = await tx.em.findOne(ShippingProfile, { id });
    if (!profile) throw SthenoError.notFound(`Shipping profile with id: ${id} was not found`);
    return profile;
  }

  private async enabledProvider(tx: Context, id: string): Promise<FulfillmentProviderRow> {
    const row = await tx.em.findOne(FulfillmentProviderRow, { id });
    if (!row || !this.providers.has(id)) throw SthenoError.notFound(`Fulfillment provider with id: ${id} was not found`);
    if (!row.is_enabled) throw SthenoError.notAllowed(`Fulfillment provider with id: ${id} is disabled`);
    return row;
  }

  /** The provider must accept the option's data, and price it when the option is calculated. */
  private async checkProviderData(providerId: string, priceType: string, data: Record<string, unknown>): Promise<void> {
    const provider = this.providers.get(providerId);
    if (!(await provider.validateOption(data))) throw SthenoError.invalidData(`The fulfillment provider ${providerId} does not accept this option data`);
    if (priceType === 'calculated' && !(await provider.canCalculate(data))) {
      throw SthenoError.invalidData(`The fulfillment provider ${providerId} cannot calculate prices for this option`);
    }
  }

  private async resolveType(tx: Context, input: Pick<CreateShippingOptionInput, 'shipping_option_type_id' | 'type'>): Promise<ShippingOptionType> {
    if (input.shipping_option_type_id) {
      const type = await tx.em.findOne(ShippingOptionType, { id: input.shipping_option_type_id });
      if (!type) throw SthenoError.notFound(`Shipping option type with id: ${input.shipping_option_type_id} was not found`);
      return type;
    }
    if (!input.type) throw SthenoError.invalidData('A shipping option needs a type or a shipping_option_type_id');
    return tx.em.create(ShippingOptionType, { label: input.type.label, description: input.type.description ?? null, code: input.type.code });
  }
}
