import { Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { SthenoError } from '../../../framework/errors/stheno-error';
import { ConfiguredProviders } from '../../../framework/providers/configured-providers';
import { decoratedProviders } from '../../../framework/runtime/decorated-providers';
import { FULFILLMENT_PROVIDER_ID_SHAPE, FULFILLMENT_PROVIDER_KIND, FULFILLMENT_PROVIDER_METADATA, FulfillmentProvider } from '../fulfillment.types';
import { ManualFulfillmentProvider } from './manual.provider';

/**
 * The fulfillment providers this process knows, by id. `manual_manual` is always there; classes
 * marked `@RegisterFulfillmentProvider()` in any module (plugins' included) are found when the module
 * initialises, then the configuration file's `modules.fulfillment.options.providers` are added,
 * each replacing a provider of the same id; tests may add instances through
 * FulfillmentService.registerProvider, before the application boots, so the provider rows are
 * written at bootstrap.
 */
@Injectable()
export class FulfillmentProviderRegistry implements OnModuleInit {
  private readonly logger = new Logger('FulfillmentProviders');
  private readonly providers = new Map<string, FulfillmentProvider>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @Optional() private readonly configured?: ConfiguredProviders,
  ) {
    this.register(new ManualFulfillmentProvider());
  }

  onModuleInit(): void {
    for (const { instance } of decoratedProviders<boolean, FulfillmentProvider>(this.discovery, this.reflector, FULFILLMENT_PROVIDER_METADATA)) this.register(instance);
    for (const { id, at, className, instance } of this.configured?.of<FulfillmentProvider>(FULFILLMENT_PROVIDER_KIND.moduleKey) ?? []) {
      if (this.providers.has(id)) this.logger.log(`Fulfillment provider ${id} is replaced by ${className} (${at})`);
      this.providers.set(id, instance);
    }
  }

  register(provider: FulfillmentProvider): void {
    if (!FULFILLMENT_PROVIDER_ID_SHAPE.test(provider.id)) {
      throw new Error(`Fulfillment provider ids look like <identifier>_<id>, got '${provider.id}'`);
    }
    this.providers.set(provider.id, provider);
  }

  ids(): string[] {
    return [...this.providers.keys()];
  }

  has(id: string): boolean {
    return this.providers.has(id);
  }

  /** Throws not_found for a provider this process does not run. */
  get(id: string): FulfillmentProvider {
    const provider = this.providers.get(id);
    if (!provider) throw SthenoError.notFound(`Fulfillment provider with id: ${id} was not found`);
    return provider;
  }
}
