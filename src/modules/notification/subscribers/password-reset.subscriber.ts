import { Inject } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { APP_CONFIG, AppConfig } from '../../../framework/config/app-config';
import type { DomainEvent, EventSubscriberHandler } from '../../../framework/events/domain-event';
import { Subscriber } from '../../../framework/events/subscriber.decorator';
import { AuthEvents } from '../../auth/auth.types';
import { NotificationService } from '../notification.service';
import { eventContext, NOTIFICATION_SUBSCRIBER_RETRIES, NotificationSubscriberIds, NotificationTemplates, sendForEvent } from './event-notification';

/**
 * `auth.password_reset` (`{entity_id, actor_type, token}`; the entity id is the email the identity
 * signs in with) → the reset message carrying the token and the link that uses it: the storefront
 * for customers, the admin dashboard for users.
 */
@Subscriber({ id: NotificationSubscriberIds.PASSWORD_RESET, events: [AuthEvents.PASSWORD_RESET], ...NOTIFICATION_SUBSCRIBER_RETRIES })
export class PasswordResetNotificationSubscriber implements EventSubscriberHandler {
  constructor(
    private readonly orm: MikroORM,
    private readonly notifications: NotificationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(event: DomainEvent): Promise<void> {
    const { entity_id: email, actor_type: actorType, token } = event.data as { entity_id?: string; actor_type?: string; token?: string };
    if (!email || !token) return;
    const base = actorType === 'customer' ? this.config.notifications.storefrontUrl : this.config.notifications.adminUrl;
    const query = new URLSearchParams({ token, email });
    await sendForEvent(this.notifications, eventContext(this.orm, event), event, NotificationSubscriberIds.PASSWORD_RESET, {
      to: email,
      channel: 'email',
      template: NotificationTemplates.PASSWORD_RESET,
      resource_type: 'auth_identity',
      data: { email, actor_type: actorType ?? null, token, reset_url: `${base}/reset-password?${query.toString()}` },
    });
  }
}
