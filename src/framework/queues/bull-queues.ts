import type { DiscoveryService } from '@nestjs/core';
import type { Queue } from 'bull';

/** What `getQueueToken(name)` of @nestjs/bull produces: `BullQueue_<name>`. */
const QUEUE_TOKEN = /^BullQueue_/;

/**
 * Every Bull queue the application registered (`BullModule.registerQueue` in any module, a plugin's
 * included), found by provider token, so the metrics and the jobs UI see a new queue without extra
 * wiring. Empty without Redis, where no queue is registered. A queue registered by two modules is
 * listed once.
 */
export function discoverBullQueues(discovery: DiscoveryService): Queue[] {
  const byName = new Map<string, Queue>();
  for (const wrapper of discovery.getProviders()) {
    if (typeof wrapper.token !== 'string' || !QUEUE_TOKEN.test(wrapper.token)) continue;
    const queue = wrapper.instance as Queue | undefined;
    if (queue && typeof queue.getJobCounts === 'function' && !byName.has(queue.name)) byName.set(queue.name, queue);
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}
