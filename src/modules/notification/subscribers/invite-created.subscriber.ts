import { Inject } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { APP_CONFIG, AppConfig } from '../../../framework/config/app-config';
import type { DomainEvent, EventSubscriberHandler } from '../../../framework/events/domain-event';
import { Subscriber } from '../../../framework/events/subscriber.decorator';
import { UserEvents } from '../../user/user.types';
import { UserService } from '../../user/user.service';
import { NotificationService } from '../notification.service';
import { eventContext, NOTIFICATION_SUBSCRIBER_RETRIES, NotificationSubscriberIds, NotificationTemplates, sendForEvent, unlessGone } from './event-notification';

/**
 * `invite.created` and `invite.resent` → the invitation to the invitee, with the invite's token and
 * the dashboard link that accepts it. A resend replaces the token (voiding the link already sent),
 * so it sends the invitation again: its own event id makes it a new notification, carrying the new
 * token. The id keeps its historical name: it is part of the idempotency keys already stored.
 */
@Subscriber({ id: NotificationSubscriberIds.INVITE_CREATED, events: [UserEvents.INVITE_CREATED, UserEvents.INVITE_RESENT], ...NOTIFICATION_SUBSCRIBER_RETRIES })
export class InviteCreatedNotificationSubscriber implements EventSubscriberHandler {
  constructor(
    private readonly orm: MikroORM,
    private readonly users: UserService,
    private readonly notifications: NotificationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(event: DomainEvent): Promise<void> {
    const ctx = eventContext(this.orm, event);
    const invite = await unlessGone(this.users.retrieveInvite(ctx, String(event.data.id)));
    if (!invite || invite.accepted) return;
    await sendForEvent(this.notifications, ctx, event, NotificationSubscriberIds.INVITE_CREATED, {
      to: invite.email,
      channel: 'email',
      template: NotificationTemplates.INVITE_CREATED,
      resource_id: invite.id,
      resource_type: 'invite',
      data: {
        invite_id: invite.id,
        email: invite.email,
        token: invite.token,
        expires_at: invite.expires_at,
        accept_url: `${this.config.notifications.adminUrl}/invite?${new URLSearchParams({ token: invite.token }).toString()}`,
      },
    });
  }
}
