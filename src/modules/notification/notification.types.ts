import type { NotificationStatus } from './entities/notification.entity';

export const NotificationEvents = {
  /** Medusa's internal entity event (`<module>.<entity>.created`), recorded with the row. */
  CREATED: 'notification.notification.created',
} as const;

/** What `NotificationService.send` takes: Medusa's `CreateNotificationDTO`, minus the provider (chosen by channel). */
export interface SendNotificationInput {
  to: string;
  channel: string;
  template?: string | null;
  data?: Record<string, unknown> | null;
  trigger_type?: string | null;
  resource_id?: string | null;
  resource_type?: string | null;
  receiver_id?: string | null;
  original_notification_id?: string | null;
  /** A second send with the same key returns the first one's notification (and sends nothing). */
  idempotency_key?: string | null;
}

/** A notification as the admin API and the providers see it. */
export interface NotificationView {
  id: string;
  to: string;
  channel: string;
  template: string | null;
  data: Record<string, unknown> | null;
  trigger_type: string | null;
  resource_id: string | null;
  resource_type: string | null;
  receiver_id: string | null;
  original_notification_id: string | null;
  idempotency_key: string | null;
  external_id: string | null;
  provider_id: string | null;
  status: NotificationStatus;
  error: string | null;
  created_at: string;
  updated_at: string;
}

/** The provider API is public: plugins implement it and import it from here. */
export { LOCAL_NOTIFICATION_PROVIDER_ID, NotificationProvider } from './notification-provider';
export type { NotificationProviderHandler, NotificationToSend } from './notification-provider';
