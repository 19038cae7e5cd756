import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import Redis from 'ioredis';
import { OutboxRelay } from '../../../src/framework/events/outbox-relay.service';
import { REDIS_CLIENT } from '../../../src/framework/redis/redis.module';
import { ADMIN, bearer, createIdentityApp, IdentityApp } from '../../utils/identity';

const REDIS_CONFIG = 'test/fixtures/config/redis.config.ts';
/** What the fixture computes (the Jest worker loads it in this same process). */
const PREFIX = `stheno-file-${process.pid}`;
const CONNECTION_NAME = `stheno-conn-${process.pid}`;

const withRedis = Boolean(process.env.REDIS_URL);

async function keysMatching(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

/** `ACL LOG` entries (flat field/value arrays) as objects. */
async function aclLog(redis: Redis): Promise<Array<Record<string, unknown>>> {
  const entries = (await redis.call('ACL', 'LOG', '1000')) as unknown[][];
  return entries.map((entry) => Object.fromEntries(Array.from({ length: entry.length / 2 }, (_, i) => [String(entry[2 * i]), entry[2 * i + 1]])));
}

/**
 * `redisPrefix` and `redisOptions` from the configuration file. With REDIS_URL, the app connects as
 * a Redis user that may touch only keys under the prefix: a key outside it would be refused, and
 * Redis records every refusal (ACL LOG). So "nothing outside the prefix" is checked on every
 * command the app ran, Bull's Lua scripts included.
 */
describe(`Redis prefix and client options from the configuration file (${withRedis ? 'Redis' : 'no Redis'})`, () => {
  const user = `stheno-test-${process.pid}-${randomBytes(3).toString('hex')}`;
  const password = randomBytes(16).toString('hex');
  let admin: Redis;
  let t: IdentityApp;

  beforeAll(async () => {
    let redisUrl: string | undefined;
    if (withRedis) {
      admin = new Redis(process.env.REDIS_URL!);
      await admin.call('ACL', 'SETUSER', user, 'on', `>${password}`, `~${PREFIX}:*`, 'allchannels', '+@all');
      const url = new URL(process.env.REDIS_URL!);
      url.username = user;
      url.password = password;
      redisUrl = url.toString();
    }
    // REDIS_PREFIX unset: the file's redisPrefix applies
    t = await createIdentityApp({ env: { STHENO_CONFIG: REDIS_CONFIG, REDIS_URL: redisUrl, REDIS_PREFIX: undefined } });
  });
  afterAll(async () => {
    await t?.close();
    if (withRedis) {
      await admin.call('ACL', 'DELUSER', user);
      admin.disconnect();
    }
  });

  it('takes the prefix and the client options from the file', () => {
    expect(t.config.redis.prefix).toBe(PREFIX);
    expect(t.config.redis.options).toEqual({ connectionName: CONNECTION_NAME, connectTimeout: 3000 });
  });

  if (!withRedis) {
    it('opens no Redis connection without REDIS_URL, whatever the options, and keeps sessions in PostgreSQL', async () => {
      expect(t.app.get(REDIS_CLIENT, { strict: false })).toBeNull();
      const session = await t.api.post('/auth/session').set(...bearer(t.adminToken)).expect(200);
      const id = decodeURIComponent((session.headers['set-cookie'] as unknown as string[])[0].split(';')[0].split('=')[1]).slice(2).split('.')[0];
      const rows = await (t.app.get(MikroORM).em.fork() as EntityManager).getConnection().execute('select id from auth_session where id = ?', [id]);
      expect(rows).toHaveLength(1);
    });
    return;
  }

  it('writes Bull queues, sessions and rate-limit counters under the prefix, and no key outside it', async () => {
    await t.login('user', ADMIN.email, ADMIN.password);
    await t.api.post('/auth/session').set(...bearer(t.adminToken)).expect(200);
    await t.api.post('/admin/sales-channels').set(...bearer(t.adminToken)).send({ name: 'Redis prefix check' }).expect(200);
    await t.app.get(OutboxRelay).drain();

    const keys = await keysMatching(admin, `${PREFIX}:*`);
    for (const family of ['sess', 'sess-identity', 'throttle', 'stheno-events', 'stheno-jobs']) {
      expect({ family, found: keys.some((key) => key.startsWith(`${PREFIX}:${family}:`)) }).toEqual({ family, found: true });
    }
    expect((await aclLog(admin)).filter((entry) => entry.username === user)).toEqual([]);
  });

  it('gives redisOptions to every Redis client the app opens (connectionName in CLIENT LIST)', async () => {
    const names = ((await admin.client('LIST')) as string)
      .split('\n')
      .filter((line) => line.includes(` user=${user} `))
      .map((line) => /(?:^| )name=(\S*)/.exec(line)?.[1]);
    // Bull renames each queue's blocking connection `<prefix>:<queue name in base64>`: its worker registry
    const bullWorkers = ['stheno-events', 'stheno-jobs'].map((queue) => `${PREFIX}:${Buffer.from(queue).toString('base64')}`);
    expect(names.filter((name) => name !== CONNECTION_NAME && !bullWorkers.includes(name!))).toEqual([]);
    // the shared client, the key cache's subscriber, Bull's clients and subscribers of both queues
    expect(names.filter((name) => name === CONNECTION_NAME).length).toBeGreaterThanOrEqual(4);
  });

  // last: the probe connects as the app's user without the app's options
  it('really fences the app in: a key outside the prefix is refused and logged', async () => {
    const probe = new Redis(process.env.REDIS_URL!, { username: user, password, lazyConnect: true, maxRetriesPerRequest: 0 });
    try {
      await probe.connect();
      await expect(probe.set(`outside-${PREFIX}`, '1')).rejects.toThrow(/NOPERM/);
      await expect(probe.set(`${PREFIX}:inside`, '1')).resolves.toBe('OK');
    } finally {
      probe.disconnect();
    }
    expect((await aclLog(admin)).filter((entry) => entry.username === user).map((entry) => entry.object)).toEqual([`outside-${PREFIX}`]);
  });
});
