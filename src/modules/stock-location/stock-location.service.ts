import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { Context, inTransaction } from '../../framework/context/context';
import { findPage } from '../../framework/database/find-page';
import { flushBeforeRead, hydrateJsonRow } from '../../framework/database/json-rows';
import { preparedByIds } from '../../framework/database/prepared';
import { SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { ListQuery } from '../../framework/http/list-query';
import { StockLocationAddress } from './entities/stock-location-address.entity';
import { StockLocation } from './entities/stock-location.entity';
import {
  CreateStockLocationInput,
  StockLocationAddressInput,
  StockLocationAddressView,
  StockLocationEvents,
  StockLocationView,
  UpdateStockLocationInput,
} from './stock-location.types';

function toAddressView(address: StockLocationAddress): StockLocationAddressView {
  return {
    id: address.id,
    address_1: address.address_1,
    address_2: address.address_2,
    company: address.company,
    city: address.city,
    country_code: address.country_code,
    phone: address.phone,
    province: address.province,
    postal_code: address.postal_code,
    metadata: address.metadata,
    created_at: address.created_at.toISOString(),
    updated_at: address.updated_at.toISOString(),
    deleted_at: address.deleted_at?.toISOString() ?? null,
  };
}

function toView(location: StockLocation): StockLocationView {
  return {
    id: location.id,
    name: location.name,
    address_id: location.address?.id ?? null,
    address: location.address ? toAddressView(location.address) : null,
    metadata: location.metadata,
    created_at: location.created_at.toISOString(),
    updated_at: location.updated_at.toISOString(),
    deleted_at: location.deleted_at?.toISOString() ?? null,
  };
}

/** Only the keys the caller sent: `undefined` leaves a column as it is. */
function definedAddressFields(input: StockLocationAddressInput): Partial<StockLocationAddress> {
  const fields: Partial<StockLocationAddress> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) (fields as Record<string, unknown>)[key] = key === 'country_code' ? String(value).toLowerCase() : value;
  }
  return fields;
}

/** The stock-location module's facade: warehouses and shops that hold stock, with their addresses. */
@Injectable()
export class StockLocationService {
  constructor(private readonly events: EventBus) {}

  /** One page, addresses loaded in one query for the page. */
  async list(ctx: Context, query: ListQuery): Promise<[StockLocationView[], number]> {
    const [rows, count] = await findPage(ctx, StockLocation, query, ['name']);
    await ctx.em.populate(rows, ['address']);
    return [rows.map(toView), count];
  }

  async retrieve(ctx: Context, id: string): Promise<StockLocationView> {
    return toView(await this.load(ctx, id));
  }

  /**
   * Views of the given locations (unknown ids are skipped), in the order of `ids`, with their
   * addresses: one prepared statement (every shipping-option listing reads them).
   */
  async listByIds(ctx: Context, ids: string[]): Promise<StockLocationView[]> {
    if (!ids.length) return [];
    await flushBeforeRead(ctx);
    const rows = await preparedByIds<{ location: Record<string, unknown>; address: Record<string, unknown> | null }>(
      ctx,
      'stheno_stock_locations',
      `select to_jsonb(l) as location,
         (select to_jsonb(a) from stock_location_address a where a.id = l.address_id and a.deleted_at is null) as address
       from stock_location l where l.id {ids} and l.deleted_at is null`,
      ids,
    );
    const byId = new Map(
      rows.map((row) => {
        const address = row.address ? hydrateJsonRow<StockLocationAddress>(row.address) : null;
        return [row.location.id as string, hydrateJsonRow<StockLocation>(row.location, { address })] as const;
      }),
    );
    return ids.flatMap((id) => (byId.has(id) ? [toView(byId.get(id)!)] : []));
  }

  async create(ctx: Context, input: CreateStockLocationInput): Promise<StockLocationView> {
    return inTransaction(ctx, async (tx) => {
      const location = tx.em.create(StockLocation, { name: input.name, metadata: input.metadata ?? null });
      if (input.address) location.address = this.newAddress(tx, input.address);
      this.events.record(tx, StockLocationEvents.CREATED, { id: location.id });
      await tx.em.flush();
      return toView(location);
    });
  }

  async update(ctx: Context, id: string, input: UpdateStockLocationInput): Promise<StockLocationView> {
    return inTransaction(ctx, async (tx) => {
      const location = await this.load(tx, id, true);
      if (input.name !== undefined) location.name = input.name;
      if (input.metadata !== undefined) location.metadata = input.metadata;
      if (input.address === null && location.address) {
        location.address.deleted_at = new Date();
        location.address = null;
      } else if (input.address) {
        if (location.address) tx.em.assign(location.address, definedAddressFields(input.address));
        else location.address = this.newAddress(tx, input.address);
      }
      this.events.record(tx, StockLocationEvents.UPDATED, { id });
      await tx.em.flush();
      return toView(location);
    });
  }

  /**
   * Soft-deletes the location and its address. Its inventory levels and sales-channel links belong
   * to other modules: the delete-stock-location flow removes them in the same transaction.
   */
  async delete(ctx: Context, id: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const location = await this.load(tx, id, true);
      const now = new Date();
      location.deleted_at = now;
      if (location.address) location.address.deleted_at = now;
      this.events.record(tx, StockLocationEvents.DELETED, { id });
      await tx.em.flush();
    });
  }

  /** Throws not_found naming the first of `ids` that is not an (undeleted) stock location. */
  /**
   * Throws not_found unless every location exists. Inside a transaction the rows are share-locked
   * until it ends: a level or link created at a location cannot race that location's deletion
   * (which locks the row for update), it either waits and then finds it gone, or goes first.
   */
  async assertExist(ctx: Context, ids: string[]): Promise<void> {
    const wanted = [...new Set(ids)];
    if (!wanted.length) return;
    const rows = ctx.em.isInTransaction()
      ? await ctx.em.find(StockLocation, { id: { $in: wanted } }, { fields: ['id'], lockMode: LockMode.PESSIMISTIC_READ })
      : await ctx.em.find(StockLocation, { id: { $in: wanted } }, { fields: ['id'] });
    const found = new Set(rows.map((l) => l.id));
    const missing = wanted.find((id) => !found.has(id));
    if (missing) throw SthenoError.notFound(`Stock location with id: ${missing} was not found`);
  }

  private newAddress(tx: Context, input: StockLocationAddressInput): StockLocationAddress {
    if (!input.address_1 || !input.country_code) {
      throw SthenoError.invalidData('A stock location address needs address_1 and country_code');
    }
    return tx.em.create(StockLocationAddress, {
      ...definedAddressFields(input),
      address_1: input.address_1,
      country_code: input.country_code.toLowerCase(),
      metadata: input.metadata ?? null,
    });
  }

  /** `forUpdate`: lock the row, so an update and a delete of one location take turns. */
  private async load(ctx: Context, id: string, forUpdate = false): Promise<StockLocation> {
    const location = await ctx.em.findOne(StockLocation, { id }, forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!location) throw SthenoError.notFound(`Stock location with id: ${id} was not found`);
    // populated apart: FOR UPDATE cannot lock the nullable side of the outer join a populate makes
    await ctx.em.populate(location, ['address']);
    return location;
  }
}
