import { MikroORM } from '@mikro-orm/core';
import type { DomainEvent, EventSubscriberHandler } from '../../../framework/events/domain-event';
import { Subscriber } from '../../../framework/events/subscriber.decorator';
import { OrderService } from '../../order/order.service';
import { OrderEvents } from '../../order/order.types';
import { NotificationService } from '../notification.service';
import { eventContext, NOTIFICATION_SUBSCRIBER_RETRIES, NotificationSubscriberIds, NotificationTemplates, sendForEvent, unlessGone } from './event-notification';

/** `order.placed` → the order confirmation, by email to the order's address (none for an order without one). */
@Subscriber({ id: NotificationSubscriberIds.ORDER_PLACED, events: [OrderEvents.PLACED], ...NOTIFICATION_SUBSCRIBER_RETRIES })
export class OrderPlacedNotificationSubscriber implements EventSubscriberHandler {
  constructor(
    private readonly orm: MikroORM,
    private readonly orders: OrderService,
    private readonly notifications: NotificationService,
  ) {}

  async handle(event: DomainEvent): Promise<void> {
    const ctx = eventContext(this.orm, event);
    const order = await unlessGone(this.orders.retrieve(ctx, String(event.data.id)));
    if (!order?.email || order.no_notification) return;
    await sendForEvent(this.notifications, ctx, event, NotificationSubscriberIds.ORDER_PLACED, {
      to: order.email,
      channel: 'email',
      template: NotificationTemplates.ORDER_PLACED,
      resource_id: order.id,
      resource_type: 'order',
      receiver_id: order.customer_id,
      data: {
        order_id: order.id,
        display_id: order.display_id,
        email: order.email,
        currency_code: order.currency_code,
        subtotal: order.subtotal,
        shipping_total: order.shipping_total,
        tax_total: order.tax_total,
        discount_total: order.discount_total,
        total: order.total,
        items: order.items.map((item) => ({
          id: item.id,
          title: item.title,
          variant_title: item.variant_title,
          sku: item.variant_sku,
          thumbnail: item.thumbnail,
          quantity: item.quantity,
          unit_price: item.unit_price,
          total: item.total,
        })),
        shipping_address: order.shipping_address,
        shipping_methods: order.shipping_methods.map((method) => ({ name: method.name, amount: method.amount })),
      },
    });
  }
}
