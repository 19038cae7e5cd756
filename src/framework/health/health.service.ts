import { Inject, Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type Redis from 'ioredis';
import { REDIS_CLIENT } from '../redis/redis.module';

export interface DependencyCheck {
  status: 'up' | 'down';
  latency_ms?: number;
}

export interface ReadinessReport {
  status: 'ok' | 'error';
  checks: Record<string, DependencyCheck>;
  message?: string;
}

const CHECK_TIMEOUT_MS = 2000;

const logger = new Logger('Health');

/** Runs a check with a timeout; the reason of a failure goes to the log, never to the (anonymous) client. */
async function timed(name: string, check: () => Promise<unknown>): Promise<DependencyCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', latency_ms: Math.round(performance.now() - started) };
  } catch (error) {
    logger.warn({ err: error, dependency: name }, `Readiness check of ${name} failed`);
    return { status: 'down' };
  } finally {
    clearTimeout(timer);
  }
}

/** Readiness: every dependency this process needs answers (the database; Redis when configured). */
@Injectable()
export class HealthService {
  constructor(
    private readonly orm: MikroORM,
    @Inject(REDIS_CLIENT) private readonly redis: Redis | null,
  ) {}

  async readiness(): Promise<ReadinessReport> {
    const checks: Record<string, DependencyCheck> = {};
    const [database, redis] = await Promise.all([
      timed('database', () => (this.orm.em.fork() as EntityManager).getConnection().execute('select 1')),
      this.redis ? timed('redis', () => this.redis!.ping()) : Promise.resolve(undefined),
    ]);
    checks.database = database;
    if (redis) checks.redis = redis;
    const failed = Object.entries(checks)
      .filter(([, check]) => check.status === 'down')
      .map(([name]) => name);
    return failed.length
      ? { status: 'error', checks, message: `Not ready: ${failed.join(', ')} unavailable` }
      : { status: 'ok', checks };
  }
}
