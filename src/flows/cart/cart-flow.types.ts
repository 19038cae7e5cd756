import { InventoryService } from '../../modules/inventory/inventory.service';
import { CartService } from '../../modules/cart/cart.service';
import { PricingService } from '../../modules/pricing/pricing.service';
import { ProductService } from '../../modules/product/product.service';
import { RegionService } from '../../modules/region/region.service';
import { StoreService } from '../../modules/store/store.service';
import { ProductSalesChannelLinks } from '../../links/product-sales-channel.service';
import { SalesChannelStockLocationLinks } from '../../links/sales-channel-stock-location.service';
import { VariantInventoryLinks } from '../../links/variant-inventory-item.service';
import { VariantPriceSetLinks } from '../../links/variant-price-set.service';
import { CartPaymentCollectionLinks, CartPromotionLinks } from '../../links/cart-links.service';
import { CustomerService } from '../../modules/customer/customer.service';
import { FulfillmentService } from '../../modules/fulfillment/fulfillment.service';
import { PaymentService } from '../../modules/payment/payment.service';
import { PromotionService } from '../../modules/promotion/promotion.service';
import { TaxService } from '../../modules/tax/tax.service';
import type { AddressInput } from '../../modules/cart/cart.types';

export interface CartFlowServices {
  carts: CartService;
  regions: RegionService;
  stores: StoreService;
  products: ProductService;
  pricing: PricingService;
  inventory: InventoryService;
  variantPrices: VariantPriceSetLinks;
  variantInventory: VariantInventoryLinks;
  productChannels: ProductSalesChannelLinks;
  channelLocations: SalesChannelStockLocationLinks;
  tax: TaxService;
  promotions: PromotionService;
  fulfillment: FulfillmentService;
  payments: PaymentService;
  customers: CustomerService;
  cartPromotions: CartPromotionLinks;
  cartCollections: CartPaymentCollectionLinks;
}

/** Who asks: the publishable key's sales channels and the signed-in customer, if any. */
export interface StorefrontCaller {
  sales_channel_ids: string[];
  customer_id: string | null;
}

export interface LineRequest {
  variant_id: string;
  quantity: number;
  metadata?: Record<string, unknown> | null;
}

export interface CreateCartRequest {
  region_id?: string;
  currency_code?: string;
  sales_channel_id?: string;
  email?: string | null;
  locale?: string | null;
  metadata?: Record<string, unknown> | null;
  shipping_address?: AddressInput | null;
  billing_address?: AddressInput | null;
  items?: LineRequest[];
}

export interface UpdateCartRequest {
  /** Replaces the cart's promotion codes (Medusa's updateCart). */
  promo_codes?: string[];
  region_id?: string;
  sales_channel_id?: string;
  email?: string | null;
  locale?: string | null;
  metadata?: Record<string, unknown> | null;
  shipping_address?: AddressInput | null;
  billing_address?: AddressInput | null;
}

export interface UpdateLineRequest {
  quantity: number;
  metadata?: Record<string, unknown> | null;
}

export interface AddShippingMethodRequest {
  option_id: string;
  data?: Record<string, unknown>;
}

export interface CreatePaymentSessionRequest {
  provider_id: string;
  data?: Record<string, unknown>;
}
