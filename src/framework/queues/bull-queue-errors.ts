import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Queue } from 'bull';
import { discoverBullQueues } from './bull-queues';

/**
 * Bull re-emits its Redis clients' connection errors on the queue, and an 'error' event nobody
 * listens to crashes the process. Every queue of the application (a plugin's included, found by
 * provider token) gets a listener here, in one place, that logs once per outage.
 */
@Injectable()
export class BullQueueErrorListeners implements OnModuleInit {
  private readonly logger = new Logger('BullQueues');

  constructor(private readonly discovery: DiscoveryService) {}

  /** Every provider exists by now, so every registered queue is found. */
  onModuleInit(): void {
    for (const queue of discoverBullQueues(this.discovery)) this.listen(queue);
  }

  private listen(queue: Queue): void {
    let down = false;
    queue.on('error', (error: Error) => {
      if (!down) this.logger.warn({ err: error, queue: queue.name }, `Queue ${queue.name} cannot reach Redis: ${error.message}`);
      down = true;
    });
    queue.client.on('ready', () => {
      if (down) this.logger.log(`Queue ${queue.name} reconnected to Redis`);
      down = false;
    });
  }
}
