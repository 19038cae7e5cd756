import type { ModuleEntry } from './define-config';

/**
 * What the file's `modules` key asks for, checked against what Stheno can do (the shape was checked
 * by config-file.ts): which commerce modules are switched off, and which implementation each
 * infrastructure piece uses. Which Nest modules and routes go with a switched-off module is worked
 * out from the module graph when the app is assembled (framework/modules/module-gate.ts).
 */
export interface ModuleSelection {
  /** Module keys switched off with `false`, sorted. */
  disabled: string[];
  /** `local`: subscribers run in the process that relays the event; `redis`: Bull queues. */
  eventBus: 'local' | 'redis';
  /**
   * Which implementation `LockingService` uses (framework/locking): `memory` (one process only),
   * `redis` (needs REDIS_URL) or `postgres` (a lock table, any number of processes).
   */
  locking: LockingChoice;
  /** The cache module (framework/cache): where CacheService keeps entries, and their default lifetime. */
  cache: CacheSelection;
}

export type LockingChoice = 'memory' | 'redis' | 'postgres';
const LOCKING_CHOICES: readonly string[] = ['memory', 'redis', 'postgres'];

/** `memory`: in each process; `redis`: shared by every process through the Redis of REDIS_URL. */
export interface CacheSelection {
  kind: 'memory' | 'redis';
  /** Medusa's `options.ttl`: how long an entry lives unless `set` says otherwise, in seconds. */
  ttlSeconds: number;
}

/** Medusa's cache modules keep an entry 30 seconds by default. */
export const DEFAULT_CACHE_TTL_SECONDS = 30;

/**
 * Modules every request depends on: the guard resolves publishable and secret keys (api_key, and
 * the sales channels keys are scoped to), logs users in (auth, user), and the store with its
 * currencies, regions and stock locations is what every storefront and admin call starts from.
 */
const ALWAYS_ON: Record<string, string> = {
  auth: 'every admin and customer login goes through it',
  user: 'admin users are how the admin API is reached',
  api_key: 'publishable keys guard every /store route and secret keys the admin API',
  sales_channel: 'publishable keys are scoped to sales channels',
  store: 'the store is what every storefront and admin call starts from',
  currency: 'the store and its regions are priced in currencies',
  region: 'the store has a default region',
  stock_location: 'the store has a default stock location',
};

const INFRASTRUCTURE = ['event_bus', 'cache', 'locking', 'file'];

/** The options each module reads; any other option is refused rather than silently ignored. */
const MODULE_OPTIONS: Record<string, string[]> = {
  payment: ['providers'],
  fulfillment: ['providers'],
  notification: ['providers'],
  tax: ['providers'],
  file: ['providers', 'upload_dir', 'backend_url'],
};

/** Medusa's package names for the built-ins, accepted so a Medusa config's `resolve` carries over. */
const MEDUSA_NAMES: Record<string, string> = {
  '@medusajs/event-bus-local': 'local',
  '@medusajs/medusa/event-bus-local': 'local',
  '@medusajs/event-bus-redis': 'redis',
  '@medusajs/medusa/event-bus-redis': 'redis',
  '@medusajs/cache-inmemory': 'memory',
  '@medusajs/medusa/cache-inmemory': 'memory',
  '@medusajs/cache-redis': 'redis',
  '@medusajs/medusa/cache-redis': 'redis',
  '@medusajs/medusa/locking-postgres': 'postgres',
  '@medusajs/locking-postgres': 'postgres',
  '@medusajs/medusa/locking-redis': 'redis',
  '@medusajs/locking-redis': 'redis',
};

/** The locking module itself, whose `options.providers` name the implementation (Medusa's form). */
const LOCKING_MODULE_NAMES = ['@medusajs/medusa/locking', '@medusajs/locking', 'locking'];

/** `'payment'` for `@medusajs/medusa/payment` or `@medusajs/payment`: the built-in module itself. */
function namesBuiltIn(key: string, resolve: string): boolean {
  const dashed = key.replace(/_/g, '-');
  return resolve === key || resolve === `@medusajs/medusa/${dashed}` || resolve === `@medusajs/${dashed}`;
}

export function selectModules(
  modules: Record<string, ModuleEntry>,
  redisUrl: string | undefined,
): { selection: ModuleSelection; problems: string[] } {
  const problems: string[] = [];
  const disabled: string[] = [];
  let eventBus: 'local' | 'redis' = redisUrl ? 'redis' : 'local';
  // postgres by default, with or without Redis: checkout keeps working while Redis is down (the
  // reliability suite takes orders through a Redis outage); `redis` is for those who choose it
  let locking: LockingChoice = 'postgres';
  let cache: CacheSelection = { kind: 'memory', ttlSeconds: DEFAULT_CACHE_TTL_SECONDS };

  for (const [key, entry] of Object.entries(modules)) {
    const at = `modules.${key}`;
    const resolve = typeof entry === 'string' ? entry.trim() : entry === false ? undefined : entry.resolve?.trim();
    if (entry === false) {
      if (ALWAYS_ON[key]) problems.push(`${at}: cannot be switched off (${ALWAYS_ON[key]})`);
      else if (key === 'event_bus' || key === 'locking') problems.push(`${at}: cannot be switched off (choose an implementation instead)`);
      else if (key === 'cache') problems.push(`${at}: cannot be switched off (the api key cache and the store response cache use it; STORE_RESPONSE_CACHE_MB=0 turns the response cache off)`);
      else disabled.push(key);
      continue;
    }
    if (!INFRASTRUCTURE.includes(key) || key === 'file') {
      // a commerce module (or file) given options, or `resolve` naming the built-in itself
      if (resolve !== undefined && !namesBuiltIn(key, resolve)) {
        problems.push(
          `${at}${typeof entry === 'string' ? '' : '.resolve'}: replacing a whole built-in module is not supported; switch it off with false, or give it providers in ${at}.options.providers (got '${resolve}')`,
        );
      }
      const options = typeof entry === 'object' ? (entry.options ?? {}) : {};
      const allowed = MODULE_OPTIONS[key] ?? [];
      for (const option of Object.keys(options)) {
        if (!allowed.includes(option)) {
          problems.push(`${at}.options.${option}: unknown option (${allowed.length ? `allowed: ${allowed.join(', ')}` : `the ${key.replace(/_/g, ' ')} module takes no options`})`);
        }
      }
      continue;
    }
    const choice = resolve === undefined ? undefined : (MEDUSA_NAMES[resolve] ?? resolve);
    const where = `${at}${typeof entry === 'string' ? '' : '.resolve'}`;
    if (key === 'event_bus') {
      if (choice === undefined) continue;
      if (choice === 'local') eventBus = 'local';
      else if (choice === 'redis') {
        if (redisUrl) eventBus = 'redis';
        else problems.push(`${where}: 'redis' needs projectConfig.redisUrl (REDIS_URL)`);
      } else problems.push(`${where}: expected 'local' or 'redis', got '${resolve}'`);
    } else if (key === 'cache') {
      const selected = selectCache(entry, choice, where, at, redisUrl);
      problems.push(...selected.problems);
      if (selected.cache) cache = selected.cache;
      continue;
    } else if (key === 'locking') {
      const chosen = chooseLocking(entry, at, redisUrl, problems);
      if (chosen) locking = chosen;
      continue;
    }
    // Medusa's event-bus-redis takes its own redisUrl: the app's own one carries over
    const { redisUrl: busRedisUrl, ...busOptions } = typeof entry === 'object' ? (entry.options ?? {}) : {};
    if (busRedisUrl !== undefined && busRedisUrl !== redisUrl) {
      problems.push(`${at}.options.redisUrl: the event bus uses the app's Redis (projectConfig.redisUrl, REDIS_URL); a separate one is not supported`);
    }
    for (const name of Object.keys(busOptions)) problems.push(`${at}.options.${name}: unknown option (the event bus takes only redisUrl, which must be REDIS_URL)`);
  }
  return { selection: { disabled: disabled.sort(), eventBus, locking, cache }, problems };
}

/**
 * `modules.locking`: a name (`'redis'`, `'@medusajs/medusa/locking-redis'` …), or Medusa's module
 * form `{ resolve: '@medusajs/medusa/locking', options: { providers: [{ resolve, id, is_default }] } }`,
 * where the default provider (or the only one) is the implementation. The module without providers
 * keeps Stheno's default (Medusa's own default would be in-memory, unsafe with several processes).
 * Undefined when the entry keeps the default or has problems (pushed onto `problems`).
 */
function chooseLocking(entry: Exclude<ModuleEntry, false>, at: string, redisUrl: string | undefined, problems: string[]): LockingChoice | undefined {
  const expected = `expected 'memory', 'redis' or 'postgres' (or '@medusajs/medusa/locking-redis', '@medusajs/medusa/locking-postgres')`;
  const named = (resolve: string, where: string): LockingChoice | undefined => {
    const choice = MEDUSA_NAMES[resolve] ?? resolve;
    if (!LOCKING_CHOICES.includes(choice)) {
      problems.push(`${where}: ${expected}, got '${resolve}'`);
      return undefined;
    }
    if (choice === 'redis' && !redisUrl) {
      problems.push(`${where}: 'redis' needs projectConfig.redisUrl (REDIS_URL)`);
      return undefined;
    }
    return choice as LockingChoice;
  };
  if (typeof entry === 'string') return named(entry.trim(), at);
  const resolve = entry.resolve?.trim();
  const { providers, ...others } = entry.options ?? {};
  for (const option of Object.keys(others)) problems.push(`${at}.options.${option}: unknown option (allowed: providers)`);
  if (resolve !== undefined && !LOCKING_MODULE_NAMES.includes(resolve)) {
    if (providers !== undefined) problems.push(`${at}.options.providers: only the locking module ('@medusajs/medusa/locking') takes providers`);
    return named(resolve, `${at}.resolve`);
  }
  if (!providers?.length) return undefined;
  const defaults = providers.map((provider, index) => ({ provider, index })).filter(({ provider }) => provider.is_default);
  if (defaults.length > 1) {
    problems.push(`${at}.options.providers: more than one provider is_default (${defaults.map(({ index }) => `[${index}]`).join(', ')})`);
    return undefined;
  }
  if (!defaults.length && providers.length > 1) {
    problems.push(`${at}.options.providers: several providers and none is_default; mark the one to use with is_default: true`);
    return undefined;
  }
  const { provider, index } = defaults[0] ?? { provider: providers[0], index: 0 };
  const where = `${at}.options.providers[${index}]`;
  for (const [option, value] of Object.entries(provider.options ?? {})) {
    // Medusa's locking-redis takes its own redisUrl; Stheno's uses the shared client of projectConfig.redisUrl
    if (option === 'redisUrl' && (value === undefined || value === redisUrl)) continue;
    problems.push(
      option === 'redisUrl'
        ? `${where}.options.redisUrl: a separate Redis for locking is not supported; locking uses projectConfig.redisUrl (REDIS_URL)`
        : `${where}.options.${option}: unknown option (the built-in locking providers take none; lock timeouts are per call)`,
    );
  }
  return named(provider.resolve.trim(), `${where}.resolve`);
}

/** Options Medusa's cache modules take that Stheno does not, with what to do instead. */
const CACHE_OPTIONS_ELSEWHERE: Record<string, string> = {
  redisOptions: 'the cache uses the shared Redis connection: set projectConfig.redisOptions',
  namespace: 'cache keys live under `<redisPrefix>:cache:`: set projectConfig.redisPrefix (REDIS_PREFIX)',
};

/**
 * `modules.cache`: `'memory'` or `'redis'` (or Medusa's package names), with Medusa's `options.ttl`
 * in seconds. The Redis cache uses the app's one Redis connection: Medusa's `options.redisUrl` is
 * accepted only when it names that same Redis.
 */
function selectCache(
  entry: Exclude<ModuleEntry, false>,
  choice: string | undefined,
  where: string,
  at: string,
  redisUrl: string | undefined,
): { cache?: CacheSelection; problems: string[] } {
  const problems: string[] = [];
  const kind = choice ?? 'memory';
  if (kind !== 'memory' && kind !== 'redis') {
    return { problems: [`${where}: expected 'memory' or 'redis', got '${choice}'`] };
  }
  if (kind === 'redis' && !redisUrl) problems.push(`${where}: 'redis' needs projectConfig.redisUrl (REDIS_URL)`);
  const options: Record<string, unknown> = typeof entry === 'object' ? (entry.options ?? {}) : {};
  let ttlSeconds = DEFAULT_CACHE_TTL_SECONDS;
  for (const [option, value] of Object.entries(options)) {
    const path = `${at}.options.${option}`;
    if (option === 'ttl') {
      if (typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 365 * 24 * 3600) ttlSeconds = value;
      else problems.push(`${path}: expected a number of seconds greater than 0 (at most a year), got ${JSON.stringify(value)}`);
    } else if (option === 'redisUrl' && kind === 'redis') {
      if (value !== undefined && value !== redisUrl) {
        problems.push(`${path}: the cache uses the app's Redis connection (projectConfig.redisUrl, REDIS_URL); a separate cache Redis is not supported`);
      }
    } else if (CACHE_OPTIONS_ELSEWHERE[option] && kind === 'redis') {
      problems.push(`${path}: not supported (${CACHE_OPTIONS_ELSEWHERE[option]})`);
    } else {
      problems.push(`${path}: unknown option (allowed: ${kind === 'redis' ? 'ttl, redisUrl' : 'ttl'})`);
    }
  }
  return problems.length ? { problems } : { cache: { kind, ttlSeconds }, problems };
}
