import { Entity, Property } from '@mikro-orm/core';
import { SthenoEntity } from '../../../framework/database/base.entity';

/** The label shoppers see for an option ("Standard", "Ship in 2-3 days."); one per option, as Medusa 2.0. */
@Entity({ tableName: 'shipping_option_type' })
export class ShippingOptionType extends SthenoEntity {
  static override readonly idPrefix = 'sotype';

  @Property({ type: 'text' })
  label!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'text' })
  code!: string;
}
