import { DynamicModule, Inject, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import compression from 'compression';
import express, { RequestHandler } from 'express';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { sendError } from '../errors/http-exception.filter';
import { corsByRouteFamily } from './cors';
import { ShutdownState } from '../runtime/shutdown-state';

/** JSON bodies only (Medusa's dialect); parse failures answer here with the standard error body. */
export function jsonBodyParser(limit: string): RequestHandler {
  const parse = express.json({ limit, strict: true, type: ['application/json', 'application/*+json'] });
  return (req, res, next) => parse(req, res, (error?: unknown) => (error ? sendError(error, res) : next()));
}

export function compressionMiddleware(config: AppConfig['http']['compression']): RequestHandler {
  return compression({
    level: config.level,
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
  ) {}

  static forRoot(): DynamicModule {
    return { module: HttpPipelineModule, providers: [ShutdownState], exports: [ShutdownState] };
  }

  configure(consumer: MiddlewareConsumer): void {
    const { http } = this.config;
    const drain: RequestHandler = (_req, res, next) => {
      if (this.shutdown.draining) res.setHeader('Connection', 'close');
      next();
    };
    const handlers: RequestHandler[] = [drain, corsByRouteFamily(http)];
    if (http.compression.enabled) handlers.push(compressionMiddleware(http.compression));
    handlers.push(jsonBodyParser(http.bodyLimit));
    consumer.apply(...handlers).forRoutes({ path: '*splat', method: RequestMethod.ALL });
  }
}
