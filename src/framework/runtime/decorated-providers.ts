import type { DiscoveryService, Reflector } from '@nestjs/core';
import { isConfiguredProviderToken } from '../providers/configured-providers';

/**
 * Every instantiated provider of the application (any module, tests' and plugins' too) whose class
 * carries `metadataKey`, with that metadata: how the registries find subscribers, scheduled jobs
 * and payment, fulfillment, notification and tax providers without other wiring. Providers built
 * from the configuration file are left out: their registries take them from ConfiguredProviders,
 * with the id the file gives them.
 */
export function decoratedProviders<TMetadata, TInstance>(
  discovery: DiscoveryService,
  reflector: Reflector,
  metadataKey: string,
): Array<{ metadata: TMetadata; instance: TInstance; className: string }> {
  const found: Array<{ metadata: TMetadata; instance: TInstance; className: string }> = [];
  for (const wrapper of discovery.getProviders()) {
    if (!wrapper.metatype || !wrapper.instance || isConfiguredProviderToken(wrapper.token)) continue;
    const metadata = reflector.get<TMetadata | undefined>(metadataKey, wrapper.metatype);
    if (metadata) found.push({ metadata, instance: wrapper.instance as TInstance, className: wrapper.metatype.name });
  }
  return found;
}
