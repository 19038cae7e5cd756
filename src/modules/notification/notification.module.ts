import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ormFeature } from '../../framework/database/entity-registry';
import { LinksModule } from '../../links/links.module';
import { FulfillmentModule } from '../fulfillment/fulfillment.module';
import { OrderModule } from '../order/order.module';
import { UserModule } from '../user/user.module';
import { Notification } from './entities/notification.entity';
import { AdminNotificationsController } from './http/admin-notifications.controller';
import { LocalNotificationProvider } from './local-notification.provider';
import { NotificationProviderRegistry } from './notification-provider.registry';
import { NotificationService } from './notification.service';
import { InviteCreatedNotificationSubscriber } from './subscribers/invite-created.subscriber';
import { OrderPlacedNotificationSubscriber } from './subscribers/order-placed.subscriber';
import { PasswordResetNotificationSubscriber } from './subscribers/password-reset.subscriber';
import { FulfillmentCreatedNotificationSubscriber, ShipmentCreatedNotificationSubscriber } from './subscribers/shipping.subscribers';

/**
 * Medusa's Notification module: the `notification` table, the provider registry (any
 * @NotificationProvider in the app or a plugin), the built-in `local` provider, the admin routes,
 * and the subscribers that send the store's standard messages.
 */
@Module({
  imports: [ormFeature([Notification]), DiscoveryModule, OrderModule, FulfillmentModule, UserModule, LinksModule],
  controllers: [AdminNotificationsController],
  providers: [
    NotificationService,
    NotificationProviderRegistry,
    LocalNotificationProvider,
    OrderPlacedNotificationSubscriber,
    PasswordResetNotificationSubscriber,
    InviteCreatedNotificationSubscriber,
    FulfillmentCreatedNotificationSubscriber,
    ShipmentCreatedNotificationSubscriber,
  ],
  exports: [NotificationService],
})
export class NotificationModule {}
