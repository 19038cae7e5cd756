import { Module } from '@nestjs/common';
import { ProductFlows } from '../../flows/product/product-flows.service';
import { LinksModule } from '../../links/links.module';
import { InventoryModule } from '../inventory/inventory.module';
import { PricingModule } from '../pricing/pricing.module';
import { SalesChannelModule } from '../sales-channel/sales-channel.module';
import { AdminProductOptionsController } from './http/admin-product-options.controller';
import { AdminProductVariantsController, AdminVariantsController } from './http/admin-product-variants.controller';
import { AdminProductViews } from './http/admin-product-views';
import { AdminProductsController } from './http/admin-products.controller';
import { AdminSalesChannelProductsController } from './http/admin-sales-channel-products.controller';
import { ProductModule } from './product.module';

/**
 * The admin product routes. They combine the product module with pricing, inventory and sales
 * channels (through their facades and the links), so they live in a module of their own: the
 * pricing and inventory modules may depend on ProductModule (price lists link products), and
 * ProductModule itself must not depend on them, or the modules would import each other.
 */
@Module({
  imports: [ProductModule, PricingModule, InventoryModule, SalesChannelModule, LinksModule],
  controllers: [AdminProductsController, AdminProductVariantsController, AdminVariantsController, AdminProductOptionsController, AdminSalesChannelProductsController],
  providers: [ProductFlows, AdminProductViews],
  exports: [ProductFlows],
})
export class ProductAdminModule {}
