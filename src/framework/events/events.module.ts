import {
  BeforeApplicationShutdown,
  DynamicModule,
  Global,
  Inject,
  Module,
  OnApplicationBootstrap,
  Optional,
  Provider,
} from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BullModule, getQueueToken } from '@nestjs/bull';
import { ormFeature } from '../database/entity-registry';
import { BullQueueErrorListeners } from '../queues/bull-queue-errors';
import { bullRedisOptions } from '../redis/redis.module';
import type { Queue } from 'bull';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RUNTIME_OPTIONS, RuntimeOptions, runsOutboxRelay, runsProcessors } from '../runtime/runtime';
import { BullDispatcher, EventJobData } from './bull-dispatcher';
import { EVENT_DISPATCHER, EVENTS_QUEUE } from './domain-event';
import { EventBus } from './event-bus.service';
import { EventInboxEntry } from './event-inbox.entity';
import { EventInbox } from './event-inbox.service';
import { EventJobsProcessor } from './event-jobs.processor';
import { LocalDispatcher } from './local-dispatcher';
import { OutboxEvent } from './outbox-event.entity';
import { OutboxRelay } from './outbox-relay.service';
import { SubscriberRegistry } from './subscriber-registry';

/** Starts the relay and the Bull processor according to the worker mode, and stops them first. */
class EventsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly processor: EventJobsProcessor,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RUNTIME_OPTIONS) private readonly runtime: RuntimeOptions,
    @Optional() @Inject(getQueueToken(EVENTS_QUEUE)) private readonly queue?: Queue<EventJobData>,
  ) {}

  onApplicationBootstrap(): void {
    if (this.queue && runsProcessors(this.config, this.runtime)) {
      this.processor.start(this.queue);
    }
    if (runsOutboxRelay(this.config, this.runtime)) this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

@Global()
@Module({})
export class EventsModule {
  static forRoot(config: AppConfig): DynamicModule {
    // Bull on Redis serves the scheduled jobs whenever Redis is configured; events go through it
    // unless the configuration file chose the local event bus (`modules.event_bus: 'local'`)
    const useRedis = Boolean(config.redis.url);
    const redisBus = useRedis && config.modules.eventBus === 'redis';
    const dispatcher: Provider = redisBus
      ? {
          provide: EVENT_DISPATCHER,
          useFactory: (queue: Queue<EventJobData>) => new BullDispatcher(queue),
          inject: [getQueueToken(EVENTS_QUEUE)],
        }
      : { provide: EVENT_DISPATCHER, useFactory: () => new LocalDispatcher() };
    return {
      module: EventsModule,
      imports: [
        DiscoveryModule,
        ormFeature([OutboxEvent, EventInboxEntry]),
        ...(useRedis
          ? [
              BullModule.forRoot({
                url: config.redis.url,
                prefix: config.redis.prefix,
                redis: bullRedisOptions(config.redis),
                settings: { lockDuration: config.events.jobLockDurationMs, stalledInterval: config.events.jobStalledIntervalMs },
              }),
              ...(redisBus ? [BullModule.registerQueue({ name: EVENTS_QUEUE })] : []),
            ]
          : []),
      ],
      // the queues' Redis error listeners live here, next to BullModule.forRoot, for every module's queues
      providers: [
        EventBus,
        EventInbox,
        SubscriberRegistry,
        OutboxRelay,
        EventJobsProcessor,
        dispatcher,
        EventsLifecycle,
        ...(useRedis ? [BullQueueErrorListeners] : []),
      ],
      exports: [EventBus, EventInbox, SubscriberRegistry, OutboxRelay],
    };
  }
}
