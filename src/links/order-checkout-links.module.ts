import { Module } from '@nestjs/common';
import { ormFeature } from '../framework/database/entity-registry';
import { OrderCart, OrderPromotion } from './order-checkout-links.entity';
import { OrderCartLinks, OrderPromotionLinks } from './order-checkout-links.service';

/**
 * The links checkout writes: order ↔ cart and order ↔ promotion. A module of their own (rather than
 * entries in LinksModule) so that parallel branches adding links do not collide; LinksModule may
 * absorb it.
 */
@Module({
  imports: [ormFeature([OrderCart, OrderPromotion])],
  providers: [OrderCartLinks, OrderPromotionLinks],
  exports: [OrderCartLinks, OrderPromotionLinks],
})
export class OrderCheckoutLinksModule {}
