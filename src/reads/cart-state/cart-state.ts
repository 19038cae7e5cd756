import { Context } from '../../framework/context/context';
import { preparedQuery } from '../../framework/database/prepared';
import { CART_SQL, cartFromRow, type CartRow, type CartView } from '../../modules/cart/cart.service';
import { ACTIVE_AUTOMATIC_PROMOTION_SQL } from '../../modules/promotion/promotion.service';
import { type RegionDocument, regionDocumentSql, regionFromDocument } from '../../modules/region/region.service';
import type { RegionView } from '../../modules/region/region.types';

/** The cart's links the refresh pipeline and the store cart response need. */
export interface CartLinks {
  /** Promotions applied to the cart by code (link `cart_promotion`), oldest first. */
  promotionIds: string[];
  /** The cart's payment collection (link `cart_payment_collection`), if any. */
  paymentCollectionId: string | null;
}

/** The cart with its totals, its links, its region and whether an automatic promotion is active (the refresh's inputs). */
export interface CartState {
  cart: CartView;
  links: CartLinks;
  /** The cart's region with its countries (null when it has none, or it is gone). */
  region: RegionView | null;
  automaticPromotionsActive: boolean;
}

/**
 * The cart module's one-statement read plus what every cart change and the store cart response
 * read next: the promotion and payment collection links, the region (taxes and the response) and
 * whether any automatic promotion is active. A read model (ARCHITECTURE §4.4, "cart with
 * totals"): one statement instead of five.
 * The links are read in the same ways as `CartPromotionLinks.promotionsOf` and
 * `CartPaymentCollectionLinks.collectionOf`.
 */
const SQL = `
select s.*,
  coalesce((select jsonb_agg(cp.promotion_id order by cp.created_at, cp.promotion_id)
    from cart_promotion cp where cp.cart_id = s.cart->>'id'), '[]'::jsonb) as promotion_ids,
  (select cpc.payment_collection_id from cart_payment_collection cpc where cpc.cart_id = s.cart->>'id' limit 1) as payment_collection_id,
  ${regionDocumentSql("s.cart->>'region_id'")} as region,
  ${ACTIVE_AUTOMATIC_PROMOTION_SQL} as automatic_promotions
from (${CART_SQL}) s`;

type Row = CartRow & { promotion_ids: string[]; payment_collection_id: string | null; region: RegionDocument | null; automatic_promotions: boolean };

/** The cart's state, or null when there is no such cart. Lock the cart first to change it (`CartService.lock`). */
export async function readCartState(ctx: Context, cartId: string): Promise<CartState | null> {
  const [row] = await preparedQuery<Row>(ctx, 'stheno_cart_state', SQL, [cartId]);
  if (!row) return null;
  const cart = cartFromRow(row);
  const links = { promotionIds: row.promotion_ids, paymentCollectionId: row.payment_collection_id };
  rememberLinks(cart, links);
  const region = row.region ? regionFromDocument(row.region) : null;
  if (region) rememberRegion(cart, region);
  return { cart, links, region, automaticPromotionsActive: row.automatic_promotions };
}

/** The links of a cart view as its flow last knew them (after its last change, in its transaction). */
const linksOfView = new WeakMap<CartView, CartLinks>();

/**
 * Records `cart`'s links as known when it was read or refreshed, so the response built from that
 * very object after commit does not read them again. Only a flow that holds the cart's lock may
 * record them, and after its last change of a link.
 */
export function rememberLinks(cart: CartView, links: CartLinks): void {
  linksOfView.set(cart, links);
}

/** The links recorded for this cart object, if any (see `rememberLinks`). */
export function knownLinks(cart: CartView): CartLinks | undefined {
  return linksOfView.get(cart);
}

/** The region of a cart view as read with it, or as its flow last knew it (see `rememberRegion`). */
const regionOfView = new WeakMap<CartView, RegionView>();

/**
 * Records the region `cart` had when read or refreshed, so its response does not read it again.
 * Ignored unless it is the cart's region.
 */
export function rememberRegion(cart: CartView, region: RegionView): void {
  if (cart.region_id === region.id) regionOfView.set(cart, region);
}

/** The region recorded for this cart object, if any (see `rememberRegion`). */
export function knownRegion(cart: CartView): RegionView | undefined {
  const region = regionOfView.get(cart);
  return region && region.id === cart.region_id ? region : undefined;
}
