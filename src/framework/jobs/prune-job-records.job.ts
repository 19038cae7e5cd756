import { Inject, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Queue } from 'bull';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { discoverBullQueues } from '../queues/bull-queues';
import { ScheduledJob, ScheduledJobHandler } from './scheduled-job.decorator';
import { TickClaims } from './tick-claims';

const BATCH = 5000;
const HOUR_MS = 3600_000;

/** Every Bull queue the app registered (any module, plugins too): the providers under a Bull queue token. */
@Injectable()
export class BullQueues {
  constructor(private readonly discovery: DiscoveryService) {}

  all(): Queue[] {
    return discoverBullQueues(this.discovery);
  }
}

/**
 * Deletes completed and failed Bull jobs older than JOB_RETENTION_HOURS (0: keeps them) from every
 * queue, so Redis does not grow with history (without Redis there are no queues), and the tick
 * claims of the Redis-less scheduler older than that.
 */
@ScheduledJob({ id: 'prune-job-records', cron: '27 * * * *' })
export class PruneJobRecordsJob implements ScheduledJobHandler {
  private readonly logger = new Logger('PruneJobRecords');

  constructor(
    private readonly queues: BullQueues,
    private readonly claims: TickClaims,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(): Promise<void> {
    const hours = this.config.jobs.jobRetentionHours;
    if (hours === 0) return;
    for (const queue of this.queues.all()) {
      for (const status of ['completed', 'failed'] as const) {
        let removed = 0;
        for (;;) {
          const batch = await queue.clean(hours * HOUR_MS, status, BATCH);
          removed += batch.length;
          if (batch.length < BATCH) break;
        }
        if (removed) this.logger.log({ queue: queue.name, status, removed }, `Pruned ${removed} ${status} jobs of ${queue.name} older than ${hours} h`);
      }
    }
    const claims = await this.claims.prune(hours);
    if (claims) this.logger.log({ deleted: claims }, `Pruned ${claims} scheduled job tick claims older than ${hours} h`);
  }
}
