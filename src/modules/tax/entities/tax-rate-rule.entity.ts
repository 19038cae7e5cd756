import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

export const TAX_RULE_REFERENCES = ['product', 'product_type', 'shipping_option'] as const;
export type TaxRuleReference = (typeof TAX_RULE_REFERENCES)[number];

/** Makes a rate apply to one product, product type or shipping option. */
@Entity({ tableName: 'tax_rate_rule' })
@Index({
  name: 'tax_rate_rule_rate_reference_unique',
  expression:
    'create unique index "tax_rate_rule_rate_reference_unique" on "tax_rate_rule" ("tax_rate_id", "reference", "reference_id") where "deleted_at" is null',
})
export class TaxRateRule extends SthenoEntity {
  static override readonly idPrefix = 'txrule';

  @Index()
  @Property({ type: 'text' })
  tax_rate_id!: string;

  @Property({ type: 'text' })
  reference!: TaxRuleReference;

  /** Looked up by the calculation for the items of a cart. */
  @Index()
  @Property({ type: 'text' })
  reference_id!: string;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;

  @Property({ type: 'text', nullable: true })
  created_by: string | null = null;
}
