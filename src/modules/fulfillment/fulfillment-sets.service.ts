import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { Context, inTransaction } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import { FulfillmentSet } from './entities/fulfillment-set.entity';
import { GeoZone } from './entities/geo-zone.entity';
import { ServiceZone } from './entities/service-zone.entity';
import { ShippingOption } from './entities/shipping-option.entity';
import { ShippingOptionRule } from './entities/shipping-option-rule.entity';
import { toFulfillmentSetView, toServiceZoneView } from './fulfillment-mappers';
import {
  CreateFulfillmentSetInput,
  CreateServiceZoneInput,
  FulfillmentSetView,
  GeoZoneInput,
  ServiceZoneView,
  UpdateServiceZoneInput,
} from './fulfillment.types';
import { assertPostalExpression } from './geo-matcher';

const REQUIRED_BY_TYPE: Record<GeoZoneInput['type'], Array<keyof GeoZoneInput>> = {
  country: ['country_code'],
  province: ['country_code', 'province_code'],
  city: ['country_code', 'city'],
  zip: ['country_code', 'postal_expression'],
};

type NormalizedGeoZone = Required<Omit<GeoZoneInput, 'metadata'>>;

function normalizeGeoZone(input: GeoZoneInput): NormalizedGeoZone {
  const missing = (REQUIRED_BY_TYPE[input.type] ?? []).filter((key) => input[key] === undefined || input[key] === null || input[key] === '');
  if (!REQUIRED_BY_TYPE[input.type]) throw SthenoError.invalidData(`Invalid geo zone type: ${String(input.type)}`);
  if (missing.length) throw SthenoError.invalidData(`A geo zone of type ${input.type} needs ${missing.join(', ')}`);
  if (input.type === 'zip') assertPostalExpression(input.postal_expression);
  return {
    type: input.type,
    country_code: input.country_code.trim().toLowerCase(),
    province_code: input.province_code?.trim().toLowerCase() ?? null,
    city: input.city?.trim() ?? null,
    postal_expression: input.type === 'zip' ? input.postal_expression ?? null : null,
  };
}

/** Fulfillment sets, their service zones and the zones' geo zones (internal to the module). */
@Injectable()
export class FulfillmentSets {
  /** Sets with their service zones and geo zones, in three queries; in the order of `ids`, unknown ids skipped. */
  async views(ctx: Context, ids: string[]): Promise<FulfillmentSetView[]> {
    if (!ids.length) return [];
    const sets = await ctx.em.find(FulfillmentSet, { id: { $in: [...new Set(ids)] } });
    const zones = await this.zoneViews(ctx, { fulfillment_set: { $in: sets.map((s) => s.id) } });
    const byId = new Map(sets.map((s) => [s.id, s]));
    return ids.flatMap((id) => {
      const set = byId.get(id);
      return set ? [toFulfillmentSetView(set, zones.filter((z) => z.fulfillment_set_id === id))] : [];
    });
  }

  async retrieve(ctx: Context, id: string): Promise<FulfillmentSetView> {
    const [view] = await this.views(ctx, [id]);
    if (!view) throw SthenoError.notFound(`FulfillmentSet with id: ${id} was not found`);
    return view;
  }

  async create(ctx: Context, input: CreateFulfillmentSetInput): Promise<FulfillmentSetView> {
    return inTransaction(ctx, async (tx) => {
      await this.assertNameFree(tx, FulfillmentSet, input.name, 'fulfillment set');
      const set = tx.em.create(FulfillmentSet, { name: input.name, type: input.type, metadata: input.metadata ?? null });
      for (const zone of input.service_zones ?? []) await this.newZone(tx, set, zone);
      await tx.em.flush();
      return this.retrieve(tx, set.id);
    });
  }

  /** Soft-deletes sets with their zones, geo zones, options and rules; returns the ids of the options deleted. */
  async delete(ctx: Context, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    return inTransaction(ctx, async (tx) => {
      const sets = await tx.em.find(FulfillmentSet, { id: { $in: ids } }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const missing = ids.find((id) => !sets.some((s) => s.id === id));
      if (missing) throw SthenoError.notFound(`FulfillmentSet with id: ${missing} was not found`);
      const zones = await tx.em.find(ServiceZone, { fulfillment_set: { $in: ids } }, { fields: ['id'] });
      const optionIds = await this.deleteZonesContent(tx, zones.map((z) => z.id));
      await tx.em.nativeUpdate(ServiceZone, { fulfillment_set: { $in: ids } }, { deleted_at: new Date() });
      await tx.em.nativeUpdate(FulfillmentSet, { id: { $in: ids } }, { deleted_at: new Date() });
      return optionIds;
    });
  }

  async retrieveZone(ctx: Context, setId: string, zoneId: string): Promise<ServiceZoneView> {
    const [zone] = await this.zoneViews(ctx, { id: zoneId, fulfillment_set: setId });
    if (!zone) throw SthenoError.notFound(`Service zone with id: ${zoneId} was not found`);
    return zone;
  }

  async createZone(ctx: Context, setId: string, input: CreateServiceZoneInput): Promise<FulfillmentSetView> {
    return inTransaction(ctx, async (tx) => {
      const set = await this.lockSet(tx, setId);
      await this.newZone(tx, set, input);
      await tx.em.flush();
      return this.retrieve(tx, setId);
    });
  }

  async updateZone(ctx: Context, setId: string, zoneId: string, input: UpdateServiceZoneInput): Promise<FulfillmentSetView> {
    return inTransaction(ctx, async (tx) => {
      await this.lockSet(tx, setId);
      const zone = await tx.em.findOne(ServiceZone, { id: zoneId, fulfillment_set: setId });
      if (!zone) throw SthenoError.notFound(`Service zone with id: ${zoneId} was not found`);
      if (input.name !== undefined && input.name !== zone.name) {
        await this.assertNameFree(tx, ServiceZone, input.name, 'service zone');
        zone.name = input.name;
      }
      if (input.metadata !== undefined) zone.metadata = input.metadata;
      if (input.geo_zones !== undefined) await this.replaceGeoZones(tx, zone, input.geo_zones);
      await tx.em.flush();
      return this.retrieve(tx, setId);
    });
  }

  /** Returns the ids of the options deleted with the zone. */
  async deleteZone(ctx: Context, setId: string, zoneId: string): Promise<string[]> {
    return inTransaction(ctx, async (tx) => {
      await this.lockSet(tx, setId);
      const zone = await tx.em.findOne(ServiceZone, { id: zoneId, fulfillment_set: setId });
      if (!zone) throw SthenoError.notFound(`Service zone with id: ${zoneId} was not found`);
      const optionIds = await this.deleteZonesContent(tx, [zoneId]);
      zone.deleted_at = new Date();
      await tx.em.flush();
      return optionIds;
    });
  }

  /** Throws not_found unless the service zone exists. */
  async assertZoneExists(ctx: Context, zoneId: string): Promise<void> {
    if (!(await ctx.em.count(ServiceZone, { id: zoneId }))) throw SthenoError.notFound(`Service zone with id: ${zoneId} was not found`);
  }

  private async zoneViews(ctx: Context, where: Record<string, unknown>): Promise<ServiceZoneView[]> {
    const zones = await ctx.em.find(ServiceZone, where, { orderBy: { created_at: 'ASC', id: 'ASC' } });
    if (!zones.length) return [];
    const geo = await ctx.em.find(GeoZone, { service_zone: { $in: zones.map((z) => z.id) } }, { orderBy: { created_at: 'ASC', id: 'ASC' } });
    return zones.map((z) => toServiceZoneView(z, geo.filter((g) => g.service_zone.id === z.id)));
  }

  private async lockSet(tx: Context, id: string): Promise<FulfillmentSet> {
    const set = await tx.em.findOne(FulfillmentSet, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!set) throw SthenoError.notFound(`FulfillmentSet with id: ${id} was not found`);
    return set;
  }

  private async newZone(tx: Context, set: FulfillmentSet, input: CreateServiceZoneInput): Promise<ServiceZone> {
    await this.assertNameFree(tx, ServiceZone, input.name, 'service zone');
    const zone = tx.em.create(ServiceZone, { name: input.name, fulfillment_set: set, metadata: input.metadata ?? null });
    for (const geo of input.geo_zones ?? []) tx.em.create(GeoZone, { ...normalizeGeoZone(geo), metadata: geo.metadata ?? null, service_zone: zone });
    return zone;
  }

  private async replaceGeoZones(tx: Context, zone: ServiceZone, inputs: NonNullable<UpdateServiceZoneInput['geo_zones']>): Promise<void> {
    const existing = await tx.em.find(GeoZone, { service_zone: zone.id });
    const byId = new Map(existing.map((g) => [g.id, g]));
    const kept = new Set<string>();
    for (const input of inputs) {
      const id = input.id;
      if (id) {
        const geo = byId.get(id);
        if (!geo) throw SthenoError.notFound(`Geo zone with id: ${id} was not found in service zone: ${zone.id}`);
        const merged = normalizeGeoZone({
          type: input.type ?? geo.type,
          country_code: input.country_code ?? geo.country_code,
          province_code: input.province_code !== undefined ? input.province_code : geo.province_code,
          city: input.city !== undefined ? input.city : geo.city,
          postal_expression: input.postal_expression !== undefined ? input.postal_expression : geo.postal_expression,
        });
        tx.em.assign(geo, { ...merged, ...(input.metadata !== undefined ? { metadata: input.metadata } : {}) });
        kept.add(id);
      } else {
        const geo = input as GeoZoneInput;
        tx.em.create(GeoZone, { ...normalizeGeoZone(geo), metadata: geo.metadata ?? null, service_zone: zone });
      }
    }
    for (const geo of existing) if (!kept.has(geo.id)) geo.deleted_at = new Date();
  }

  private async deleteZonesContent(tx: Context, zoneIds: string[]): Promise<string[]> {
    if (!zoneIds.length) return [];
    const now = new Date();
    await tx.em.nativeUpdate(GeoZone, { service_zone: { $in: zoneIds } }, { deleted_at: now });
    const options = await tx.em.find(ShippingOption, { service_zone: { $in: zoneIds } }, { fields: ['id'] });
    const optionIds = options.map((o) => o.id);
    if (optionIds.length) {
      await tx.em.nativeUpdate(ShippingOptionRule, { shipping_option: { $in: optionIds } }, { deleted_at: now });
      await tx.em.nativeUpdate(ShippingOption, { id: { $in: optionIds } }, { deleted_at: now });
    }
    return optionIds;
  }

  private async assertNameFree(tx: Context, entity: typeof FulfillmentSet | typeof ServiceZone, name: string, what: string): Promise<void> {
    const taken = await tx.em.count(entity, { name });
    if (taken) throw new SthenoError('duplicate_error', `A ${what} with name: ${name} already exists`);
  }
}
