import { Module } from '@nestjs/common';
import { ormFeature } from '../framework/database/entity-registry';
import { CartPaymentCollection, CartPromotion } from './cart-links.entity';
import { CartPaymentCollectionLinks, CartPromotionLinks } from './cart-links.service';
import { ProductSalesChannel, ProductVariantInventoryItem, ProductVariantPriceSet, SalesChannelStockLocation } from './catalog-links.entity';
import { LocationFulfillmentProvider, LocationFulfillmentSet, ShippingOptionPriceSet } from './fulfillment-links.entity';
import { LocationFulfillmentProviderLinks, LocationFulfillmentSetLinks, ShippingOptionPriceSetLinks } from './fulfillment-links.service';
import { OrderFulfillment, OrderPaymentCollection, ReturnFulfillment } from './order-links.entity';
import { OrderFulfillmentLinks, OrderPaymentCollectionLinks, ReturnFulfillmentLinks } from './order-links.service';
import { PublishableKeySalesChannel } from './publishable-key-sales-channel.entity';
import { RegionPaymentProvider } from './region-payment-provider.entity';
import { RegionPaymentProviderLinks } from './region-payment-provider.service';
import { PublishableKeySalesChannelLinks } from './publishable-key-sales-channel.service';
import { ProductSalesChannelLinks } from './product-sales-channel.service';
import { VariantPriceSetLinks } from './variant-price-set.service';
import { SalesChannelStockLocationLinks } from './sales-channel-stock-location.service';
import { VariantInventoryLinks } from './variant-inventory-item.service';

/** Link tables between modules, owned by none of them (ARCHITECTURE §4.2). */
@Module({
  imports: [
    ormFeature([
      PublishableKeySalesChannel,
      ProductSalesChannel,
      ProductVariantPriceSet,
      ProductVariantInventoryItem,
      SalesChannelStockLocation,
      RegionPaymentProvider,
      LocationFulfillmentSet,
      LocationFulfillmentProvider,
      ShippingOptionPriceSet,
      OrderPaymentCollection,
      OrderFulfillment,
      ReturnFulfillment,
      CartPaymentCollection,
      CartPromotion,
    ]),
  ],
  providers: [
    PublishableKeySalesChannelLinks,
    ProductSalesChannelLinks,
    VariantPriceSetLinks,
    VariantInventoryLinks,
    SalesChannelStockLocationLinks,
    RegionPaymentProviderLinks,
    LocationFulfillmentSetLinks,
    LocationFulfillmentProviderLinks,
    ShippingOptionPriceSetLinks,
    OrderPaymentCollectionLinks,
    OrderFulfillmentLinks,
    ReturnFulfillmentLinks,
    CartPaymentCollectionLinks,
    CartPromotionLinks,
  ],
  exports: [
    PublishableKeySalesChannelLinks,
    ProductSalesChannelLinks,
    VariantPriceSetLinks,
    VariantInventoryLinks,
    SalesChannelStockLocationLinks,
    RegionPaymentProviderLinks,
    LocationFulfillmentSetLinks,
    LocationFulfillmentProviderLinks,
    ShippingOptionPriceSetLinks,
    OrderPaymentCollectionLinks,
    OrderFulfillmentLinks,
    ReturnFulfillmentLinks,
    CartPaymentCollectionLinks,
    CartPromotionLinks,
  ],
})
export class LinksModule {}
