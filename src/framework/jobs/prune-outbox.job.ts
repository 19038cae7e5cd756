import { Inject, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { idTimeFloor } from '../database/ids';
import { EventInbox } from '../events/event-inbox.service';
import { ScheduledJob, ScheduledJobHandler } from './scheduled-job.decorator';

const BATCH = 1000;
const HOUR_MS = 3600_000;

/**
 * Deletes outbox rows dispatched longer ago than OUTBOX_RETENTION_HOURS (0: keeps them), a batch
 * per statement so no long transaction holds the table. Outbox ids are time-ordered, so each
 * batch walks the primary key from the oldest rows instead of scanning the table. Undelivered
 * rows are never touched. The event inbox (subscribers' exactly-once records) is kept as long: an
 * event whose outbox row is gone can no longer be redelivered by the relay.
 */
@ScheduledJob({ id: 'prune-outbox', cron: '17 * * * *' })
export class PruneOutboxJob implements ScheduledJobHandler {
  private readonly logger = new Logger('PruneOutbox');

  constructor(
    private readonly orm: MikroORM,
    private readonly inbox: EventInbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(): Promise<void> {
    const hours = this.config.jobs.outboxRetentionHours;
    if (hours === 0) return;
    // rows created before the cutoff (by their id's clock) that were dispatched before it (by the database's)
    const floor = idTimeFloor('evt', Date.now() - hours * HOUR_MS);
    const connection = (this.orm.em.fork() as EntityManager).getConnection();
    let deleted = 0;
    for (;;) {
      const rows = await connection.execute<Array<{ id: string }>>(
        `delete from event_outbox where id in (
           select id from event_outbox
            where id < ? and dispatched_at is not null and dispatched_at < now() - make_interval(hours => ?)
            order by id limit ${BATCH})
         returning id`,
        [floor, hours],
      );
      deleted += rows.length;
      if (rows.length < BATCH) break;
    }
    if (deleted) this.logger.log({ deleted }, `Pruned ${deleted} dispatched outbox rows older than ${hours} h`);
    const processed = await this.inbox.prune(hours);
    if (processed) this.logger.log({ deleted: processed }, `Pruned ${processed} event inbox rows older than ${hours} h`);
  }
}
