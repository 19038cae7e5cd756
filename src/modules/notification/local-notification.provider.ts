import { Logger } from '@nestjs/common';
import { LOCAL_NOTIFICATION_PROVIDER_ID, NotificationProvider, NotificationProviderHandler, NotificationToSend } from './notification-provider';

/**
 * The built-in provider (Medusa's `notification-local`): delivers nothing outside the process. It
 * logs that a message was "sent" and leaves the notification row as the record of it, which is
 * what development and the admin feed need. The log line names the receiver and the template but
 * never carries `data`: it holds password-reset and invite tokens.
 */
@NotificationProvider(LOCAL_NOTIFICATION_PROVIDER_ID)
export class LocalNotificationProvider implements NotificationProviderHandler {
  readonly channels = ['email', 'feed'];
  private readonly logger = new Logger('LocalNotificationProvider');

  async send(notification: NotificationToSend): Promise<{ external_id?: string }> {
    this.logger.log(
      { notification_id: notification.id, channel: notification.channel, to: notification.to, template: notification.template, trigger_type: notification.trigger_type },
      `Notification ${notification.id} (${notification.template ?? 'no template'}) to ${notification.to} on ${notification.channel}`,
    );
    return {};
  }
}
