import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotificationProvider, NotificationProviderHandler, NotificationToSend } from '../../src/modules/notification/notification.types';
import { HelloGreeting } from './hello-greeting.entity';

/** The channel this plugin's provider serves; `email` and `feed` stay with the app's providers. */
export const HELLO_CHANNEL = 'hello';

/**
 * `hello-feed`: delivers notifications sent on the `hello` channel by storing them as greetings,
 * so they show in `GET /admin/hello/greetings`. The greeting's id is the notification's
 * `external_id`. The message is `data.message` when it is a non-empty string, else a greeting to
 * the receiver. Found at boot like any provider marked @NotificationProvider.
 */
@NotificationProvider('hello-feed')
export class HelloFeedNotificationProvider implements NotificationProviderHandler {
  readonly channels = [HELLO_CHANNEL];

  constructor(private readonly orm: MikroORM) {}

  async send(notification: NotificationToSend): Promise<{ external_id?: string }> {
    const message = notification.data?.message;
    const em = this.orm.em.fork() as EntityManager;
    const greeting = em.create(HelloGreeting, {
      message: typeof message === 'string' && message.trim() ? message : `Hello, ${notification.to}!`,
      customer_id: notification.receiver_id,
    });
    // send runs outside any transaction; this flush is its own
    await em.flush();
    return { external_id: greeting.id };
  }
}
