import { Entity, ManyToOne, Property, Rel } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';
import { FulfillmentProviderRow } from './fulfillment-provider.entity';
import { ServiceZone } from './service-zone.entity';
import { ShippingOptionType } from './shipping-option-type.entity';
import { ShippingProfile } from './shipping-profile.entity';

export type ShippingOptionPriceType = 'flat' | 'calculated';

/** A way to ship to a service zone, for one shipping profile, through one provider; priced by a linked price set (flat) or by the provider. */
@Entity({ tableName: 'shipping_option' })
export class ShippingOption extends SthenoEntity {
  static override readonly idPrefix = 'so';

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', default: 'flat' })
  price_type: ShippingOptionPriceType = 'flat';

  @ManyToOne(() => ServiceZone, { fieldName: 'service_zone_id', deleteRule: 'cascade', index: 'shipping_option_service_zone_id_index' })
  service_zone!: Rel<ServiceZone>;

  @ManyToOne(() => ShippingProfile, { fieldName: 'shipping_profile_id', index: 'shipping_option_shipping_profile_id_index' })
  shipping_profile!: Rel<ShippingProfile>;

  @ManyToOne(() => FulfillmentProviderRow, { fieldName: 'provider_id', index: 'shipping_option_provider_id_index' })
  provider!: Rel<FulfillmentProviderRow>;

  @ManyToOne(() => ShippingOptionType, { fieldName: 'shipping_option_type_id', index: 'shipping_option_shipping_option_type_id_index' })
  type!: Rel<ShippingOptionType>;

  /** What the provider needs to fulfil through this option (one of its fulfillment options). */
  @Property({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null = null;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}

