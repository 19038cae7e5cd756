import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { FEATURE_FLAG_OPENAPI_EXTENSION } from '../feature-flags/feature-flagged.decorator';
import { FeatureFlags } from '../feature-flags/feature-flags.service';
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
  // the cookie the deployment names (SESSION_NAME)
  const sessionName = app.get<AppConfig>(APP_CONFIG, { strict: false }).auth.session.name;
  const config = new DocumentBuilder()
    .setTitle('Stheno API')
    .setDescription(
      'Headless commerce API speaking Medusa v2\'s Store (`/store`), Admin (`/admin`) and Auth (`/auth`) dialect. ' +
        'Store routes need `x-publishable-api-key`; admin routes need a user (bearer token or session cookie) or a secret API key.',
    )
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, SECURITY.bearer)
    .addCookieAuth(sessionName, { type: 'apiKey', in: 'cookie', name: sessionName }, SECURITY.cookie)
    .addBasicAuth(
      { type: 'http', scheme: 'basic', description: 'A secret API key as the username, empty password: `Basic base64(sk_…:)`' },
      SECURITY.apiKey,
    )
    .addApiKey({ type: 'apiKey', in: 'header', name: 'x-publishable-api-key' }, SECURITY.publishableKey)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'The METRICS_TOKEN of the deployment (GET /metrics only)' }, SECURITY.metricsToken)
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ErrorResponseDto, UnauthorizedResponseDto],
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  return withoutFlaggedOffOperations(document, app.get(FeatureFlags, { strict: false }));
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * Routes whose feature flag is off do not exist for clients (they answer 404), so the document
 * leaves them out; a path left with no operation goes too. Operations whose flag is on keep the
 * `x-stheno-feature-flag` extension: it tells readers which flag they depend on.
 */
function withoutFlaggedOffOperations(document: OpenAPIObject, flags: FeatureFlags): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const flag = (item[method] as Record<string, unknown> | undefined)?.[FEATURE_FLAG_OPENAPI_EXTENSION];
      if (typeof flag === 'string' && !flags.isEnabled(flag)) delete item[method];
    }
    if (!HTTP_METHODS.some((method) => item[method])) delete document.paths[path];
  }
  return document;
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
