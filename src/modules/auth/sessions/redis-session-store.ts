import type Redis from 'ioredis';
import type { ActiveSession, AuthContext } from '../../../framework/auth/auth-context';
import type { AuthSessionStore } from './session-store';

/**
 * Stores a session and files it under its identity. The identity's index is a sorted set of
 * session ids scored by their end, so expired ids are pruned by score, and the index itself lives
 * as long as its longest session.
 * KEYS: session, index. ARGV: value, ttl ms, end (epoch ms), now (epoch ms), session id.
 */
const CREATE = `
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[4])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[5])
if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
return 1`;

/** A live session's value and the milliseconds it has left. KEYS: session. */
const GET = `return { redis.call('GET', KEYS[1]), redis.call('PTTL', KEYS[1]) }`;

/**
 * Moves the end of a session that still exists (an expired one stays gone).
 * KEYS: session, index. ARGV: ttl ms, end (epoch ms), session id.
 */
const EXTEND = `
if redis.call('PEXPIRE', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[2], ARGV[1]) end
return 1`;

/**
 * Ends one session and takes it out of its identity's index.
 * KEYS: session. ARGV: index key prefix, session id.
 */
const DELETE = `
local value = redis.call('GET', KEYS[1])
if not value then return 0 end
redis.call('DEL', KEYS[1])
local identity = cjson.decode(value).auth_identity_id
if type(identity) == 'string' then redis.call('ZREM', ARGV[1] .. identity, ARGV[2]) end
return 1`;

/**
 * Ends every session filed under an identity, in one step: a session created meanwhile is either
 * filed before (and ended) or after (and kept, as it should: it was created after the change).
 * KEYS: index. ARGV: session key prefix.
 */
const DELETE_ALL = `
local ids = redis.call('ZRANGE', KEYS[1], 0, -1)
for _, id in ipairs(ids) do redis.call('DEL', ARGV[1] .. id) end
redis.call('DEL', KEYS[1])
return #ids`;

/**
 * Sessions in Redis, when REDIS_URL is set (Medusa keeps them there too): `<prefix>:sess:<id>`
 * holds the session's identity and expires with it; `<prefix>:sess-identity:<auth identity id>`
 * indexes an identity's sessions so that a password change or a removed user ends them all.
 * Nothing here joins the database transaction: ending sessions of a change that then rolls back
 * only logs people out, the safe side.
 */
export class RedisSessionStore implements AuthSessionStore {
  private readonly sessionPrefix: string;
  private readonly indexPrefix: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.sessionPrefix = `${prefix}:sess:`;
    this.indexPrefix = `${prefix}:sess-identity:`;
  }

  async create(_ctx: unknown, sessionId: string, auth: AuthContext, expiresAt: Date): Promise<void> {
    const now = Date.now();
    const ttl = Math.max(1, expiresAt.getTime() - now);
    await this.redis.eval(CREATE, 2, this.sessionPrefix + sessionId, this.indexPrefix + auth.auth_identity_id, JSON.stringify(auth), ttl, expiresAt.getTime(), now, sessionId);
  }

  async get(sessionId: string): Promise<ActiveSession | undefined> {
    const [value, ttl] = (await this.redis.eval(GET, 1, this.sessionPrefix + sessionId)) as [string | null, number];
    if (value === null || ttl <= 0) return undefined;
    return { auth: JSON.parse(value) as AuthContext, expires_at: new Date(Date.now() + ttl) };
  }

  async extend(sessionId: string, auth: AuthContext, expiresAt: Date): Promise<boolean> {
    const ttl = Math.max(1, expiresAt.getTime() - Date.now());
    const extended = await this.redis.eval(EXTEND, 2, this.sessionPrefix + sessionId, this.indexPrefix + auth.auth_identity_id, ttl, expiresAt.getTime(), sessionId);
    return extended === 1;
  }

  async delete(_ctx: unknown, sessionId: string): Promise<void> {
    await this.redis.eval(DELETE, 1, this.sessionPrefix + sessionId, this.indexPrefix, sessionId);
  }

  async deleteAllOf(_ctx: unknown, authIdentityId: string): Promise<void> {
    await this.redis.eval(DELETE_ALL, 1, this.indexPrefix + authIdentityId, this.sessionPrefix);
  }
}
