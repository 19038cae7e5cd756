import type { Server } from 'node:http';
import { ModuleMetadata } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import qs from 'qs';
import { AppModule } from './app.module';
import { AppConfig } from './framework/config/app-config';
import { SthenoError } from './framework/errors/stheno-error';
import { sendError } from './framework/errors/http-exception.filter';
import { QuietBootLogger } from './framework/logging/quiet-boot-logger';
import { dispatchByFirstSegment, ExpressRouter } from './framework/http/route-dispatch';
import { setupOpenApi } from './framework/openapi/openapi';
import { LoadedPlugin } from './framework/plugins/plugin';
import { loadPlugins } from './framework/plugins/plugin-loader';
import { packageVersion } from './framework/runtime/package-root';
import { RuntimeOptions } from './framework/runtime/runtime';

export interface CreateAppOptions {
  config: AppConfig;
  databaseUrl: string;
  runtime?: RuntimeOptions;
  imports?: ModuleMetadata['imports'];
  /** Already loaded plugins; by default the app loads those `config.plugins` names. */
  plugins?: LoadedPlugin[];
}

export const APP_VERSION: string = packageVersion();

/** Query strings are parsed with `qs`, as the js-sdk serialises them (`a[$gte]=1`, `id[]=x`). */
export function parseQueryString(query: string): qs.ParsedQs {
  return qs.parse(query, { depth: 5, arrayLimit: 200, parameterLimit: 1000, allowPrototypes: false });
}

/** A worker serves its health checks and its metrics (its queue processors and pool are worth watching). */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

const WORKER_ROUTES = /^\/(health(\/ready)?|metrics)\/?$/;

/**
 * Builds and initialises the HTTP application (migrations applied, relay and processors started per
 * worker mode) without listening: `main.ts` listens, tests hand it to supertest.
 */
export async function createApp(options: CreateAppOptions): Promise<NestExpressApplication> {
  const { config, databaseUrl, runtime = { kind: 'app' }, imports } = options;
  const plugins = options.plugins ?? (await loadPlugins(config.plugins, { config }));
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config, databaseUrl, runtime, imports, plugins }),
    { bufferLogs: true, bodyParser: false, abortOnError: false },
  );
  app.useLogger(new QuietBootLogger(app.get(Logger)));
  app.flushLogs();
  // Keep idle keep-alive connections longer than the clients and proxies in front do (load
  // balancers idle out at 60 s): with Node's 5 s default the server closes a socket just as a
  // client reuses it, and that request fails with "socket hang up" (a 502 behind a proxy).
  // Shutdown closes idle connections itself (graceful-shutdown.ts).
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
  const express = app.getHttpAdapter().getInstance();
  express.set('query parser', parseQueryString);
  express.disable('x-powered-by');
  express.set('trust proxy', config.http.trustProxy);
  express.set('etag', false);

  if (config.workerMode === 'worker') {
    // a worker answers only its health checks and metrics; everything else belongs to the server processes
    app.use((req: { path: string }, res: Parameters<typeof sendError>[1], next: () => void) =>
      WORKER_ROUTES.test(req.path)
        ? next()
        : sendError(SthenoError.notFound('This process runs in worker mode: only /health, /health/ready and /metrics are served'), res),
    );
  } else {
    setupOpenApi(app, APP_VERSION);
  }

  for (const warning of config.warnings) app.get(Logger).warn(warning);
  for (const plugin of plugins) app.get(Logger).log(`Plugin ${plugin.name} loaded from ${plugin.file}`);
  // a module that refuses to start (an unmigrated DATABASE_SCHEMA) must not leave the pool open behind it
  await app.init().catch(async (error: unknown) => {
    await app.close().catch(() => undefined);
    throw error;
  });
  dispatchByFirstSegment(express.router as unknown as ExpressRouter);
  return app;
}
