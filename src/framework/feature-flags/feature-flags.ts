/**
 * Feature flags: named on/off switches declared in code, each with a default, set per deployment by
 * the environment (`STHENO_FF_<KEY>=true|false`) or the config file's `featureFlags`. Precedence:
 * environment > config file > the declared default. Pure functions here; the injectable service,
 * the route guard and the admin route live beside this file.
 */

export interface FeatureFlagDefinition {
  /** snake_case, as Medusa names its flags (`view_configurations`); the env name is derived from it. */
  readonly key: string;
  /** The value when neither the environment nor the config file sets it: today's behaviour. */
  readonly default: boolean;
  /** What turning it on or off changes, for operators (listed by docs and `config:show`). */
  readonly description: string;
}

export const FEATURE_FLAG_ENV_PREFIX = 'STHENO_FF_';
const KEY_SHAPE = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * Every flag declared in this process, by key. A flag is declared once, where the feature lives;
 * the registry is what configuration, the service and `GET /admin/feature-flags` read.
 */
export class FeatureFlagRegistry {
  private readonly flags = new Map<string, FeatureFlagDefinition>();

  register(definition: FeatureFlagDefinition): FeatureFlagDefinition {
    const existing = this.flags.get(definition.key);
    // the same declaration imported twice is harmless; two features claiming one key are not
    if (existing && (existing.default !== definition.default || existing.description !== definition.description)) {
      throw new Error(`Feature flag '${definition.key}' is declared twice with different defaults or descriptions`);
    }
    if (!existing) this.flags.set(definition.key, definition);
    return existing ?? definition;
  }

  get(key: string): FeatureFlagDefinition | undefined {
    return this.flags.get(key);
  }

  /** Sorted by key, so listings and error messages are stable. */
  list(): FeatureFlagDefinition[] {
    return [...this.flags.values()].sort((a, b) => a.key.localeCompare(b.key));
  }

  keys(): string[] {
    return this.list().map((flag) => flag.key);
  }
}

/** The process-wide registry: the app's flags and those of loaded plugins. */
export const featureFlagRegistry = new FeatureFlagRegistry();

/**
 * Declares a flag in the process-wide registry and returns its definition (pass it, or its key, to
 * `@FeatureFlagged`). Call it at the top level of the file of the feature it guards; a plugin does
 * the same in its own files.
 *
 *   export const JOBS_UI_FLAG = defineFeatureFlag({ key: 'jobs_ui', default: true, description: '…' });
 */
export function defineFeatureFlag(definition: FeatureFlagDefinition, registry: FeatureFlagRegistry = featureFlagRegistry): FeatureFlagDefinition {
  if (!KEY_SHAPE.test(definition.key)) {
    throw new Error(`Feature flag key '${definition.key}' must be snake_case: a lowercase letter, then lowercase letters, digits or '_'`);
  }
  if (typeof definition.default !== 'boolean') throw new Error(`Feature flag '${definition.key}' needs a boolean default`);
  return registry.register(Object.freeze({ key: definition.key, default: definition.default, description: definition.description }));
}

/** `jobs_ui` → `STHENO_FF_JOBS_UI`. */
export function featureFlagEnvName(key: string): string {
  return `${FEATURE_FLAG_ENV_PREFIX}${key.toUpperCase()}`;
}

export interface FeatureFlagResolution {
  /** Every declared flag's value. */
  flags: Record<string, boolean>;
  /**
   * `STHENO_FF_*` variables naming no declared flag, as key → value: a plugin loaded after the
   * configuration may declare them (FeatureFlags resolves them then, and warns about the rest).
   */
  undeclared: Record<string, boolean>;
  /**
   * The file's `featureFlags` keys naming no declared flag, likewise: a plugin may declare them.
   * Unlike a variable (the environment holds many things), a file key still undeclared once the
   * plugins are loaded stops the boot (FeatureFlags).
   */
  undeclaredInFile: Record<string, boolean>;
  /** One line per invalid setting, naming it; the boot stops on any. */
  problems: string[];
}

/** The spellings every other boolean variable accepts (EnvReader.bool), so `STHENO_FF_X=1` works as `HTTP_COMPRESSION=1` does. */
function parseEnvBoolean(value: string): boolean | undefined {
  const normalized = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(normalized)) return true;
  if (['false', '0', 'no', 'off'].includes(normalized)) return false;
  return undefined;
}

/**
 * Resolves every declared flag (environment > file > default) and collects every invalid setting
 * instead of stopping at the first: a key in the file that names no flag, a file value that is not
 * a boolean, an env value other than true/false.
 */
export function collectFeatureFlags(
  env: Record<string, string | undefined>,
  fileFlags: Record<string, unknown> = {},
  registry: FeatureFlagRegistry = featureFlagRegistry,
): FeatureFlagResolution {
  const problems: string[] = [];

  const fromFile: Record<string, boolean> = {};
  const undeclaredInFile: Record<string, boolean> = {};
  for (const [key, value] of Object.entries(fileFlags ?? {})) {
    if (typeof value !== 'boolean') problems.push(`featureFlags.${key}: expected true or false, got ${JSON.stringify(value) ?? String(value)}`);
    else if (!registry.get(key)) undeclaredInFile[key] = value;
    else fromFile[key] = value;
  }

  const fromEnv: Record<string, boolean> = {};
  const undeclared: Record<string, boolean> = {};
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith(FEATURE_FLAG_ENV_PREFIX) || raw === undefined || raw.trim() === '') continue;
    const value = parseEnvBoolean(raw);
    if (value === undefined) {
      problems.push(`${name}: expected true or false, got '${raw.trim()}'`);
      continue;
    }
    const key = name.slice(FEATURE_FLAG_ENV_PREFIX.length).toLowerCase();
    if (registry.get(key)) fromEnv[key] = value;
    else undeclared[key] = value;
  }

  const flags: Record<string, boolean> = {};
  for (const flag of registry.list()) flags[flag.key] = fromEnv[flag.key] ?? fromFile[flag.key] ?? flag.default;
  return { flags, undeclared, undeclaredInFile, problems };
}

/** A feature flag setting that cannot be used: the messages name each one. */
export class FeatureFlagConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid feature flags:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'FeatureFlagConfigError';
  }
}

/**
 * The resolved value of every declared flag: environment `STHENO_FF_<KEY>` > the config file's
 * `featureFlags` > the declared default. Throws FeatureFlagConfigError listing every invalid setting.
 */
export function resolveFeatureFlags(
  env: Record<string, string | undefined>,
  fileFlags: Record<string, unknown> = {},
  registry: FeatureFlagRegistry = featureFlagRegistry,
): Record<string, boolean> {
  const { flags, problems } = collectFeatureFlags(env, fileFlags, registry);
  if (problems.length) throw new FeatureFlagConfigError(problems);
  return flags;
}
