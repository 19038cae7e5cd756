import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../config/load-config';
import { BUILT_IN_FEATURE_FLAGS } from './built-in-flags';
import {
  collectFeatureFlags,
  defineFeatureFlag,
  FeatureFlagConfigError,
  featureFlagEnvName,
  FeatureFlagRegistry,
  featureFlagRegistry,
  resolveFeatureFlags,
} from './feature-flags';

/** A registry of its own per test: the process-wide one holds the app's flags. */
function registryWith(...flags: Array<{ key: string; default: boolean }>): FeatureFlagRegistry {
  const registry = new FeatureFlagRegistry();
  for (const flag of flags) defineFeatureFlag({ ...flag, description: `${flag.key} for tests` }, registry);
  return registry;
}

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof FeatureFlagConfigError || error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a configuration error');
}

describe('resolveFeatureFlags', () => {
  const registry = registryWith({ key: 'beta_reports', default: false }, { key: 'fast_search', default: true });

  it('gives every declared flag its default when nothing sets it', () => {
    expect(resolveFeatureFlags({}, {}, registry)).toEqual({ beta_reports: false, fast_search: true });
  });

  it('lets the config file override a default', () => {
    expect(resolveFeatureFlags({}, { beta_reports: true, fast_search: false }, registry)).toEqual({ beta_reports: true, fast_search: false });
  });

  it('lets the environment override the config file and the default', () => {
    const env = { STHENO_FF_BETA_REPORTS: 'false', STHENO_FF_FAST_SEARCH: 'false' };
    expect(resolveFeatureFlags(env, { beta_reports: true }, registry)).toEqual({ beta_reports: false, fast_search: false });
    expect(resolveFeatureFlags({ STHENO_FF_BETA_REPORTS: 'true' }, { beta_reports: false }, registry).beta_reports).toBe(true);
  });

  it('reads env values as every boolean variable is read (case, 1/0, surrounding spaces)', () => {
    expect(resolveFeatureFlags({ STHENO_FF_BETA_REPORTS: ' TRUE ' }, {}, registry).beta_reports).toBe(true);
    expect(resolveFeatureFlags({ STHENO_FF_FAST_SEARCH: '0' }, {}, registry).fast_search).toBe(false);
  });

  it('treats an empty env value as unset, so the file decides', () => {
    expect(resolveFeatureFlags({ STHENO_FF_BETA_REPORTS: '' }, { beta_reports: true }, registry).beta_reports).toBe(true);
  });

  it('refuses an env value other than true or false, naming the variable', () => {
    expect(problemsOf(() => resolveFeatureFlags({ STHENO_FF_BETA_REPORTS: 'maybe' }, {}, registry))).toEqual([
      "STHENO_FF_BETA_REPORTS: expected true or false, got 'maybe'",
    ]);
  });

  it('keeps a file key that names no flag yet aside, for a plugin to declare (the boot refuses it otherwise)', () => {
    const resolved = collectFeatureFlags({}, { beta_report: true }, registry);
    expect(resolved.problems).toEqual([]);
    expect(resolved.undeclaredInFile).toEqual({ beta_report: true });
    expect(resolved.flags).not.toHaveProperty('beta_report');
  });

  it('refuses a file value that is not a boolean', () => {
    expect(problemsOf(() => resolveFeatureFlags({}, { beta_reports: 'true', fast_search: 1 }, registry))).toEqual([
      'featureFlags.beta_reports: expected true or false, got "true"',
      'featureFlags.fast_search: expected true or false, got 1',
    ]);
  });

  it('keeps well-formed env settings of undeclared flags aside for flags declared later (plugins)', () => {
    const result = collectFeatureFlags({ STHENO_FF_PLUGIN_THING: 'true', OTHER: 'x' }, {}, registry);
    expect(result).toEqual({ flags: { beta_reports: false, fast_search: true }, undeclared: { plugin_thing: true }, undeclaredInFile: {}, problems: [] });
  });
});

describe('defineFeatureFlag', () => {
  it('derives the env name from the key', () => {
    expect(featureFlagEnvName('view_configurations')).toBe('STHENO_FF_VIEW_CONFIGURATIONS');
  });

  it('refuses keys the env name could not map back', () => {
    expect(() => defineFeatureFlag({ key: 'ViewConfigs', default: false, description: '' }, new FeatureFlagRegistry())).toThrow(/snake_case/);
    expect(() => defineFeatureFlag({ key: 'view-configs', default: false, description: '' }, new FeatureFlagRegistry())).toThrow(/snake_case/);
  });

  it('refuses one key declared twice with different defaults', () => {
    const registry = registryWith({ key: 'beta_reports', default: false });
    expect(() => defineFeatureFlag({ key: 'beta_reports', default: true, description: 'beta_reports for tests' }, registry)).toThrow(/declared twice/);
    expect(defineFeatureFlag({ key: 'beta_reports', default: false, description: 'beta_reports for tests' }, registry).default).toBe(false);
  });
});

describe('loadConfig featureFlags', () => {
  it('holds every built-in flag at its default without settings', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.featureFlags).toEqual(Object.fromEntries(BUILT_IN_FEATURE_FLAGS.map((flag) => [flag.key, flag.default])));
    expect(config.featureFlags.jobs_ui).toBe(true);
  });

  it('takes STHENO_FF_<KEY> from the environment', () => {
    expect(loadConfig({ STHENO_FF_JOBS_UI: 'false' }, '/srv/app').featureFlags.jobs_ui).toBe(false);
  });

  it('stops the boot on a bad flag value, together with the other problems', () => {
    expect(problemsOf(() => loadConfig({ STHENO_FF_JOBS_UI: 'nope', PORT: 'x' }, '/srv/app'))).toEqual(
      expect.arrayContaining(["STHENO_FF_JOBS_UI: expected true or false, got 'nope'", expect.stringMatching(/^PORT:/)]),
    );
  });

  it('registers the built-in flags in the process-wide registry', () => {
    for (const flag of BUILT_IN_FEATURE_FLAGS) expect(featureFlagRegistry.get(flag.key)).toBe(flag);
  });
});

describe('.env.example', () => {
  it('lists every built-in flag as a commented STHENO_FF_<KEY> line', () => {
    const example = readFileSync(join(__dirname, '..', '..', '..', '.env.example'), 'utf8');
    const listed = new Set([...example.matchAll(/^#\s*(STHENO_FF_[A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect(BUILT_IN_FEATURE_FLAGS.map((flag) => featureFlagEnvName(flag.key)).filter((name) => !listed.has(name))).toEqual([]);
  });
});
