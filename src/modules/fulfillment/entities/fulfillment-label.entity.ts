import { Entity, ManyToOne, Property, Rel } from '@mikro-orm/core';
import { SthenoEntity } from '../../../framework/database/base.entity';
import { Fulfillment } from './fulfillment.entity';

/** A shipping label of a fulfillment, with its tracking number and links. */
@Entity({ tableName: 'fulfillment_label' })
export class FulfillmentLabel extends SthenoEntity {
  static override readonly idPrefix = 'fulla';

  @Property({ type: 'text' }) tracking_number!: string;
  @Property({ type: 'text' }) tracking_url!: string;
  @Property({ type: 'text' }) label_url!: string;

  @ManyToOne(() => Fulfillment, { fieldName: 'fulfillment_id', deleteRule: 'cascade', index: 'fulfillment_label_fulfillment_id_index' })
  fulfillment!: Rel<Fulfillment>;
}
