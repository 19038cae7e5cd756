/**
 * The resolved, validated configuration, in typed slices. Built once at boot by `loadConfig`; the
 * only place in the code base that reads `process.env` is `framework/config`.
 */
import type { ModuleEntry, SessionOptions } from './define-config';
import type { ModuleSelection } from './module-selection';

export type NodeEnv = 'development' | 'production' | 'test';
export type WorkerMode = 'shared' | 'server' | 'worker';
export type LogFormat = 'pretty' | 'json';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** An allowed CORS origin: an exact origin or a regular expression (`/…/` entries). */
export type CorsOrigin = string | RegExp;

export interface HttpConfig {
  /** Express's `trust proxy`: which proxies' X-Forwarded-For to believe for the client IP. */
  trustProxy: boolean | number | string;
  host: string;
  port: number;
  bodyLimit: string;
  /** Bound on how long in-flight requests may take to finish once shutdown starts. */
  shutdownTimeoutMs: number;
  storeCors: CorsOrigin[];
  adminCors: CorsOrigin[];
  authCors: CorsOrigin[];
  compression: { enabled: boolean; level: number; threshold: number; memLevel: number };
  /** Bound of the store product/variant response cache, in MiB (0: off). */
  storeResponseCacheMb: number;
  // --- files (issue 7)
  /**
   * `BACKEND_URL`: where clients reach this backend (no trailing slash). The local file provider
   * builds its public URLs on it: `<backendUrl>/static/<file id>`.
   */
  backendUrl: string;
}

export interface DatabaseConfig {
  /** Undefined means the embedded PostgreSQL (PGlite) under `dataDir`. */
  url?: string;
  embedded: boolean;
  dataDir: string;
  /** `idleTimeoutMs`: a connection idle this long is given back (an idle server holds no backends). */
  pool: { min: number; max: number; acquireTimeoutMs: number; idleTimeoutMs: number };
  ssl: false | { rejectUnauthorized: boolean };
  /** Apply pending migrations at boot (development, test, embedded); production runs `db:migrate`. */
  migrateOnBoot: boolean;
  /**
   * Named prepared statements for the hot path's fixed reads (`framework/database/prepared.ts`).
   * Off behind a pooler in transaction mode (PgBouncer < 1.21, Supavisor): named statements belong
   * to one server session.
   */
  preparedStatements: boolean;
  // --- schema and logging (issue 7)
  /**
   * `DATABASE_SCHEMA`: the PostgreSQL schema holding every Stheno table, the migrations table
   * included; connections search it first, then `public` (where shared extensions such as pg_trgm live).
   */
  schema: string;
  /** `DATABASE_LOGGING`: which database log lines reach the app log; false logs none. */
  logging: false | DatabaseLoggingCategory[];
}

/** Medusa's `databaseLogging` levels (framework/database/orm-logger.ts maps them onto MikroORM's). */
export const DATABASE_LOGGING_CATEGORIES = ['query', 'schema', 'error', 'warn', 'info', 'migration'] as const;
export type DatabaseLoggingCategory = (typeof DATABASE_LOGGING_CATEGORIES)[number];

export interface RedisConfig {
  url?: string;
  prefix: string;
  /**
   * `projectConfig.redisOptions`, validated (`redis-options.ts`): ioredis options given to every
   * Redis client the app creates, under the URL and over nothing the app must control per client.
   */
  options: Record<string, unknown>;
}

/** Cookie sessions (`POST /auth/session`): Medusa's `sessionOptions`, each with a variable. */
export interface SessionConfig {
  /** `SESSION_NAME`: the cookie's name. */
  name: string;
  /** `SESSION_TTL_MS`: how long a session lasts (and the cookie's Max-Age). */
  ttlMs: number;
  /** `SESSION_ROLLING`: each authenticated request pushes the end of the session to now + ttl. */
  rolling: boolean;
  /** `SESSION_RESAVE`: rolling sessions write the store on every request, not at most once per interval. */
  resave: boolean;
  /** `SESSION_SAVE_UNINITIALIZED`: accepted for compatibility; no effect (docs/configuration.md). */
  saveUninitialized: boolean;
  /** `SESSION_SECRET`, else COOKIE_SECRET: signs the cookie. */
  secret: string;
}

export interface AuthConfig {
  jwtSecret: string;
  jwtExpiresIn: string;
  cookieSecret: string;
  /** True when a secret fell back to the development value. */
  usingDevSecrets: boolean;
  /** Login, register and password-reset attempts allowed within the window, per email and per client IP. */
  throttle: { limit: number; ipLimit: number; windowMs: number };
  // --- sessions (issue 7)
  session: SessionConfig;
}

export interface LoggingConfig {
  level: LogLevel;
  format: LogFormat;
  slowHandlerMs: number;
}

export interface EventsConfig {
  /** How often the outbox relay polls for committed events that no local commit hook announced. */
  outboxPollIntervalMs: number;
  /**
   * Bull: how long a worker's hold on a running job lasts without renewal, and how often workers
   * look for jobs whose holder died (crash, SIGKILL) to run them again. Their sum bounds how late a
   * crashed worker's job restarts elsewhere.
   */
  jobLockDurationMs: number;
  jobStalledIntervalMs: number;
}

export interface JobsConfig {
  /** Dispatched outbox rows older than this are deleted (0: kept). */
  outboxRetentionHours: number;
  /** Completed and failed Bull jobs older than this are deleted (0: kept). */
  jobRetentionHours: number;
  /** Payment sessions of uncompleted carts untouched this long are canceled (0: never). */
  paymentSessionTtlHours: number;
}

export interface SeedConfig {
  /** The development admin the first start creates (never in production). */
  adminEmail: string;
  adminPassword: string;
  /** Whether the first development start also seeds a warehouse and demo products. */
  demoCatalog: boolean;
}

export interface MetricsConfig {
  /** Bearer token `GET /metrics` requires; undefined turns the endpoint (and its collectors) off. */
  token?: string;
}

// --- notifications (issue 6) ---------------------------------------------------------------
export interface NotificationsConfig {
  /** Where the admin dashboard lives: invite links point at `<adminUrl>/invite?token=…`. */
  adminUrl: string;
  /** Where the storefront lives: customers' password-reset links point at `<storefrontUrl>/reset-password?…`. */
  storefrontUrl: string;
}

// --- files (issue 7) -------------------------------------------------------------------------
/** Bounds of `POST /admin/uploads` (multipart bodies are held in memory while the provider stores them). */
export interface UploadsConfig {
  /** `UPLOAD_MAX_FILE_SIZE`: largest accepted file, in bytes (413 above it). */
  maxFileSize: number;
  /** `UPLOAD_MAX_FILES`: most files accepted in one request. */
  maxFiles: number;
}

// --- configuration file (issue 7) -------------------------------------------------------------
/**
 * What `stheno.config.ts` holds beyond the options that have environment variables (those are
 * merged into their slices): validated, carried as written for the code that owns them.
 */
export interface ConfigFileInputs {
  modules: Record<string, ModuleEntry>;
  featureFlags: Record<string, boolean>;
  sessionOptions?: SessionOptions;
  redisOptions?: Record<string, unknown>;
}

// --- feature flags (issue 7) --------------------------------------------------------------
/** See `framework/feature-flags/feature-flags.ts` and docs/feature-flags.md. */
export interface FeatureFlagsSettings {
  /** `STHENO_FF_*` values naming no flag declared when the configuration was read (a plugin may declare them). */
  undeclared: Record<string, boolean>;
  /** The file's `featureFlags` naming no flag declared then; one still undeclared after the plugins load stops the boot. */
  undeclaredInFile: Record<string, boolean>;
}

export interface AppConfig {
  env: NodeEnv;
  isProduction: boolean;
  workerMode: WorkerMode;
  http: HttpConfig;
  database: DatabaseConfig;
  redis: RedisConfig;
  auth: AuthConfig;
  logging: LoggingConfig;
  events: EventsConfig;
  jobs: JobsConfig;
  seed: SeedConfig;
  metrics: MetricsConfig;
  notifications: NotificationsConfig;
  uploads: UploadsConfig;
  /**
   * `PLUGINS`: the plugins to load at boot, in order, as written (package names, or paths relative
   * to the project root); `framework/plugins/plugin-loader.ts` resolves and validates them.
   */
  plugins: string[];
  /** Options of the file's `{ resolve, options }` plugin entries, by entry: given to the plugin's module factory. */
  pluginOptions: Record<string, Record<string, unknown>>;
  configFile: ConfigFileInputs;
  /** The file's `modules`, resolved: switched-off modules, the event bus and the cache (module-selection.ts). */
  modules: ModuleSelection;
  // --- feature flags (issue 7)
  /** Every declared flag's value: `STHENO_FF_<KEY>` > config file `featureFlags` > the flag's default. */
  featureFlags: Record<string, boolean>;
  featureFlagSettings: FeatureFlagsSettings;
  /** Warnings produced while loading (e.g. development secrets in use), logged once at boot. */
  warnings: string[];
}

export const APP_CONFIG = Symbol('APP_CONFIG');
