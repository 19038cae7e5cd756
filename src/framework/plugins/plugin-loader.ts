import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { DynamicModule, Type } from '@nestjs/common';
import { packageRoot } from '../runtime/package-root';
import { CODE_ROOT, ProjectEntryError, ProjectEntryProblem, requireProjectEntry } from '../runtime/project-entry';
import { isDefinedPlugin, LoadedPlugin, PluginContext, PluginDefinition, PluginEntity, PluginModule } from './plugin';

/** A PLUGINS entry that cannot be used: the boot stops with this message. */
export class PluginLoadError extends Error {
  constructor(
    readonly entry: string,
    reason: string,
  ) {
    super(`Plugin '${entry}' ${reason}`);
    this.name = 'PluginLoadError';
  }
}

const EXPECTED =
  'a plugin is definePlugin({ name, module, entities?, migrations? }), a Nest module class or a function returning a dynamic module, ' +
  'exported as `plugin` or as the default export';

/**
 * Resolves, loads and validates the PLUGINS entries, in order, before the application module is
 * built: a plugin that cannot be found or exports something else throws a PluginLoadError naming
 * it, so a typo never boots an app without the routes or migrations it was meant to have.
 */
export async function loadPlugins(entries: string[], context: PluginContext, root: string = packageRoot()): Promise<LoadedPlugin[]> {
  const loaded: LoadedPlugin[] = [];
  for (const entry of entries) {
    const plugin = await loadPlugin(entry, context, root);
    const clash = loaded.find((other) => other.name === plugin.name);
    if (clash) throw new PluginLoadError(entry, `is named '${plugin.name}', like the plugin '${clash.entry}' before it`);
    loaded.push(plugin);
  }
  return loaded;
}

async function loadPlugin(entry: string, context: PluginContext, root: string): Promise<LoadedPlugin> {
  let file: string;
  let exported: unknown;
  try {
    ({ file, exported } = requireProjectEntry(entry, root));
  } catch (error) {
    if (error instanceof ProjectEntryError) throw new PluginLoadError(entry, entryProblem(error.problem));
    throw error;
  }
  const definition = toDefinition(entry, pickExport(entry, exported));
  return {
    entry,
    name: definition.name,
    file,
    module: await buildModule(entry, definition.module, { ...context, options: context.config.pluginOptions?.[entry] ?? {} }),
    entities: checkEntities(entry, definition.entities ?? []),
    migrations: checkMigrationsFolder(entry, definition.migrations),
  };
}

function entryProblem(problem: ProjectEntryProblem): string {
  switch (problem.kind) {
    case 'not_found':
      return `cannot be found: ${problem.detail}`;
    case 'no_entry_file':
      return `has no entry file: ${problem.folder} has no package.json "main" that exists and no index file`;
    case 'typescript':
      return `resolves to TypeScript (${problem.file}), which compiled Stheno cannot run: compile the plugin to JavaScript (docs/plugins.md)`;
    case 'load_failed':
      return `failed to load ${problem.file}: ${problem.message}`;
  }
}

/**
 * The source folder of a folder inside the compiled tree (`dist/examples/x/migrations` →
 * `examples/x/migrations`): `db:generate --plugin` writes TypeScript where the plugin's source is.
 */
export function pluginSourceFolder(folder: string, root: string = packageRoot()): string {
  if (CODE_ROOT === root || !folder.startsWith(CODE_ROOT + sep)) return folder;
  return join(root, relative(CODE_ROOT, folder));
}

function pickExport(entry: string, exported: unknown): unknown {
  if (exported && typeof exported === 'object') {
    const named = exported as Record<string, unknown>;
    if (named.plugin !== undefined) return named.plugin;
    if (named.default !== undefined) return named.default;
  }
  if (exported === undefined || (typeof exported === 'object' && exported !== null && !looksLikeDefinition(exported))) {
    throw new PluginLoadError(entry, `exports no plugin: ${EXPECTED}`);
  }
  return exported;
}

function looksLikeDefinition(value: object): boolean {
  return isDefinedPlugin(value) || ('name' in value && 'module' in value);
}

function toDefinition(entry: string, value: unknown): PluginDefinition {
  if (typeof value === 'function') return { name: entry, module: value as PluginModule };
  if (value && typeof value === 'object' && looksLikeDefinition(value)) {
    const definition = value as PluginDefinition;
    if (typeof definition.name !== 'string' || !definition.name.trim()) throw new PluginLoadError(entry, 'has no name: give definePlugin a non-empty name');
    return definition;
  }
  throw new PluginLoadError(entry, `exports ${describeValue(value)}: ${EXPECTED}`);
}

const MODULE_KEYS = ['imports', 'providers', 'controllers', 'exports'];

async function buildModule(entry: string, module: unknown, context: PluginContext): Promise<Type<unknown> | DynamicModule> {
  if (typeof module === 'function' && isClass(module)) {
    // @Module records its keys as class metadata; a class without any is not a Nest module
    if (!MODULE_KEYS.some((key) => Reflect.hasOwnMetadata(key, module))) {
      throw new PluginLoadError(entry, `exports the class ${module.name || '(anonymous)'}, which is not a Nest module (no @Module metadata)`);
    }
    return module as Type<unknown>;
  }
  if (typeof module === 'function') {
    let built: unknown;
    try {
      built = await (module as (context: PluginContext) => unknown)(context);
    } catch (error) {
      throw new PluginLoadError(entry, `failed to build its module: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!isDynamicModule(built)) throw new PluginLoadError(entry, `has a module function that returned ${describeValue(built)} instead of a dynamic module ({ module, ... })`);
    return built;
  }
  if (isDynamicModule(module)) return module;
  throw new PluginLoadError(entry, `has ${describeValue(module)} as its module: expected a Nest module class, a dynamic module or a function returning one`);
}

function checkEntities(entry: string, entities: unknown): PluginEntity[] {
  if (!Array.isArray(entities)) throw new PluginLoadError(entry, `has entities that are ${describeValue(entities)}, not an array`);
  for (const entity of entities) {
    const isSchema = typeof entity === 'object' && entity !== null && 'meta' in entity;
    if (!isClass(entity) && !isSchema) throw new PluginLoadError(entry, `lists ${describeValue(entity)} among its entities: expected entity classes or EntitySchemas`);
  }
  return entities as PluginEntity[];
}

function checkMigrationsFolder(entry: string, folder: unknown): string | undefined {
  if (folder === undefined) return undefined;
  if (typeof folder !== 'string' || !isAbsolute(folder)) {
    throw new PluginLoadError(entry, `has migrations ${describeValue(folder)}: expected an absolute folder path, e.g. join(__dirname, 'migrations')`);
  }
  // a folder that does not exist yet is a plugin with no migrations so far (the compiled tree has
  // no folder until the first one is generated); anything else there is a mistake
  if (existsSync(folder) && !statSync(folder).isDirectory()) throw new PluginLoadError(entry, `has migrations at ${folder}, which is not a folder`);
  return folder;
}

function isClass(value: unknown): value is Type<unknown> {
  return typeof value === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(value));
}

function isDynamicModule(value: unknown): value is DynamicModule {
  return typeof value === 'object' && value !== null && typeof (value as DynamicModule).module === 'function';
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string '${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'undefined') return 'nothing';
  return `a ${typeof value}`;
}
