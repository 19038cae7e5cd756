import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { Context, inTransaction } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import { StockLocationService } from '../stock-location/stock-location.service';
import { FulfillmentAddress } from './entities/fulfillment-address.entity';
import { FulfillmentItem } from './entities/fulfillment-item.entity';
import { FulfillmentLabel } from './entities/fulfillment-label.entity';
import { FulfillmentProviderRow } from './entities/fulfillment-provider.entity';
import { Fulfillment } from './entities/fulfillment.entity';
import { ShippingOption } from './entities/shipping-option.entity';
import { toFulfillmentView } from './fulfillment-mappers';
import { CreateFulfillmentInput, FulfillmentView, LabelInput, MANUAL_PROVIDER_ID } from './fulfillment.types';
import { FulfillmentProviderRegistry } from './providers/provider-registry';

/** Fulfillments: created (packed) → shipped → delivered, or canceled before shipping (internal). */
@Injectable()
export class Fulfillments {
  constructor(
    private readonly providers: FulfillmentProviderRegistry,
    private readonly locations: StockLocationService,
  ) {}

  /** Views in the order of `ids` (unknown ids skipped): three statements for any number. */
  async list(ctx: Context, ids: string[]): Promise<FulfillmentView[]> {
    if (!ids.length) return [];
    const rows = await ctx.em.find(Fulfillment, { id: { $in: [...new Set(ids)] } }, { populate: ['delivery_address'] });
    const found = rows.map((r) => r.id);
    const items = found.length ? await ctx.em.find(FulfillmentItem, { fulfillment: { $in: found } }, { orderBy: { created_at: 'ASC', id: 'ASC' } }) : [];
    const labels = found.length ? await ctx.em.find(FulfillmentLabel, { fulfillment: { $in: found } }, { orderBy: { created_at: 'ASC', id: 'ASC' } }) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toFulfillmentView(row, items.filter((i) => i.fulfillment.id === id), labels.filter((l) => l.fulfillment.id === id))] : [];
    });
  }

  async retrieve(ctx: Context, id: string): Promise<FulfillmentView> {
    const [view] = await this.list(ctx, [id]);
    if (!view) throw SthenoError.notFound(`Fulfillment with id: ${id} was not found`);
    return view;
  }

  /**
   * Creates the fulfillment and hands it to its provider, in one transaction: the provider's data
   * and labels are stored with it. The provider defaults to the shipping option's, else manual.
   */
  async create(ctx: Context, input: CreateFulfillmentInput): Promise<FulfillmentView> {
    if (!input.items.length) throw SthenoError.invalidData('A fulfillment needs at least one item');
    if (input.items.some((i) => !Number.isInteger(i.quantity) || i.quantity <= 0)) throw SthenoError.invalidData('Item quantities must be positive integers');
    return inTransaction(ctx, async (tx) => {
      await this.locations.assertExist(tx, [input.location_id]);
      let providerId = input.provider_id;
      if (input.shipping_option_id) {
        const option = await tx.em.findOne(ShippingOption, { id: input.shipping_option_id });
        if (!option) throw SthenoError.notFound(`Shipping option with id: ${input.shipping_option_id} was not found`);
        providerId ??= option.provider.id;
      }
      providerId ??= MANUAL_PROVIDER_ID;
      const row = await tx.em.findOne(FulfillmentProviderRow, { id: providerId });
      if (!row || !this.providers.has(providerId)) throw SthenoError.notFound(`Fulfillment provider with id: ${providerId} was not found`);
      if (!row.is_enabled) throw SthenoError.notAllowed(`Fulfillment provider with id: ${providerId} is disabled`);
      const provider = this.providers.get(providerId);

      const fulfillment = tx.em.create(Fulfillment, {
        location_id: input.location_id,
        provider_id: providerId,
        shipping_option_id: input.shipping_option_id ?? null,
        packed_at: new Date(),
        data: input.data ?? {},
        metadata: input.metadata ?? null,
        delivery_address: input.delivery_address
          ? tx.em.create(FulfillmentAddress, {
              ...input.delivery_address,
              country_code: input.delivery_address.country_code?.toLowerCase() ?? null,
              metadata: input.delivery_address.metadata ?? null,
            })
          : null,
      });
      for (const item of input.items) tx.em.create(FulfillmentItem, { ...item, fulfillment });
      const answer = await provider.createFulfillment(fulfillment.data ?? {}, input.items, input.order, {
        id: fulfillment.id,
        location_id: fulfillment.location_id,
        delivery_address: input.delivery_address,
      });
      fulfillment.data = { ...(fulfillment.data ?? {}), ...answer.data };
      for (const label of [...(input.labels ?? []), ...answer.labels]) this.addLabel(tx, fulfillment, label);
      await tx.em.flush();
      return this.retrieve(tx, fulfillment.id);
    });
  }

  /**
   * Cancels through the provider; refused once shipped or delivered, and refused when already
   * canceled: checked under the row lock, so of two concurrent cancels exactly one succeeds and a
   * caller (the order flow restocks on success) never acts twice on one cancellation.
   */
  async cancel(ctx: Context, id: string): Promise<FulfillmentView> {
    return inTransaction(ctx, async (tx) => {
      const fulfillment = await this.lock(tx, id);
      if (fulfillment.canceled_at) throw SthenoError.notAllowed(`Fulfillment with id ${id} has already been canceled`);
      if (fulfillment.shipped_at) throw SthenoError.notAllowed(`Fulfillment with id ${id} already shipped`);
      if (fulfillment.delivered_at) throw SthenoError.notAllowed(`Fulfillment with id ${id} already delivered`);
      await this.providers.get(fulfillment.provider_id).cancelFulfillment(fulfillment.data ?? {});
      fulfillment.canceled_at = new Date();
      await tx.em.flush();
      return this.retrieve(tx, id);
    });
  }

  async createShipment(ctx: Context, id: string, labels: LabelInput[]): Promise<FulfillmentView> {
    return inTransaction(ctx, async (tx) => {
      const fulfillment = await this.lock(tx, id);
      if (fulfillment.canceled_at) throw SthenoError.notAllowed(`Cannot create a shipment for canceled fulfillment ${id}`);
      if (fulfillment.shipped_at) throw SthenoError.notAllowed(`Fulfillment with id ${id} already shipped`);
      fulfillment.shipped_at = new Date();
      for (const label of labels) this.addLabel(tx, fulfillment, label);
      await tx.em.flush();
      return this.retrieve(tx, id);
    });
  }

  async markDelivered(ctx: Context, id: string): Promise<FulfillmentView> {
    return inTransaction(ctx, async (tx) => {
      const fulfillment = await this.lock(tx, id);
      if (fulfillment.canceled_at) throw SthenoError.notAllowed(`Cannot mark canceled fulfillment ${id} as delivered`);
      if (fulfillment.delivered_at) throw SthenoError.notAllowed(`Fulfillment with id ${id} already delivered`);
      const now = new Date();
      fulfillment.delivered_at = now;
      fulfillment.shipped_at ??= now;
      await tx.em.flush();
      return this.retrieve(tx, id);
    });
  }

  private addLabel(tx: Context, fulfillment: Fulfillment, label: LabelInput): void {
    tx.em.create(FulfillmentLabel, { tracking_number: label.tracking_number, tracking_url: label.tracking_url, label_url: label.label_url, fulfillment });
  }

  private async lock(tx: Context, id: string): Promise<Fulfillment> {
    // refresh: the caller may have read this row before the lock; decide on the locked, current row
    const fulfillment = await tx.em.findOne(Fulfillment, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!fulfillment) throw SthenoError.notFound(`Fulfillment with id: ${id} was not found`);
    return fulfillment;
  }
}
