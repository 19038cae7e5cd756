import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A payment provider known to the store (`pp_system_default`). The rows mirror the providers the
 * running processes register (payment-provider-registry.ts): they are what regions link to.
 */
@Entity({ tableName: 'payment_provider' })
export class PaymentProvider {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'boolean', default: true })
  is_enabled: boolean = true;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;
}
