import { DynamicModule, Inject, Logger, Module, Type } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../framework/config/app-config';
import { Context } from '../framework/context/context';
import { Seeder, SeederHandler } from '../framework/database/seeding';
import { runFlow } from '../framework/flows/flow';
import { createUserAccountFlow } from '../flows/user/create-user-account.flow';
import { LinksModule } from '../links/links.module';
import { PublishableKeySalesChannelLinks } from '../links/publishable-key-sales-channel.service';
import { ApiKeyModule } from '../modules/api-key/api-key.module';
import { ApiKeyService } from '../modules/api-key/api-key.service';
import { AuthModule } from '../modules/auth/auth.module';
import { AuthService } from '../modules/auth/auth.service';
import { RegionModule } from '../modules/region/region.module';
import { RegionService } from '../modules/region/region.service';
import { SalesChannelModule } from '../modules/sales-channel/sales-channel.module';
import { SalesChannelService } from '../modules/sales-channel/sales-channel.service';
import { StoreModule } from '../modules/store/store.module';
import { StoreService } from '../modules/store/store.service';
import { UserModule } from '../modules/user/user.module';
import { UserService } from '../modules/user/user.service';
import { DemoCatalogSeedModule } from './demo-catalog.seeder';
import { DemoCheckoutSeedModule } from './demo-checkout.seeder';

/**
 * What a storefront needs to start: a default sales channel, a publishable key scoped to it, two
 * regions (Europe in eur, North America in usd), the store selling in both currencies, and (in
 * development only) an admin user from ADMIN_EMAIL / ADMIN_PASSWORD.
 */
@Seeder({ name: 'identity-and-storefront-access', order: 10 })
class IdentityAndStorefrontSeeder implements SeederHandler {
  private readonly logger = new Logger('Seed');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly salesChannels: SalesChannelService,
    private readonly apiKeys: ApiKeyService,
    private readonly links: PublishableKeySalesChannelLinks,
    private readonly users: UserService,
    private readonly auth: AuthService,
    private readonly regions: RegionService,
    private readonly stores: StoreService,
  ) {}

  async seed(ctx: Context): Promise<void> {
    const channel = await this.salesChannels.create(ctx, { name: 'Default Sales Channel', description: 'Created by the seed' });
    const key = await this.apiKeys.create(ctx, { title: 'Default Publishable API Key', type: 'publishable' });
    await this.links.add(ctx, key.id, [channel.id]);
    await this.apiKeys.invalidateCache();
    const europe = await this.regions.create(ctx, { name: 'Europe', currency_code: 'eur', countries: ['dk', 'fr', 'de', 'es', 'it', 'se', 'gb'] });
    await this.regions.create(ctx, { name: 'North America', currency_code: 'usd', countries: ['us', 'ca'] });
    await this.stores.create(ctx, {
      name: 'Stheno Store',
      supported_currencies: [
        { currency_code: 'eur', is_default: true },
        { currency_code: 'usd', is_default: false },
      ],
      default_sales_channel_id: channel.id,
      default_region_id: europe.id,
    });
    if (this.config.isProduction) {
      this.logger.log('Production: no default admin user is created (use stheno user:create)');
      return;
    }
    const { adminEmail: email, adminPassword: password } = this.config.seed;
    await runFlow(ctx, createUserAccountFlow({ users: this.users, auth: this.auth }), { email, password });
  }
}

@Module({})
export class SeedModule {
  /**
   * The identity and storefront seed needs only modules that are always on; the demo catalog and
   * checkout seeds need most commerce modules and are left out (`keeps` false) when one of those is
   * switched off in the configuration file's `modules`.
   */
  static forRoot(keeps: (module: Type) => boolean = () => true): DynamicModule {
    return {
      module: SeedModule,
      imports: [
        SalesChannelModule,
        ApiKeyModule,
        LinksModule,
        UserModule,
        AuthModule,
        RegionModule,
        StoreModule,
        ...[DemoCatalogSeedModule, DemoCheckoutSeedModule].filter((module) => keeps(module)),
      ],
      providers: [IdentityAndStorefrontSeeder],
    };
  }
}
