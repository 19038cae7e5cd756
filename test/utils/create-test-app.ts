import { randomBytes } from 'node:crypto';
import type { ModuleMetadata } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import Redis from 'ioredis';
import request from 'supertest';
import { APP_VERSION, createApp } from '../../src/bootstrap';
import { AppConfig } from '../../src/framework/config/app-config';
import { loadConfigFile } from '../../src/framework/config/config-file';
import type { SthenoConfigFile } from '../../src/framework/config/define-config';
import { loadConfig } from '../../src/framework/config/load-config';
import { buildOpenApiDocument } from '../../src/framework/openapi/openapi';
import { OpenApiValidator } from './openapi-validator';
import { isEmbeddedTestDatabase, resetDatabase, workerDatabaseUrl } from './test-database';

export interface TestAppOptions {
  /** Environment variables for this app's configuration (over the test defaults). */
  env?: Record<string, string | undefined>;
  imports?: ModuleMetadata['imports'];
  /** A configuration file's contents (what `stheno.config.ts` exports), under `env` as in production. */
  configFile?: SthenoConfigFile;
  /** Start from an empty schema (default true); false keeps the previous app's data. */
  resetDatabase?: boolean;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  /** supertest against the app; every response is checked against the app's OpenAPI document. */
  api: Record<Method, (url: string) => request.Test>;
  /** Plain supertest, for requests no document can describe (unknown routes, preflights). */
  raw: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

/** Test defaults: this worker's database, quiet logs, fast relay polling, an isolated Redis prefix. */
export function testEnv(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    LOG_FORMAT: 'json',
    DATABASE_URL: workerDatabaseUrl(),
    // the embedded server serves exactly one connection
    DATABASE_POOL_MAX: isEmbeddedTestDatabase() ? '1' : '5',
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: `stheno-test-${process.env.JEST_WORKER_ID ?? '0'}-${randomBytes(4).toString('hex')}`,
    OUTBOX_POLL_INTERVAL_MS: '100',
    SHUTDOWN_TIMEOUT_MS: '1000',
    // suites log in many times from one address; the throttling suite sets its own limit
    AUTH_RATE_LIMIT: '1000',
    AUTH_RATE_LIMIT_IP: '100000',
    // suites build the catalog they assert on; the demo seed's catalog test turns it on
    SEED_DEMO_CATALOG: 'false',
    ...overrides,
  };
}

async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // a test that stopped Redis on purpose leaves nothing to clean
  } finally {
    redis.disconnect();
  }
}

/**
 * The configuration file `env.STHENO_CONFIG` names (relative to the working directory), as the
 * server loads it; none without the variable, so a developer's own stheno.config.ts never leaks
 * into the tests. loadConfigFile copies what it is given into process.env for the file to read:
 * given only STHENO_CONFIG, which is taken back out afterwards.
 */
function configFileOf(env: Record<string, string | undefined>): SthenoConfigFile | undefined {
  if (!env.STHENO_CONFIG) return undefined;
  const wasSet = process.env.STHENO_CONFIG !== undefined;
  try {
    return loadConfigFile({ STHENO_CONFIG: env.STHENO_CONFIG }).config;
  } finally {
    if (!wasSet) delete process.env.STHENO_CONFIG;
  }
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const env = testEnv(options.env);
  if (options.resetDatabase !== false) await resetDatabase(env.DATABASE_URL);
  const config = loadConfig(env, process.cwd(), options.configFile ?? configFileOf(env));
  const app = await createApp({ config, databaseUrl: env.DATABASE_URL!, imports: options.imports });
  const validator = new OpenApiValidator(buildOpenApiDocument(app, APP_VERSION));
  const server = app.getHttpServer();

  const checked =
    (method: Method) =>
    (url: string): request.Test => {
      const test = request(server)[method](url);
      return test.expect((res) => validator.check(method, url, res.status, res.headers['content-type'], res.body, res.text));
    };

  return {
    app,
    config,
    api: { get: checked('get'), post: checked('post'), put: checked('put'), patch: checked('patch'), delete: checked('delete') },
    raw: () => request(server),
    async close() {
      await app.close();
      if (config.redis.url) await deleteRedisKeys(config.redis.url, config.redis.prefix);
    },
  };
}

