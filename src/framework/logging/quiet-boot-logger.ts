import { LoggerService } from '@nestjs/common';

/** Nest's own start-up chatter: one line per module and route, useful only when debugging. */
const BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/** Wraps the app logger and moves Nest's start-up lines to `debug`, so `npm start` shows what matters. */
export class QuietBootLogger implements LoggerService {
  constructor(private readonly inner: LoggerService) {}

  log(message: unknown, ...optional: unknown[]): void {
    const context = optional[optional.length - 1];
    if (typeof context === 'string' && BOOT_CONTEXTS.has(context)) {
      this.inner.debug?.(message, ...optional);
      return;
    }
    this.inner.log(message, ...optional);
  }

  error(message: unknown, ...optional: unknown[]): void {
    this.inner.error(message, ...optional);
  }

  warn(message: unknown, ...optional: unknown[]): void {
    this.inner.warn(message, ...optional);
  }

  debug(message: unknown, ...optional: unknown[]): void {
    this.inner.debug?.(message, ...optional);
  }

  verbose(message: unknown, ...optional: unknown[]): void {
    this.inner.verbose?.(message, ...optional);
  }

  fatal(message: unknown, ...optional: unknown[]): void {
    (this.inner.fatal ?? this.inner.error).call(this.inner, message, ...optional);
  }
}
