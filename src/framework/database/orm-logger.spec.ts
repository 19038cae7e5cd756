import { Logger, LoggerService } from '@nestjs/common';
import { OrmLogger } from './orm-logger';
import type { DatabaseLoggingCategory } from '../config/app-config';

/** Captures what reaches the app logger: level, fields, message. */
class Capture implements LoggerService {
  readonly lines: Array<{ level: string; fields: unknown; message: unknown }> = [];
  log(fields: unknown, message?: unknown): void {
    this.lines.push({ level: 'info', fields, message });
  }
  warn(fields: unknown, message?: unknown): void {
    this.lines.push({ level: 'warn', fields, message });
  }
  error(fields: unknown, message?: unknown): void {
    this.lines.push({ level: 'error', fields, message });
  }
}

describe('OrmLogger', () => {
  let capture: Capture;
  beforeEach(() => {
    capture = new Capture();
    Logger.overrideLogger(capture);
  });
  afterAll(() => Logger.overrideLogger(false));

  const logger = (...categories: DatabaseLoggingCategory[]) => OrmLogger.factory(categories)();

  it('logs a statement with its duration and never its values, and never asks for inlined values', () => {
    const orm = logger('query');
    expect(orm.isEnabled('query')).toBe(true);
    expect(orm.isEnabled('query-params')).toBe(false);
    orm.logQuery({ query: 'select * from "user"\n  where "email" = $1', params: ['secret@example.com'], took: 3, level: 'info' });
    expect(capture.lines).toEqual([{ level: 'info', fields: { db: 'query' }, message: 'select * from "user" where "email" = $1 [took 3 ms]' }]);
    expect(JSON.stringify(capture.lines)).not.toContain('secret@example.com');
  });

  it('logs only the categories configured', () => {
    const orm = logger('migration');
    expect(orm.isEnabled('query')).toBe(false);
    orm.logQuery({ query: 'select 1', level: 'info' });
    orm.log('info', 'MikroORM version: 6');
    orm.log('migrator', "Applied 'Migration1_x'", { enabled: true });
    expect(capture.lines).toEqual([{ level: 'info', fields: { db: 'migration' }, message: "Applied 'Migration1_x'" }]);
  });

  it('logs a failed statement under error at the error level, or under query when only query is on', () => {
    logger('error').logQuery({ query: 'insert into "x" values ($1)', took: 1, level: 'error' });
    logger('error').logQuery({ query: 'select 2', took: 1, level: 'info' });
    logger('query').logQuery({ query: 'insert into "y" values ($1)', took: 1, level: 'error' });
    expect(capture.lines).toEqual([
      { level: 'error', fields: { db: 'error' }, message: 'insert into "x" values ($1) [took 1 ms]' },
      { level: 'error', fields: { db: 'query' }, message: 'insert into "y" values ($1) [took 1 ms]' },
    ]);
  });

  it('sends deprecations and warnings under warn, discovery under info without a line per entity', () => {
    const orm = logger('warn', 'info');
    orm.warn('deprecated', 'something is deprecated');
    orm.log('discovery', 'ORM entity discovery started');
    orm.log('discovery', '- processing entity Cart');
    expect(capture.lines).toEqual([
      { level: 'warn', fields: { db: 'warn' }, message: 'something is deprecated' },
      { level: 'info', fields: { db: 'info' }, message: 'ORM entity discovery started' },
    ]);
  });
});
