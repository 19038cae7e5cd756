import { Entity, Index, Property } from '@mikro-orm/core';
import { SthenoEntity } from '../../src/framework/database/base.entity';

/**
 * A greeting: written by an admin (`POST /admin/hello/greetings`) or by the subscriber that welcomes
 * every new customer. `event_id` is the event a subscriber's greeting answers: unique, so an event
 * delivered twice (delivery is at least once) still greets once.
 */
@Entity({ tableName: 'hello_greeting' })
@Index({
  name: 'hello_greeting_event_id_unique',
  expression: 'create unique index "hello_greeting_event_id_unique" on "hello_greeting" ("event_id") where "event_id" is not null',
})
export class HelloGreeting extends SthenoEntity {
  static override readonly idPrefix = 'hgr';

  @Property({ type: 'text' })
  message!: string;

  @Index()
  @Property({ type: 'text', nullable: true })
  customer_id: string | null = null;

  @Property({ type: 'text', nullable: true })
  event_id: string | null = null;
}
