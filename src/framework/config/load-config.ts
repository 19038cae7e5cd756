import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { AppConfig, DATABASE_LOGGING_CATEGORIES, DatabaseLoggingCategory, LogFormat, LogLevel, NodeEnv, WorkerMode } from './app-config';
import { translateConfigFile, TranslatedConfigFile } from './config-file';
import type { SthenoConfigFile } from './define-config';
import { EnvReader } from './env-reader';
import { selectModules } from './module-selection';
import { checkRedisOptions } from './redis-options';
import { readSessionSettings } from './session-settings';
// declares the app's flags before any configuration is read, whoever imports this file first
import '../feature-flags/built-in-flags';
import { collectFeatureFlags } from '../feature-flags/feature-flags';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const DEV_SECRET = 'supersecret';
const DEFAULT_STORE_CORS = 'http://localhost:8000';
const DEFAULT_ADMIN_CORS = 'http://localhost:7000,http://localhost:7001,http://localhost:5173';

/** Where a configured value came from (`config:show`). */
export type ConfigSource = 'env' | 'file' | 'default';

export interface ResolvedConfig {
  config: AppConfig;
  /** Every variable the configuration read, in order, with where its value came from. */
  variables: Array<{ name: string; source: ConfigSource; filePath?: string }>;
}

/**
 * Parses and validates the environment, over the configuration file (`stheno.config.ts`, already
 * loaded: `config-file.ts`), over the defaults, into an AppConfig. Pure: reads only what it is
 * given, so tests can build any configuration without touching `process.env`. Throws ConfigError
 * listing every invalid variable and every problem of the file, each naming its path.
 */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd(), file?: SthenoConfigFile): AppConfig {
  return resolveConfig(env, cwd, file).config;
}

/**
 * The file's values become a layer under the environment, under their variables' names: one
 * parser, one set of ranges and defaults for both, and the environment always wins (a blank
 * variable counts as unset, as everywhere).
 */
function layered(env: Record<string, string | undefined>, fromFile: TranslatedConfigFile): Record<string, string | undefined> {
  const merged: Record<string, string | undefined> = { ...fromFile.env };
  for (const [name, value] of Object.entries(env)) if (value !== undefined && value.trim() !== '') merged[name] = value;
  return merged;
}

/** A problem about a variable whose value came from the file names the file's path first. */
function namingFilePaths(problems: string[], env: Record<string, string | undefined>, fromFile: TranslatedConfigFile): string[] {
  return problems.map((problem) => {
    const name = /^([A-Z][A-Z0-9_]+):/.exec(problem)?.[1];
    const path = name && !env[name]?.trim() ? fromFile.origins[name] : undefined;
    return path ? `${path} (${problem.replace(':', '):')}` : problem;
  });
}

export function resolveConfig(env: Record<string, string | undefined>, cwd = process.cwd(), file?: SthenoConfigFile): ResolvedConfig {
  const fromFile = translateConfigFile(file);
  const read = new EnvReader(layered(env, fromFile));
  const warnings: string[] = [];

  const nodeEnv = read.oneOf<NodeEnv>('NODE_ENV', ['development', 'production', 'test'], 'development');
  const isProduction = nodeEnv === 'production';

  const embedded = read.raw('DATABASE_URL') === undefined;
  const databaseUrl = withDatabaseName(read, read.url('DATABASE_URL', ['postgres:', 'postgresql:']));
  const dataDir = resolve(cwd, read.string('DATA_DIR', './.data'));
  if (embedded && isProduction) {
    warnings.push('DATABASE_URL is not set: running on the embedded database in production is not recommended');
  }

  const poolMin = read.int('DATABASE_POOL_MIN', 0, { min: 0, max: 1000 });
  const poolMax = read.int('DATABASE_POOL_MAX', 10, { min: 1, max: 1000 });
  if (poolMin > poolMax) read.problems.push('DATABASE_POOL_MIN: must not be greater than DATABASE_POOL_MAX');
  const acquireTimeoutMs = read.int('DATABASE_ACQUIRE_TIMEOUT_MS', embedded ? 5000 : 10000, { min: 100, max: 600000 });
  const sslMode = read.oneOf('DATABASE_SSL', ['true', 'false', 'no-verify'], 'false');
  const poolIdleTimeoutMs = read.int('DATABASE_POOL_IDLE_TIMEOUT_MS', 30_000, { min: 1000, max: 86_400_000 });

  const secret = (name: string): string => {
    const value = read.raw(name);
    if (value !== undefined) {
      if (isProduction && value === DEV_SECRET) {
        read.problems.push(`${name}: the development default cannot be used when NODE_ENV=production`);
      } else if (isProduction && value.length < 16) {
        read.problems.push(`${name}: must be at least 16 characters when NODE_ENV=production`);
      }
      return value;
    }
    if (isProduction) {
      read.problems.push(`${name}: required when NODE_ENV=production`);
    } else {
      warnings.push(`${name} is not set: using the insecure development default (never do this in production)`);
    }
    return DEV_SECRET;
  };
  const jwtSecret = secret('JWT_SECRET');
  const cookieSecret = secret('COOKIE_SECRET');

  const redisUrl = read.url('REDIS_URL', ['redis:', 'rediss:']);
  const redisPrefix = read.string('REDIS_PREFIX', 'stheno');
  if (!/^[\w:.-]{1,64}$/.test(redisPrefix)) {
    read.problems.push(`REDIS_PREFIX: expected 1-64 letters, digits, '_', '-', '.', or ':', got '${redisPrefix}'`);
  }

  const metricsToken = read.string('METRICS_TOKEN');
  // a scraper's token travels in a header: no whitespace, and long enough not to be guessed in production
  if (metricsToken !== undefined && /\s/.test(metricsToken)) read.problems.push('METRICS_TOKEN: must not contain whitespace');
  else if (metricsToken !== undefined && isProduction && metricsToken.length < 16) {
    read.problems.push('METRICS_TOKEN: must be at least 16 characters when NODE_ENV=production');
  }

  // one file for every environment is fine, but options nothing reads should not look obeyed
  if (fromFile.redisOptions && !redisUrl && Object.values(fromFile.redisOptions).some((value) => value !== undefined)) {
    warnings.push('projectConfig.redisOptions is set but there is no Redis (projectConfig.redisUrl, REDIS_URL): no client uses them');
  }

  // --- modules (issue 7): which commerce modules run, which event bus and cache
  const modules = selectModules(fromFile.modules, redisUrl);
  read.problems.push(...modules.problems);

  const storeCors = read.corsList('STORE_CORS', DEFAULT_STORE_CORS);
  const adminCors = read.corsList('ADMIN_CORS', DEFAULT_ADMIN_CORS);
  // AUTH_CORS defaults to both families' origins (parsed once, so a bad entry is reported once)
  const authCors = read.raw('AUTH_CORS') === undefined ? [...storeCors, ...adminCors] : read.corsList('AUTH_CORS', '');

  // --- feature flags (issue 7): STHENO_FF_<KEY> > the file's `featureFlags` > each flag's default
  const featureFlags = collectFeatureFlags(env, fromFile.featureFlags);
  read.problems.push(...featureFlags.problems);

  const port = read.int('PORT', 9000, { min: 0, max: 65535 });

  const config: AppConfig = {
    env: nodeEnv,
    isProduction,
    workerMode: read.oneOf<WorkerMode>('WORKER_MODE', ['shared', 'server', 'worker'], 'shared'),
    http: {
      trustProxy: trustProxy(read.string('TRUST_PROXY', 'false')),
      host: read.string('HOST', '0.0.0.0'),
      port,
      bodyLimit: read.size('HTTP_BODY_LIMIT', '1mb'),
      shutdownTimeoutMs: read.int('SHUTDOWN_TIMEOUT_MS', 5000, { min: 0, max: 120000 }),
      storeCors,
      adminCors,
      authCors,
      compression: {
        enabled: read.bool('HTTP_COMPRESSION', false),
        level: read.int('HTTP_COMPRESSION_LEVEL', 6, { min: -1, max: 9 }),
        threshold: read.int('HTTP_COMPRESSION_THRESHOLD', 1024, { min: 0, max: 100 * 1024 * 1024 }),
        memLevel: read.int('HTTP_COMPRESSION_MEM_LEVEL', 8, { min: 1, max: 9 }),
      },
      storeResponseCacheMb: read.int('STORE_RESPONSE_CACHE_MB', 64, { min: 0, max: 65536 }),
      // --- files (issue 7)
      backendUrl: withoutTrailingSlash(read.url('BACKEND_URL', ['http:', 'https:']) ?? `http://localhost:${port}`),
    },
    database: {
      url: databaseUrl,
      embedded,
      dataDir,
      // The embedded server multiplexes one PGlite session: exactly one connection, always.
      pool: embedded
        ? { min: 0, max: 1, acquireTimeoutMs, idleTimeoutMs: poolIdleTimeoutMs }
        : { min: poolMin, max: poolMax, acquireTimeoutMs, idleTimeoutMs: poolIdleTimeoutMs },
      ssl: sslMode === 'false' ? false : { rejectUnauthorized: sslMode === 'true' },
      migrateOnBoot: !isProduction || embedded,
      preparedStatements: read.bool('DATABASE_PREPARED_STATEMENTS', true),
      // --- schema and logging (issue 7)
      schema: databaseSchema(read),
      logging: databaseLogging(read),
    },
    redis: { url: redisUrl, prefix: redisPrefix, options: checkRedisOptions(fromFile.redisOptions, redisUrl, read.problems) },
    auth: {
      jwtSecret,
      jwtExpiresIn: read.duration('JWT_EXPIRES_IN', '1d'),
      cookieSecret,
      usingDevSecrets: jwtSecret === DEV_SECRET || cookieSecret === DEV_SECRET,
      throttle: {
        limit: read.int('AUTH_RATE_LIMIT', 10, { min: 1, max: 1_000_000 }),
        ipLimit: read.int('AUTH_RATE_LIMIT_IP', 100, { min: 1, max: 1_000_000 }),
        windowMs: read.int('AUTH_RATE_WINDOW_MS', 60_000, { min: 1000, max: 86_400_000 }),
      },
      session: readSessionSettings(read, { isProduction, devSecret: DEV_SECRET, cookieSecret }, warnings),
    },
    logging: {
      level: read.oneOf<LogLevel>(
        'LOG_LEVEL',
        ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
        nodeEnv === 'test' ? 'silent' : 'info',
      ),
      format: read.oneOf<LogFormat>('LOG_FORMAT', ['pretty', 'json'], nodeEnv === 'development' ? 'pretty' : 'json'),
      slowHandlerMs: read.int('LOG_SLOW_HANDLER_MS', 1000, { min: 1, max: 3600000 }),
    },
    events: {
      outboxPollIntervalMs: read.int('OUTBOX_POLL_INTERVAL_MS', 250, { min: 50, max: 3600000 }),
      jobLockDurationMs: read.int('JOB_LOCK_DURATION_MS', 30_000, { min: 500, max: 3_600_000 }),
      jobStalledIntervalMs: read.int('JOB_STALLED_INTERVAL_MS', 30_000, { min: 500, max: 3_600_000 }),
    },
    jobs: {
      outboxRetentionHours: read.int('OUTBOX_RETENTION_HOURS', 168, { min: 0, max: 87600 }),
      jobRetentionHours: read.int('JOB_RETENTION_HOURS', 168, { min: 0, max: 87600 }),
      paymentSessionTtlHours: read.int('PAYMENT_SESSION_TTL_HOURS', 24, { min: 0, max: 87600 }),
    },
    seed: {
      adminEmail: read.string('ADMIN_EMAIL', 'admin@stheno.dev').toLowerCase(),
      adminPassword: read.string('ADMIN_PASSWORD', 'supersecret'),
      demoCatalog: read.bool('SEED_DEMO_CATALOG', true),
    },
    metrics: { token: metricsToken },
    // --- notifications (issue 6)
    notifications: {
      adminUrl: withoutTrailingSlash(read.url('ADMIN_URL', ['http:', 'https:']) ?? 'http://localhost:9000/app'),
      storefrontUrl: withoutTrailingSlash(read.url('STOREFRONT_URL', ['http:', 'https:']) ?? 'http://localhost:8000'),
    },
    // --- files (issue 7): uploads are held in memory, so both bounds matter
    uploads: {
      maxFileSize: read.bytes('UPLOAD_MAX_FILE_SIZE', 10 * 1024 * 1024, { min: 1, max: 1024 ** 3 }),
      maxFiles: read.int('UPLOAD_MAX_FILES', 20, { min: 1, max: 1000 }),
    },
    plugins: pluginList(read),
    modules: modules.selection,
    // --- configuration file (issue 7): inputs whose owners read them from here
    pluginOptions: fromFile.pluginOptions,
    configFile: {
      modules: fromFile.modules,
      featureFlags: fromFile.featureFlags,
      sessionOptions: fromFile.sessionOptions,
      redisOptions: fromFile.redisOptions,
    },
    featureFlags: featureFlags.flags,
    featureFlagSettings: { undeclared: featureFlags.undeclared, undeclaredInFile: featureFlags.undeclaredInFile },
    warnings,
  };

  // --- relay placement (issue 6 review): servers record events, only workers deliver them
  if (config.workerMode === 'server' && !config.redis.url) {
    warnings.push(
      embedded
        ? 'WORKER_MODE=server without REDIS_URL on the embedded database: no worker can share this database, so the events this process records are never delivered (use WORKER_MODE=shared)'
        : 'WORKER_MODE=server without REDIS_URL: this process only records events; they are delivered only if a WORKER_MODE=worker process runs on the same database',
    );
  }

  const problems = [...fromFile.problems, ...namingFilePaths(read.problems, env, fromFile)];
  if (problems.length > 0) throw new ConfigError(problems);
  const variables = read.names.map((name) => {
    if (env[name]?.trim()) return { name, source: 'env' as const };
    if (fromFile.env[name] !== undefined) return { name, source: 'file' as const, filePath: fromFile.origins[name] };
    return { name, source: 'default' as const };
  });
  return { config, variables };
}

/**
 * `DATABASE_NAME` (`projectConfig.databaseName`) replaces the database of DATABASE_URL, so one URL
 * (a secret kept in the environment) serves several databases. Ignored on the embedded database.
 */
function withDatabaseName(read: EnvReader, url: string | undefined): string | undefined {
  const name = read.string('DATABASE_NAME');
  if (name === undefined || url === undefined) return url;
  if (!/^[^\s/?#]{1,63}$/.test(name)) {
    read.problems.push(`DATABASE_NAME: expected a database name (1-63 characters, no spaces or slashes), got '${name}'`);
    return url;
  }
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

/** Links are built as `${base}/path`: a configured `https://admin.example.com/` must not give `//path`. */
function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * `PLUGINS`: a comma list of package names (`stheno-plugin-x`, `@acme/stheno-x`) or paths
 * (`./plugins/x`, `/opt/x`). Only the shape is checked here; whether each one loads is the plugin
 * loader's business, at boot.
 */
function pluginList(read: EnvReader): string[] {
  const entries = (read.string('PLUGINS') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  const invalid = entries.filter((entry) => /\s/.test(entry));
  if (invalid.length) read.problems.push(`PLUGINS: expected a comma list of package names or paths, got '${invalid.join("', '")}'`);
  const repeated = entries.filter((entry, index) => entries.indexOf(entry) !== index);
  if (repeated.length) read.problems.push(`PLUGINS: '${repeated[0]}' is listed twice`);
  return invalid.length ? [] : entries;
}

// --- schema and logging (issue 7) ---------------------------------------------------------

/** Names PostgreSQL reserves for itself, which `create schema` refuses or which hold the catalog. */
const RESERVED_SCHEMAS = /^(pg_.*|information_schema)$/;

/**
 * `DATABASE_SCHEMA`: a plain lower-case identifier, so it needs no quoting anywhere (search_path,
 * the migrations table name) and means the same quoted or not.
 */
function databaseSchema(read: EnvReader): string {
  const schema = read.string('DATABASE_SCHEMA', 'public');
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    read.problems.push(`DATABASE_SCHEMA: expected 1-63 lower-case letters, digits or '_', not starting with a digit, got '${schema}'`);
    return 'public';
  }
  if (RESERVED_SCHEMAS.test(schema)) {
    read.problems.push(`DATABASE_SCHEMA: '${schema}' is reserved by PostgreSQL`);
    return 'public';
  }
  return schema;
}

/** `DATABASE_LOGGING`: `false` (default), `true` or `all` (every category), or a comma list of categories. */
function databaseLogging(read: EnvReader): false | DatabaseLoggingCategory[] {
  const value = read.string('DATABASE_LOGGING', 'false').toLowerCase();
  if (value === 'false') return false;
  if (value === 'true' || value === 'all') return [...DATABASE_LOGGING_CATEGORIES];
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  const unknown = entries.filter((entry) => !(DATABASE_LOGGING_CATEGORIES as readonly string[]).includes(entry));
  if (unknown.length || !entries.length) {
    read.problems.push(
      `DATABASE_LOGGING: expected true, false, all, or a comma list of ${DATABASE_LOGGING_CATEGORIES.join(', ')}, got '${value}'`,
    );
    return false;
  }
  return [...new Set(entries)] as DatabaseLoggingCategory[];
}

/** `false`, `true`, a hop count, or Express's names and addresses (`loopback`, `10.0.0.0/8,…`). */
function trustProxy(value: string): boolean | number | string {
  if (value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * The process environment with a `.env` file (if present in `cwd`) merged underneath: variables
 * already set in the environment always win over the file.
 */
export function readProcessEnvironment(cwd = process.cwd()): Record<string, string | undefined> {
  const file = resolve(cwd, '.env');
  const fromFile = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
  return { ...fromFile, ...process.env };
}
