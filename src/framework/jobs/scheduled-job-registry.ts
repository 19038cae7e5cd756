import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { parseExpression } from 'cron-parser';
import { decoratedProviders } from '../runtime/decorated-providers';
import { SCHEDULED_JOB_METADATA, ScheduledJobHandler, ScheduledJobOptions } from './scheduled-job.decorator';

export interface RegisteredJob {
  options: Required<Omit<ScheduledJobOptions, 'timeoutMs'>> & Pick<ScheduledJobOptions, 'timeoutMs'>;
  handler: ScheduledJobHandler;
}

// ':' would break Bull's repeat keys, which are ':'-separated
const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** The next tick strictly after `after`, per the cron expression (throws on a bad expression). */
export function nextTick(cron: string, after: Date): Date {
  return parseExpression(cron, { currentDate: after }).next().toDate();
}

/**
 * Finds every @ScheduledJob provider at boot, from any module (plugins included), and refuses a
 * bad definition before anything runs: an invalid cron, a duplicate id, a missing run().
 */
@Injectable()
export class ScheduledJobRegistry implements OnModuleInit {
  private readonly byId = new Map<string, RegisteredJob>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const { metadata, instance } of decoratedProviders<ScheduledJobOptions, ScheduledJobHandler>(this.discovery, this.reflector, SCHEDULED_JOB_METADATA)) {
      this.register(metadata, instance);
    }
  }

  register(options: ScheduledJobOptions, handler: ScheduledJobHandler): void {
    const { id, cron } = options;
    if (!JOB_ID.test(id ?? '')) {
      throw new Error(`Scheduled job id '${id}' is invalid: use 1-100 letters, digits, '.', '_' or '-'`);
    }
    if (this.byId.has(id)) throw new Error(`Two scheduled jobs share the id '${id}': ids must be unique`);
    if (typeof handler.run !== 'function') throw new Error(`Scheduled job '${id}' has no run() method`);
    try {
      nextTick(cron, new Date());
    } catch (error) {
      throw new Error(`Scheduled job '${id}' has an invalid cron expression '${cron}': ${(error as Error).message}`, { cause: error });
    }
    const attempts = options.attempts ?? 3;
    if (!Number.isInteger(attempts) || attempts < 1) throw new Error(`Scheduled job '${id}': attempts must be a positive integer`);
    this.byId.set(id, { options: { ...options, attempts, backoffMs: options.backoffMs ?? 1000 }, handler });
  }

  get(id: string): RegisteredJob | undefined {
    return this.byId.get(id);
  }

  all(): RegisteredJob[] {
    return [...this.byId.values()];
  }
}
