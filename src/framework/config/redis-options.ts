/**
 * `projectConfig.redisOptions`: ioredis options for every Redis client Stheno creates (the shared
 * client, Bull's clients, their duplicates). Most keys pass through as written (ioredis has many);
 * the ones that would break a client, or that another option already decides, are refused here,
 * at boot, each problem named by its path.
 */

const AT = 'projectConfig.redisOptions';

/**
 * Decided per client by Stheno: the shared client fails fast while Redis is down (callers degrade),
 * Bull's clients queue and wait for it (Bull requires that of its blocking and subscriber clients).
 */
const PER_CLIENT = ['lazyConnect', 'enableOfflineQueue', 'maxRetriesPerRequest', 'enableReadyCheck'];

/** The URL (`redisUrl`, REDIS_URL) names the server; an option beside it would be ignored by some clients. */
const NAMED_BY_URL_ALWAYS = ['host', 'port', 'path'];

type Check = (value: unknown) => string | undefined;
const integer: Check = (value) => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? undefined : 'a non-negative integer');
const text: Check = (value) => (typeof value === 'string' ? undefined : 'a string');
const flag: Check = (value) => (typeof value === 'boolean' ? undefined : 'true or false');
const fn: Check = (value) => (typeof value === 'function' ? undefined : 'a function');

/** The well-known keys, checked for their type; any other key goes to ioredis as written. */
const TYPES: Record<string, Check> = {
  connectionName: text,
  username: text,
  password: text,
  db: integer,
  connectTimeout: integer,
  commandTimeout: integer,
  socketTimeout: integer,
  keepAlive: integer,
  maxLoadingRetryTime: integer,
  family: (value) => ([0, 4, 6].includes(value as number) ? undefined : '4, 6 or 0'),
  tls: (value) => (value === true || (typeof value === 'object' && value !== null && !Array.isArray(value)) ? undefined : 'true or an object of TLS options'),
  noDelay: flag,
  enableAutoPipelining: flag,
  readOnly: flag,
  showFriendlyErrorStack: flag,
  autoResubscribe: flag,
  autoResendUnfulfilledCommands: flag,
  retryStrategy: fn,
  reconnectOnError: fn,
};

/**
 * Checks the options against the URL they will be used with; returns what is safe to apply (all
 * of it when there is no problem). Problems are pushed to `problems`.
 */
export function checkRedisOptions(options: Record<string, unknown> | undefined, redisUrl: string | undefined, problems: string[]): Record<string, unknown> {
  if (!options) return {};
  const inUrl = urlParts(redisUrl);
  const before = problems.length;
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const at = `${AT}.${key}`;
    if (key === 'keyPrefix') {
      problems.push(`${at}: not allowed (Bull refuses ioredis key prefixes); set projectConfig.redisPrefix (REDIS_PREFIX), which prefixes every key Stheno writes`);
    } else if (NAMED_BY_URL_ALWAYS.includes(key)) {
      problems.push(`${at}: not allowed: the server is named by projectConfig.redisUrl (REDIS_URL)`);
    } else if (PER_CLIENT.includes(key)) {
      problems.push(`${at}: not allowed: Stheno sets it for each client (the shared client fails fast while Redis is down, Bull's clients wait for it)`);
    } else if (inUrl.has(key)) {
      problems.push(`${at}: the Redis URL (projectConfig.redisUrl / REDIS_URL) already sets the ${key === 'db' ? 'database' : key}; set it in one place`);
    } else {
      const expected = TYPES[key]?.(value);
      // never echo a credential, even a mistyped one
      if (expected) problems.push(`${at}: expected ${expected}, got ${key === 'password' ? `a ${typeof value}` : describe(value)}`);
    }
  }
  return problems.length === before ? { ...options } : {};
}

/** Which of username, password and db the URL sets (the URL wins over options in ioredis). */
function urlParts(redisUrl: string | undefined): Set<string> {
  const parts = new Set<string>();
  if (!redisUrl) return parts;
  try {
    const url = new URL(redisUrl);
    if (url.username) parts.add('username');
    if (url.password) parts.add('password');
    if (url.pathname.length > 1) parts.add('db');
  } catch {
    // REDIS_URL's own check reports it
  }
  return parts;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 60)}…` : value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
