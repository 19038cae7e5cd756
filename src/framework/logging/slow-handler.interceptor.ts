import { CallHandler, ExecutionContext, Inject, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { Observable, tap } from 'rxjs';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** Logs handlers slower than LOG_SLOW_HANDLER_MS with their route, so slow paths show up in logs. */
@Injectable()
export class SlowHandlerInterceptor implements NestInterceptor {
  private readonly logger = new Logger('SlowHandler');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const started = performance.now();
    const request = context.switchToHttp().getRequest<Request>();
    const report = (): void => {
      const durationMs = Math.round(performance.now() - started);
      if (durationMs >= this.config.logging.slowHandlerMs) {
        const route = `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? request.path}`;
        this.logger.warn({ route, durationMs }, `Slow handler ${route} took ${durationMs} ms`);
      }
    };
    return next.handle().pipe(tap({ complete: report, error: report }));
  }
}
