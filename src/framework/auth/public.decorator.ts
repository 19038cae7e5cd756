import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'stheno:public';

/**
 * Opts a route (or a controller) out of authentication. Every other route is closed by the global
 * guards: the explicit opt-out is the only way in without credentials (ARCHITECTURE §6).
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
