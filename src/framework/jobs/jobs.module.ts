import { BeforeApplicationShutdown, DynamicModule, Global, Inject, Logger, Module, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BullModule, getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ormFeature } from '../database/entity-registry';
import { RUNTIME_OPTIONS, RuntimeOptions, runsProcessors } from '../runtime/runtime';
import { BullScheduler, JOBS_QUEUE } from './bull-scheduler';
import { EmbeddedScheduler } from './embedded-scheduler';
import { BullQueues, PruneJobRecordsJob } from './prune-job-records.job';
import { PruneOutboxJob } from './prune-outbox.job';
import { ScheduledJobRegistry } from './scheduled-job-registry';
import { ScheduledJobRun } from './scheduled-job-run.entity';
import { TickClaims } from './tick-claims';

/**
 * Starts the scheduler where jobs run (worker and shared mode): Bull repeatables and their
 * processor with Redis, in-process timers without (each tick claimed in the database, so replicas
 * sharing it run it once). Server-mode processes and CLI commands schedule and run nothing.
 */
class JobsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ScheduledJobs');
  private embedded?: EmbeddedScheduler;

  constructor(
    private readonly registry: ScheduledJobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RUNTIME_OPTIONS) private readonly runtime: RuntimeOptions,
    private readonly claims: TickClaims,
    @Optional() @Inject(getQueueToken(JOBS_QUEUE)) private readonly queue?: Queue,
  ) {}

  onApplicationBootstrap(): void {
    if (!runsProcessors(this.config, this.runtime)) return;
    if (this.queue) {
      const scheduler = new BullScheduler(this.queue, this.registry);
      const sync = () =>
        scheduler.syncRepeatables().catch((error: unknown) => this.logger.error({ err: error }, 'Could not register the scheduled jobs in Redis'));
      // not awaited: a Redis that is down must not hold the boot. Synced again on every reconnect:
      // a Redis that was down at boot, or came back empty (restarted without persistence), would
      // otherwise hold no schedule until the next deploy
      void sync();
      this.queue.client.on('ready', () => void sync());
      scheduler.startProcessing();
    } else {
      this.embedded = new EmbeddedScheduler((jobId, tick) => this.claims.claim(jobId, tick));
      this.embedded.start(this.registry.all());
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Bull's queue (and its active jobs) is closed by @nestjs/bull when the module is destroyed
    await this.embedded?.stop(this.config.http.shutdownTimeoutMs);
  }
}

@Global()
@Module({})
export class JobsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: JobsModule,
      imports: [DiscoveryModule, ormFeature([ScheduledJobRun]), ...(config.redis.url ? [BullModule.registerQueue({ name: JOBS_QUEUE })] : [])],
      providers: [ScheduledJobRegistry, BullQueues, TickClaims, PruneOutboxJob, PruneJobRecordsJob, JobsLifecycle],
      exports: [ScheduledJobRegistry, BullQueues, TickClaims],
    };
  }
}
