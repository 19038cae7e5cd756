import { Filter, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { generateId } from './ids';

export const SOFT_DELETE_FILTER = 'softDelete';

/**
 * The conventions every commerce entity carries (ARCHITECTURE §5): a prefixed ULID primary key,
 * `created_at`/`updated_at`/`deleted_at` timestamps, and soft delete through a default filter, so
 * that deleted rows vanish from every query unless `filters: { softDelete: false }` is passed.
 * Property names are snake_case and equal both the column and the JSON name on the wire.
 *
 * Subclasses declare their id prefix with `static readonly idPrefix = 'prod'`.
 */
@Filter({ name: SOFT_DELETE_FILTER, cond: { deleted_at: null }, default: true })
export abstract class SthenoEntity {
  [OptionalProps]?: 'created_at' | 'updated_at' | 'deleted_at';

  static readonly idPrefix: string = 'ent';

  @PrimaryKey({ type: 'text' })
  id: string = generateId((this.constructor as typeof SthenoEntity).idPrefix);

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updated_at: Date = new Date();

  // no index: `deleted_at is null` matches nearly every row, so an index on it never helps a read,
  // costs every insert, and misleads the planner while a table has no statistics (it then guesses
  // `is null` picks 0.5 % of the rows and scans the whole index; see docs/benchmarks.md, seventh pass)
  @Property({ type: 'timestamptz', nullable: true })
  deleted_at: Date | null = null;
}

/** `metadata` jsonb, as Medusa carries on most entities. */
export type Metadata = Record<string, unknown> | null;
