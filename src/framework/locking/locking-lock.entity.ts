import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One held lock of the `postgres` locking provider: the key, who holds it, and until when. A row
 * whose `expires_at` has passed is free to take over; releasing deletes the row.
 */
@Entity({ tableName: 'locking_lock' })
export class LockingLock {
  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'text' })
  owner!: string;

  @Property({ type: 'timestamptz' })
  expires_at!: Date;
}
