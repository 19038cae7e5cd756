import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** An ISO 4217 currency. The list is data, seeded by a migration; codes are lower-case as Medusa's. */
@Entity({ tableName: 'currency' })
export class Currency {
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  symbol!: string;

  @Property({ type: 'text' })
  symbol_native!: string;

  @Property({ type: 'integer' })
  decimal_digits!: number;

  @Property({ type: 'numeric', precision: 10, scale: 4, default: 0 })
  rounding!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updated_at?: Date;
}
