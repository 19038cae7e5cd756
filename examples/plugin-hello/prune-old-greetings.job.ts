import { Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ScheduledJob, ScheduledJobHandler } from '../../src/framework/jobs/scheduled-job.decorator';

/** Greetings older than this are pruned. */
export const GREETING_RETENTION_DAYS = 90;

/**
 * Nightly at 03:00, deletes greetings older than GREETING_RETENTION_DAYS (soft-deleted ones too:
 * pruning removes rows for good). Found at boot like the app's own jobs (a provider of the
 * plugin's module marked @ScheduledJob); runs once per tick across workers. A retried run deletes
 * what is left, so it is safe to repeat.
 */
@ScheduledJob({ id: 'hello-prune-greetings', cron: '0 3 * * *' })
export class PruneOldGreetings implements ScheduledJobHandler {
  private readonly logger = new Logger('HelloPruneGreetings');

  constructor(private readonly orm: MikroORM) {}

  async run(): Promise<void> {
    const em = this.orm.em.fork() as EntityManager;
    // one statement: the table stays small with this job running; a large one would want batches
    const deleted = await em
      .getConnection()
      .execute<Array<{ id: string }>>(`delete from hello_greeting where created_at < now() - make_interval(days => ?) returning id`, [GREETING_RETENTION_DAYS]);
    if (deleted.length) this.logger.log({ deleted: deleted.length }, `Pruned ${deleted.length} greetings older than ${GREETING_RETENTION_DAYS} days`);
  }
}
