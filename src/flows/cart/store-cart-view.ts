import { Injectable } from '@nestjs/common';
import { Context } from '../../framework/context/context';
import { projectFields } from '../../framework/http/envelopes';
import { ResolvedFields } from '../../framework/http/list-query';
import type { CartView, LineItemView } from '../../modules/cart/cart.types';
import { ProductService } from '../../modules/product/product.service';
import type { VariantForCart } from '../../modules/product/product.types';
import { CartPaymentCollectionLinks, CartPromotionLinks } from '../../links/cart-links.service';
import { CustomerService } from '../../modules/customer/customer.service';
import { PaymentService } from '../../modules/payment/payment.service';
import type { PaymentCollectionView } from '../../modules/payment/payment.types';
import { PromotionService } from '../../modules/promotion/promotion.service';
import { RegionService } from '../../modules/region/region.service';
import type { RegionView } from '../../modules/region/region.types';
import type { StorefrontCaller } from './cart-flow.types';
import { assertCallerMayUse } from './cart.flows';
import { type CartLinks, knownLinks, knownRegion } from '../../reads/cart-state/cart-state';
import { cartStateOf } from './refresh-cart';
import { productOf } from '../line-item-catalog';

/** A line as the store shows it: the cart module's line plus the live product and variant. */
export type StoreLineItemView = LineItemView & {
  product?: Record<string, unknown> | null;
  variant?: Record<string, unknown> | null;
};

/** A promotion of the cart as the store shows it (Medusa's shape). */
export interface StoreCartPromotionView {
  id: string;
  code: string;
  is_automatic: boolean;
  application_method: { value: number; type: string; currency_code: string | null } | null;
}

/** The store cart: the cart with its region, customer, promotions and payment collection. */
export type StoreCartView = Omit<CartView, 'items'> & {
  items: StoreLineItemView[];
  region: RegionView | null;
  customer: { id: string; email: string | null; groups: Array<{ id: string }> } | null;
  promotions: StoreCartPromotionView[];
  payment_collection: Omit<PaymentCollectionView, 'payments'> | null;
};

/**
 * The one place the store cart response is built (every store cart route answers with it), in a
 * bounded number of statements whatever the number of lines, each part read only when the fields
 * ask for it: the cart with its totals and links (1, `cartStateOf`; none when a flow hands its
 * refreshed cart over), its region with countries, the live products and variants of its lines
 * (`items.product` / `items.variant`, 1), the customer with its groups, the promotions (when
 * there are any), the payment collection with its sessions (when there is one).
 */
@Injectable()
export class StoreCartViews {
  constructor(
    private readonly regions: RegionService,
    private readonly products: ProductService,
    private readonly customers: CustomerService,
    private readonly promotions: PromotionService,
    private readonly payments: PaymentService,
    private readonly cartPromotions: CartPromotionLinks,
    private readonly cartCollections: CartPaymentCollectionLinks,
  ) {}

  /**
   * `cart`: an id, or the cart as a flow just left it (its transaction committed): not read again.
   * `known.catalog`: the variants of the cart's lines when the flow read them already.
   */
  async build(
    ctx: Context,
    cartOrId: string | CartView,
    fields: ResolvedFields,
    caller: StorefrontCaller,
    known: { catalog?: Map<string, VariantForCart> } = {},
  ): Promise<Partial<StoreCartView>> {
    const { cart, links } = typeof cartOrId === 'string' ? await cartStateOf(ctx, cartOrId) : { cart: cartOrId, links: knownLinks(cartOrId) };
    assertCallerMayUse(cart, caller);
    return projectFields(await this.decorate(ctx, cart, fields, links, known.catalog), fields);
  }

  /** `links`: the cart's links as read with it or left by its flow; read here when unknown. */
  private async decorate(
    ctx: Context,
    cart: CartView,
    fields: ResolvedFields,
    links: CartLinks | undefined,
    knownCatalog?: Map<string, VariantForCart>,
  ): Promise<StoreCartView> {
    const wants = (relation: string) => fields.relations.includes(relation);
    const region = wants('region') && cart.region_id ? (knownRegion(cart) ?? (await this.regions.retrieve(ctx, cart.region_id).catch(() => null))) : null;
    const variantIds = cart.items.map((i) => i.variant_id).filter((id): id is string => !!id);
    const needCatalog = (wants('items.product') || wants('items.variant')) && variantIds.length > 0;
    const known = knownCatalog && variantIds.every((id) => knownCatalog.has(id)) ? knownCatalog : null;
    const catalog = needCatalog ? (known ?? (await this.products.variantsForCart(ctx, variantIds))) : new Map<string, VariantForCart>();
    const items: StoreLineItemView[] = cart.items.map((item) => {
      const found = item.variant_id ? catalog.get(item.variant_id) : undefined;
      return { ...item, product: found ? productOf(found) : null, variant: found ? { ...found.variant } : null };
    });
    return {
      ...cart,
      items,
      region,
      customer: wants('customer') ? await this.customerOf(ctx, cart) : null,
      promotions: wants('promotions') ? await this.promotionsOf(ctx, cart, links?.promotionIds) : [],
      payment_collection: wants('payment_collection') ? await this.collectionOf(ctx, cart, links?.paymentCollectionId) : null,
    };
  }

  private async customerOf(ctx: Context, cart: CartView): Promise<StoreCartView['customer']> {
    if (!cart.customer_id) return null;
    const customer = await this.customers.retrieve(ctx, cart.customer_id, { groups: true }).catch(() => null);
    if (!customer) return null;
    return { id: customer.id, email: customer.email, groups: (customer.groups ?? []).map((g) => ({ id: g.id })) };
  }

  /** The codes applied to the cart and the (automatic) promotions its adjustments come from. */
  private async promotionsOf(ctx: Context, cart: CartView, linked?: string[]): Promise<StoreCartPromotionView[]> {
    const fromAdjustments = [...cart.items.flatMap((i) => i.adjustments), ...cart.shipping_methods.flatMap((m) => m.adjustments)]
      .map((a) => a.promotion_id)
      .filter((id): id is string => !!id);
    const ids = [...new Set([...(linked ?? (await this.cartPromotions.promotionsOf(ctx, cart.id))), ...fromAdjustments])];
    if (!ids.length) return [];
    return (await this.promotions.listByIds(ctx, ids)).map((p) => ({
      id: p.id,
      code: p.code,
      is_automatic: p.is_automatic,
      application_method: p.application_method
        ? { value: p.application_method.value, type: p.application_method.type, currency_code: p.application_method.currency_code }
        : null,
    }));
  }

  private async collectionOf(ctx: Context, cart: CartView, known?: string | null): Promise<StoreCartView['payment_collection']> {
    const id = known !== undefined ? known : await this.cartCollections.collectionOf(ctx, cart.id);
    if (!id) return null;
    const [collection] = await this.payments.listCollections(ctx, [id]);
    if (!collection) return null;
    const { payments: _payments, ...rest } = collection;
    return rest;
  }
}
