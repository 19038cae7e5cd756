import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorResponseDto, UnauthorizedResponseDto } from './error-responses';

export const OPENAPI_JSON_PATH = '/openapi.json';
export const DOCS_PATH = 'docs';

/** Security scheme names used by route decorators (`@ApiSecurity(SECURITY.publishableKey)`). */
export const SECURITY = {
  bearer: 'jwt_token',
  cookie: 'cookie_auth',
  apiKey: 'api_token',
  publishableKey: 'publishable_api_key',
  metricsToken: 'metrics_token',
} as const;

export function buildOpenApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Stheno API')
    .setDescription(
      'Headless commerce API speaking Medusa v2\'s Store (`/store`), Admin (`/admin`) and Auth (`/auth`) dialect. ' +
        'Store routes need `x-publishable-api-key`; admin routes need a user (bearer token or session cookie) or a secret API key.',
    )
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, SECURITY.bearer)
    .addCookieAuth('connect.sid', { type: 'apiKey', in: 'cookie', name: 'connect.sid' }, SECURITY.cookie)
    .addBasicAuth(
      { type: 'http', scheme: 'basic', description: 'A secret API key as the username, empty password: `Basic base64(sk_…:)`' },
      SECURITY.apiKey,
    )
    .addApiKey({ type: 'apiKey', in: 'header', name: 'x-publishable-api-key' }, SECURITY.publishableKey)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'The METRICS_TOKEN of the deployment (GET /metrics only)' }, SECURITY.metricsToken)
    .build();
  return SwaggerModule.createDocument(app, config, {
    extraModels: [ErrorResponseDto, UnauthorizedResponseDto],
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
}

/** Serves Swagger UI at /docs and the document at /openapi.json. */
export function setupOpenApi(app: INestApplication, version: string): OpenAPIObject {
  const document = buildOpenApiDocument(app, version);
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    yamlDocumentUrl: '/openapi.yaml',
    customSiteTitle: 'Stheno API',
  });
  return document;
}
