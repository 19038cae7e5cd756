import { MikroORM } from '@mikro-orm/core';
import type { Context } from '../../../framework/context/context';
import type { DomainEvent, EventSubscriberHandler } from '../../../framework/events/domain-event';
import { Subscriber } from '../../../framework/events/subscriber.decorator';
import { OrderFlowEvents } from '../../../flows/order/order-flows.service';
import { OrderFulfillmentLinks } from '../../../links/order-links.service';
import { FulfillmentService } from '../../fulfillment/fulfillment.service';
import type { FulfillmentView } from '../../fulfillment/fulfillment.types';
import { OrderService } from '../../order/order.service';
import type { OrderView } from '../../order/order.types';
import { NotificationService } from '../notification.service';
import { eventContext, NOTIFICATION_SUBSCRIBER_RETRIES, NotificationSubscriberIds, NotificationTemplates, sendForEvent, unlessGone } from './event-notification';

/** What both shipping messages tell the customer: which order, which items, how to track them. */
function shippingData(order: OrderView, fulfillment: FulfillmentView): Record<string, unknown> {
  return {
    order_id: order.id,
    display_id: order.display_id,
    fulfillment_id: fulfillment.id,
    items: fulfillment.items.map((item) => ({ title: item.title, sku: item.sku ?? null, quantity: item.quantity, line_item_id: item.line_item_id ?? null })),
    tracking: fulfillment.labels.map((label) => ({ tracking_number: label.tracking_number, tracking_url: label.tracking_url })),
    shipping_address: order.shipping_address,
    shipped_at: fulfillment.shipped_at,
  };
}

async function loadShipping(orders: OrderService, fulfillments: FulfillmentService, ctx: Context, orderId: string, fulfillmentId: string) {
  const order = await unlessGone(orders.retrieve(ctx, orderId));
  const fulfillment = await unlessGone(fulfillments.retrieveFulfillment(ctx, fulfillmentId));
  return order?.email && fulfillment ? { order, fulfillment } : null;
}

/** `order.fulfillment_created` (`{order_id, fulfillment_id, no_notification}`) → "your order is being prepared", unless no_notification. */
@Subscriber({ id: NotificationSubscriberIds.FULFILLMENT_CREATED, events: [OrderFlowEvents.FULFILLMENT_CREATED], ...NOTIFICATION_SUBSCRIBER_RETRIES })
export class FulfillmentCreatedNotificationSubscriber implements EventSubscriberHandler {
  constructor(
    private readonly orm: MikroORM,
    private readonly orders: OrderService,
    private readonly fulfillments: FulfillmentService,
    private readonly notifications: NotificationService,
  ) {}

  async handle(event: DomainEvent): Promise<void> {
    if (event.data.no_notification === true) return;
    const ctx = eventContext(this.orm, event);
    const loaded = await loadShipping(this.orders, this.fulfillments, ctx, String(event.data.order_id), String(event.data.fulfillment_id));
    if (!loaded) return;
    await sendForEvent(this.notifications, ctx, event, NotificationSubscriberIds.FULFILLMENT_CREATED, {
      to: loaded.order.email!,
      channel: 'email',
      template: NotificationTemplates.FULFILLMENT_CREATED,
      resource_id: loaded.fulfillment.id,
      resource_type: 'fulfillment',
      receiver_id: loaded.order.customer_id,
      data: shippingData(loaded.order, loaded.fulfillment),
    });
  }
}

/**
 * `shipment.created` (`{id, no_notification}`, the fulfillment's id) → "your order has shipped",
 * with the tracking labels, unless no_notification. A fulfillment linked to no order (a return's) tells nobody.
 */
@Subscriber({ id: NotificationSubscriberIds.SHIPMENT_CREATED, events: [OrderFlowEvents.SHIPMENT_CREATED], ...NOTIFICATION_SUBSCRIBER_RETRIES })
export class ShipmentCreatedNotificationSubscriber implements EventSubscriberHandler {
  constructor(
    private readonly orm: MikroORM,
    private readonly orders: OrderService,
    private readonly fulfillments: FulfillmentService,
    private readonly links: OrderFulfillmentLinks,
    private readonly notifications: NotificationService,
  ) {}

  async handle(event: DomainEvent): Promise<void> {
    if (event.data.no_notification === true) return;
    const ctx = eventContext(this.orm, event);
    const fulfillmentId = String(event.data.id);
    const orderId = await this.links.orderOfFulfillment(ctx, fulfillmentId);
    if (!orderId) return;
    const loaded = await loadShipping(this.orders, this.fulfillments, ctx, orderId, fulfillmentId);
    if (!loaded) return;
    await sendForEvent(this.notifications, ctx, event, NotificationSubscriberIds.SHIPMENT_CREATED, {
      to: loaded.order.email!,
      channel: 'email',
      template: NotificationTemplates.SHIPMENT_CREATED,
      resource_id: loaded.fulfillment.id,
      resource_type: 'fulfillment',
      receiver_id: loaded.order.customer_id,
      data: shippingData(loaded.order, loaded.fulfillment),
    });
  }
}
