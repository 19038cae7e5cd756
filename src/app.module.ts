import { DynamicModule, Module, ModuleMetadata, Type } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { AccessModule } from './framework/auth/access.module';
import { AppConfig } from './framework/config/app-config';
import { SthenoConfigModule } from './framework/config/config.module';
import { ConfigError } from './framework/config/load-config';
import { ModuleGate } from './framework/modules/module-gate';
import { ModuleSelectionReport } from './framework/modules/module-selection-report';
import { DatabaseModule } from './framework/database/database.module';
import { SthenoExceptionFilter } from './framework/errors/http-exception.filter';
import { EventsModule } from './framework/events/events.module';
import { FeatureFlagsModule } from './framework/feature-flags/feature-flags.module';
import { SubscribersModule } from './framework/events/subscribers.module';
import { HealthModule } from './framework/health/health.module';
import { JobsModule } from './framework/jobs/jobs.module';
import { JobsUiModule } from './framework/jobs-ui/jobs-ui.module';
import { LoadedPlugin } from './framework/plugins/plugin';
import { ConfiguredProvidersModule } from './framework/providers/configured-providers.module';
import { HttpPipelineModule } from './framework/http/http-pipeline.module';
import { createValidationPipe } from './framework/http/validation';
import { LockingModule } from './framework/locking/locking.module';
import { LoggingModule } from './framework/logging/logging.module';
import { MetricsModule } from './framework/metrics/metrics.module';
import { SlowHandlerInterceptor } from './framework/logging/slow-handler.interceptor';
import { RedisModule } from './framework/redis/redis.module';
import { CacheModule } from './framework/cache/cache.module';
import { RuntimeOptions } from './framework/runtime/runtime';
import { BuiltInJobsModule } from './jobs/built-in-jobs.module';
import { LinksModule } from './links/links.module';
import { ApiKeyModule } from './modules/api-key/api-key.module';
import { AuthModule } from './modules/auth/auth.module';
import { CartModule } from './modules/cart/cart.module';
import { CartStoreModule } from './modules/cart/cart-store.module';
import { CartCheckoutModule } from './modules/cart/cart-checkout.module';
import { CurrencyModule } from './modules/currency/currency.module';
import { FulfillmentModule } from './modules/fulfillment/fulfillment.module';
import { FulfillmentAdminModule } from './modules/fulfillment/fulfillment-admin.module';
import { CustomerModule } from './modules/customer/customer.module';
import { FileModule } from './modules/file/file.module';
import { InventoryModule } from './modules/inventory/inventory.module';
import { NotificationModule } from './modules/notification/notification.module';
import { OrderAdminModule } from './modules/order/order-admin.module';
import { OrderModule } from './modules/order/order.module';
import { PricingModule } from './modules/pricing/pricing.module';
import { ProductAdminModule } from './modules/product/product-admin.module';
import { ProductModule } from './modules/product/product.module';
import { PromotionModule } from './modules/promotion/promotion.module';
import { PaymentAdminModule } from './modules/payment/payment-admin.module';
import { PaymentModule } from './modules/payment/payment.module';
import { RegionAdminModule } from './modules/region/region-admin.module';
import { RegionModule } from './modules/region/region.module';
import { SalesChannelModule } from './modules/sales-channel/sales-channel.module';
import { StockLocationAdminModule } from './modules/stock-location/stock-location-admin.module';
import { StockLocationModule } from './modules/stock-location/stock-location.module';
import { StoreModule } from './modules/store/store.module';
import { TaxModule } from './modules/tax/tax.module';
import { UserModule } from './modules/user/user.module';
import { StoreCatalogModule } from './reads/store-catalog/store-catalog.module';
import { SeedModule } from './seed/demo-store.seeder';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  runtime: RuntimeOptions;
  /** Extra modules (tests). */
  imports?: ModuleMetadata['imports'];
  /** Plugins loaded from PLUGINS (framework/plugins/plugin-loader.ts): their modules, entities and migrations. */
  plugins?: LoadedPlugin[];
}

/**
 * The Nest modules of each commerce module key of the configuration file's `modules`
 * (KNOWN_MODULE_KEYS). Keys that are always on (config/module-selection.ts) are listed too, so the
 * map reads as the whole app.
 */
const COMMERCE_MODULES: Record<string, Type[]> = {
  api_key: [ApiKeyModule],
  auth: [AuthModule],
  cart: [CartModule, CartStoreModule, CartCheckoutModule],
  currency: [CurrencyModule],
  customer: [CustomerModule],
  // infrastructure, but switchable off like a commerce module (`modules.file: false`: no uploads, no /static)
  file: [FileModule],
  fulfillment: [FulfillmentModule, FulfillmentAdminModule],
  inventory: [InventoryModule],
  notification: [NotificationModule],
  order: [OrderModule, OrderAdminModule],
  payment: [PaymentModule, PaymentAdminModule],
  pricing: [PricingModule],
  product: [ProductModule, ProductAdminModule],
  promotion: [PromotionModule],
  region: [RegionModule, RegionAdminModule],
  sales_channel: [SalesChannelModule],
  stock_location: [StockLocationModule, StockLocationAdminModule],
  store: [StoreModule],
  tax: [TaxModule],
  user: [UserModule],
};

/** Framework modules first (logging before the HTTP pipeline, so every request is logged), then one module per domain. */
@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, runtime, imports = [], plugins = [] }: AppModuleOptions): DynamicModule {
    const pluginSchema = {
      entities: plugins.flatMap((plugin) => plugin.entities),
      migrations: plugins.flatMap((plugin) => (plugin.migrations ? [plugin.migrations] : [])),
    };
    // commerce modules switched off in the configuration file, and every module that needs one
    const gate = new ModuleGate(config.modules.disabled.flatMap((key) => COMMERCE_MODULES[key] ?? []));
    const commerce = gate.filter([
      AuthModule,
      UserModule,
      ApiKeyModule,
      SalesChannelModule,
      CurrencyModule,
      RegionModule,
      RegionAdminModule,
      PaymentModule,
      StoreModule,
      ProductModule,
      ProductAdminModule,
      PricingModule,
      StockLocationModule,
      StockLocationAdminModule,
      InventoryModule,
      TaxModule,
      PromotionModule,
      FulfillmentModule,
      FulfillmentAdminModule,
      OrderModule,
      OrderAdminModule,
      PaymentAdminModule,
      CustomerModule,
      LinksModule,
      StoreCatalogModule.forRoot((module) => gate.keeps(module)),
      CartModule,
      CartStoreModule,
      CartCheckoutModule,
      NotificationModule,
      FileModule,
      BuiltInJobsModule,
    ]);
    // a plugin the operator listed never vanishes quietly: it needs a module that is on
    const pluginProblems = plugins.flatMap((plugin, index) => {
      const needs = gate.needs(plugin.module);
      return needs.length ? [`plugins[${index}] (${plugin.name}): needs ${needs.map((type) => type.name).join(', ')}, which modules switches off`] : [];
    });
    if (pluginProblems.length) throw new ConfigError(pluginProblems);
    const modules: NonNullable<ModuleMetadata['imports']> = [
      SthenoConfigModule.forRoot(config, runtime),
      LoggingModule.forRoot(config),
      MetricsModule.forRoot(),
      HttpPipelineModule.forRoot(),
      DatabaseModule.forRoot(config, databaseUrl, pluginSchema),
      RedisModule.forRoot(),
      LockingModule.forRoot(config),
      // modules.cache: CacheService in memory or on Redis, for every module
      CacheModule.forRoot(),
      EventsModule.forRoot(config),
      JobsModule.forRoot(config),
      // before AccessModule: a route whose flag is off answers 404 before authentication is checked
      FeatureFlagsModule,
      AccessModule.forRoot(config),
      HealthModule,
      JobsUiModule,
      ModuleSelectionReport.forRoot(config.modules.disabled, commerce.removed),
      // the file's modules.<key>.options.providers, for their modules' registries
      ConfiguredProvidersModule.forRoot(config),
      // commerce domains (those that are on)
      ...commerce.kept,
      SeedModule.forRoot((module) => gate.keeps(module)),
      // plugins last: on a path both declare, the app's own route is registered first
      ...plugins.map((plugin) => plugin.module),
      ...imports,
    ];
    return {
      module: AppModule,
      // src/subscribers/*.subscriber.ts: project subscribers may inject what any of these modules exports
      imports: [...modules, SubscribersModule.forDirectory({ imports: modules })],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: SthenoExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: SlowHandlerInterceptor },
      ],
    };
  }
}
