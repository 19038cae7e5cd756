import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ConfigError } from '../config/load-config';
import { FEATURE_FLAG_METADATA } from './feature-flagged.decorator';
import { featureFlagEnvName, featureFlagRegistry, FeatureFlagRegistry } from './feature-flags';

export const FEATURE_FLAG_REGISTRY = Symbol('FEATURE_FLAG_REGISTRY');

/**
 * The resolved flags, for services (`flags.isEnabled('jobs_ui')`), the route guard and
 * `GET /admin/feature-flags`. Values are fixed for the life of the process: a change is a restart,
 * as with every other setting.
 *
 * Flags declared after the configuration was read (by a plugin loaded from PLUGINS) are resolved
 * here, from the `STHENO_FF_*` values the configuration kept aside, else their default.
 */
@Injectable()
export class FeatureFlags implements OnModuleInit {
  private readonly logger = new Logger('FeatureFlags');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FEATURE_FLAG_REGISTRY) private readonly registry: FeatureFlagRegistry,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {
    // at construction, not onModuleInit: the OpenAPI document is built before the app's init hooks run
    this.checkFlaggedRoutes();
    // plugins are loaded by now (they declare their flags when loaded): a file key naming no flag is a typo
    const unknown = Object.keys(this.config.featureFlagSettings.undeclaredInFile).filter((key) => !this.registry.get(key));
    if (unknown.length) {
      throw new ConfigError(unknown.map((key) => `featureFlags.${key}: unknown feature flag (known: ${this.registry.keys().join(', ') || 'none'})`));
    }
  }

  onModuleInit(): void {
    // plugins are loaded by now: an STHENO_FF_ variable still naming no flag is a typo or a missing plugin
    for (const key of Object.keys(this.config.featureFlagSettings.undeclared)) {
      if (!this.registry.get(key)) {
        this.logger.warn(`${featureFlagEnvName(key)} is set but no feature flag '${key}' is declared (known: ${this.registry.keys().join(', ')}): ignored`);
      }
    }
  }

  /** A misspelt `@FeatureFlagged` key stops the boot here rather than failing every request to its route. */
  private checkFlaggedRoutes(): void {
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller?.prototype) continue;
      const targets = [controller, ...this.scanner.getAllMethodNames(controller.prototype).map((name) => controller.prototype[name as keyof object])];
      for (const target of targets) {
        const key = this.reflector.get<string | undefined>(FEATURE_FLAG_METADATA, target);
        if (key !== undefined && !this.registry.get(key)) {
          throw new Error(`${controller.name} uses @FeatureFlagged('${key}'), but no such flag is declared (declared: ${this.registry.keys().join(', ') || 'none'})`);
        }
      }
    }
  }

  /** Whether a declared flag is on. An undeclared key is a programming error (a typo), never "off". */
  isEnabled(key: string): boolean {
    const resolved = this.config.featureFlags[key];
    if (resolved !== undefined) return resolved;
    const definition = this.registry.get(key);
    if (!definition) throw new Error(`Unknown feature flag '${key}' (declared: ${this.registry.keys().join(', ') || 'none'})`);
    const settings = this.config.featureFlagSettings;
    return settings.undeclared[key] ?? settings.undeclaredInFile[key] ?? definition.default;
  }

  /** Every declared flag and its value, sorted by key. */
  all(): Record<string, boolean> {
    return Object.fromEntries(this.registry.keys().map((key) => [key, this.isEnabled(key)]));
  }
}

/** The registry provider: the process-wide one, unless a test provides its own. */
export const featureFlagRegistryProvider = { provide: FEATURE_FLAG_REGISTRY, useValue: featureFlagRegistry };
