import { Global, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AdminFeatureFlagsController } from './admin-feature-flags.controller';
import { FeatureFlagGuard } from './feature-flag.guard';
import { FeatureFlags, featureFlagRegistryProvider } from './feature-flags.service';

/**
 * `FeatureFlags` for every module, the flag guard and `GET /admin/feature-flags`. Imported before
 * AccessModule: Nest runs global guards in registration order, and a route whose flag is off must
 * answer 404 before the route-access guard can answer 401.
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  controllers: [AdminFeatureFlagsController],
  providers: [featureFlagRegistryProvider, FeatureFlags, { provide: APP_GUARD, useClass: FeatureFlagGuard }],
  exports: [FeatureFlags],
})
export class FeatureFlagsModule {}
