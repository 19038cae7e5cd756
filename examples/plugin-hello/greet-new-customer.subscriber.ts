import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { generateId } from '../../src/framework/database/ids';
import { DomainEvent, EventSubscriberHandler } from '../../src/framework/events/domain-event';
import { Subscriber } from '../../src/framework/events/subscriber.decorator';
import { CustomerEvents } from '../../src/modules/customer/customer.types';
import { HelloGreeting } from './hello-greeting.entity';

/**
 * Greets every new customer. Found at boot like the app's own subscribers (a provider of the
 * plugin's module marked @Subscriber). Delivery is at least once, so the insert is keyed by the
 * event id: a second delivery of the same event changes nothing.
 */
@Subscriber({ id: 'hello-greet-new-customer', events: [CustomerEvents.CREATED] })
export class GreetNewCustomer implements EventSubscriberHandler {
  constructor(private readonly orm: MikroORM) {}

  async handle(event: DomainEvent<{ id?: string }>): Promise<void> {
    const customerId = event.data.id;
    if (typeof customerId !== 'string') return;
    const em = this.orm.em.fork() as EntityManager;
    await em.execute(
      `insert into hello_greeting (id, message, customer_id, event_id) values (?, ?, ?, ?)
       on conflict (event_id) where event_id is not null do nothing`,
      [generateId(HelloGreeting.idPrefix), `Welcome, ${customerId}!`, customerId, event.id],
    );
  }
}
