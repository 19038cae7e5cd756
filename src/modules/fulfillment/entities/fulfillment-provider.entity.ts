import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A registered fulfillment provider (`manual_manual`); rows are upserted at boot for the registry's providers. */
@Entity({ tableName: 'fulfillment_provider' })
export class FulfillmentProviderRow {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'boolean', default: true })
  is_enabled: boolean = true;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;
}
