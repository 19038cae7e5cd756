import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { FulfillmentModule } from '../../../src/modules/fulfillment/fulfillment.module';
import { FulfillmentService } from '../../../src/modules/fulfillment/fulfillment.service';
import type { FulfillmentProvider, LabelInput } from '../../../src/modules/fulfillment/fulfillment.types';
import { bearer, IdentityApp } from '../../utils/identity';

/**
 * A carrier that prices by weight (`data.kg` from the client × `option.data.per_kg`), records the
 * fulfillments it creates and cancels, and prints one label per fulfillment.
 */
export class WeighingCarrier implements FulfillmentProvider {
  readonly id = 'weighing_carrier';
  readonly created: string[] = [];
  readonly canceled: Array<Record<string, unknown>> = [];

  async getFulfillmentOptions() {
    return [{ id: 'by-weight' }];
  }
  async validateOption(data: Record<string, unknown>) {
    return data.id === 'by-weight';
  }
  async canCalculate(data: Record<string, unknown>) {
    return typeof data.per_kg === 'string';
  }
  async calculatePrice(optionData: Record<string, unknown>, data: Record<string, unknown>) {
    const kg = Number(data.kg ?? 1);
    return { calculated_amount: (Number(optionData.per_kg) * kg).toFixed(2), is_calculated_price_tax_inclusive: true };
  }
  async createFulfillment(_data: Record<string, unknown>, _items: unknown[], _order: unknown, fulfillment: { id: string }) {
    this.created.push(fulfillment.id);
    const label: LabelInput = { tracking_number: `WC-${fulfillment.id}`, tracking_url: 'https://track.example/wc', label_url: 'https://label.example/wc' };
    return { data: { carrier_ref: `ref-${fulfillment.id}` }, labels: [label] };
  }
  async cancelFulfillment(data: Record<string, unknown>) {
    this.canceled.push(data);
  }
  async createReturnFulfillment() {
    return { data: {}, labels: [] };
  }
}

export const CARRIER = new WeighingCarrier();

@Injectable()
class RegisterCarrier implements OnModuleInit {
  constructor(private readonly fulfillment: FulfillmentService) {}
  onModuleInit(): void {
    this.fulfillment.registerProvider(CARRIER);
  }
}

@Module({ imports: [FulfillmentModule], providers: [RegisterCarrier] })
export class WeighingCarrierModule {}

export async function sql<T>(t: IdentityApp, query: string, params: unknown[] = []): Promise<T[]> {
  return (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute<T[]>(query, params);
}

/** Builds the usual shipping setup through the admin API: a location with a set, a zone, a profile. */
export async function shippingSetup(t: IdentityApp, name: string, geoZones: Array<Record<string, unknown>>) {
  const admin = bearer(t.adminToken);
  const location = (await t.api.post('/admin/stock-locations').set(...admin).send({ name: `${name} warehouse` }).expect(200)).body.stock_location;
  const withSet = await t.api
    .post(`/admin/stock-locations/${location.id}/fulfillment-sets?fields=*fulfillment_sets`)
    .set(...admin)
    .send({ name: `${name} shipping`, type: 'shipping' })
    .expect(200);
  const set = withSet.body.stock_location.fulfillment_sets[0];
  const zoneRes = await t.api.post(`/admin/fulfillment-sets/${set.id}/service-zones`).set(...admin).send({ name: `${name} zone`, geo_zones: geoZones }).expect(200);
  const zone = zoneRes.body.fulfillment_set.service_zones[0];
  const profile = (await t.api.post('/admin/shipping-profiles').set(...admin).send({ name: `${name} profile`, type: 'default' }).expect(200)).body.shipping_profile;
  return { location, set, zone, profile };
}

export const STORE_RULES = [
  { attribute: 'enabled_in_store', operator: 'eq', value: 'true' },
  { attribute: 'is_return', operator: 'eq', value: 'false' },
];
