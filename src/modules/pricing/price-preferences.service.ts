import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { Context, inTransaction } from '../../framework/context/context';
import { findPage } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { ListQuery } from '../../framework/http/list-query';
import { PricePreference } from './entities/price-preference.entity';
import { CreatePricePreferenceInput, PricePreferenceAttribute, PricePreferenceView, PricingEvents, UpdatePricePreferenceInput } from './pricing.types';

function toView(preference: PricePreference): PricePreferenceView {
  return {
    id: preference.id,
    attribute: preference.attribute as PricePreferenceAttribute,
    value: preference.value,
    is_tax_inclusive: preference.is_tax_inclusive,
    created_at: preference.created_at.toISOString(),
    updated_at: preference.updated_at.toISOString(),
    deleted_at: preference.deleted_at?.toISOString() ?? null,
  };
}

/** Currency codes are stored lower-cased, as prices and pricing contexts carry them. */
function normalizedValue(attribute: string, value: string): string {
  return attribute === 'currency_code' ? value.trim().toLowerCase() : value.trim();
}

/** Whether prices of a region or a currency are entered tax-inclusive. */
@Injectable()
export class PricePreferencesService {
  constructor(private readonly events: EventBus) {}

  async list(ctx: Context, query: ListQuery): Promise<[PricePreferenceView[], number]> {
    const [rows, count] = await findPage(ctx, PricePreference, query);
    return [rows.map(toView), count];
  }

  async retrieve(ctx: Context, id: string): Promise<PricePreferenceView> {
    return toView(await this.load(ctx, id));
  }

  async create(ctx: Context, input: CreatePricePreferenceInput): Promise<PricePreferenceView> {
    return inTransaction(ctx, async (tx) => {
      const value = normalizedValue(input.attribute, input.value);
      await this.assertFree(tx, input.attribute, value);
      const preference = tx.em.create(PricePreference, { attribute: input.attribute, value, is_tax_inclusive: input.is_tax_inclusive ?? false });
      this.events.record(tx, PricingEvents.PRICE_PREFERENCE_CREATED, { id: preference.id });
      await tx.em.flush();
      return toView(preference);
    });
  }

  async update(ctx: Context, id: string, input: UpdatePricePreferenceInput): Promise<PricePreferenceView> {
    return inTransaction(ctx, async (tx) => {
      const preference = await this.load(tx, id, true);
      const attribute = input.attribute ?? preference.attribute;
      const value = normalizedValue(attribute, input.value ?? preference.value);
      if (attribute !== preference.attribute || value !== preference.value) await this.assertFree(tx, attribute, value);
      preference.attribute = attribute;
      preference.value = value;
      if (input.is_tax_inclusive !== undefined) preference.is_tax_inclusive = input.is_tax_inclusive;
      this.events.record(tx, PricingEvents.PRICE_PREFERENCE_UPDATED, { id });
      await tx.em.flush();
      return toView(preference);
    });
  }

  async delete(ctx: Context, id: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const preference = await this.load(tx, id, true);
      preference.deleted_at = new Date();
      this.events.record(tx, PricingEvents.PRICE_PREFERENCE_DELETED, { id });
      await tx.em.flush();
    });
  }

  /** A clear message for the common case; the partial unique index still settles races (422 too). */
  private async assertFree(tx: Context, attribute: string, value: string): Promise<void> {
    if (await tx.em.count(PricePreference, { attribute, value })) {
      throw new SthenoError('duplicate_error', `Price preference with attribute: ${attribute} and value: ${value} already exists`);
    }
  }

  private async load(ctx: Context, id: string, forUpdate = false): Promise<PricePreference> {
    const preference = await ctx.em.findOne(PricePreference, { id }, forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!preference) throw SthenoError.notFound(`Price preference with id: ${id} was not found`);
    return preference;
  }
}
