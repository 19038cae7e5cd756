import { Inject, Logger, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../framework/config/app-config';
import { Context } from '../framework/context/context';
import { Seeder, SeederHandler } from '../framework/database/seeding';
import { ProductFlows } from '../flows/product/product-flows.service';
import type { CreateProductRequest } from '../flows/product/product-flow.types';
import { LinksModule } from '../links/links.module';
import { SalesChannelStockLocationLinks } from '../links/sales-channel-stock-location.service';
import { VariantInventoryLinks } from '../links/variant-inventory-item.service';
import { InventoryModule } from '../modules/inventory/inventory.module';
import { InventoryService } from '../modules/inventory/inventory.service';
import { ProductAdminModule } from '../modules/product/product-admin.module';
import { ProductModule } from '../modules/product/product.module';
import { ProductService } from '../modules/product/product.service';
import { SalesChannelModule } from '../modules/sales-channel/sales-channel.module';
import { SalesChannelService } from '../modules/sales-channel/sales-channel.service';
import { StockLocationModule } from '../modules/stock-location/stock-location.module';
import { StockLocationService } from '../modules/stock-location/stock-location.service';
import { StoreModule } from '../modules/store/store.module';
import { StoreService } from '../modules/store/store.service';

const SIZES = ['S', 'M', 'L', 'XL'];
const IMAGES = 'https://medusa-public-images.s3.eu-west-1.amazonaws.com';

interface DemoProduct {
  title: string;
  handle: string;
  description: string;
  category: string;
  images: string[];
  colors?: string[];
  eur: number;
  usd: number;
}

const PRODUCTS: DemoProduct[] = [
  {
    title: 'Medusa T-Shirt',
    handle: 't-shirt',
    description: 'Reimagine the feeling of a classic T-shirt. With our cotton T-shirts, everyday essentials no longer have to be ordinary.',
    category: 'Shirts',
    images: ['tee-black-front.png', 'tee-black-back.png', 'tee-white-front.png', 'tee-white-back.png'],
    colors: ['Black', 'White'],
    eur: 10,
    usd: 15,
  },
  {
    title: 'Medusa Sweatshirt',
    handle: 'sweatshirt',
    description: 'Reimagine the feeling of a classic sweatshirt. With our cotton sweatshirt, everyday essentials no longer have to be ordinary.',
    category: 'Sweatshirts',
    images: ['sweatshirt-vintage-front.png', 'sweatshirt-vintage-back.png'],
    eur: 30,
    usd: 35,
  },
  {
    title: 'Medusa Sweatpants',
    handle: 'sweatpants',
    description: 'Reimagine the feeling of classic sweatpants. With our cotton sweatpants, everyday essentials no longer have to be ordinary.',
    category: 'Pants',
    images: ['sweatpants-gray-front.png', 'sweatpants-gray-back.png'],
    eur: 25,
    usd: 30,
  },
  {
    title: 'Medusa Shorts',
    handle: 'shorts',
    description: 'Reimagine the feeling of classic shorts. With our cotton shorts, everyday essentials no longer have to be ordinary.',
    category: 'Merch',
    images: ['shorts-vintage-front.png', 'shorts-vintage-back.png'],
    eur: 15,
    usd: 20,
  },
];

/** Every size × colour combination of a demo product, priced in EUR and USD. */
function demoProductRequest(product: DemoProduct, categoryId: string, salesChannelId: string): CreateProductRequest {
  const colors = product.colors ?? [];
  const combinations = colors.length ? SIZES.flatMap((size) => colors.map((color) => ({ size, color }))) : SIZES.map((size) => ({ size, color: undefined }));
  const prefix = product.handle.toUpperCase();
  return {
    title: product.title,
    handle: product.handle,
    description: product.description,
    status: 'published',
    weight: 400,
    thumbnail: `${IMAGES}/${product.images[0]}`,
    images: product.images.map((image) => ({ url: `${IMAGES}/${image}` })),
    categories: [{ id: categoryId }],
    sales_channels: [{ id: salesChannelId }],
    options: colors.length ? [{ title: 'Size', values: SIZES }, { title: 'Color', values: colors }] : [{ title: 'Size', values: SIZES }],
    variants: combinations.map(({ size, color }, rank) => ({
      title: color ? `${size} / ${color}` : size,
      sku: color ? `${prefix}-${size}-${color.toUpperCase()}` : `${prefix}-${size}`,
      manage_inventory: true,
      variant_rank: rank,
      options: (color ? { Size: size, Color: color } : { Size: size }) as Record<string, string>,
      prices: [
        { currency_code: 'eur', amount: product.eur },
        { currency_code: 'usd', amount: product.usd },
      ],
    })),
  };
}

/**
 * The demo catalog of a development store (SEED_DEMO_CATALOG, on by default): the "European
 * Warehouse" stock location, sold from by the default sales channel and set as the store's default
 * location, four published products in four categories with EUR and USD prices, and 1,000,000 of
 * each variant in stock there. Runs after the store seeder, through the same flows as the admin API.
 */
@Seeder({ name: 'demo-catalog', order: 20 })
class DemoCatalogSeeder implements SeederHandler {
  private readonly logger = new Logger('Seed');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly stores: StoreService,
    private readonly salesChannels: SalesChannelService,
    private readonly locations: StockLocationService,
    private readonly locationChannels: SalesChannelStockLocationLinks,
    private readonly products: ProductService,
    private readonly productFlows: ProductFlows,
    private readonly inventory: InventoryService,
    private readonly variantInventory: VariantInventoryLinks,
  ) {}

  async seed(ctx: Context): Promise<void> {
    if (!this.config.seed.demoCatalog || this.config.isProduction) {
      this.logger.log('Demo catalog skipped (SEED_DEMO_CATALOG=false or production)');
      return;
    }
    const store = await this.stores.current(ctx);
    const channelId = store?.default_sales_channel_id;
    if (!store || !channelId) throw new Error('The demo catalog needs the store seeded first (default sales channel)');
    await this.salesChannels.assertExist(ctx, [channelId]);

    const warehouse = await this.locations.create(ctx, {
      name: 'European Warehouse',
      address: { address_1: 'Nørrebrogade 1', city: 'Copenhagen', postal_code: '2200', country_code: 'dk' },
    });
    await this.locationChannels.add(ctx, channelId, [warehouse.id]);
    await this.stores.update(ctx, store.id, { default_location_id: warehouse.id });

    const categories = new Map<string, string>();
    for (const [rank, name] of ['Shirts', 'Sweatshirts', 'Pants', 'Merch'].entries()) {
      categories.set(name, await this.products.createCategory(ctx, { name, rank, is_active: true }));
    }
    const productIds = await this.productFlows.createProducts(
      ctx,
      PRODUCTS.map((product) => demoProductRequest(product, categories.get(product.category)!, channelId)),
    );

    const variantIds = [...(await this.products.variantIdsOf(ctx, productIds)).values()].flat();
    const items = [...(await this.variantInventory.itemsOf(ctx, variantIds)).values()].flat();
    await this.inventory.createLevels(
      ctx,
      items.map((item) => ({ inventory_item_id: item.inventory_item_id, location_id: warehouse.id, stocked_quantity: 1_000_000 })),
    );
  }
}

@Module({
  imports: [StoreModule, SalesChannelModule, StockLocationModule, LinksModule, ProductModule, ProductAdminModule, InventoryModule],
  providers: [DemoCatalogSeeder],
})
export class DemoCatalogSeedModule {}
