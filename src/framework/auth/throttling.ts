import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import type Redis from 'ioredis';
import { SthenoError } from '../errors/stheno-error';

/** One atomic step: count the hit, start the window on the first, return hits and time left. */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { hits, redis.call('PTTL', KEYS[1]) }`;

/**
 * Throttler counters in Redis, shared by every server process (fixed windows). While Redis is
 * unreachable it lets requests through and says so once: a Redis outage must not lock every user
 * out of logging in.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('Throttler');
  private degraded = false;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async increment(key: string, ttl: number, limit: number, _blockDuration: number, name: string): Promise<ThrottlerStorageRecord> {
    try {
      const [hits, pttl] = (await this.redis.eval(INCREMENT, 1, `${this.prefix}:throttle:${name}:${key}`, ttl)) as [number, number];
      this.degraded = false;
      const seconds = Math.max(1, Math.ceil(pttl / 1000));
      return { totalHits: hits, timeToExpire: seconds, isBlocked: hits > limit, timeToBlockExpire: hits > limit ? seconds : 0 };
    } catch (error) {
      if (!this.degraded) this.logger.warn({ err: error }, 'Rate limiting is off while Redis is unreachable');
      this.degraded = true;
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}

/** The client address (behind a proxy, as TRUST_PROXY lets Express read it). */
export const clientIp = (request: Record<string, unknown>): string => `ip:${String(request.ip)}`;

/** The email an attempt is about (login, register: `email`; reset: `identifier`). */
export const submittedEmail = (request: Record<string, unknown>): string => {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const email = String(body.email ?? body.identifier ?? '').trim().toLowerCase();
  return email ? `email:${email}` : clientIp(request);
};

/**
 * Limits login, register and reset attempts with two independent counters: per client IP and per
 * email. Over either limit: 429 too_many_requests with Retry-After.
 */
@Injectable()
export class AuthThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    // the named throttler set `Retry-After-email`; clients read the standard header
    context.switchToHttp().getResponse<{ setHeader(name: string, value: string): void }>().setHeader('Retry-After', String(detail.timeToBlockExpire));
    throw new SthenoError('too_many_requests', `Too many attempts: try again in ${detail.timeToBlockExpire} seconds`);
  }
}
