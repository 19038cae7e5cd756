import { SetMetadata } from '@nestjs/common';
import { ActorType, AuthMethod } from './auth-context';

export const ROUTE_AUTH = 'stheno:route-auth';

export interface RouteAuthOptions {
  /** Who may call: an actor type, or `*` for any authenticated actor. */
  actor: ActorType | '*';
  methods: AuthMethod[];
  /** Accept a registration token (an identity with no actor yet), as `POST /store/customers` does. */
  allowUnregistered?: boolean;
  /** Authenticate when credentials are sent, but let anonymous requests through. */
  optional?: boolean;
}

/**
 * Overrides a route family's default authentication:
 *   /admin/* → user by bearer, session or secret API key; /store/* → publishable key, customer
 *   optional; /auth/* → open; anything else → closed unless @Public().
 */
export const Authenticate = (
  actor: RouteAuthOptions['actor'],
  methods: AuthMethod[],
  options: Pick<RouteAuthOptions, 'allowUnregistered' | 'optional'> = {},
): MethodDecorator & ClassDecorator => SetMetadata(ROUTE_AUTH, { actor, methods, ...options } satisfies RouteAuthOptions);
