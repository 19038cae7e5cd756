import { DynamicModule, Module, Type } from '@nestjs/common';
import { ormFeature } from '../../framework/database/entity-registry';
import { EARLY_RESPONDER } from '../../framework/http/early-responder';
import { ApiKeyModule } from '../../modules/api-key/api-key.module';
import { CustomerModule } from '../../modules/customer/customer.module';
import { CartModule } from '../../modules/cart/cart.module';
import { InventoryModule } from '../../modules/inventory/inventory.module';
import { PricingModule } from '../../modules/pricing/pricing.module';
import { RegionModule } from '../../modules/region/region.module';
import { CatalogVersion } from './catalog-version.entity';
import { StoreCacheFastPath } from './http/store-cache-fast-path';
import { StoreProductVariantsController } from './http/store-product-variants.controller';
import { StoreProductsController } from './http/store-products.controller';
import { PricingContextResolver } from './pricing-context';
import { storeResponseCacheProvider } from './shared-response-cache';
import { CATALOG_SHOWS_STOCK, StoreCatalogService } from './store-catalog.service';

/**
 * The storefront's catalog read (ARCHITECTURE §4.4, §9): purpose-built SQL across the product,
 * pricing, inventory and link tables, with a fixed number of statements per request. A documented
 * exception to module boundaries (docs/architecture-notes.md): it reads those tables, never writes.
 */
@Module({
  imports: [ormFeature([CatalogVersion]), RegionModule, PricingModule, ApiKeyModule],
  controllers: [StoreProductsController, StoreProductVariantsController],
  providers: [StoreCatalogService, PricingContextResolver, storeResponseCacheProvider, StoreCacheFastPath, { provide: EARLY_RESPONDER, useExisting: StoreCacheFastPath }],
})
export class StoreCatalogModule {
  /**
   * The catalog also uses carts (`cart_id` prices in the cart's context) and customers (a
   * signed-in customer's group prices), but does without them: with the cart or customer module
   * switched off (`keeps` false), the catalog still serves, `cart_id` is refused and every
   * shopper gets guest prices. With the inventory module off, `inventory_quantity` is refused.
   */
  static forRoot(keeps: (module: Type) => boolean = () => true): DynamicModule {
    return {
      module: StoreCatalogModule,
      imports: [CustomerModule, CartModule].filter((module) => keeps(module)),
      // the catalog reads stock from the inventory tables itself: with inventory off, nothing keeps them
      providers: [{ provide: CATALOG_SHOWS_STOCK, useValue: keeps(InventoryModule) }],
    };
  }
}
