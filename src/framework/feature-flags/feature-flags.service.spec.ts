import { Controller, Get, Logger, Module } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { SthenoConfigModule } from '../config/config.module';
import { loadConfig } from '../config/load-config';
import { FeatureFlagged } from './feature-flagged.decorator';
import { defineFeatureFlag, FeatureFlagRegistry } from './feature-flags';
import { FeatureFlags } from './feature-flags.service';
import { FeatureFlagsModule } from './feature-flags.module';

/** No controllers to check: these tests are about values, not routes. */
const noControllers = { getControllers: () => [] } as unknown as DiscoveryService;

function flagsService(env: Record<string, string>, registry: FeatureFlagRegistry): FeatureFlags {
  const service = new FeatureFlags(loadConfig(env, '/srv/app'), registry, noControllers, new MetadataScanner(), new Reflector());
  service.onModuleInit();
  return service;
}

describe('FeatureFlags', () => {
  it('answers declared flags with their resolved values and throws on an undeclared key', () => {
    const registry = new FeatureFlagRegistry();
    defineFeatureFlag({ key: 'jobs_ui', default: true, description: 'the jobs UI' }, registry);
    const flags = flagsService({ STHENO_FF_JOBS_UI: 'off' }, registry);
    expect(flags.isEnabled('jobs_ui')).toBe(false);
    expect(() => flags.isEnabled('jobs_iu')).toThrow("Unknown feature flag 'jobs_iu' (declared: jobs_ui)");
  });

  it('resolves a flag declared after the configuration (a plugin) from its STHENO_FF_ variable, else its default', () => {
    const registry = new FeatureFlagRegistry();
    const config = loadConfig({ STHENO_FF_PLUGIN_WISHLIST: 'true' }, '/srv/app');
    // the plugin loads after the configuration was read
    defineFeatureFlag({ key: 'plugin_wishlist', default: false, description: 'a plugin feature' }, registry);
    defineFeatureFlag({ key: 'plugin_reviews', default: true, description: 'another plugin feature' }, registry);
    const flags = new FeatureFlags(config, registry, noControllers, new MetadataScanner(), new Reflector());
    flags.onModuleInit();
    expect(flags.all()).toEqual({ plugin_reviews: true, plugin_wishlist: true });
  });
});

/** A route behind a flag nobody declared (a typo of jobs_ui). */
@Controller('admin/misflagged')
class MisflaggedController {
  @Get()
  @FeatureFlagged('jobs_iu')
  list() {
    return {};
  }
}

@Module({ controllers: [MisflaggedController] })
class MisflaggedModule {}

describe('FeatureFlagsModule', () => {
  const compile = (...imports: Array<typeof MisflaggedModule>) =>
    Test.createTestingModule({ imports: [SthenoConfigModule.forRoot(loadConfig({}, '/srv/app'), { kind: 'app' }), FeatureFlagsModule, ...imports] }).compile();

  it('stops the boot when a route is behind a flag nobody declared, naming the controller and the key', async () => {
    await expect(compile(MisflaggedModule)).rejects.toThrow("MisflaggedController uses @FeatureFlagged('jobs_iu'), but no such flag is declared (declared: jobs_ui)");
  });

  it('boots when every flagged route names a declared flag', async () => {
    const module = await compile();
    expect(module.get(FeatureFlags).all()).toEqual({ jobs_ui: true });
    await module.close();
  });
});

describe('FeatureFlags boot warnings', () => {
  afterEach(() => jest.restoreAllMocks());

  it('warns once the app is loaded about an STHENO_FF_ variable that still names no flag', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const registry = new FeatureFlagRegistry();
    defineFeatureFlag({ key: 'jobs_ui', default: true, description: 'the jobs UI' }, registry);
    flagsService({ STHENO_FF_JOBS_IU: 'false', STHENO_FF_JOBS_UI: 'true' }, registry);
    expect(warn.mock.calls).toEqual([["STHENO_FF_JOBS_IU is set but no feature flag 'jobs_iu' is declared (known: jobs_ui): ignored"]]);
  });
});
