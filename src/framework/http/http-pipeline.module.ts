import { DynamicModule, Inject, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import compression from 'compression';
import express, { RequestHandler } from 'express';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { sendError } from '../errors/http-exception.filter';
import { SthenoError } from '../errors/stheno-error';
import { corsByRouteFamily } from './cors';
import { EARLY_RESPONDER, EarlyResponder } from './early-responder';
import { ShutdownState } from '../runtime/shutdown-state';
import { ormFeature } from '../database/entity-registry';
import { IdempotencyKey } from './idempotency/idempotency-key.entity';

/** Routes whose handlers also get the body's exact bytes as `req.rawBody` (webhook signatures are computed over them). */
const RAW_BODY_ROUTES = /^\/hooks\//;

/** JSON bodies only (Medusa's dialect); parse failures answer here with the standard error body. */
export function jsonBodyParser(limit: string): RequestHandler {
  const parse = express.json({
    limit,
    strict: true,
    type: ['application/json', 'application/*+json'],
    verify: (req, _res, buf) => {
      if (RAW_BODY_ROUTES.test((req as { originalUrl?: string }).originalUrl ?? '')) Object.assign(req, { rawBody: buf });
    },
  });
  return (req, res, next) => parse(req, res, (error?: unknown) => (error ? sendError(error, res) : next()));
}

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => containsNul(item, depth + 1));
  return Object.entries(value).some(([key, item]) => key.includes('\u0000') || containsNul(item, depth + 1));
}

/**
 * PostgreSQL text cannot hold a NUL character (and a NUL inside a query breaks the wire protocol),
 * so a request carrying one in its URL or its JSON is refused here with a clear 400.
 */
export const rejectNulCharacters: RequestHandler = (req, res, next) => {
  if (/%00/.test(req.originalUrl) || containsNul(req.body)) {
    sendError(SthenoError.invalidData('Invalid request: text must not contain NUL (\\u0000) characters'), res);
    return;
  }
  next();
};

export function compressionMiddleware(config: AppConfig['http']['compression']): RequestHandler {
  return compression({
    level: config.level,
    memLevel: config.memLevel,
    threshold: config.threshold,
    filter: (req, res) => !req.headers['x-no-compression'] && compression.filter(req, res),
  });
}

/**
 * The request pipeline in front of the controllers (ARCHITECTURE §6): CORS per route family,
 * compression, the body parser with its size limit, and `Connection: close` while draining. Imported
 * after the logging module so that every request, even a rejected body, is logged with its id.
 */
@Module({})
export class HttpPipelineModule implements NestModule {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly shutdown: ShutdownState,
    private readonly moduleRef: ModuleRef,
  ) {}

  private responder: EarlyResponder | null | undefined;

  /** The domain's early responder, looked up once (absent when no module provides one). */
  private earlyResponder(): EarlyResponder | null {
    if (this.responder === undefined) {
      try {
        this.responder = this.moduleRef.get<EarlyResponder>(EARLY_RESPONDER, { strict: false });
      } catch {
        this.responder = null;
      }
    }
    return this.responder;
  }

  static forRoot(): DynamicModule {
    return {
      module: HttpPipelineModule,
      // the table behind `@Idempotent()` routes (framework/http/idempotency)
      imports: [ormFeature([IdempotencyKey])],
      providers: [ShutdownState],
      exports: [ShutdownState],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    const { http } = this.config;
    const drain: RequestHandler = (_req, res, next) => {
      if (this.shutdown.draining) res.setHeader('Connection', 'close');
      next();
    };
    const handlers: RequestHandler[] = [drain, corsByRouteFamily(http)];
    if (http.compression.enabled) handlers.push(compressionMiddleware(http.compression));
    handlers.push(jsonBodyParser(http.bodyLimit), rejectNulCharacters);
    // last: what reaches it has been logged, given its CORS headers and checked like any request
    handlers.push((req, res, next) => {
      const responder = req.method === 'GET' && !this.shutdown.draining ? this.earlyResponder() : null;
      if (!responder?.claims(req.originalUrl.split('?', 1)[0])) return next();
      responder.respond(req, res).then(
        (sent) => (sent ? undefined : next()),
        () => next(),
      );
    });
    consumer.apply(...handlers).forRoutes({ path: '*splat', method: RequestMethod.ALL });
  }
}
