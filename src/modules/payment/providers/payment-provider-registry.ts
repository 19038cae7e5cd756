import { Injectable } from '@nestjs/common';
import { SthenoError } from '../../../framework/errors/stheno-error';
import { PaymentProvider } from '../payment.types';
import { SystemPaymentProvider } from './system-payment.provider';

/**
 * The providers this process can call, by id. `pp_system_default` is always there; plugins and
 * tests add theirs with `PaymentProvidersModule.register([...])` (payment.module.ts).
 */
@Injectable()
export class PaymentProviderRegistry {
  private readonly providers = new Map<string, PaymentProvider>();
  /** Bumped on every registration, so the provider table is synced again (payment-provider-table.ts). */
  version = 0;

  constructor(system: SystemPaymentProvider) {
    this.register(system);
  }

  register(provider: PaymentProvider): void {
    if (!/^pp_[a-z0-9_-]+$/i.test(provider.id)) {
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
