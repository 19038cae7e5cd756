import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A tax provider known to the module. Its id is the provider's registration id (`tp_system`), not a
 * generated one, hence not a SthenoEntity. The built-in system provider is inserted by the migration.
 */
@Entity({ tableName: 'tax_provider' })
export class TaxProvider {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'boolean', default: true })
  is_enabled: boolean = true;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updated_at?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  deleted_at: Date | null = null;
}
