import { Injectable } from '@nestjs/common';
import { Context } from '../../framework/context/context';
import { ListQuery } from '../../framework/http/list-query';
import { OrderFulfillmentLinks, OrderPaymentCollectionLinks } from '../../links/order-links.service';
import { FulfillmentService } from '../../modules/fulfillment/fulfillment.service';
import type { FulfillmentView } from '../../modules/fulfillment/fulfillment.types';
import { OrderService } from '../../modules/order/order.service';
import type { OrderView, OrderViewExtras } from '../../modules/order/order.types';
import { PaymentService } from '../../modules/payment/payment.service';
import type { PaymentCollectionView } from '../../modules/payment/payment.types';

/** A payment collection as an order shows it (wire 22): the collection with its payments, no sessions. */
function collectionOfOrder(view: PaymentCollectionView): Record<string, unknown> & PaymentCollectionView {
  const { payment_sessions: _sessions, ...collection } = view;
  return collection as Record<string, unknown> & PaymentCollectionView;
}

/**
 * The order detail read (Medusa's getOrderDetailWorkflow): the order module's view plus its payment
 * collections and fulfillments from the payment and fulfillment modules through the links, from
 * which the order module derives payment_status and fulfillment_status. A page of orders costs a
 * fixed number of statements: two link reads, the collections' and the fulfillments' batched reads.
 */
@Injectable()
export class OrderDetails {
  constructor(
    private readonly orders: OrderService,
    private readonly payments: PaymentService,
    private readonly fulfillments: FulfillmentService,
    private readonly collectionLinks: OrderPaymentCollectionLinks,
    private readonly fulfillmentLinks: OrderFulfillmentLinks,
  ) {}

  /** Extras per order id (payment collections and fulfillments in link order). */
  async extrasOf(ctx: Context, orderIds: string[]): Promise<Map<string, OrderViewExtras>> {
    const [collectionIds, fulfillmentIds] = [await this.collectionLinks.collectionsOf(ctx, orderIds), await this.fulfillmentLinks.fulfillmentsOf(ctx, orderIds)];
    const allCollections = [...collectionIds.values()].flat();
    const allFulfillments = [...fulfillmentIds.values()].flat();
    const collections = new Map((await this.payments.listCollections(ctx, allCollections)).map((c) => [c.id, collectionOfOrder(c)]));
    const fulfillments = new Map((await this.fulfillments.listFulfillments(ctx, allFulfillments)).map((f) => [f.id, f as FulfillmentView & Record<string, unknown>]));
    return new Map(
      orderIds.map((id) => [
        id,
        {
          payment_collections: (collectionIds.get(id) ?? []).flatMap((c) => (collections.has(c) ? [collections.get(c)!] : [])),
          fulfillments: (fulfillmentIds.get(id) ?? []).flatMap((f) => (fulfillments.has(f) ? [fulfillments.get(f)!] : [])),
        },
      ]),
    );
  }

  async retrieve(ctx: Context, id: string): Promise<OrderView> {
    await this.orders.assertExist(ctx, id);
    const extras = await this.extrasOf(ctx, [id]);
    return this.orders.retrieve(ctx, id, extras.get(id));
  }

  list(ctx: Context, query: ListQuery): Promise<[OrderView[], number]> {
    return this.orders.list(ctx, query, (ids) => this.extrasOf(ctx, ids));
  }

  listForCustomer(ctx: Context, customerId: string, query: ListQuery): Promise<[OrderView[], number]> {
    return this.orders.listForCustomer(ctx, customerId, query, (ids) => this.extrasOf(ctx, ids));
  }
}
