import type { DiscoveryService, Reflector } from '@nestjs/core';

/**
 * Every instantiated provider of the application (any module, tests' and plugins' too) whose class
 * carries `metadataKey`, with that metadata: how the registries find subscribers, scheduled jobs
 * and payment, fulfillment and notification providers without other wiring.
 */
export function decoratedProviders<TMetadata, TInstance>(
  discovery: DiscoveryService,
  reflector: Reflector,
  metadataKey: string,
): Array<{ metadata: TMetadata; instance: TInstance; className: string }> {
  const found: Array<{ metadata: TMetadata; instance: TInstance; className: string }> = [];
  for (const wrapper of discovery.getProviders()) {
    if (!wrapper.metatype || !wrapper.instance) continue;
    const metadata = reflector.get<TMetadata | undefined>(metadataKey, wrapper.metatype);
    if (metadata) found.push({ metadata, instance: wrapper.instance as TInstance, className: wrapper.metatype.name });
  }
  return found;
}
