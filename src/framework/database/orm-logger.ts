import { Logger as NestLogger } from '@nestjs/common';
import type { LogContext, Logger, LoggerNamespace } from '@mikro-orm/core';
import type { DatabaseLoggingCategory } from '../config/app-config';

/**
 * MikroORM's log lines, routed into the app's logger (pino) under the `Database` context and
 * tagged `db: <category>` with Medusa's `databaseLogging` categories:
 * - `query`: each executed statement, with `$n` placeholders and never the values (they carry
 *   password hashes, tokens, personal data); `query-params` is therefore never enabled;
 * - `schema`: the schema comparator's notes (db:generate, db:check);
 * - `info`: connection and entity discovery;
 * - `migration`: each migration as it is applied;
 * - `error`: statements that failed (without `query`, only those), and MikroORM's errors;
 * - `warn`: deprecations and MikroORM's warnings.
 * Lines go out at pino's `info` (warnings at `warn`, failures at `error`): LOG_LEVEL must let them through.
 */
export class OrmLogger implements Logger {
  private readonly logger = new NestLogger('Database');

  constructor(private readonly categories: ReadonlySet<DatabaseLoggingCategory>) {}

  static factory(categories: readonly DatabaseLoggingCategory[]): () => Logger {
    const set = new Set(categories);
    return () => new OrmLogger(set);
  }

  /** Asked by MikroORM before it formats a statement for the log: only SQL, never the inlined values. */
  isEnabled(namespace: LoggerNamespace | string, context?: LogContext): boolean {
    if (namespace === 'query-params') return false;
    if (namespace === 'query') return this.categories.has('query') || this.categories.has('error');
    return this.categoryFor(namespace, '', context) !== undefined;
  }

  /** The enabled category a line is logged under, if any: a failed statement shows under `error`, or under `query`. */
  private categoryFor(namespace: string, message: string, context?: LogContext): DatabaseLoggingCategory | undefined {
    const category = categoryOf(namespace, message, context);
    if (category !== undefined && this.categories.has(category)) return category;
    const failedStatement = category === 'error' && (namespace === 'query' || namespace === 'slow-query');
    return failedStatement && this.categories.has('query') ? 'query' : undefined;
  }

  log(namespace: LoggerNamespace | string, message: string, context?: LogContext): void {
    const category = this.categoryFor(namespace, message, context);
    if (category === undefined) return;
    const line = message.replace(/\s+/g, ' ').trim();
    const fields = context?.label ? { db: category, label: context.label } : { db: category };
    if (context?.level === 'error') this.logger.error(fields, line);
    else if (context?.level === 'warning') this.logger.warn(fields, line);
    else this.logger.log(fields, line);
  }

  error(namespace: LoggerNamespace | string, message: string, context?: LogContext): void {
    this.log(namespace, message, { ...context, level: 'error' });
  }

  warn(namespace: LoggerNamespace | string, message: string, context?: LogContext): void {
    this.log(namespace, message, { ...context, level: 'warning' });
  }

  logQuery(context: LogContext): void {
    if (!context.query) return;
    // `context.params` is deliberately left out: only the statement and its timing are logged
    const meta = context.took !== undefined ? ` [took ${context.took} ms]` : '';
    this.log('query', `${context.query}${meta}`, context);
  }

  /** The categories come from the configuration; MikroORM's own debug switch does not apply. */
  setDebugMode(): void {}
}

/** Which category a MikroORM line belongs to; failures and warnings count as `error`/`warn` whatever their namespace. */
function categoryOf(namespace: string, message: string, context?: LogContext): DatabaseLoggingCategory | undefined {
  if (context?.level === 'error') return 'error';
  if (context?.level === 'warning' || namespace === 'deprecated') return 'warn';
  switch (namespace) {
    case 'query':
    case 'slow-query':
      return 'query';
    case 'schema':
      return 'schema';
    case 'info':
      return 'info';
    case 'discovery':
      // its start and finish; not a line per entity and per file
      return /^- (processing|ignoring|using cached)/.test(message) ? undefined : 'info';
    case 'migrator':
      return 'migration';
    default:
      return undefined;
  }
}
