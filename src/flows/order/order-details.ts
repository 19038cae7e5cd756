import { Injectable } from '@nestjs/common';
import { Context } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import { CustomerService } from '../../modules/customer/customer.service';
import { ListQuery } from '../../framework/http/list-query';
import { OrderFulfillmentLinks, OrderPaymentCollectionLinks } from '../../links/order-links.service';
import { FulfillmentService } from '../../modules/fulfillment/fulfillment.service';
import type { FulfillmentView } from '../../modules/fulfillment/fulfillment.types';
import { OrderService } from '../../modules/order/order.service';
import type { OrderView, OrderViewExtras } from '../../modules/order/order.types';
import { PaymentService } from '../../modules/payment/payment.service';
import type { PaymentCollectionView } from '../../modules/payment/payment.types';
import { ProductService } from '../../modules/product/product.service';
import { productOf } from '../line-item-catalog';

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
    private readonly products: ProductService,
    private readonly customers: CustomerService,
  ) {}

  /**
   * A storefront's read of one order. Guest orders (their customer has no account) are readable by
   * id, as Medusa's order confirmation page needs; an order of a registered customer only by that
   * customer, signed in: anyone else gets the same 404 as an unknown id.
   */
  async retrieveForStorefront(ctx: Context, id: string, relations: readonly string[], customerId: string | null): Promise<OrderView> {
    const order = await this.retrieve(ctx, id, relations);
    if (order.customer_id && order.customer_id !== customerId) {
      const owner = await this.customers.retrieve(ctx, order.customer_id).catch(() => null);
      if (owner?.has_account) throw SthenoError.notFound(`Order with id: ${id} was not found`);
    }
    return order;
  }

  /**
   * `*items.variant` / `*items.product` (the starter's order pages, the dashboard's order detail):
   * each line's live variant and product, as Medusa's link from the line item to the variant gives
   * them, `null` when the variant is gone. One batched catalog read for all the orders, and only when
   * the fields ask for it.
   */
  private async withCatalog(ctx: Context, orders: OrderView[], relations: readonly string[]): Promise<OrderView[]> {
    const wantsVariant = relations.includes('items.variant');
    const wantsProduct = relations.includes('items.product');
    if (!wantsVariant && !wantsProduct) return orders;
    const variantIds = [...new Set(orders.flatMap((o) => o.items.map((i) => i.variant_id)).filter((id): id is string => !!id))];
    const catalog = variantIds.length ? await this.products.variantsForCart(ctx, variantIds) : new Map();
    return orders.map((order) => ({
      ...order,
      items: order.items.map((item) => {
        const found = item.variant_id ? catalog.get(item.variant_id) : undefined;
        return {
          ...item,
          ...(wantsVariant ? { variant: found ? { ...found.variant } : null } : {}),
          ...(wantsProduct ? { product: found ? productOf(found) : null } : {}),
        };
      }),
    }));
  }

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

  /** `relations`: the requested fields' relations (`items.variant`, `items.product` add the live catalog). */
  async retrieve(ctx: Context, id: string, relations: readonly string[] = []): Promise<OrderView> {
    await this.orders.assertExist(ctx, id);
    const extras = await this.extrasOf(ctx, [id]);
    const [order] = await this.withCatalog(ctx, [await this.orders.retrieve(ctx, id, extras.get(id))], relations);
    return order;
  }

  async list(ctx: Context, query: ListQuery): Promise<[OrderView[], number]> {
    const [orders, count] = await this.orders.list(ctx, query, (ids) => this.extrasOf(ctx, ids));
    return [await this.withCatalog(ctx, orders, query.fields.relations), count];
  }

  async listForCustomer(ctx: Context, customerId: string, query: ListQuery): Promise<[OrderView[], number]> {
    const [orders, count] = await this.orders.listForCustomer(ctx, customerId, query, (ids) => this.extrasOf(ctx, ids));
    return [await this.withCatalog(ctx, orders, query.fields.relations), count];
  }
}
