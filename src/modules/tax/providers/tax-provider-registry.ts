import { Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { SthenoError } from '../../../framework/errors/stheno-error';
import { ConfiguredProviders } from '../../../framework/providers/configured-providers';
import { decoratedProviders } from '../../../framework/runtime/decorated-providers';
import { SYSTEM_TAX_PROVIDER_ID, TAX_PROVIDER_ID_SHAPE, TAX_PROVIDER_KIND, TAX_PROVIDER_METADATA, TaxProvider } from '../tax.types';
import { SystemTaxProvider } from './system-tax.provider';

/**
 * The tax providers this process can call, by id. `tp_system` is always there; classes marked
 * `@RegisterTaxProvider()` in any module (plugins' included) are found at boot, then the
 * configuration file's `modules.tax.options.providers` are added, each replacing a provider of the
 * same id. The default provider (of country regions created without one) is `tp_system` unless a
 * configured entry says `is_default: true`.
 */
@Injectable()
export class TaxProviderRegistry implements OnModuleInit {
  private readonly logger = new Logger('TaxProviders');
  private readonly providers = new Map<string, TaxProvider>();
  private defaultProviderId = SYSTEM_TAX_PROVIDER_ID;

  constructor(
    system: SystemTaxProvider,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @Optional() private readonly configured?: ConfiguredProviders,
  ) {
    this.register(system);
  }

  onModuleInit(): void {
    for (const { instance } of decoratedProviders<boolean, TaxProvider>(this.discovery, this.reflector, TAX_PROVIDER_METADATA)) this.register(instance);
    for (const { id, at, className, instance, isDefault } of this.configured?.of<TaxProvider>(TAX_PROVIDER_KIND.moduleKey) ?? []) {
      if (typeof instance.getTaxLines !== 'function') throw new Error(`${at}: ${className} has no getTaxLines(items, shipping, context) method`);
      if (this.providers.has(id)) this.logger.log(`Tax provider ${id} is replaced by ${className} (${at})`);
      this.providers.set(id, instance);
      if (isDefault) this.defaultProviderId = id;
    }
  }

  register(provider: TaxProvider): void {
    if (!TAX_PROVIDER_ID_SHAPE.test(provider.id)) throw new Error(`Tax provider ids look like tp_<identifier>_<id>, got: ${provider.id}`);
    if (typeof provider.getTaxLines !== 'function') throw new Error(`Tax provider ${provider.id} has no getTaxLines(items, shipping, context) method`);
    const existing = this.providers.get(provider.id);
    if (existing && existing !== provider) throw new Error(`Tax provider ${provider.id} is registered twice`);
    this.providers.set(provider.id, provider);
  }

  has(id: string): boolean {
    return this.providers.has(id);
  }

  ids(): string[] {
    return [...this.providers.keys()].sort();
  }

  /** The provider of country regions that name none. */
  defaultId(): string {
    return this.defaultProviderId;
  }

  /** The provider, or not_found (Medusa's message) when this process does not have it. */
  get(id: string): TaxProvider {
    const provider = this.providers.get(id);
    if (!provider) {
      throw SthenoError.notFound(`Failed to resolve Tax Provider with id: ${id}. Make sure it's installed and configured in the Tax Module's options.`);
    }
    return provider;
  }
}
