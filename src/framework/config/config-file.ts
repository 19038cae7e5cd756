import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { packageRoot } from '../runtime/package-root';
import { KNOWN_MODULE_KEYS } from './define-config';
import type { ModuleEntry, SessionOptions, SthenoConfigFile } from './define-config';

/** A configuration file that cannot be used: boot stops listing every problem (like ConfigError). */
export class ConfigFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration file:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigFileError';
  }
}

/**
 * How a leaf of the file is checked and, when it has one, the environment variable it stands for.
 * A file value is written into the environment layer under the real environment, so the file goes
 * through exactly the parsing, ranges and defaults of its variable, and the environment wins.
 */
type Leaf =
  | { kind: 'string' | 'boolean' | 'integer' | 'cors' | 'duration' | 'ssl' | 'logging' | 'object'; env?: string }
  | { kind: 'oneOf'; values: readonly string[]; env?: string };
interface Branch {
  kind: 'branch';
  keys: Record<string, Leaf | Branch>;
}

const branch = (keys: Record<string, Leaf | Branch>): Branch => ({ kind: 'branch', keys });

/** `projectConfig`: Medusa v2's names; every leaf with an `env` has an environment variable. */
const PROJECT_CONFIG = branch({
  databaseUrl: { kind: 'string', env: 'DATABASE_URL' },
  databaseName: { kind: 'string', env: 'DATABASE_NAME' },
  // read by the database slice (schema isolation, logging levels)
  databaseSchema: { kind: 'string', env: 'DATABASE_SCHEMA' },
  databaseLogging: { kind: 'logging', env: 'DATABASE_LOGGING' },
  databaseDriverOptions: branch({
    connection: branch({ ssl: { kind: 'ssl', env: 'DATABASE_SSL' } }),
    pool: branch({
      min: { kind: 'integer', env: 'DATABASE_POOL_MIN' },
      max: { kind: 'integer', env: 'DATABASE_POOL_MAX' },
      idleTimeoutMillis: { kind: 'integer', env: 'DATABASE_POOL_IDLE_TIMEOUT_MS' },
    }),
  }),
  redisUrl: { kind: 'string', env: 'REDIS_URL' },
  redisPrefix: { kind: 'string', env: 'REDIS_PREFIX' },
  redisOptions: { kind: 'object' },
  sessionOptions: branch({
    name: { kind: 'string', env: 'SESSION_NAME' },
    resave: { kind: 'boolean', env: 'SESSION_RESAVE' },
    rolling: { kind: 'boolean', env: 'SESSION_ROLLING' },
    saveUninitialized: { kind: 'boolean', env: 'SESSION_SAVE_UNINITIALIZED' },
    secret: { kind: 'string', env: 'SESSION_SECRET' },
    ttl: { kind: 'integer', env: 'SESSION_TTL_MS' },
  }),
  workerMode: { kind: 'oneOf', values: ['shared', 'server', 'worker'], env: 'WORKER_MODE' },
  http: branch({
    storeCors: { kind: 'cors', env: 'STORE_CORS' },
    adminCors: { kind: 'cors', env: 'ADMIN_CORS' },
    authCors: { kind: 'cors', env: 'AUTH_CORS' },
    jwtSecret: { kind: 'string', env: 'JWT_SECRET' },
    cookieSecret: { kind: 'string', env: 'COOKIE_SECRET' },
    jwtExpiresIn: { kind: 'duration', env: 'JWT_EXPIRES_IN' },
    // Medusa keeps it as `admin.backendUrl`; here it also makes the local file provider's URLs
    backendUrl: { kind: 'string', env: 'BACKEND_URL' },
    compression: branch({
      enabled: { kind: 'boolean', env: 'HTTP_COMPRESSION' },
      level: { kind: 'integer', env: 'HTTP_COMPRESSION_LEVEL' },
      memLevel: { kind: 'integer', env: 'HTTP_COMPRESSION_MEM_LEVEL' },
      threshold: { kind: 'integer', env: 'HTTP_COMPRESSION_THRESHOLD' },
    }),
  }),
});

const TOP_LEVEL_KEYS = ['projectConfig', 'plugins', 'modules', 'featureFlags'];
const LOGGING_CATEGORIES = ['query', 'schema', 'error', 'warn', 'info', 'migration'];

/** Every file option that has an environment variable: `projectConfig.http.storeCors` → `STORE_CORS`. */
export const FILE_OPTION_VARIABLES: ReadonlyArray<{ path: string; env: string }> = (() => {
  const found: Array<{ path: string; env: string }> = [];
  const walk = (node: Branch, path: string): void => {
    for (const [key, child] of Object.entries(node.keys)) {
      if (child.kind === 'branch') walk(child, `${path}.${key}`);
      else if (child.env) found.push({ path: `${path}.${key}`, env: child.env });
    }
  };
  walk(PROJECT_CONFIG, 'projectConfig');
  found.push({ path: 'plugins', env: 'PLUGINS' });
  return found;
})();

/** The file, checked and turned into what `loadConfig` layers under the environment. */
export interface TranslatedConfigFile {
  /** Environment variable → value taken from the file. */
  env: Record<string, string>;
  /** Environment variable → the file path it came from (for messages and `config:show`). */
  origins: Record<string, string>;
  /** Options of `{ resolve, options }` plugin entries, by entry. */
  pluginOptions: Record<string, Record<string, unknown>>;
  modules: Record<string, ModuleEntry>;
  featureFlags: Record<string, boolean>;
  sessionOptions?: SessionOptions;
  redisOptions?: Record<string, unknown>;
  problems: string[];
}

/**
 * Validates the whole file (unknown keys anywhere, wrong types) and translates it. Collects every
 * problem, each naming its path, instead of stopping at the first; values with a problem are left
 * out so the environment layer never sees them.
 */
export function translateConfigFile(file: unknown): TranslatedConfigFile {
  const out: TranslatedConfigFile = { env: {}, origins: {}, pluginOptions: {}, modules: {}, featureFlags: {}, problems: [] };
  if (file === undefined) return out;
  const problems = out.problems;
  if (!isPlainObject(file)) {
    problems.push(`the configuration file must export an object (defineConfig({ ... })), got ${describe(file)}`);
    return out;
  }
  checkKeys(file, TOP_LEVEL_KEYS, '', problems);

  if (file.projectConfig !== undefined) {
    const project = file.projectConfig;
    if (isPlainObject(project)) {
      walkBranch(PROJECT_CONFIG, project, 'projectConfig', out);
      if (isPlainObject(project.sessionOptions)) out.sessionOptions = project.sessionOptions as SessionOptions;
      if (isPlainObject(project.redisOptions)) out.redisOptions = project.redisOptions;
    } else problems.push(`projectConfig: expected an object, got ${describe(project)}`);
  }
  if (file.plugins !== undefined) translatePlugins(file.plugins, out);
  if (file.modules !== undefined) out.modules = checkModules(file.modules, problems);
  if (file.featureFlags !== undefined) out.featureFlags = checkFlags(file.featureFlags, problems);
  return out;
}

function walkBranch(node: Branch, value: Record<string, unknown>, path: string, out: TranslatedConfigFile): void {
  checkKeys(value, Object.keys(node.keys), path, out.problems);
  for (const [key, child] of Object.entries(node.keys)) {
    const item = value[key];
    // undefined is "not set": `jwtSecret: process.env.JWT_SECRET` with the variable unset
    if (item === undefined) continue;
    const at = `${path}.${key}`;
    if (child.kind === 'branch') {
      if (isPlainObject(item)) walkBranch(child, item, at, out);
      else out.problems.push(`${at}: expected an object, got ${describe(item)}`);
      continue;
    }
    const text = leafValue(child, item, child.env ? `${at} (${child.env})` : at, out.problems);
    if (text !== undefined && child.env) {
      out.env[child.env] = text;
      out.origins[child.env] = at;
    }
  }
}

/** The leaf as its environment variable would spell it, or undefined (problem recorded, or nothing to set). */
function leafValue(leaf: Leaf, value: unknown, at: string, problems: string[]): string | undefined {
  const wrong = (expected: string): undefined => {
    problems.push(`${at}: expected ${expected}, got ${describe(value)}`);
    return undefined;
  };
  switch (leaf.kind) {
    case 'string':
      return typeof value === 'string' ? value : wrong('a string');
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : wrong('true or false');
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : wrong('an integer');
    case 'duration':
      return typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
        ? String(value)
        : wrong("a duration (seconds, or a string such as '12h')");
    case 'oneOf':
      return typeof value === 'string' && leaf.values.includes(value) ? value : wrong(`one of ${leaf.values.join(', ')}`);
    case 'object':
      if (!isPlainObject(value)) wrong('an object');
      return undefined;
    case 'ssl':
      if (typeof value === 'boolean') return String(value);
      if (isPlainObject(value)) {
        checkKeys(value, ['rejectUnauthorized'], at.replace(/ \(.*\)$/, ''), problems);
        const reject = value.rejectUnauthorized;
        if (reject !== undefined && typeof reject !== 'boolean') {
          problems.push(`${at.replace(/ \(.*\)$/, '')}.rejectUnauthorized: expected true or false, got ${describe(reject)}`);
          return undefined;
        }
        return reject === false ? 'no-verify' : 'true';
      }
      return wrong('true, false or { rejectUnauthorized }');
    case 'logging':
      if (value === true || value === 'all') return String(value);
      if (value === false) return undefined; // the default: nothing logged
      if (Array.isArray(value)) {
        const bad = value.findIndex((item) => typeof item !== 'string' || !LOGGING_CATEGORIES.includes(item));
        if (bad >= 0) {
          problems.push(`${at.replace(/ \(/, `[${bad}] (`)}: expected one of ${LOGGING_CATEGORIES.join(', ')}, got ${describe(value[bad])}`);
          return undefined;
        }
        return value.length ? value.join(',') : undefined;
      }
      return wrong(`true, false, 'all' or a list of ${LOGGING_CATEGORIES.join(', ')}`);
    case 'cors':
      return corsValue(value, at, problems);
  }
}

/** Medusa's comma list as is; an array's RegExps become `/source/flags` entries of that list. */
function corsValue(value: unknown, at: string, problems: string[]): string | undefined {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) {
    problems.push(`${at}: expected a comma list of origins or an array of origins and RegExps, got ${describe(value)}`);
    return undefined;
  }
  const entries: string[] = [];
  value.forEach((item, index) => {
    const itemAt = at.replace(/( \(|$)/, `[${index}]$1`);
    // the list travels as a comma-separated variable: a comma inside a RegExp would split it
    if (isRegExp(item) && item.source.includes(',')) problems.push(`${itemAt}: a RegExp may not contain ',' (write {1,20} as a character class or +), got /${item.source}/`);
    else if (isRegExp(item)) entries.push(`/${item.source}/${item.flags}`);
    else if (typeof item === 'string' && !item.includes(',')) entries.push(item.trim());
    else problems.push(`${itemAt}: expected an origin or a RegExp, got ${describe(item)}`);
  });
  return entries.length === value.length ? entries.join(',') : undefined;
}

function translatePlugins(plugins: unknown, out: TranslatedConfigFile): void {
  if (!Array.isArray(plugins)) {
    out.problems.push(`plugins: expected an array of package names, paths or { resolve, options }, got ${describe(plugins)}`);
    return;
  }
  const entries: string[] = [];
  plugins.forEach((plugin: unknown, index) => {
    const at = `plugins[${index}]`;
    if (typeof plugin === 'string') {
      if (plugin.trim() && !/[\s,]/.test(plugin.trim())) entries.push(plugin.trim());
      else out.problems.push(`${at}: expected a package name or path, got ${describe(plugin)}`);
      return;
    }
    if (!isPlainObject(plugin)) {
      out.problems.push(`${at}: expected a package name, a path or { resolve, options }, got ${describe(plugin)}`);
      return;
    }
    checkKeys(plugin, ['resolve', 'options'], at, out.problems);
    const { resolve: entry, options } = plugin;
    if (typeof entry !== 'string' || !entry.trim() || /[\s,]/.test(entry.trim())) {
      out.problems.push(`${at}.resolve: expected a package name or path, got ${describe(entry)}`);
      return;
    }
    if (options !== undefined && !isPlainObject(options)) {
      out.problems.push(`${at}.options: expected an object, got ${describe(options)}`);
      return;
    }
    entries.push(entry.trim());
    if (options) out.pluginOptions[entry.trim()] = options;
  });
  if (entries.length === plugins.length && entries.length) {
    out.env.PLUGINS = entries.join(',');
    out.origins.PLUGINS = 'plugins';
  }
}

/**
 * `modules`: a known module key (KNOWN_MODULE_KEYS), each value `false`, a package or path, or
 * `{ resolve?, options? }`; providers listed in `options.providers` (Medusa's convention) are
 * `{ resolve, id?, options?, is_default? }`, loaded at boot by framework/providers.
 */
function checkModules(modules: unknown, problems: string[]): Record<string, ModuleEntry> {
  if (!isPlainObject(modules)) {
    problems.push(`modules: expected an object of module keys, got ${describe(modules)}`);
    return {};
  }
  const valid: Record<string, ModuleEntry> = {};
  for (const [key, entry] of Object.entries(modules)) {
    const at = `modules.${key}`;
    if (entry === undefined) continue;
    if (!(KNOWN_MODULE_KEYS as readonly string[]).includes(key)) {
      problems.push(`${at}: unknown module key (known: ${KNOWN_MODULE_KEYS.join(', ')})`);
      continue;
    }
    if (entry === false || (typeof entry === 'string' && entry.trim())) {
      valid[key] = entry;
      continue;
    }
    if (!isPlainObject(entry)) {
      problems.push(`${at}: expected false, a package name or path, or { resolve, options }, got ${describe(entry)}`);
      continue;
    }
    const before = problems.length;
    checkKeys(entry, ['resolve', 'options'], at, problems);
    if (entry.resolve !== undefined && (typeof entry.resolve !== 'string' || !entry.resolve.trim())) {
      problems.push(`${at}.resolve: expected a package name or path, got ${describe(entry.resolve)}`);
    }
    if (entry.options !== undefined) {
      if (!isPlainObject(entry.options)) problems.push(`${at}.options: expected an object, got ${describe(entry.options)}`);
      else if (entry.options.providers !== undefined) checkProviders(entry.options.providers, `${at}.options.providers`, problems);
    }
    if (problems.length === before) valid[key] = entry as ModuleEntry;
  }
  return valid;
}

function checkProviders(providers: unknown, at: string, problems: string[]): void {
  if (!Array.isArray(providers)) {
    problems.push(`${at}: expected an array of { resolve, id?, options?, is_default? }, got ${describe(providers)}`);
    return;
  }
  providers.forEach((provider: unknown, index) => {
    const itemAt = `${at}[${index}]`;
    if (!isPlainObject(provider)) {
      problems.push(`${itemAt}: expected { resolve, id?, options?, is_default? }, got ${describe(provider)}`);
      return;
    }
    checkKeys(provider, ['resolve', 'id', 'options', 'is_default'], itemAt, problems);
    if (typeof provider.resolve !== 'string' || !provider.resolve.trim()) problems.push(`${itemAt}.resolve: expected a string, got ${describe(provider.resolve)}`);
    if (provider.id !== undefined && typeof provider.id !== 'string') problems.push(`${itemAt}.id: expected a string, got ${describe(provider.id)}`);
    if (provider.options !== undefined && !isPlainObject(provider.options)) problems.push(`${itemAt}.options: expected an object, got ${describe(provider.options)}`);
    if (provider.is_default !== undefined && typeof provider.is_default !== 'boolean') problems.push(`${itemAt}.is_default: expected true or false, got ${describe(provider.is_default)}`);
  });
}

function checkFlags(flags: unknown, problems: string[]): Record<string, boolean> {
  if (!isPlainObject(flags)) {
    problems.push(`featureFlags: expected an object of flag names to true or false, got ${describe(flags)}`);
    return {};
  }
  const valid: Record<string, boolean> = {};
  for (const [name, value] of Object.entries(flags)) {
    if (value === undefined) continue;
    if (typeof value === 'boolean') valid[name] = value;
    else problems.push(`featureFlags.${name}: expected true or false, got ${describe(value)}`);
  }
  return valid;
}

function checkKeys(value: Record<string, unknown>, allowed: string[], path: string, problems: string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) problems.push(`${path ? `${path}.` : ''}${key}: unknown option (allowed: ${allowed.join(', ')})`);
  }
}

/** Realm-safe: a file loaded by Jest builds its RegExps with another realm's constructor. */
function isRegExp(value: unknown): value is RegExp {
  return Object.prototype.toString.call(value) === '[object RegExp]';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  // an object literal of any realm (Jest loads files in its own): its prototype is an Object.prototype
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 60)}…` : value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isRegExp(value)) return String(value);
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

// --- finding and loading the file --------------------------------------------------------------

/**
 * Where the running code lives: the project root under TypeScript (tests, the require hook),
 * `dist/` once compiled, where `stheno.config.ts` is compiled to `dist/stheno.config.js`.
 */
const CODE_ROOT = resolve(__dirname, '../../..');
const RUNNING_COMPILED = __filename.endsWith('.js');

export interface LoadedConfigFile {
  /** The file that was loaded; undefined when there is none. */
  path?: string;
  config?: SthenoConfigFile;
}

/**
 * Finds and loads the configuration file: `STHENO_CONFIG` (a path, relative to the working
 * directory) or `stheno.config.ts` at the project root (its compiled twin, `dist/stheno.config.js`,
 * when Stheno runs compiled). No file is fine; a named file that is missing, fails to load or
 * exports no object throws a ConfigFileError.
 */
export function loadConfigFile(env: Record<string, string | undefined>, cwd = process.cwd(), root: string = packageRoot()): LoadedConfigFile {
  const named = env.STHENO_CONFIG?.trim();
  let file: string;
  if (named) {
    file = runnable(resolve(cwd, named), root);
    if (!existsSync(file)) throw new ConfigFileError([`STHENO_CONFIG: no file at ${resolve(cwd, named)}`]);
  } else {
    const source = join(root, 'stheno.config.ts');
    // compiled, dist/stheno.config.js alone is enough (an image may ship dist/ without the sources)
    if (!existsSync(source) && !(RUNNING_COMPILED && existsSync(join(CODE_ROOT, 'stheno.config.js')))) return {};
    file = runnable(source, root);
    if (RUNNING_COMPILED && file.endsWith('.ts')) {
      throw new ConfigFileError([`stheno.config.ts is not compiled (no ${join(CODE_ROOT, 'stheno.config.js')}): run npm run build`]);
    }
  }
  if (RUNNING_COMPILED && file.endsWith('.ts')) {
    throw new ConfigFileError([`${file} is TypeScript, which compiled Stheno cannot run: compile it to JavaScript`]);
  }
  // the file reads its secrets from process.env (`apiKey: process.env.X_API_KEY`): give it the
  // .env file's values too, never over what the environment already holds
  for (const [name, value] of Object.entries(env)) if (value !== undefined && process.env[name] === undefined) process.env[name] = value;
  let exported: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the file is only known at run time
    exported = require(file);
  } catch (error) {
    throw new ConfigFileError([`${file} failed to load: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const config = isPlainObject(exported) && exported.default !== undefined ? exported.default : exported;
  if (!isPlainObject(config)) {
    throw new ConfigFileError([`${file} must export defineConfig({ ... }) as its default export, got ${describe(config)}`]);
  }
  return { path: file, config: config as SthenoConfigFile };
}

/** Compiled, a `.ts` file inside the project stands for its twin under `dist/` (`x.ts` → `dist/x.js`). */
function runnable(file: string, root: string): string {
  if (!RUNNING_COMPILED || !file.endsWith('.ts') || CODE_ROOT === root) return file;
  const inside = relative(root, file);
  if (inside.startsWith('..') || isAbsolute(inside)) return file;
  const twin = join(CODE_ROOT, inside.replace(/\.ts$/, '.js'));
  return existsSync(twin) ? twin : file;
}
