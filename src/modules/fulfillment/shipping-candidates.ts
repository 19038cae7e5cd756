import { Context } from '../../framework/context/context';
import { flushBeforeRead, hydrateJsonRow } from '../../framework/database/json-rows';
import { preparedQuery } from '../../framework/database/prepared';
import type { FulfillmentSet } from './entities/fulfillment-set.entity';
import type { GeoZone } from './entities/geo-zone.entity';
import type { ShippingOptionRule } from './entities/shipping-option-rule.entity';
import type { ShippingOption } from './entities/shipping-option.entity';

/**
 * A shipping option of one of some fulfillment sets, with what deciding its availability and
 * showing it need: its zone, type, provider and profile (on `option`, shaped as the ORM hydrates
 * them, so the module's mappers take them), its rules, its zone's geo zones in one country, and
 * its fulfillment set.
 */
export interface ShippingCandidate {
  option: ShippingOption;
  rules: ShippingOptionRule[];
  geoZones: GeoZone[];
  fulfillmentSet: FulfillmentSet | null;
}

/**
 * One statement for what `ShippingAvailability` used to read in six (options with the zones,
 * profiles and types the ORM joins for their soft-delete filters, geo zones, rules, types,
 * providers, zones, profiles, sets). `$3`: only these options, or every one when empty.
 */
const CANDIDATES_SQL = `
select to_jsonb(o) as option, to_jsonb(z) as zone, to_jsonb(fs) as fulfillment_set, to_jsonb(t) as type,
  to_jsonb(p) as provider, to_jsonb(sp) as profile,
  coalesce((select jsonb_agg(to_jsonb(g) order by g.created_at, g.id) from geo_zone g
    where g.service_zone_id = z.id and g.country_code = ? and g.deleted_at is null), '[]'::jsonb) as geo_zones,
  coalesce((select jsonb_agg(to_jsonb(r) order by r.created_at, r.id) from shipping_option_rule r
    where r.shipping_option_id = o.id and r.deleted_at is null), '[]'::jsonb) as rules
from shipping_option o
join service_zone z on z.id = o.service_zone_id and z.deleted_at is null
join shipping_option_type t on t.id = o.shipping_option_type_id and t.deleted_at is null
join shipping_profile sp on sp.id = o.shipping_profile_id and sp.deleted_at is null
join fulfillment_provider p on p.id = o.provider_id
left join fulfillment_set fs on fs.id = z.fulfillment_set_id and fs.deleted_at is null
where z.fulfillment_set_id = any(?::text[]) and o.deleted_at is null and (cardinality(?::text[]) = 0 or o.id = any(?::text[]))
order by o.created_at, o.id`;

type Json = Record<string, unknown>;

interface Row {
  option: Json;
  zone: Json;
  fulfillment_set: Json | null;
  type: Json;
  provider: Json;
  profile: Json;
  geo_zones: Json[];
  rules: Json[];
}

const hydrated = (json: Json, relations: Json = {}): Json => hydrateJsonRow<Json>(json, relations);

/**
 * The options of the fulfillment sets `setIds` (only `onlyIds` when given) with their zone in
 * service, type, profile and provider, oldest first, each with its rules and its zone's geo zones
 * in `countryCode`. `onlyIds` empty: none.
 */
export async function readShippingCandidates(ctx: Context, setIds: string[], countryCode: string, onlyIds?: string[]): Promise<ShippingCandidate[]> {
  if (onlyIds && !onlyIds.length) return [];
  const only = onlyIds ?? [];
  await flushBeforeRead(ctx);
  const rows = await preparedQuery<Row>(ctx, 'stheno_shipping_candidates', CANDIDATES_SQL, [countryCode, setIds, only, only]);
  return rows.map((row) => {
    const zone = hydrated(row.zone, { fulfillment_set: { id: row.zone.fulfillment_set_id } });
    const option = hydrated(row.option, {
      service_zone: zone,
      shipping_profile: hydrated(row.profile),
      provider: { id: row.provider.id, is_enabled: row.provider.is_enabled },
      type: hydrated(row.type),
    });
    return {
      option: option as unknown as ShippingOption,
      rules: row.rules.map((r) => hydrated(r, { shipping_option: { id: row.option.id } }) as unknown as ShippingOptionRule),
      geoZones: row.geo_zones.map((g) => hydrated(g, { service_zone: { id: row.zone.id } }) as unknown as GeoZone),
      fulfillmentSet: row.fulfillment_set ? (hydrated(row.fulfillment_set) as unknown as FulfillmentSet) : null,
    };
  });
}
