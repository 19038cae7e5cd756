import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { FeatureFlagDefinition } from './feature-flags';

export const FEATURE_FLAG_METADATA = 'stheno:feature-flag';
/** OpenAPI extension naming the flag an operation depends on; the document builder drops operations whose flag is off. */
export const FEATURE_FLAG_OPENAPI_EXTENSION = 'x-stheno-feature-flag';

/**
 * Puts a route (on a handler) or every route of a controller (on the class) behind a flag: while it
 * is off, the route answers 404 exactly as a route that does not exist, before authentication, and
 * it is left out of the OpenAPI document.
 *
 *   @FeatureFlagged('view_configurations')  or  @FeatureFlagged(VIEW_CONFIGURATIONS_FLAG)
 */
export function FeatureFlagged(flag: string | FeatureFlagDefinition): MethodDecorator & ClassDecorator {
  const key = typeof flag === 'string' ? flag : flag.key;
  return applyDecorators(SetMetadata(FEATURE_FLAG_METADATA, key), ApiExtension(FEATURE_FLAG_OPENAPI_EXTENSION, key));
}
