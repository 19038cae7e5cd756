/**
 * The typed configuration file, `stheno.config.ts` at the project root (Medusa's `medusa-config`):
 *
 *   import { defineConfig } from './src/framework/config/define-config';
 *   export default defineConfig({ projectConfig: { http: { storeCors: 'https://shop.example.com' } } });
 *
 * Every key is optional. The environment wins over the file, the file over the defaults
 * (`load-config.ts`); `config-file.ts` validates the whole object at boot, naming the path of every
 * problem. Names are Medusa v2's (camelCase); docs/configuration.md maps them to the environment
 * variables and to Medusa v1's snake_case names.
 */

/** Categories of database logging (`DATABASE_LOGGING`). */
export type DatabaseLoggingCategory = 'query' | 'schema' | 'error' | 'warn' | 'info' | 'migration';

/** A CORS setting: Medusa's comma list (`https://a.com,/regex/`) or the same entries as an array. */
export type CorsSetting = string | Array<string | RegExp>;

export interface HttpCompressionOptions {
  /** gzip/deflate responses (a request's `x-no-compression` header opts out). Default false. */
  enabled?: boolean;
  /** zlib level, -1 (zlib's default) to 9. Default 6. */
  level?: number;
  /** zlib memory level, 1 to 9. Default 8. */
  memLevel?: number;
  /** Bytes below which responses are sent as they are. Default 1024. */
  threshold?: number;
}

export interface HttpOptions {
  storeCors?: CorsSetting;
  adminCors?: CorsSetting;
  authCors?: CorsSetting;
  /** Keep secrets in the environment (JWT_SECRET); a value here is used only when it is unset. */
  jwtSecret?: string;
  cookieSecret?: string;
  /** Seconds, or `30m`, `12h`, `1d`, `2w`. */
  jwtExpiresIn?: string | number;
  /**
   * Where clients reach this backend (`https://api.example.com`); default `http://localhost:<PORT>`.
   * The local file provider's URLs are `<backendUrl>/static/<file id>` (Medusa: `admin.backendUrl`).
   */
  backendUrl?: string;
  compression?: HttpCompressionOptions;
}

export interface DatabaseDriverOptions {
  connection?: {
    /** true: TLS, certificate verified; `{ rejectUnauthorized: false }`: TLS, any certificate. */
    ssl?: boolean | { rejectUnauthorized?: boolean };
  };
  pool?: { min?: number; max?: number; idleTimeoutMillis?: number };
}

/** Cookie sessions (`POST /auth/session`); docs/configuration.md compares each with express-session. */
export interface SessionOptions {
  /** The cookie's name (`SESSION_NAME`). Default `connect.sid`. */
  name?: string;
  /** With `rolling`: write the store on every request, not at most once a minute (`SESSION_RESAVE`). Default false. */
  resave?: boolean;
  /** Each authenticated request extends the session by `ttl` and re-sends the cookie (`SESSION_ROLLING`). Default false. */
  rolling?: boolean;
  /** Accepted for Medusa compatibility; no effect (`SESSION_SAVE_UNINITIALIZED`). */
  saveUninitialized?: boolean;
  /** Signs the cookie (`SESSION_SECRET`). Default: `http.cookieSecret`. */
  secret?: string;
  /** Session lifetime and cookie Max-Age, in milliseconds (`SESSION_TTL_MS`). Default 10 hours. */
  ttl?: number;
}

export interface ProjectConfig {
  databaseUrl?: string;
  /** Replaces the database named in `databaseUrl` (ignored on the embedded database). */
  databaseName?: string;
  databaseSchema?: string;
  databaseDriverOptions?: DatabaseDriverOptions;
  databaseLogging?: boolean | 'all' | DatabaseLoggingCategory[];
  redisUrl?: string;
  redisPrefix?: string;
  /**
   * ioredis options for every Redis client (the shared one, Bull's); not `keyPrefix` (use
   * `redisPrefix`) nor the server (the URL names it). See docs/configuration.md.
   */
  redisOptions?: Record<string, unknown>;
  sessionOptions?: SessionOptions;
  workerMode?: 'shared' | 'server' | 'worker';
  http?: HttpOptions;
}

/** A plugin: its package name or path (as in PLUGINS), with options handed to its module factory. */
export type PluginEntry = string | { resolve: string; options?: Record<string, unknown> };

/**
 * A provider of a provider-based module (payment, fulfillment, notification, tax), Medusa's way:
 * loaded at boot from `resolve` (a path relative to the project root, or a package name) and
 * registered under an id formed from its class's `identifier` and `id` (docs/configuration.md).
 */
export interface ProviderEntry {
  resolve: string;
  id?: string;
  /** Given to the provider's constructor (`@InjectProviderOptions()`). */
  options?: Record<string, unknown>;
  /** Tax only: the provider of tax regions that name none. */
  is_default?: boolean;
}

/** A module's options; `providers` is read by the module's provider registry. */
export type ModuleOptions = { providers?: ProviderEntry[] } & Record<string, unknown>;

/** A module: `false` switches it off, a string or `{ resolve }` replaces it, `options` configure it. */
export type ModuleEntry = false | string | { resolve?: string; options?: ModuleOptions };

export interface SthenoConfigFile {
  projectConfig?: ProjectConfig;
  plugins?: PluginEntry[];
  modules?: Record<string, ModuleEntry>;
  /** Named feature flags on or off (`STHENO_FF_<NAME>` wins). */
  featureFlags?: Record<string, boolean>;
}

/**
 * The keys `modules` knows (Medusa's module keys): the commerce modules of `src/app.module.ts` and
 * the infrastructure pieces the issue makes switchable. Values are validated for their shape today;
 * which keys may be disabled or replaced is the module loader's business.
 */
export const KNOWN_MODULE_KEYS = [
  'api_key',
  'auth',
  'cart',
  'currency',
  'customer',
  'fulfillment',
  'inventory',
  'notification',
  'order',
  'payment',
  'pricing',
  'product',
  'promotion',
  'region',
  'sales_channel',
  'stock_location',
  'store',
  'tax',
  'user',
  'event_bus',
  'cache',
  'locking',
  'file',
] as const;

/** Identity: it exists so that an editor checks the file against these types as it is written. */
export function defineConfig(config: SthenoConfigFile): SthenoConfigFile {
  return config;
}
