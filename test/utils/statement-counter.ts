import { MikroORM } from '@mikro-orm/core';
import type { INestApplication } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';

interface QueryEvent {
  sql: string;
}

/**
 * Records the SQL statements the application sends while `run` is in flight (every statement goes
 * through the ORM's knex client, raw ones included). Keep background pollers quiet in the app under
 * test (a long OUTBOX_POLL_INTERVAL_MS), or their statements land in the count.
 */
export class StatementCounter {
  private readonly knex: { on(event: 'query', listener: (event: QueryEvent) => void): unknown; removeListener(event: 'query', listener: (event: QueryEvent) => void): unknown };

  constructor(app: INestApplication) {
    const em = app.get(MikroORM).em as EntityManager;
    this.knex = em.getConnection().getKnex() as unknown as StatementCounter['knex'];
  }

  /** The ORM, for tests that write behind the API's back. */
  static ormToken(): typeof MikroORM {
    return MikroORM;
  }

  async record(run: () => Promise<unknown>): Promise<string[]> {
    const statements: string[] = [];
    const listener = (event: QueryEvent) => statements.push(event.sql);
    this.knex.on('query', listener);
    try {
      await run();
    } finally {
      this.knex.removeListener('query', listener);
    }
    return statements;
  }
}
