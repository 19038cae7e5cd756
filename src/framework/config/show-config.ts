import { FILE_OPTION_VARIABLES } from './config-file';
import type { SthenoConfigFile } from './define-config';
import { ConfigSource, resolveConfig } from './load-config';

/**
 * Which variable sets each value of the resolved configuration (`config:show` prints the source
 * beside it). Values missing here are derived from others (`database.embedded`) or carried from the
 * file as written; `show-config.spec.ts` checks that every variable the configuration reads is here.
 */
export const CONFIG_VARIABLES: Record<string, string> = {
  env: 'NODE_ENV',
  workerMode: 'WORKER_MODE',
  'http.trustProxy': 'TRUST_PROXY',
  'http.host': 'HOST',
  'http.port': 'PORT',
  'http.bodyLimit': 'HTTP_BODY_LIMIT',
  'http.shutdownTimeoutMs': 'SHUTDOWN_TIMEOUT_MS',
  'http.storeCors': 'STORE_CORS',
  'http.adminCors': 'ADMIN_CORS',
  'http.authCors': 'AUTH_CORS',
  'http.compression.enabled': 'HTTP_COMPRESSION',
  'http.compression.level': 'HTTP_COMPRESSION_LEVEL',
  'http.compression.threshold': 'HTTP_COMPRESSION_THRESHOLD',
  'http.compression.memLevel': 'HTTP_COMPRESSION_MEM_LEVEL',
  'http.storeResponseCacheMb': 'STORE_RESPONSE_CACHE_MB',
  'http.backendUrl': 'BACKEND_URL',
  'database.url': 'DATABASE_URL',
  'database.dataDir': 'DATA_DIR',
  'database.pool.min': 'DATABASE_POOL_MIN',
  'database.pool.max': 'DATABASE_POOL_MAX',
  'database.pool.acquireTimeoutMs': 'DATABASE_ACQUIRE_TIMEOUT_MS',
  'database.pool.idleTimeoutMs': 'DATABASE_POOL_IDLE_TIMEOUT_MS',
  'database.ssl': 'DATABASE_SSL',
  'database.preparedStatements': 'DATABASE_PREPARED_STATEMENTS',
  // the database slice's (issue 7, helper "database")
  'database.schema': 'DATABASE_SCHEMA',
  'database.logging': 'DATABASE_LOGGING',
  'redis.url': 'REDIS_URL',
  'redis.prefix': 'REDIS_PREFIX',
  'auth.jwtSecret': 'JWT_SECRET',
  'auth.jwtExpiresIn': 'JWT_EXPIRES_IN',
  'auth.cookieSecret': 'COOKIE_SECRET',
  'auth.throttle.limit': 'AUTH_RATE_LIMIT',
  'auth.throttle.ipLimit': 'AUTH_RATE_LIMIT_IP',
  'auth.throttle.windowMs': 'AUTH_RATE_WINDOW_MS',
  // sessions (issue 7)
  'auth.session.name': 'SESSION_NAME',
  'auth.session.ttlMs': 'SESSION_TTL_MS',
  'auth.session.rolling': 'SESSION_ROLLING',
  'auth.session.resave': 'SESSION_RESAVE',
  'auth.session.saveUninitialized': 'SESSION_SAVE_UNINITIALIZED',
  'auth.session.secret': 'SESSION_SECRET',
  'logging.level': 'LOG_LEVEL',
  'logging.format': 'LOG_FORMAT',
  'logging.slowHandlerMs': 'LOG_SLOW_HANDLER_MS',
  'events.outboxPollIntervalMs': 'OUTBOX_POLL_INTERVAL_MS',
  'events.jobLockDurationMs': 'JOB_LOCK_DURATION_MS',
  'events.jobStalledIntervalMs': 'JOB_STALLED_INTERVAL_MS',
  'jobs.outboxRetentionHours': 'OUTBOX_RETENTION_HOURS',
  'jobs.jobRetentionHours': 'JOB_RETENTION_HOURS',
  'jobs.paymentSessionTtlHours': 'PAYMENT_SESSION_TTL_HOURS',
  'seed.adminEmail': 'ADMIN_EMAIL',
  'seed.adminPassword': 'ADMIN_PASSWORD',
  'seed.demoCatalog': 'SEED_DEMO_CATALOG',
  'metrics.token': 'METRICS_TOKEN',
  'notifications.adminUrl': 'ADMIN_URL',
  'notifications.storefrontUrl': 'STOREFRONT_URL',
  'uploads.maxFileSize': 'UPLOAD_MAX_FILE_SIZE',
  'uploads.maxFiles': 'UPLOAD_MAX_FILES',
  plugins: 'PLUGINS',
};

/** Keys whose values are never printed: secrets of ours, and of plugins' and modules' options. */
const SECRET_KEY = /secret|pass(word|phrase)?$|password|token|credential|(^|_|[a-z])keys?$|api_?key/i;
const MASK = '********';

/**
 * The resolved configuration as YAML-like text, secrets masked, each value followed by its source:
 * `env NAME`, `file projectConfig.http.storeCors (NAME)` or `default (NAME)`.
 */
export function showConfig(env: Record<string, string | undefined>, cwd: string, file: SthenoConfigFile | undefined, filePath?: string): string {
  const { config, variables } = resolveConfig(env, cwd, file);
  const byName = new Map(variables.map((variable) => [variable.name, variable]));
  const lines = [`# configuration file: ${filePath ?? 'none (stheno.config.ts not found, STHENO_CONFIG not set)'}`, '# precedence: environment > file > defaults'];

  const annotate = (path: string): string => {
    const name = CONFIG_VARIABLES[path];
    const variable = name ? byName.get(name) : undefined;
    if (!name || !variable) return '';
    return `  # ${describeSource(variable.source, name, variable.filePath)}`;
  };

  const walk = (value: unknown, path: string, indent: string): void => {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'warnings') continue;
      const at = path ? `${path}.${key}` : key;
      if (isNested(item)) {
        lines.push(`${indent}${key}:${annotate(at)}`);
        walk(item, at, `${indent}  `);
      } else {
        lines.push(`${indent}${key}: ${scalar(item)}${annotate(at)}`);
      }
    }
  };
  walk(masked(config) as Record<string, unknown>, '', '');

  const unshown = variables.filter((variable) => !Object.values(CONFIG_VARIABLES).includes(variable.name));
  if (unshown.length) {
    lines.push('# other variables read:');
    for (const variable of unshown) lines.push(`#   ${variable.name}: ${describeSource(variable.source, variable.name, variable.filePath)}`);
  }
  if (config.warnings.length) lines.push('# warnings:', ...config.warnings.map((warning) => `#   ${warning}`));
  return `${lines.join('\n')}\n`;
}

function describeSource(source: ConfigSource, name: string, filePath?: string): string {
  if (source === 'env') return `env ${name}`;
  if (source === 'file') return `file ${filePath} (${name})`;
  const fileOption = FILE_OPTION_VARIABLES.find((option) => option.env === name);
  return `default (${name}${fileOption ? `, ${fileOption.path}` : ''})`;
}

function isNested(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RegExp) && Object.keys(value).length > 0;
}

function scalar(value: unknown): string {
  if (value === undefined) return '~';
  if (value instanceof RegExp) return `/${value.source}/${value.flags}`;
  // a function of the file (redisOptions.retryStrategy): its source is noise here
  if (typeof value === 'function') return '[function]';
  if (Array.isArray(value)) return `[${value.map((item) => scalar(item)).join(', ')}]`;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** A copy with secrets replaced: secret-named keys anywhere (plugin and module options too), URL passwords. */
function masked(value: unknown): unknown {
  if (typeof value === 'string') return withoutUrlPassword(value);
  if (Array.isArray(value)) return value.map(masked);
  if (value instanceof RegExp || typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    // the whole value under a secret-named key, whatever its type (an array of keys, a PEM buffer);
    // flags stay readable (`usingDevSecrets: true`)
    Object.entries(value).map(([key, item]) => [key, SECRET_KEY.test(key) && item !== undefined && item !== null && typeof item !== 'boolean' ? MASK : masked(item)]),
  );
}

function withoutUrlPassword(text: string): string {
  // libpq also takes the password as a query parameter (`postgres://u@h/db?password=…`)
  text = text.replace(/([?&](?:password|pass|sslpassword)=)[^&#\s]*/gi, `$1${MASK}`);
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]*@/i.test(text)) return text;
  try {
    const url = new URL(text);
    if (url.password) url.password = MASK;
    return url.toString();
  } catch {
    return text.replace(/(\/\/[^/:@\s]*:)[^/@\s]*@/, `$1${MASK}@`);
  }
}
