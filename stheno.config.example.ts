/**
 * Every option of the configuration file, at its default value or with an example. Copy it to
 * `stheno.config.ts` (the project root; compiled with the app) and keep what you change: a missing
 * option keeps its default. Environment variables win over this file, and the file over the
 * defaults; `npm run stheno -- config:show` prints what results and where each value came from.
 * Reference: docs/configuration.md.
 */
import { defineConfig } from './src/framework/config/define-config';

export default defineConfig({
  projectConfig: {
    // Secrets stay in the environment: reading it here is Medusa's habit and changes nothing
    // (the variable would win anyway); unset, the value is undefined, which counts as not set.
    databaseUrl: process.env.DATABASE_URL, // DATABASE_URL; unset: the embedded database in DATA_DIR
    // databaseName: 'stheno_eu',          // DATABASE_NAME: replaces the database named in the URL
    databaseSchema: 'public', // DATABASE_SCHEMA: every table, migrations included, lives in it
    databaseLogging: false, // DATABASE_LOGGING: true, 'all' or e.g. ['query', 'error', 'migration']
    databaseDriverOptions: {
      connection: { ssl: false }, // DATABASE_SSL: true verifies the certificate; { rejectUnauthorized: false } does not
      pool: { min: 0, max: 10, idleTimeoutMillis: 30000 }, // DATABASE_POOL_MIN, _MAX, _IDLE_TIMEOUT_MS
    },
    redisUrl: process.env.REDIS_URL, // REDIS_URL; unset: events and jobs in-process
    redisPrefix: 'stheno', // REDIS_PREFIX
    // ioredis options for every Redis client (e.g. { connectionName: 'stheno-eu', tls: { ca } });
    // not keyPrefix (use redisPrefix), nor the server (the URL names it)
    redisOptions: {},
    // Cookie sessions (POST /auth/session); in Redis when REDIS_URL is set, in PostgreSQL otherwise
    sessionOptions: {
      name: 'connect.sid', // SESSION_NAME: the cookie's name
      ttl: 36_000_000, // SESSION_TTL_MS: session lifetime and cookie Max-Age, in ms (10 h)
      rolling: false, // SESSION_ROLLING: each authenticated request extends the session by ttl
      resave: false, // SESSION_RESAVE: rolling writes the store on every request, not once a minute
      saveUninitialized: false, // SESSION_SAVE_UNINITIALIZED: no effect (Medusa compatibility)
      secret: process.env.SESSION_SECRET, // SESSION_SECRET: signs the cookie; defaults to cookieSecret
    },
    workerMode: 'shared', // WORKER_MODE: shared | server | worker
    http: {
      // STORE_CORS, ADMIN_CORS, AUTH_CORS: Medusa's comma lists, or arrays of origins and RegExps
      storeCors: 'http://localhost:8000',
      adminCors: ['http://localhost:7000', 'http://localhost:7001', 'http://localhost:5173'],
      authCors: ['http://localhost:8000', 'http://localhost:7000', /^http:\/\/localhost:517\d$/],
      jwtSecret: process.env.JWT_SECRET, // JWT_SECRET: required in production
      cookieSecret: process.env.COOKIE_SECRET, // COOKIE_SECRET: required in production
      jwtExpiresIn: '1d', // JWT_EXPIRES_IN
      // backendUrl: 'https://api.example.com', // BACKEND_URL: default http://localhost:<PORT>; file URLs are <backendUrl>/static/<id>
      compression: {
        enabled: false, // HTTP_COMPRESSION (a request's x-no-compression header opts out)
        level: 6, // HTTP_COMPRESSION_LEVEL: -1..9
        memLevel: 8, // HTTP_COMPRESSION_MEM_LEVEL: 1..9
        threshold: 1024, // HTTP_COMPRESSION_THRESHOLD: bytes
      },
    },
  },
  // PLUGINS: package names or paths (relative to the project root), in load order; the object form
  // hands `options` to the plugin's module factory (docs/plugins.md).
  plugins: [
    // './examples/plugin-hello',
    // { resolve: 'stheno-plugin-x', options: { apiKey: process.env.X_API_KEY } },
  ],
  // Switch commerce modules off and choose the infrastructure (docs/modules.md):
  // { [key]: false | 'built-in-name' | { resolve?, options? } }. What needs a switched-off module goes with it.
  //
  // The providers of payment, fulfillment, notification and tax are applied: each entry's
  // `resolve` is a path (relative to the project root) or a package name exporting a provider
  // class; its id is formed from the class's `static identifier` and `id`; an entry with a
  // built-in's id replaces it (docs/configuration.md, "Module providers").
  modules: {
    // promotion: false,
    // event_bus: 'local', // or 'redis' (the default when REDIS_URL is set)
    // cache: 'memory',
    // locking: 'postgres',
    // payment: {
    //   options: {
    //     providers: [
    //       // pp_acme_acme, beside pp_system_default; the class gets `options` through @InjectProviderOptions()
    //       { resolve: './src/providers/acme-pay', id: 'acme', options: { apiKey: process.env.ACME_API_KEY } },
    //       // a class with `static identifier = 'system'`: replaces the built-in pp_system_default
    //       { resolve: './src/providers/bank-transfer', id: 'default', options: { iban: 'DK50 0040 0440 1162 43' } },
    //     ],
    //   },
    // },
    // fulfillment: { options: { providers: [{ resolve: 'stheno-fulfillment-dhl', id: 'dhl', options: { account: 'eu-1' } }] } }, // dhl_dhl
    // notification: { options: { providers: [{ resolve: './src/providers/smtp', id: 'smtp', options: { channels: ['email'] } }] } },
    // tax: { options: { providers: [{ resolve: './src/providers/vat-api', id: 'eu', options: {}, is_default: true }] } }, // tp_<identifier>_eu
    // the local file provider's options (read by the file module): where it stores uploads (default
    // <DATA_DIR>/uploads) and the base of their URLs (default <backendUrl>/static)
    // file: { options: { upload_dir: './uploads', backend_url: 'https://cdn.example.com/static' } },
  },
  // Named feature flags; STHENO_FF_<NAME>=true|false wins.
  featureFlags: {
    // jobs_ui: false, // the jobs UI at /admin/jobs
  },
});
