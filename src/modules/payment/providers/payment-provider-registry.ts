import { Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { SthenoError } from '../../../framework/errors/stheno-error';
import { ConfiguredProviders } from '../../../framework/providers/configured-providers';
import { decoratedProviders } from '../../../framework/runtime/decorated-providers';
import { PAYMENT_PROVIDER_ID_SHAPE, PAYMENT_PROVIDER_KIND, PAYMENT_PROVIDER_METADATA, PaymentProvider } from '../payment.types';
import { SystemPaymentProvider } from './system-payment.provider';

/**
 * The providers this process can call, by id. `pp_system_default` is always there; every provider
 * class marked `@RegisterPaymentProvider()` (in any module, plugins' included) is found at boot,
 * then the configuration file's `modules.payment.options.providers` are added, each replacing a
 * provider of the same id; tests may also add classes with `PaymentProvidersModule.register([...])`
 * (payment.module.ts).
 */
@Injectable()
export class PaymentProviderRegistry implements OnModuleInit {
  private readonly logger = new Logger('PaymentProviders');
  private readonly providers = new Map<string, PaymentProvider>();
  /** Bumped on every registration, so the provider table is synced again (payment-provider-table.ts). */
  version = 0;

  constructor(
    system: SystemPaymentProvider,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @Optional() private readonly configured?: ConfiguredProviders,
  ) {
    this.register(system);
  }

  onModuleInit(): void {
    for (const { instance } of decoratedProviders<boolean, PaymentProvider>(this.discovery, this.reflector, PAYMENT_PROVIDER_METADATA)) this.register(instance);
    for (const { id, at, className, instance } of this.configured?.of<PaymentProvider>(PAYMENT_PROVIDER_KIND.moduleKey) ?? []) {
      if (this.providers.has(id)) this.logger.log(`Payment provider ${id} is replaced by ${className} (${at})`);
      this.providers.set(id, instance);
      this.version += 1;
    }
  }

  register(provider: PaymentProvider): void {
    if (!PAYMENT_PROVIDER_ID_SHAPE.test(provider.id)) {
      throw new Error(`Payment provider ids look like pp_<identifier>_<id>, got: ${provider.id}`);
    }
    const existing = this.providers.get(provider.id);
    if (existing && existing !== provider) throw new Error(`Payment provider ${provider.id} is registered twice`);
    this.providers.set(provider.id, provider);
    this.version += 1;
  }

  has(id: string): boolean {
    return this.providers.has(id);
  }

  ids(): string[] {
    return [...this.providers.keys()].sort();
  }

  /** The provider, or not_found when this process does not have it. */
  get(id: string): PaymentProvider {
    const provider = this.providers.get(id);
    if (!provider) throw SthenoError.notFound(`Could not find a payment provider with id: ${id}`);
    return provider;
  }
}
