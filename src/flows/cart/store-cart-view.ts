import { Injectable } from '@nestjs/common';
import { Context } from '../../framework/context/context';
import { projectFields } from '../../framework/http/envelopes';
import { ResolvedFields } from '../../framework/http/list-query';
import { CartService } from '../../modules/cart/cart.service';
import type { CartView, LineItemView } from '../../modules/cart/cart.types';
import { ProductService } from '../../modules/product/product.service';
import type { VariantForCart } from '../../modules/product/product.types';
import { RegionService } from '../../modules/region/region.service';
import type { RegionView } from '../../modules/region/region.types';
import type { StorefrontCaller } from './cart-flow.types';
import { assertCallerMayUse } from './cart.flows';

/** A line as the store shows it: the cart module's line plus the live product and variant. */
export type StoreLineItemView = LineItemView & {
  product?: Record<string, unknown> | null;
  variant?: Record<string, unknown> | null;
};

/** The store cart: the cart with its region and (phase 2) promotions, customer, payment collection. */
export type StoreCartView = Omit<CartView, 'items'> & {
  items: StoreLineItemView[];
  region: RegionView | null;
  promotions: unknown[];
};

function productOf(found: VariantForCart): Record<string, unknown> {
  const p = found.product;
  return {
    id: p.id,
    title: p.title,
    subtitle: p.subtitle,
    description: p.description,
    handle: p.handle,
    status: p.status,
    thumbnail: p.thumbnail,
    is_giftcard: p.is_giftcard,
    discountable: p.discountable,
    collection_id: p.collection_id,
    type_id: p.type_id,
    categories: p.category_ids.map((id) => ({ id })),
    tags: p.tags,
  };
}

/**
 * The one place the store cart response is built (every store cart route answers with it), in a
 * bounded number of statements whatever the number of lines: the cart with its totals (1), its
 * region with countries (2), and — only when the fields ask for `items.product` or `items.variant`
 * — the live products and variants of its lines (1).
 */
@Injectable()
export class StoreCartViews {
  constructor(
    private readonly carts: CartService,
    private readonly regions: RegionService,
    private readonly products: ProductService,
  ) {}

  async build(ctx: Context, cartId: string, fields: ResolvedFields, caller: StorefrontCaller): Promise<Partial<StoreCartView>> {
    const cart = await this.carts.retrieve(ctx, cartId);
    assertCallerMayUse(cart, caller);
    return projectFields(await this.decorate(ctx, cart, fields), fields);
  }

  private async decorate(ctx: Context, cart: CartView, fields: ResolvedFields): Promise<StoreCartView> {
    const wants = (relation: string) => fields.relations.includes(relation);
    const region = wants('region') && cart.region_id ? await this.regions.retrieve(ctx, cart.region_id).catch(() => null) : null;
    const variantIds = cart.items.map((i) => i.variant_id).filter((id): id is string => !!id);
    const needCatalog = (wants('items.product') || wants('items.variant')) && variantIds.length > 0;
    const catalog = needCatalog ? await this.products.variantsForCart(ctx, variantIds) : new Map<string, VariantForCart>();
    const items: StoreLineItemView[] = cart.items.map((item) => {
      const found = item.variant_id ? catalog.get(item.variant_id) : undefined;
      return { ...item, product: found ? productOf(found) : null, variant: found ? { ...found.variant } : null };
    });
    return { ...cart, items, region, promotions: [] };
  }
}
