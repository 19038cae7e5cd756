/**
 * The resolved, validated configuration, in typed slices. Built once at boot by `loadConfig`; the
 * only place in the code base that reads `process.env` is `framework/config`.
 */
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
  compression: { enabled: boolean; level: number; threshold: number };
  /** Bound of the store product/variant response cache, in MiB (0: off). */
  storeResponseCacheMb: number;
}

export interface DatabaseConfig {
  /** Undefined means the embedded PostgreSQL (PGlite) under `dataDir`. */
  url?: string;
  embedded: boolean;
  dataDir: string;
  pool: { min: number; max: number; acquireTimeoutMs: number };
  ssl: false | { rejectUnauthorized: boolean };
  /** Apply pending migrations at boot (development, test, embedded); production runs `db:migrate`. */
  migrateOnBoot: boolean;
  /**
   * Named prepared statements for the hot path's fixed reads (`framework/database/prepared.ts`).
   * Off behind a pooler in transaction mode (PgBouncer < 1.21, Supavisor): named statements belong
   * to one server session.
   */
  preparedStatements: boolean;
}

export interface RedisConfig {
  url?: string;
  prefix: string;
}

export interface AuthConfig {
  jwtSecret: string;
  jwtExpiresIn: string;
  cookieSecret: string;
  /** True when a secret fell back to the development value. */
  usingDevSecrets: boolean;
  /** Login, register and password-reset attempts allowed within the window, per email and per client IP. */
  throttle: { limit: number; ipLimit: number; windowMs: number };
}

export interface LoggingConfig {
  level: LogLevel;
  format: LogFormat;
  slowHandlerMs: number;
}

export interface EventsConfig {
  /** How often the outbox relay polls for committed events that no local commit hook announced. */
  outboxPollIntervalMs: number;
}

export interface SeedConfig {
  /** The development admin the first start creates (never in production). */
  adminEmail: string;
  adminPassword: string;
  /** Whether the first development start also seeds a warehouse and demo products. */
  demoCatalog: boolean;
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
  seed: SeedConfig;
  /**
   * `PLUGINS`: the plugins to load at boot, in order, as written (package names, or paths relative
   * to the project root); `framework/plugins/plugin-loader.ts` resolves and validates them.
   */
  plugins: string[];
  /** Warnings produced while loading (e.g. development secrets in use), logged once at boot. */
  warnings: string[];
}

export const APP_CONFIG = Symbol('APP_CONFIG');
