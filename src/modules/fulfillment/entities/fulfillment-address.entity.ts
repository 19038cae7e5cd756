import { Entity, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/** The address a fulfillment is delivered to (a copy: later edits of the order's address do not move it). */
@Entity({ tableName: 'fulfillment_address' })
export class FulfillmentAddress extends SthenoEntity {
  static override readonly idPrefix = 'fuladdr';

  @Property({ type: 'text', nullable: true }) company: string | null = null;
  @Property({ type: 'text', nullable: true }) first_name: string | null = null;
  @Property({ type: 'text', nullable: true }) last_name: string | null = null;
  @Property({ type: 'text', nullable: true }) address_1: string | null = null;
  @Property({ type: 'text', nullable: true }) address_2: string | null = null;
  @Property({ type: 'text', nullable: true }) city: string | null = null;
  @Property({ type: 'text', nullable: true }) country_code: string | null = null;
  @Property({ type: 'text', nullable: true }) province: string | null = null;
  @Property({ type: 'text', nullable: true }) postal_code: string | null = null;
  @Property({ type: 'text', nullable: true }) phone: string | null = null;
  @Property({ type: 'jsonb', nullable: true }) metadata: Metadata = null;
}
