import { Module } from '@nestjs/common';
import { ormFeature } from '../../framework/database/entity-registry';
import { CartService } from './cart.service';
import { Cart, CartAddress } from './entities/cart.entity';
import { CartLineItem, CartLineItemAdjustment, CartLineItemTaxLine } from './entities/line-item.entity';
import { CartCreditLine, CartShippingMethod, CartShippingMethodAdjustment, CartShippingMethodTaxLine } from './entities/shipping-method.entity';

/** Carts and what they own. Exports only the facade; the store routes live in CartStoreModule. */
@Module({
  imports: [
    ormFeature([
      Cart,
      CartAddress,
      CartLineItem,
      CartLineItemAdjustment,
      CartLineItemTaxLine,
      CartShippingMethod,
      CartShippingMethodAdjustment,
      CartShippingMethodTaxLine,
      CartCreditLine,
    ]),
  ],
  providers: [CartService],
  exports: [CartService],
})
export class CartModule {}
