import { bullRedisOptions } from '../redis/redis.module';
import { ConfigError, loadConfig } from './load-config';

function problemsOf(redisOptions: Record<string, unknown>, redisUrl = 'redis://cache:6379'): string[] {
  try {
    loadConfig({ REDIS_URL: redisUrl }, '/srv/app', { projectConfig: { redisOptions } });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('projectConfig.redisOptions', () => {
  it('carries valid options to config.redis.options, unknown ioredis keys included', () => {
    const retryStrategy = (times: number) => times * 100;
    const config = loadConfig({ REDIS_URL: 'redis://cache:6379' }, '/srv/app', {
      projectConfig: { redisOptions: { connectionName: 'stheno-eu', connectTimeout: 500, retryStrategy, tls: { servername: 'cache' }, password: 'p', db: 2, stringNumbers: true } },
    });
    expect(config.redis.options).toEqual({ connectionName: 'stheno-eu', connectTimeout: 500, retryStrategy, tls: { servername: 'cache' }, password: 'p', db: 2, stringNumbers: true });
    expect(loadConfig({}, '/srv/app').redis.options).toEqual({});
  });

  it('refuses keyPrefix, pointing to redisPrefix (Bull forbids ioredis prefixes)', () => {
    expect(problemsOf({ keyPrefix: 'shop:' })).toEqual([
      'projectConfig.redisOptions.keyPrefix: not allowed (Bull refuses ioredis key prefixes); set projectConfig.redisPrefix (REDIS_PREFIX), which prefixes every key Stheno writes',
    ]);
  });

  it('refuses what the URL decides and what Stheno sets per client', () => {
    expect(problemsOf({ host: 'other', maxRetriesPerRequest: 3, enableOfflineQueue: true })).toEqual([
      'projectConfig.redisOptions.host: not allowed: the server is named by projectConfig.redisUrl (REDIS_URL)',
      "projectConfig.redisOptions.maxRetriesPerRequest: not allowed: Stheno sets it for each client (the shared client fails fast while Redis is down, Bull's clients wait for it)",
      "projectConfig.redisOptions.enableOfflineQueue: not allowed: Stheno sets it for each client (the shared client fails fast while Redis is down, Bull's clients wait for it)",
    ]);
  });

  it('refuses credentials or a database the URL already sets (ioredis would ignore the option, Bull would not)', () => {
    expect(problemsOf({ password: 'in-options', db: 3 }, 'redis://:in-url@cache:6379/1')).toEqual([
      'projectConfig.redisOptions.password: the Redis URL (projectConfig.redisUrl / REDIS_URL) already sets the password; set it in one place',
      'projectConfig.redisOptions.db: the Redis URL (projectConfig.redisUrl / REDIS_URL) already sets the database; set it in one place',
    ]);
    expect(problemsOf({ password: 'in-options', db: 3 })).toEqual([]);
  });

  it('checks the types of the well-known keys, never echoing a password', () => {
    expect(problemsOf({ connectTimeout: -1, family: 5, connectionName: 7, password: 12345678, retryStrategy: 'fast' })).toEqual([
      'projectConfig.redisOptions.connectTimeout: expected a non-negative integer, got -1',
      'projectConfig.redisOptions.family: expected 4, 6 or 0, got 5',
      'projectConfig.redisOptions.connectionName: expected a string, got 7',
      'projectConfig.redisOptions.password: expected a string, got a number',
      "projectConfig.redisOptions.retryStrategy: expected a function, got 'fast'",
    ]);
  });
});

describe("Bull's client options", () => {
  it("adds the operator's options under what Bull requires, and TLS for rediss:// (which Bull's URL parser drops)", () => {
    const options = { connectionName: 'stheno-eu', connectTimeout: 800 };
    expect(bullRedisOptions({ url: 'redis://cache:6379', prefix: 'p', options })).toEqual({
      connectionName: 'stheno-eu',
      connectTimeout: 800,
      maxRetriesPerRequest: null,
      enableReadyCheck: false,
    });
    expect(bullRedisOptions({ url: 'rediss://cache:6380', prefix: 'p', options: {} })).toMatchObject({ tls: {}, connectTimeout: 5000 });
    expect(bullRedisOptions({ url: 'rediss://cache:6380', prefix: 'p', options: { tls: { servername: 'x' } } }).tls).toEqual({ servername: 'x' });
  });
});
