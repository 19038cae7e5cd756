import { Injectable } from '@nestjs/common';
import { Context } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import { ListQuery } from '../../framework/http/list-query';
import { RegionPaymentProviderLinks } from '../../links/region-payment-provider.service';
import { PaymentProvider as PaymentProviderRow } from './entities/payment-provider.entity';
import { PaymentProviderRegistry } from './providers/payment-provider-registry';
import { PaymentProvider, PaymentProviderView } from './payment.types';

const textArray = (ids: string[]): string => `{${ids.map((id) => JSON.stringify(id)).join(',')}}`;

/**
 * The providers the store knows: those this process registered, plus the rows of `payment_provider`
 * (written when a region first links a provider). A provider is enabled when its row says so and
 * this process can call it.
 */
@Injectable()
export class PaymentProviderCatalog {
  constructor(
    private readonly registry: PaymentProviderRegistry,
    private readonly regionLinks: RegionPaymentProviderLinks,
  ) {}

  /** not_found unless this process has the provider. */
  registered(id: string): PaymentProvider {
    return this.registry.get(id);
  }

  /** The provider to start a session with: registered and not disabled. */
  async enabled(ctx: Context, id: string): Promise<PaymentProvider> {
    const provider = this.registry.get(id);
    const row = await ctx.em.findOne(PaymentProviderRow, { id });
    if (row && !row.is_enabled) throw SthenoError.notAllowed(`Payment provider ${id} is disabled`);
    return provider;
  }

  async assertRegistered(ctx: Context, ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    const unknown = unique.filter((id) => !this.registry.has(id));
    if (unknown.length) throw SthenoError.invalidData(`Payment providers with ids ${unknown.join(', ')} not found`);
    if (!unique.length) return;
    await ctx.em.execute(
      'insert into payment_provider (id, is_enabled) select p, true from unnest(?::text[]) as p on conflict (id) do nothing',
      [textArray(unique)],
    );
  }

  async forRegion(ctx: Context, regionId: string): Promise<PaymentProviderView[]> {
    const linked = (await this.regionLinks.providersOf(ctx, [regionId])).get(regionId) ?? [];
    const views = await this.views(ctx, linked);
    return views.filter((p) => p.is_enabled);
  }

  async list(ctx: Context, query: ListQuery): Promise<[PaymentProviderView[], number]> {
    const rows = await ctx.em.find(PaymentProviderRow, {}, { fields: ['id'] });
    const all = await this.views(ctx, [...new Set([...this.registry.ids(), ...rows.map((r) => r.id)])]);
    const matching = all.filter((p) => matches(p, query.filters));
    matching.sort((a, b) => a.id.localeCompare(b.id) * (query.order[0]?.direction === 'DESC' ? -1 : 1));
    return [matching.slice(query.offset, query.offset + query.limit), matching.length];
  }

  async byIds(ctx: Context, ids: string[]): Promise<PaymentProviderView[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const rows = await ctx.em.find(PaymentProviderRow, { id: { $in: unique } }, { fields: ['id'] });
    const known = new Set([...rows.map((r) => r.id), ...unique.filter((id) => this.registry.has(id))]);
    return this.views(ctx, unique.filter((id) => known.has(id)));
  }

  /** Views of `ids` in that order. */
  private async views(ctx: Context, ids: string[]): Promise<PaymentProviderView[]> {
    if (!ids.length) return [];
    const rows = await ctx.em.find(PaymentProviderRow, { id: { $in: ids } });
    const enabled = new Map(rows.map((r) => [r.id, r.is_enabled]));
    return ids.map((id) => ({ id, is_enabled: this.registry.has(id) && (enabled.get(id) ?? true) }));
  }
}

/** The list route's `id` and `is_enabled` filters (eq / $in / $nin), applied to the small in-memory list. */
function matches(provider: PaymentProviderView, filters: Record<string, unknown>): boolean {
  return Object.entries(filters).every(([key, condition]) => {
    const value = (provider as unknown as Record<string, unknown>)[key];
    if (condition && typeof condition === 'object' && !Array.isArray(condition)) {
      return Object.entries(condition).every(([op, operand]) => {
        const list = Array.isArray(operand) ? operand : [operand];
        if (op === '$in') return list.includes(value);
        if (op === '$nin') return !list.includes(value);
        if (op === '$ne') return value !== operand;
        return value === operand;
      });
    }
    return Array.isArray(condition) ? condition.includes(value) : value === condition;
  });
}
