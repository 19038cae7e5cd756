import { PARAMTYPES_METADATA, SELF_DECLARED_DEPS_METADATA } from '@nestjs/common/constants';
import type { Type } from '@nestjs/common';
import { ConfigFileError } from '../config/config-file';
import type { ModuleEntry } from '../config/define-config';
import { packageRoot } from '../runtime/package-root';
import { ProjectEntryError, ProjectEntryProblem, requireProjectEntry } from '../runtime/project-entry';
import { configurableProviderKinds, ConfigurableProviderKind } from './provider-kinds';

/**
 * Module keys whose providers belong to the infrastructure pieces (event bus, cache, locking,
 * files): their own loaders read `options.providers`, so this loader leaves them alone.
 */
const INFRASTRUCTURE_KEYS = ['event_bus', 'cache', 'locking'];

/** One provider class of one configured entry, loaded and checked, not yet instantiated. */
export interface LoadedProviderEntry {
  moduleKey: string;
  /** `modules.payment.options.providers[0]`. */
  at: string;
  resolve: string;
  file: string;
  providerClass: Type<unknown>;
  className: string;
  id: string;
  options: Record<string, unknown>;
  isDefault: boolean;
}

interface ProviderEntryInput {
  resolve?: unknown;
  id?: unknown;
  options?: unknown;
  is_default?: unknown;
}

/**
 * Resolves, loads and checks every `modules.<key>.options.providers` entry of the configuration
 * file, before the application module is built:
 *
 * - `resolve` is a path relative to the project root or a package name (plugins' rules:
 *   framework/runtime/project-entry.ts);
 * - the file exports the provider class as its default export, as a named export, or Medusa's
 *   `{ services: [Class] }` (what `ModuleProvider(…)` returns), marked with the module's decorator;
 * - its id is formed the module's way (`pp_<identifier>_<id>` …) and unique within the module;
 * - its constructor takes only what Nest can inject (`@InjectProviderOptions()` for the options).
 *
 * Every problem of every entry is collected, each naming its path, and thrown together as a
 * ConfigFileError. Entries of a module switched off (`false`) or replaced (a string) are not read.
 */
export function loadConfiguredProviders(
  modules: Readonly<Record<string, ModuleEntry>>,
  kinds: readonly ConfigurableProviderKind[] = configurableProviderKinds(),
  root: string = packageRoot(),
): LoadedProviderEntry[] {
  const problems: string[] = [];
  const loaded: LoadedProviderEntry[] = [];
  for (const [moduleKey, entry] of Object.entries(modules)) {
    if (!entry || typeof entry !== 'object' || !isObject(entry.options)) continue;
    const providers = entry.options.providers;
    if (!Array.isArray(providers) || !providers.length) continue;
    const kind = kinds.find((k) => k.moduleKey === moduleKey);
    if (!kind) {
      if (!INFRASTRUCTURE_KEYS.includes(moduleKey)) {
        const known = kinds.map((k) => k.moduleKey).join(', ');
        problems.push(`modules.${moduleKey}.options.providers: the ${moduleKey} module takes no configured providers (modules that do: ${known})`);
      }
      continue;
    }
    loaded.push(...loadModuleProviders(kind, providers as ProviderEntryInput[], kinds, root, problems));
  }
  if (problems.length) throw new ConfigFileError(problems);
  return loaded;
}

function loadModuleProviders(
  kind: ConfigurableProviderKind,
  entries: ProviderEntryInput[],
  kinds: readonly ConfigurableProviderKind[],
  root: string,
  problems: string[],
): LoadedProviderEntry[] {
  const loaded: LoadedProviderEntry[] = [];
  const idsAt = new Map<string, string>();
  let defaultAt: string | undefined;
  entries.forEach((entry, index) => {
    const at = `modules.${kind.moduleKey}.options.providers[${index}]`;
    // config-file.ts has checked the shape; an entry it refused never gets here
    const resolve = String(entry.resolve);
    const options = isObject(entry.options) ? entry.options : {};
    const configuredId = typeof entry.id === 'string' && entry.id.trim() ? entry.id.trim() : undefined;
    if (kind.isBuiltInEntry?.({ resolve, id: configuredId })) return;
    const isDefault = entry.is_default === true;

    if (isDefault && !kind.defaultMeaning) problems.push(`${at}.is_default: ${kind.label}s have no default`);
    else if (isDefault && defaultAt) problems.push(`${at}.is_default: only one ${kind.label} can be the default (${defaultAt} is)`);
    else if (isDefault) defaultAt = at;
    for (const [path, message] of kind.checkOptions?.(options) ?? []) problems.push(`${at}.options.${path}: ${message}`);

    let file: string;
    let exported: unknown;
    try {
      ({ file, exported } = requireProjectEntry(resolve, root));
    } catch (error) {
      if (!(error instanceof ProjectEntryError)) throw error;
      problems.push(`${at}.resolve: ${describeEntryProblem(resolve, error.problem)}`);
      return;
    }

    const classes = exportedClasses(exported);
    const ofKind = classes.filter((cls) => Reflect.getMetadata(kind.metadataKey, cls) !== undefined);
    if (!ofKind.length) {
      problems.push(`${at}.resolve: '${resolve}' ${wrongExport(kind, classes, kinds)}`);
      return;
    }
    for (const providerClass of ofKind) {
      const className = providerClass.name || '(anonymous class)';
      const unresolvable = uninjectableArguments(providerClass);
      if (unresolvable.length) {
        problems.push(
          `${at}.resolve: the constructor of ${className} takes argument ${unresolvable.join(', ')} that Nest cannot inject: ` +
            'mark the options argument with @InjectProviderOptions(), and give every other argument an injectable class type or @Inject(token)',
        );
        continue;
      }
      const identifier = (providerClass as unknown as { identifier?: unknown }).identifier;
      const result = kind.providerId({
        id: configuredId,
        identifier: typeof identifier === 'string' && identifier ? identifier : undefined,
        metadata: Reflect.getMetadata(kind.metadataKey, providerClass),
        className,
      });
      if ('problem' in result) {
        problems.push(`${at}.${result.on}: ${result.problem}`);
        continue;
      }
      const clash = idsAt.get(result.id);
      if (clash) {
        problems.push(`${at}.id: duplicate id '${result.id}' (${clash} has it too)`);
        continue;
      }
      idsAt.set(result.id, at);
      loaded.push({ moduleKey: kind.moduleKey, at, resolve, file, providerClass, className, id: result.id, options, isDefault });
    }
  });
  return loaded;
}

function describeEntryProblem(resolve: string, problem: ProjectEntryProblem): string {
  switch (problem.kind) {
    case 'not_found':
      return `cannot find '${resolve}' (${problem.detail})`;
    case 'no_entry_file':
      return `cannot find '${resolve}' (${problem.folder} has no package.json "main" that exists and no index file)`;
    case 'typescript':
      return `'${resolve}' resolves to TypeScript (${problem.file}), which compiled Stheno cannot run: compile it with the app or to JavaScript`;
    case 'load_failed':
      return `'${resolve}' failed to load (${problem.file}): ${problem.message}`;
  }
}

function wrongExport(kind: ConfigurableProviderKind, classes: Array<Type<unknown>>, kinds: readonly ConfigurableProviderKind[]): string {
  for (const other of kinds) {
    if (other === kind) continue;
    const found = classes.find((cls) => Reflect.getMetadata(other.metadataKey, cls) !== undefined);
    if (found) return `exports a ${other.label} (${found.name}), not a ${kind.label}: list it under modules.${other.moduleKey}`;
  }
  return (
    `exports no ${kind.label} class: expected a class marked ${kind.decorator} as the default export, ` +
    'a named export, or `{ services: [Class] }`'
  );
}

/**
 * The classes a provider file offers: the default export (a class, or Medusa's
 * `{ services: [...] }`), a top-level `services` list, and every exported class.
 */
function exportedClasses(exported: unknown): Array<Type<unknown>> {
  const found = new Set<Type<unknown>>();
  const take = (value: unknown): void => {
    if (typeof value === 'function') found.add(value as Type<unknown>);
    else if (isObject(value) && Array.isArray(value.services)) for (const service of value.services) if (typeof service === 'function') found.add(service as Type<unknown>);
  };
  take(exported);
  if (isObject(exported)) {
    take(exported.default);
    for (const value of Object.values(exported)) if (typeof value === 'function') found.add(value as Type<unknown>);
  }
  return [...found];
}

/**
 * 1-based positions of constructor arguments without a token Nest can resolve: no type metadata at
 * all (a JavaScript class, or Medusa's `constructor(container, options)`), or a type that is an
 * interface or `object` at run time, and no `@Inject(token)` over it.
 */
function uninjectableArguments(providerClass: Type<unknown>): number[] {
  const types = Reflect.getMetadata(PARAMTYPES_METADATA, providerClass) as unknown[] | undefined;
  const declared = (Reflect.getMetadata(SELF_DECLARED_DEPS_METADATA, providerClass) as Array<{ index: number; param: unknown }> | undefined) ?? [];
  const count = Math.max(types?.length ?? 0, providerClass.length);
  const bad: number[] = [];
  for (let index = 0; index < count; index++) {
    const token = declared.find((d) => d.index === index)?.param ?? types?.[index];
    if (token === undefined || token === Object) bad.push(index + 1);
  }
  return bad;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
