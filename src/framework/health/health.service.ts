import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type Redis from 'ioredis';
import { REDIS_CLIENT } from '../redis/redis.module';

export interface DependencyCheck {
  status: 'up' | 'down';
  latency_ms?: number;
  error?: string;
}

export interface ReadinessReport {
  status: 'ok' | 'error';
  checks: Record<string, DependencyCheck>;
  message?: string;
}

const CHECK_TIMEOUT_MS = 2000;

async function timed(check: () => Promise<unknown>): Promise<DependencyCheck> {
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
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
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
      timed(() => (this.orm.em.fork() as EntityManager).getConnection().execute('select 1')),
      this.redis ? timed(() => this.redis!.ping()) : Promise.resolve(undefined),
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
