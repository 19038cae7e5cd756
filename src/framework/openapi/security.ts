import { applyDecorators } from '@nestjs/common';
import { ApiBasicAuth, ApiBearerAuth, ApiCookieAuth, ApiSecurity } from '@nestjs/swagger';
import { SECURITY } from './openapi';

/** Admin routes: a user's bearer token or session cookie, or a secret API key (any one of them). */
export const ApiAdminAuth = (): MethodDecorator & ClassDecorator =>
  applyDecorators(ApiBearerAuth(SECURITY.bearer), ApiCookieAuth(SECURITY.cookie), ApiBasicAuth(SECURITY.apiKey));

/** Store routes: the storefront's publishable key. */
export const ApiStoreAuth = (): MethodDecorator & ClassDecorator => ApiSecurity(SECURITY.publishableKey);
