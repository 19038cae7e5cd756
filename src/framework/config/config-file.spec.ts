import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import example from '../../../stheno.config.example';
import { ConfigFileError, FILE_OPTION_VARIABLES, loadConfigFile, translateConfigFile } from './config-file';
import { defineConfig, SthenoConfigFile } from './define-config';
import { ConfigError, loadConfig, resolveConfig } from './load-config';

/** Runs loadConfig expecting a ConfigError and returns its problems. */
function problems(file: unknown, env: Record<string, string | undefined> = {}): string[] {
  try {
    loadConfig(env, '/srv/app', file as SthenoConfigFile);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

describe('defineConfig', () => {
  it('returns the configuration it is given', () => {
    const config = { projectConfig: { workerMode: 'worker' as const } };
    expect(defineConfig(config)).toBe(config);
  });
});

describe('the configuration file under the environment', () => {
  const file = defineConfig({
    projectConfig: {
      databaseUrl: 'postgres://shop:pw@db.example.com:5432/shop',
      databaseDriverOptions: { connection: { ssl: { rejectUnauthorized: false } }, pool: { min: 2, max: 20, idleTimeoutMillis: 5000 } },
      redisUrl: 'redis://cache:6379',
      redisPrefix: 'shop-eu',
      workerMode: 'server',
      http: {
        storeCors: ['https://shop.example.com', /^https:\/\/preview-\d+\.example\.com$/],
        adminCors: 'https://admin.example.com',
        authCors: 'https://login.example.com',
        jwtSecret: 'jwt-secret-from-the-file',
        cookieSecret: 'cookie-secret-from-the-file',
        jwtExpiresIn: '12h',
        compression: { enabled: true, level: 4, memLevel: 5, threshold: 0 },
      },
    },
  });

  it('sets every option that has a variable, when the environment does not', () => {
    const config = loadConfig({}, '/srv/app', file);
    expect(config.workerMode).toBe('server');
    expect(config.http.storeCors).toEqual(['https://shop.example.com', /^https:\/\/preview-\d+\.example\.com$/]);
    expect(config.http.adminCors).toEqual(['https://admin.example.com']);
    expect(config.http.authCors).toEqual(['https://login.example.com']);
    expect(config.http.compression).toEqual({ enabled: true, level: 4, memLevel: 5, threshold: 0 });
    expect(config.auth).toMatchObject({ jwtSecret: 'jwt-secret-from-the-file', cookieSecret: 'cookie-secret-from-the-file', jwtExpiresIn: '12h', usingDevSecrets: false });
    expect(config.database).toMatchObject({ url: 'postgres://shop:pw@db.example.com:5432/shop', embedded: false, ssl: { rejectUnauthorized: false } });
    expect(config.database.pool).toMatchObject({ min: 2, max: 20, idleTimeoutMs: 5000 });
    expect(config.redis).toEqual({ url: 'redis://cache:6379', prefix: 'shop-eu', options: {} });
  });

  it('loses to the environment, option by option; blank variables count as unset', () => {
    const config = loadConfig({ HTTP_COMPRESSION_LEVEL: '9', STORE_CORS: 'https://other.example.com', WORKER_MODE: '  ', JWT_SECRET: 'jwt-from-env' }, '/srv/app', file);
    expect(config.http.compression).toEqual({ enabled: true, level: 9, memLevel: 5, threshold: 0 });
    expect(config.http.storeCors).toEqual(['https://other.example.com']);
    expect(config.workerMode).toBe('server');
    expect(config.auth.jwtSecret).toBe('jwt-from-env');
    expect(config.auth.cookieSecret).toBe('cookie-secret-from-the-file');
  });

  it('falls back to the defaults for what neither sets', () => {
    const config = loadConfig({}, '/srv/app', { projectConfig: { http: { compression: { enabled: true } } } });
    expect(config.http.compression).toEqual({ enabled: true, level: 6, memLevel: 8, threshold: 1024 });
    expect(config.workerMode).toBe('shared');
    expect(config.database.pool.idleTimeoutMs).toBe(30000);
  });

  it('reports where every value came from', () => {
    const { variables } = resolveConfig({ HTTP_COMPRESSION_LEVEL: '9' }, '/srv/app', file);
    const source = (name: string) => variables.find((v) => v.name === name);
    expect(source('HTTP_COMPRESSION_LEVEL')).toEqual({ name: 'HTTP_COMPRESSION_LEVEL', source: 'env' });
    expect(source('HTTP_COMPRESSION')).toEqual({ name: 'HTTP_COMPRESSION', source: 'file', filePath: 'projectConfig.http.compression.enabled' });
    expect(source('PORT')).toEqual({ name: 'PORT', source: 'default' });
  });

  it('treats undefined options as unset (a file reading an unset variable)', () => {
    const config = loadConfig({}, '/srv/app', { projectConfig: { http: { jwtSecret: undefined }, redisUrl: undefined } });
    expect(config.auth.jwtSecret).toBe('supersecret');
    expect(config.redis.url).toBeUndefined();
  });

  it('still refuses missing secrets in production, whatever the file holds', () => {
    expect(problems({ projectConfig: { http: { cookieSecret: 'a-production-cookie-secret-1' } } }, { NODE_ENV: 'production' })).toEqual([
      'JWT_SECRET: required when NODE_ENV=production',
    ]);
  });

  describe('databaseName', () => {
    it('replaces the database named in the URL', () => {
      const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/shop?sslmode=require' }, '/srv/app', { projectConfig: { databaseName: 'shop_eu' } });
      expect(config.database.url).toBe('postgres://u:p@db:5432/shop_eu?sslmode=require');
    });

    it('loses to DATABASE_NAME, is ignored on the embedded database, and must be a name', () => {
      const url = { DATABASE_URL: 'postgres://db:5432/shop' };
      expect(loadConfig({ ...url, DATABASE_NAME: 'from_env' }, '/srv/app', { projectConfig: { databaseName: 'from_file' } }).database.url).toBe(
        'postgres://db:5432/from_env',
      );
      expect(loadConfig({}, '/srv/app', { projectConfig: { databaseName: 'x' } }).database).toMatchObject({ embedded: true, url: undefined });
      expect(problems({ projectConfig: { databaseName: 'a/b' } }, url)).toEqual([
        "projectConfig.databaseName (DATABASE_NAME): expected a database name (1-63 characters, no spaces or slashes), got 'a/b'",
      ]);
    });
  });

  it('spells the options owned by other slices as their variables (schema, logging, ssl)', () => {
    expect(translateConfigFile({ projectConfig: { databaseSchema: 'tenant_a', databaseLogging: ['query', 'error'] } }).env).toEqual({
      DATABASE_SCHEMA: 'tenant_a',
      DATABASE_LOGGING: 'query,error',
    });
    expect(translateConfigFile({ projectConfig: { databaseLogging: 'all' } }).env).toEqual({ DATABASE_LOGGING: 'all' });
    expect(translateConfigFile({ projectConfig: { databaseLogging: true } }).env).toEqual({ DATABASE_LOGGING: 'true' });
    expect(translateConfigFile({ projectConfig: { databaseLogging: false } }).env).toEqual({});
    const ssl = (value: unknown) => translateConfigFile({ projectConfig: { databaseDriverOptions: { connection: { ssl: value } } } }).env.DATABASE_SSL;
    expect([ssl(true), ssl(false), ssl({ rejectUnauthorized: false }), ssl({ rejectUnauthorized: true }), ssl({})]).toEqual([
      'true',
      'false',
      'no-verify',
      'true',
      'true',
    ]);
  });

  it('names a variable for every option it translates', () => {
    expect(FILE_OPTION_VARIABLES).toEqual(
      expect.arrayContaining([
        { path: 'projectConfig.http.compression.memLevel', env: 'HTTP_COMPRESSION_MEM_LEVEL' },
        { path: 'projectConfig.databaseDriverOptions.pool.idleTimeoutMillis', env: 'DATABASE_POOL_IDLE_TIMEOUT_MS' },
        { path: 'plugins', env: 'PLUGINS' },
      ]),
    );
  });
});

describe('plugins, modules and featureFlags from the file', () => {
  it('feeds plugin entries to PLUGINS in order, with their options by entry', () => {
    const config = loadConfig({}, '/srv/app', {
      plugins: ['./examples/plugin-hello', { resolve: 'stheno-plugin-x', options: { apiKey: 'k' } }, { resolve: './plugins/y' }],
    });
    expect(config.plugins).toEqual(['./examples/plugin-hello', 'stheno-plugin-x', './plugins/y']);
    expect(config.pluginOptions).toEqual({ 'stheno-plugin-x': { apiKey: 'k' } });
  });

  it('uses PLUGINS instead of the file list when it is set; the file still gives options by entry', () => {
    const config = loadConfig({ PLUGINS: 'stheno-plugin-x' }, '/srv/app', { plugins: ['./a', { resolve: 'stheno-plugin-x', options: { n: 1 } }] });
    expect(config.plugins).toEqual(['stheno-plugin-x']);
    expect(config.pluginOptions['stheno-plugin-x']).toEqual({ n: 1 });
  });

  it('reports a plugin listed twice with its file path', () => {
    expect(problems({ plugins: ['./a', './a'] })).toEqual(["plugins (PLUGINS): './a' is listed twice"]);
  });

  it('carries modules, feature flags, session and Redis options as written', () => {
    const modules = { promotion: false as const, file: { options: { upload_dir: 'uploads' } }, payment: { options: { providers: [{ resolve: './acme', id: 'acme' }] } } };
    const config = loadConfig({}, '/srv/app', {
      modules,
      featureFlags: { jobs_ui: false },
      projectConfig: { sessionOptions: { name: 'sid', ttl: 1000 }, redisOptions: { connectTimeout: 500 } },
    });
    expect(config.configFile).toEqual({
      modules,
      featureFlags: { jobs_ui: false },
      sessionOptions: { name: 'sid', ttl: 1000 },
      redisOptions: { connectTimeout: 500 },
    });
  });

  it('is empty without a file', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.configFile).toEqual({ modules: {}, featureFlags: {}, sessionOptions: undefined, redisOptions: undefined });
    expect(config.pluginOptions).toEqual({});
  });
});

describe('validation of the file', () => {
  it('names an unknown key with its path and the keys allowed there', () => {
    expect(problems({ projectConfig: { http: { storeCrs: 'https://shop.example.com' } } })).toEqual([
      'projectConfig.http.storeCrs: unknown option (allowed: storeCors, adminCors, authCors, jwtSecret, cookieSecret, jwtExpiresIn, backendUrl, compression)',
    ]);
    expect(problems({ projectconfig: {} })).toEqual(['projectconfig: unknown option (allowed: projectConfig, plugins, modules, featureFlags)']);
    expect(problems({ plugins: [{ resolve: './a', option: {} }] })).toEqual(['plugins[0].option: unknown option (allowed: resolve, options)']);
  });

  it('names a wrong type with its path and its variable', () => {
    expect(problems({ projectConfig: { http: { compression: { level: 'x', enabled: 'yes' } } } })).toEqual([
      "projectConfig.http.compression.enabled (HTTP_COMPRESSION): expected true or false, got 'yes'",
      "projectConfig.http.compression.level (HTTP_COMPRESSION_LEVEL): expected an integer, got 'x'",
    ]);
    expect(problems({ projectConfig: { http: 'x' } })).toEqual(["projectConfig.http: expected an object, got 'x'"]);
    expect(problems({ projectConfig: { workerMode: 'both' } })).toEqual(["projectConfig.workerMode (WORKER_MODE): expected one of shared, server, worker, got 'both'"]);
  });

  it('names an out-of-range value with its path and its variable, as the environment variable would be named', () => {
    expect(problems({ projectConfig: { http: { compression: { level: 11, memLevel: 0 } } } })).toEqual([
      "projectConfig.http.compression.level (HTTP_COMPRESSION_LEVEL): expected an integer between -1 and 9, got '11'",
      "projectConfig.http.compression.memLevel (HTTP_COMPRESSION_MEM_LEVEL): expected an integer between 1 and 9, got '0'",
    ]);
    // the same value from the environment is named by its variable alone
    expect(problems({}, { HTTP_COMPRESSION_LEVEL: '11' })).toEqual(["HTTP_COMPRESSION_LEVEL: expected an integer between -1 and 9, got '11'"]);
  });

  it('names bad CORS entries and logging levels by index', () => {
    expect(problems({ projectConfig: { http: { storeCors: ['https://a.example.com', 3] }, databaseLogging: ['query', 'loud'] } })).toEqual([
      "projectConfig.databaseLogging[1] (DATABASE_LOGGING): expected one of query, schema, error, warn, info, migration, got 'loud'",
      'projectConfig.http.storeCors[1] (STORE_CORS): expected an origin or a RegExp, got 3',
    ]);
    expect(problems({ projectConfig: { http: { adminCors: 'not an origin' } } })).toEqual([
      "projectConfig.http.adminCors (ADMIN_CORS): 'not an origin' is neither an origin (https://shop.example.com) nor a /regex/",
    ]);
  });

  it('checks the shape of modules and their providers', () => {
    expect(
      problems({
        modules: {
          payment: { options: { providers: [{ resolve: './a', is_default: false }, { resolve: 3 }, { resolve: './b', default: true, is_default: 'yes' }] } },
          cart: true,
          tax: { resolve: '', options: [] },
          file: { resolver: './s3' },
        },
      }),
    ).toEqual([
      'modules.payment.options.providers[1].resolve: expected a string, got 3',
      'modules.payment.options.providers[2].default: unknown option (allowed: resolve, id, options, is_default)',
      "modules.payment.options.providers[2].is_default: expected true or false, got 'yes'",
      'modules.cart: expected false, a package name or path, or { resolve, options }, got true',
      "modules.tax.resolve: expected a package name or path, got ''",
      'modules.tax.options: expected an object, got an array',
      'modules.file.resolver: unknown option (allowed: resolve, options)',
    ]);
  });

  it('checks plugins and feature flags', () => {
    expect(problems({ plugins: 'a,b', featureFlags: { rbac: 'yes' } })).toEqual([
      "plugins: expected an array of package names, paths or { resolve, options }, got 'a,b'",
      "featureFlags.rbac: expected true or false, got 'yes'",
    ]);
    expect(problems({ plugins: ['a b', { resolve: './x', options: 'o' }] })).toEqual([
      "plugins[0]: expected a package name or path, got 'a b'",
      "plugins[1].options: expected an object, got 'o'",
    ]);
  });

  it('lists the problems of the file and of the environment together', () => {
    expect(problems({ projectConfig: { redisPrefix: 5 } }, { PORT: 'abc' })).toEqual([
      'projectConfig.redisPrefix (REDIS_PREFIX): expected a string, got 5',
      "PORT: expected an integer between 0 and 65535, got 'abc'",
    ]);
  });

  it('refuses a file that exports no object', () => {
    expect(problems([])).toEqual(['the configuration file must export an object (defineConfig({ ... })), got an array']);
  });
});

describe('stheno.config.example.ts', () => {
  it('is valid and sets every option that has a variable', () => {
    expect(translateConfigFile(example).problems).toEqual([]);
    const set = Object.keys(translateConfigFile({ ...example, plugins: ['./x'] }).env);
    // BACKEND_URL's default follows PORT: a fixed example value would not
    const unsetByDesign = ['DATABASE_URL', 'DATABASE_NAME', 'REDIS_URL', 'JWT_SECRET', 'COOKIE_SECRET', 'SESSION_SECRET', 'DATABASE_LOGGING', 'BACKEND_URL'];
    expect(FILE_OPTION_VARIABLES.map((o) => o.env).filter((env) => !set.includes(env) && !unsetByDesign.includes(env))).toEqual([]);
  });

  it('boots to the defaults it shows', () => {
    // the example reads these from the environment, as Medusa's files do
    const env = { DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: process.env.REDIS_URL };
    const config = loadConfig(env, '/srv/app', example);
    const defaults = loadConfig(env, '/srv/app');
    expect({ ...config.http, authCors: [] }).toEqual({ ...defaults.http, authCors: [] });
    expect(config.database).toEqual(defaults.database);
    expect(config.redis).toEqual(defaults.redis);
    expect(config.auth.session).toEqual(defaults.auth.session);
  });
});

describe('loadConfigFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'stheno-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds no file in a project without stheno.config.ts', () => {
    expect(loadConfigFile({}, dir, dir)).toEqual({});
  });

  it('loads stheno.config.ts at the project root', () => {
    writeFileSync(join(dir, 'stheno.config.ts'), "export default { projectConfig: { workerMode: 'worker' } };\n");
    expect(loadConfigFile({}, dir, dir)).toEqual({ path: join(dir, 'stheno.config.ts'), config: { projectConfig: { workerMode: 'worker' } } });
  });

  it('loads the file STHENO_CONFIG names, relative to the working directory, default export or module.exports', () => {
    writeFileSync(join(dir, 'other.config.js'), "module.exports = { featureFlags: { rbac: true } };\n");
    expect(loadConfigFile({ STHENO_CONFIG: 'other.config.js' }, dir, '/nowhere')).toEqual({
      path: join(dir, 'other.config.js'),
      config: { featureFlags: { rbac: true } },
    });
  });

  it('lets the file read values of the .env file from process.env, never over the environment', () => {
    writeFileSync(join(dir, 'env.config.js'), 'module.exports = { plugins: [{ resolve: "./p", options: { apiKey: process.env.STHENO_TEST_FROM_DOTENV, keep: process.env.STHENO_TEST_ALREADY_SET } }] };\n');
    process.env.STHENO_TEST_ALREADY_SET = 'from-the-environment';
    try {
      const env = { STHENO_CONFIG: 'env.config.js', STHENO_TEST_FROM_DOTENV: 'from-dotenv', STHENO_TEST_ALREADY_SET: 'from-dotenv-too' };
      expect(loadConfigFile(env, dir, '/nowhere').config).toEqual({ plugins: [{ resolve: './p', options: { apiKey: 'from-dotenv', keep: 'from-the-environment' } }] });
    } finally {
      delete process.env.STHENO_TEST_FROM_DOTENV;
      delete process.env.STHENO_TEST_ALREADY_SET;
    }
  });

  it('stops on a named file that is missing, fails or exports no object', () => {
    const failure = (env: Record<string, string>): string => {
      try {
        loadConfigFile(env, dir, dir);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigFileError);
        return (error as ConfigFileError).problems.join('\n');
      }
      throw new Error('expected a ConfigFileError');
    };
    expect(failure({ STHENO_CONFIG: 'missing.config.ts' })).toBe(`STHENO_CONFIG: no file at ${join(dir, 'missing.config.ts')}`);
    writeFileSync(join(dir, 'throws.config.js'), "throw new Error('DATABASE_URL is not set');\n");
    expect(failure({ STHENO_CONFIG: 'throws.config.js' })).toBe(`${join(dir, 'throws.config.js')} failed to load: DATABASE_URL is not set`);
    writeFileSync(join(dir, 'string.config.js'), "module.exports = 'hello';\n");
    expect(failure({ STHENO_CONFIG: 'string.config.js' })).toBe(
      `${join(dir, 'string.config.js')} must export defineConfig({ ... }) as its default export, got 'hello'`,
    );
  });
});

describe('what the file may not say', () => {
  it('refuses a module key no module has, naming the known ones', () => {
    expect(problems({ modules: { promotions: false } })).toEqual([expect.stringMatching(/^modules\.promotions: unknown module key \(known: .*promotion.*\)$/)]);
  });

  it('refuses a CORS RegExp with a comma (the list travels comma-separated)', () => {
    expect(problems({ projectConfig: { http: { storeCors: ['https://shop.example.com', /^https:\/\/[a-z]{1,20}\.example\.com$/] } } })).toEqual([
      expect.stringMatching(/^projectConfig\.http\.storeCors\[1\] \(STORE_CORS\): a RegExp may not contain ','/),
    ]);
  });
});
