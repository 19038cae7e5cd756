import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig, readProcessEnvironment } from './load-config';

const PROD_SECRETS = { JWT_SECRET: 'a-production-jwt-secret-123', COOKIE_SECRET: 'a-production-cookie-secret-1' };

/** Runs loadConfig expecting a ConfigError and returns it. */
function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env, '/srv/app');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

describe('loadConfig', () => {
  describe('with an empty environment', () => {
    const config = loadConfig({}, '/srv/app');

    it('defaults to development on port 9000 in shared worker mode', () => {
      expect(config.env).toBe('development');
      expect(config.isProduction).toBe(false);
      expect(config.http.port).toBe(9000);
      expect(config.workerMode).toBe('shared');
    });

    it('issues tokens that expire after one day', () => {
      expect(config.auth.jwtExpiresIn).toBe('1d');
    });

    it('logs pretty at info level', () => {
      expect(config.logging).toMatchObject({ format: 'pretty', level: 'info' });
    });

    it('uses the embedded database with exactly one pooled connection', () => {
      expect(config.database.embedded).toBe(true);
      expect(config.database.url).toBeUndefined();
      expect(config.database.pool.min).toBe(0);
      expect(config.database.pool.max).toBe(1);
    });

    it('resolves the default data directory against the working directory', () => {
      expect(config.database.dataDir).toBe(resolve('/srv/app', '.data'));
    });

    it('treats blank values as unset', () => {
      expect(loadConfig({ PORT: '   ', DATABASE_URL: '' }, '/srv/app').http.port).toBe(9000);
      expect(loadConfig({ DATABASE_URL: '' }, '/srv/app').database.embedded).toBe(true);
    });
  });

  it('resolves a relative DATA_DIR against the given working directory', () => {
    expect(loadConfig({ DATA_DIR: 'var/db' }, '/srv/app').database.dataDir).toBe(resolve('/srv/app', 'var/db'));
  });

  it('keeps the embedded pool at one connection even when a pool size is configured', () => {
    const config = loadConfig({ DATABASE_POOL_MIN: '2', DATABASE_POOL_MAX: '20' }, '/srv/app');
    expect(config.database.pool).toMatchObject({ min: 0, max: 1 });
  });

  it('uses the configured pool for an external database', () => {
    const config = loadConfig(
      { DATABASE_URL: 'postgres://db:5432/shop', DATABASE_POOL_MIN: '2', DATABASE_POOL_MAX: '20' },
      '/srv/app',
    );
    expect(config.database).toMatchObject({ embedded: false, url: 'postgres://db:5432/shop' });
    expect(config.database.pool).toMatchObject({ min: 2, max: 20 });
  });

  it('uses named prepared statements unless DATABASE_PREPARED_STATEMENTS=false (transaction-mode poolers)', () => {
    const url = { DATABASE_URL: 'postgres://db:5432/shop' };
    expect(loadConfig(url, '/srv/app').database.preparedStatements).toBe(true);
    expect(loadConfig({ ...url, DATABASE_PREPARED_STATEMENTS: 'false' }, '/srv/app').database.preparedStatements).toBe(false);
    expect(() => loadConfig({ ...url, DATABASE_PREPARED_STATEMENTS: 'sometimes' }, '/srv/app')).toThrow(/DATABASE_PREPARED_STATEMENTS/);
  });

  it('logs json in production', () => {
    expect(loadConfig({ NODE_ENV: 'production', ...PROD_SECRETS }, '/srv/app').logging.format).toBe('json');
  });

  it('is silent by default under NODE_ENV=test', () => {
    expect(loadConfig({ NODE_ENV: 'test' }, '/srv/app').logging.level).toBe('silent');
  });

  describe('rejects an invalid value and names the variable', () => {
    it.each([
      ['PORT', 'abc'],
      ['PORT', '70000'],
      ['WORKER_MODE', 'both'],
      ['DATABASE_URL', 'mysql://x'],
      ['REDIS_URL', 'http://x'],
      ['HTTP_COMPRESSION', 'maybe'],
      ['JWT_EXPIRES_IN', 'soon'],
      ['LOG_LEVEL', 'loud'],
      ['AUTH_CORS', '/[/'],
    ])('%s=%s', (name, value) => {
      const error = configError({ [name]: value });
      expect(error.problems).toHaveLength(1);
      expect(error.problems[0].startsWith(`${name}:`)).toBe(true);
      expect(error.message).toContain(name);
    });

    // AUTH_CORS, when unset, reuses the parsed store and admin origins: a bad entry is reported once.
    it.each([
      ['STORE_CORS', '/[/', "STORE_CORS: '/[/' is not a valid regular expression"],
      ['ADMIN_CORS', 'not an origin', "ADMIN_CORS: 'not an origin' is neither an origin"],
      ['STORE_CORS', '/^https:\\/\\/shop/g', "STORE_CORS: '/^https:\\/\\/shop/g' must not use the g or y flag"],
    ])('%s=%s', (name, value, problem) => {
      const error = configError({ [name]: value });
      expect(error.problems).toHaveLength(1);
      expect(error.problems[0]).toContain(problem);
    });

    it('DATABASE_POOL_MIN greater than DATABASE_POOL_MAX', () => {
      const error = configError({ DATABASE_POOL_MIN: '5', DATABASE_POOL_MAX: '2' });
      expect(error.problems).toEqual(['DATABASE_POOL_MIN: must not be greater than DATABASE_POOL_MAX']);
    });
  });

  it('reports several problems together in one error', () => {
    const error = configError({ PORT: 'abc', WORKER_MODE: 'both', HTTP_COMPRESSION: 'maybe' });
    expect(error.problems).toHaveLength(3);
    for (const name of ['PORT', 'WORKER_MODE', 'HTTP_COMPRESSION']) expect(error.message).toContain(name);
    expect(error.message.split('\n')[0]).toBe('Invalid configuration:');
  });

  it.each([
    ['a protocol it does not accept', 'mysql://admin:hunter2-pw@db.example.com/shop'],
    ['an unparseable URL', 'postgres://admin:hunter2-pw@db.example.com:notaport/shop'],
  ])('never echoes a DATABASE_URL password (%s)', (_case, url) => {
    const error = configError({ DATABASE_URL: url });
    expect(error.message).toContain('DATABASE_URL');
    expect(error.message).not.toContain('hunter2-pw');
  });

  describe('secrets', () => {
    it('refuses production without JWT_SECRET and COOKIE_SECRET, naming both', () => {
      const error = configError({ NODE_ENV: 'production' });
      expect(error.problems).toEqual([
        'JWT_SECRET: required when NODE_ENV=production',
        'COOKIE_SECRET: required when NODE_ENV=production',
      ]);
    });

    it("refuses the development default 'supersecret' in production", () => {
      const error = configError({ NODE_ENV: 'production', JWT_SECRET: 'supersecret', COOKIE_SECRET: 'supersecret' });
      expect(error.problems).toHaveLength(2);
      expect(error.message).toContain('JWT_SECRET: the development default cannot be used');
      expect(error.message).toContain('COOKIE_SECRET: the development default cannot be used');
    });

    it('refuses a secret shorter than 16 characters in production', () => {
      const error = configError({ ...PROD_SECRETS, NODE_ENV: 'production', COOKIE_SECRET: 'short-secret' });
      expect(error.problems).toEqual(['COOKIE_SECRET: must be at least 16 characters when NODE_ENV=production']);
    });

    it('accepts long secrets in production', () => {
      const config = loadConfig({ NODE_ENV: 'production', ...PROD_SECRETS }, '/srv/app');
      expect(config.auth).toMatchObject({
        jwtSecret: PROD_SECRETS.JWT_SECRET,
        cookieSecret: PROD_SECRETS.COOKIE_SECRET,
        usingDevSecrets: false,
      });
    });

    it('falls back to the development secret with a warning for each missing secret in development', () => {
      const config = loadConfig({}, '/srv/app');
      expect(config.auth).toMatchObject({ jwtSecret: 'supersecret', cookieSecret: 'supersecret', usingDevSecrets: true });
      expect(config.warnings).toHaveLength(2);
      expect(config.warnings[0]).toMatch(/^JWT_SECRET is not set/);
      expect(config.warnings[1]).toMatch(/^COOKIE_SECRET is not set/);
    });

    it('accepts short secrets outside production', () => {
      const config = loadConfig({ JWT_SECRET: 'dev', COOKIE_SECRET: 'dev' }, '/srv/app');
      expect(config.auth.usingDevSecrets).toBe(false);
      expect(config.warnings).toEqual([]);
    });
  });

  describe('CORS lists', () => {
    it('defaults AUTH_CORS to the store and admin origins', () => {
      const config = loadConfig({}, '/srv/app');
      expect(config.http.storeCors).toEqual(['http://localhost:8000']);
      expect(config.http.authCors).toEqual([...config.http.storeCors, ...config.http.adminCors]);
      expect(config.http.authCors).toHaveLength(4);
    });

    it('builds AUTH_CORS from configured STORE_CORS and ADMIN_CORS when unset', () => {
      const config = loadConfig({ STORE_CORS: 'https://shop.example.com', ADMIN_CORS: 'https://admin.example.com' });
      expect(config.http.authCors).toEqual(['https://shop.example.com', 'https://admin.example.com']);
    });

    it('splits a comma list and normalises each origin (trailing slash and path dropped)', () => {
      const config = loadConfig({ STORE_CORS: ' https://shop.example.com/ , http://localhost:3000/path,,' });
      expect(config.http.storeCors).toEqual(['https://shop.example.com', 'http://localhost:3000']);
    });

    it('turns /regex/ entries into regular expressions', () => {
      const config = loadConfig({ ADMIN_CORS: '/\\.example\\.com$/,https://admin.example.com' });
      const [regex, exact] = config.http.adminCors;
      expect(regex).toBeInstanceOf(RegExp);
      expect((regex as RegExp).test('https://a.example.com')).toBe(true);
      expect((regex as RegExp).test('https://example.org')).toBe(false);
      expect(exact).toBe('https://admin.example.com');
    });

    it("keeps '*' as a wildcard", () => {
      expect(loadConfig({ AUTH_CORS: '*' }).http.authCors).toEqual(['*']);
    });
  });

  describe('METRICS_TOKEN', () => {
    it('leaves /metrics off when unset', () => {
      expect(loadConfig({}, '/srv/app').metrics.token).toBeUndefined();
    });

    it('keeps the token when set', () => {
      expect(loadConfig({ METRICS_TOKEN: 'scrape-me' }, '/srv/app').metrics.token).toBe('scrape-me');
    });

    it('refuses whitespace inside the token', () => {
      expect(configError({ METRICS_TOKEN: 'two words' }).problems).toEqual(['METRICS_TOKEN: must not contain whitespace']);
    });

    it('refuses a token shorter than 16 characters in production', () => {
      expect(configError({ ...PROD_SECRETS, NODE_ENV: 'production', METRICS_TOKEN: 'short' }).problems).toEqual([
        'METRICS_TOKEN: must be at least 16 characters when NODE_ENV=production',
      ]);
      expect(loadConfig({ ...PROD_SECRETS, NODE_ENV: 'production', METRICS_TOKEN: 'a-long-scrape-token-1' }, '/srv/app').metrics.token).toBe(
        'a-long-scrape-token-1',
      );
    });
  });

  describe('WORKER_MODE=server and event delivery', () => {
    const DEV = { JWT_SECRET: 'dev', COOKIE_SECRET: 'dev' };

    it('polls the outbox every 250 ms by default', () => {
      expect(loadConfig(DEV, '/srv/app').events.outboxPollIntervalMs).toBe(250);
    });

    it('warns that nothing can deliver the events of a server on the embedded database without Redis', () => {
      const { warnings } = loadConfig({ ...DEV, WORKER_MODE: 'server' }, '/srv/app');
      expect(warnings).toEqual([expect.stringMatching(/^WORKER_MODE=server without REDIS_URL on the embedded database: .*never delivered/)]);
    });

    it('warns that a server on PostgreSQL without Redis needs a worker on the same database', () => {
      const { warnings } = loadConfig({ ...DEV, WORKER_MODE: 'server', DATABASE_URL: 'postgres://db/stheno' }, '/srv/app');
      expect(warnings).toEqual([expect.stringMatching(/^WORKER_MODE=server without REDIS_URL: .*WORKER_MODE=worker process runs on the same database/)]);
    });

    it('does not warn a server with Redis, nor a worker or shared process without it', () => {
      expect(loadConfig({ ...DEV, WORKER_MODE: 'server', REDIS_URL: 'redis://cache:6379' }, '/srv/app').warnings).toEqual([]);
      expect(loadConfig({ ...DEV, WORKER_MODE: 'worker' }, '/srv/app').warnings).toEqual([]);
      expect(loadConfig({ ...DEV, WORKER_MODE: 'shared' }, '/srv/app').warnings).toEqual([]);
    });
  });
});

describe('readProcessEnvironment', () => {
  let dir: string;
  const keys = ['STHENO_SPEC_FROM_FILE', 'STHENO_SPEC_SHARED'];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'stheno-env-'));
  });

  afterEach(() => {
    for (const key of keys) delete process.env[key];
    rmSync(dir, { recursive: true, force: true });
  });

  it('merges a .env file under process.env, with process.env winning', () => {
    writeFileSync(join(dir, '.env'), 'STHENO_SPEC_FROM_FILE=file-value\nSTHENO_SPEC_SHARED=from-file\n');
    process.env.STHENO_SPEC_SHARED = 'from-process';
    const env = readProcessEnvironment(dir);
    expect(env.STHENO_SPEC_FROM_FILE).toBe('file-value');
    expect(env.STHENO_SPEC_SHARED).toBe('from-process');
    expect(env.NODE_ENV).toBe(process.env.NODE_ENV);
  });

  it('returns the process environment when the directory has no .env file', () => {
    process.env.STHENO_SPEC_SHARED = 'only-process';
    const env = readProcessEnvironment(dir);
    expect(env.STHENO_SPEC_SHARED).toBe('only-process');
    expect(env.STHENO_SPEC_FROM_FILE).toBeUndefined();
  });
});

describe('loadConfig: PLUGINS', () => {
  it('loads no plugin when unset', () => {
    expect(loadConfig({}, '/srv/app').plugins).toEqual([]);
  });

  it('keeps the entries in order, trimmed, skipping empty ones', () => {
    expect(loadConfig({ PLUGINS: ' ./examples/plugin-hello, @acme/stheno-x ,,stheno-plugin-y' }, '/srv/app').plugins).toEqual([
      './examples/plugin-hello',
      '@acme/stheno-x',
      'stheno-plugin-y',
    ]);
  });

  it('rejects an entry with spaces and an entry listed twice', () => {
    expect(configError({ PLUGINS: './a plugin' }).problems).toEqual(["PLUGINS: expected a comma list of package names or paths, got './a plugin'"]);
    expect(configError({ PLUGINS: 'x,y,x' }).problems).toEqual(["PLUGINS: 'x' is listed twice"]);
  });
});

describe('feature flags from the config file', () => {
  it('takes the file over the default and the environment over the file', () => {
    expect(loadConfig({}, '/srv/app').featureFlags.jobs_ui).toBe(true);
    expect(loadConfig({}, '/srv/app', { featureFlags: { jobs_ui: false } }).featureFlags.jobs_ui).toBe(false);
    expect(loadConfig({ STHENO_FF_JOBS_UI: 'true' }, '/srv/app', { featureFlags: { jobs_ui: false } }).featureFlags.jobs_ui).toBe(true);
  });

  it('keeps a flag nobody declared yet aside for the plugins (FeatureFlags refuses it at boot if none declares it)', () => {
    const config = loadConfig({}, '/srv/app', { featureFlags: { no_such_flag: true } });
    expect(config.featureFlagSettings.undeclaredInFile).toEqual({ no_such_flag: true });
    expect(() => loadConfig({}, '/srv/app', { featureFlags: { no_such_flag: 'yes' as unknown as boolean } })).toThrow(/featureFlags\.no_such_flag: expected true or false/);
  });
});

// --- schema and logging (issue 7)
describe('DATABASE_SCHEMA and DATABASE_LOGGING', () => {
  it('defaults to the public schema and no database logging', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.database.schema).toBe('public');
    expect(config.database.logging).toBe(false);
  });

  it('takes a plain lower-case schema name and refuses anything that would need quoting or is reserved', () => {
    expect(loadConfig({ DATABASE_SCHEMA: 'tenant_a' }, '/srv/app').database.schema).toBe('tenant_a');
    expect(configError({ DATABASE_SCHEMA: 'Tenant' }).problems).toEqual([
      "DATABASE_SCHEMA: expected 1-63 lower-case letters, digits or '_', not starting with a digit, got 'Tenant'",
    ]);
    expect(configError({ DATABASE_SCHEMA: 'a"; drop schema public; --' }).problems[0]).toMatch(/^DATABASE_SCHEMA: expected/);
    expect(configError({ DATABASE_SCHEMA: '1shop' }).problems[0]).toMatch(/^DATABASE_SCHEMA: expected/);
    expect(configError({ DATABASE_SCHEMA: 'x'.repeat(64) }).problems[0]).toMatch(/^DATABASE_SCHEMA: expected/);
    expect(configError({ DATABASE_SCHEMA: 'pg_shop' }).problems).toEqual(["DATABASE_SCHEMA: 'pg_shop' is reserved by PostgreSQL"]);
    expect(configError({ DATABASE_SCHEMA: 'information_schema' }).problems).toEqual(["DATABASE_SCHEMA: 'information_schema' is reserved by PostgreSQL"]);
  });

  it('reads true and all as every category, and a comma list as those categories', () => {
    const every = ['query', 'schema', 'error', 'warn', 'info', 'migration'];
    expect(loadConfig({ DATABASE_LOGGING: 'true' }, '/srv/app').database.logging).toEqual(every);
    expect(loadConfig({ DATABASE_LOGGING: 'all' }, '/srv/app').database.logging).toEqual(every);
    expect(loadConfig({ DATABASE_LOGGING: 'false' }, '/srv/app').database.logging).toBe(false);
    expect(loadConfig({ DATABASE_LOGGING: ' query, migration,query ' }, '/srv/app').database.logging).toEqual(['query', 'migration']);
  });

  it('refuses an unknown category, naming the allowed ones', () => {
    expect(configError({ DATABASE_LOGGING: 'query,queries' }).problems).toEqual([
      "DATABASE_LOGGING: expected true, false, all, or a comma list of query, schema, error, warn, info, migration, got 'query,queries'",
    ]);
    expect(configError({ DATABASE_LOGGING: ',' }).problems[0]).toMatch(/^DATABASE_LOGGING: expected/);
  });
});

describe('databaseSchema and databaseLogging from the config file', () => {
  it('maps the file options onto DATABASE_SCHEMA and DATABASE_LOGGING, the environment still winning', () => {
    const file = { projectConfig: { databaseSchema: 'tenant_a', databaseLogging: ['query' as const, 'migration' as const] } };
    expect(loadConfig({}, '/srv/app', file).database).toMatchObject({ schema: 'tenant_a', logging: ['query', 'migration'] });
    expect(loadConfig({}, '/srv/app', { projectConfig: { databaseLogging: true } }).database.logging).toEqual(['query', 'schema', 'error', 'warn', 'info', 'migration']);
    expect(loadConfig({ DATABASE_SCHEMA: 'tenant_b', DATABASE_LOGGING: 'false' }, '/srv/app', file).database).toMatchObject({ schema: 'tenant_b', logging: false });
  });
});

describe('options of the file that have no variable', () => {
  it('are all applied: no "validated but not applied" warning remains', () => {
    const config = loadConfig({}, '/srv/app', { modules: { promotion: false }, projectConfig: { sessionOptions: { ttl: 1000 }, redisOptions: { connectionName: 'x' } } });
    expect(config.warnings.filter((w) => w.startsWith('stheno.config'))).toEqual([]);
  });

  it('warns when redisOptions are set but no Redis is configured (nothing would use them)', () => {
    const file = { projectConfig: { redisOptions: { connectionName: 'x' } } };
    expect(loadConfig({}, '/srv/app', file).warnings).toContain('projectConfig.redisOptions is set but there is no Redis (projectConfig.redisUrl, REDIS_URL): no client uses them');
    expect(loadConfig({ REDIS_URL: 'redis://r:6379' }, '/srv/app', file).warnings.filter((w) => w.startsWith('projectConfig.redisOptions'))).toEqual([]);
  });
});

describe('files: BACKEND_URL, UPLOAD_MAX_FILE_SIZE, UPLOAD_MAX_FILES', () => {
  it('defaults to http://localhost:<PORT>, 10 MB per file and 20 files per upload', () => {
    expect(loadConfig({}, '/srv/app')).toMatchObject({ http: { backendUrl: 'http://localhost:9000' }, uploads: { maxFileSize: 10 * 1024 * 1024, maxFiles: 20 } });
    expect(loadConfig({ PORT: '7001' }, '/srv/app').http.backendUrl).toBe('http://localhost:7001');
  });

  it('takes a backend URL without its trailing slash, from the environment or projectConfig.http.backendUrl', () => {
    expect(loadConfig({ BACKEND_URL: 'https://api.example.com/' }, '/srv/app').http.backendUrl).toBe('https://api.example.com');
    const file = { projectConfig: { http: { backendUrl: 'https://file.example.com' } } };
    expect(loadConfig({}, '/srv/app', file).http.backendUrl).toBe('https://file.example.com');
    expect(loadConfig({ BACKEND_URL: 'https://env.example.com' }, '/srv/app', file).http.backendUrl).toBe('https://env.example.com');
  });

  it('reads sizes as byte counts or with kb, mb, gb units', () => {
    expect(loadConfig({ UPLOAD_MAX_FILE_SIZE: '512kb' }, '/srv/app').uploads.maxFileSize).toBe(512 * 1024);
    expect(loadConfig({ UPLOAD_MAX_FILE_SIZE: '1.5MB' }, '/srv/app').uploads.maxFileSize).toBe(1.5 * 1024 * 1024);
    expect(loadConfig({ UPLOAD_MAX_FILE_SIZE: '2048' }, '/srv/app').uploads.maxFileSize).toBe(2048);
  });

  it('refuses what is no URL or size, or out of range, naming the variable', () => {
    expect(configError({ BACKEND_URL: 'api.example.com', UPLOAD_MAX_FILE_SIZE: 'ten megs', UPLOAD_MAX_FILES: '0' }).problems).toEqual([
      'BACKEND_URL: expected a URL such as http://host:port/…',
      "UPLOAD_MAX_FILE_SIZE: expected a size such as 512kb or 10mb, between 1 and 1073741824 bytes, got 'ten megs'",
      "UPLOAD_MAX_FILES: expected an integer between 1 and 1000, got '0'",
    ]);
    expect(configError({ UPLOAD_MAX_FILE_SIZE: '2gb' }).problems[0]).toMatch(/^UPLOAD_MAX_FILE_SIZE: /);
    expect(configError({ BACKEND_URL: 'ftp://files.example.com' }).problems).toEqual(['BACKEND_URL: expected a URL starting with http:// or https://']);
  });
});
