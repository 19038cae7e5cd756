/**
 * The kinds of providers the configuration file may list under `modules.<key>.options.providers`
 * (Medusa's convention). Each provider-based module declares its kind where its provider decorator
 * lives: the framework loads and checks the entries (configured-providers-loader.ts) without
 * knowing any domain, and the module's registry takes the instances from ConfiguredProviders.
 */

/** What the configuration says about one entry, and what its class declares, to form its id. */
export interface ProviderIdParts {
  /** The entry's `id`, as written (undefined when omitted). */
  id?: string;
  /** The class's `static identifier` (Medusa's), when it has one. */
  identifier?: string;
  /** The class's decorator metadata (a notification provider's decorator holds its id). */
  metadata: unknown;
  className: string;
}

/** The id, or why there is none: `on` says whether the entry's `id` or its class is at fault. */
export type ProviderIdResult = { id: string } | { problem: string; on: 'id' | 'resolve' };

export interface ConfigurableProviderKind {
  /** The `modules` key: `payment`. */
  readonly moduleKey: string;
  /** For messages: `payment provider`. */
  readonly label: string;
  /** How a class is marked, for messages: `@RegisterPaymentProvider()`. */
  readonly decorator: string;
  /** The class metadata the decorator sets (what `decoratedProviders` looks for). */
  readonly metadataKey: string;
  /** The id a configured class registers under (`pp_<identifier>_<id>` …), or a problem. */
  providerId(parts: ProviderIdParts): ProviderIdResult;
  /** Why `is_default` means something here, for the docs and messages; undefined: the kind has no default. */
  readonly defaultMeaning?: string;
  /** Checks of the entry's `options` the module relies on at boot: `[path under options, message]` pairs. */
  checkOptions?(options: Readonly<Record<string, unknown>>): Array<[string, string]>;
  /**
   * Entries the module configures itself (Medusa's `…/file-local` entry holds the built-in local
   * provider's options): the loader leaves them to the module instead of resolving a package.
   */
  isBuiltInEntry?(entry: { resolve: string; id?: string }): boolean;
}

const kinds = new Map<string, ConfigurableProviderKind>();

/**
 * Declares the kind of provider a module takes from the configuration file. Call it at the top
 * level of the file that defines the module's provider decorator, so it is declared wherever the
 * decorator can be used.
 */
export function declareConfigurableProviders(kind: ConfigurableProviderKind): ConfigurableProviderKind {
  const existing = kinds.get(kind.moduleKey);
  // the same file evaluated twice (Jest's module registries) declares the same kind again
  if (existing && existing.metadataKey !== kind.metadataKey) throw new Error(`Two kinds of configurable providers claim modules.${kind.moduleKey}`);
  kinds.set(kind.moduleKey, kind);
  return kind;
}

/** Every kind declared in this process, by module key order. */
export function configurableProviderKinds(): ConfigurableProviderKind[] {
  return [...kinds.values()].sort((a, b) => a.moduleKey.localeCompare(b.moduleKey));
}

/**
 * Medusa's registration id: `<prefix><identifier>`, then `_<id>` when the entry has one
 * (`pp_` + `system` + `default` → `pp_system_default`; `tp_` + `system` → `tp_system`).
 */
export function identifierId(prefix: string, parts: ProviderIdParts, pattern: RegExp, shape: string, requireId = false): ProviderIdResult {
  if (!parts.identifier) {
    return { on: 'resolve', problem: `the class ${parts.className} has no static identifier (ids are ${shape}): add \`static identifier = '…'\`` };
  }
  if (requireId && !parts.id) return { on: 'id', problem: `required: ids are ${shape}` };
  const id = `${prefix}${parts.identifier}${parts.id ? `_${parts.id}` : ''}`;
  if (!pattern.test(id)) return { on: parts.id ? 'id' : 'resolve', problem: `'${id}' is not a valid id (ids are ${shape}: letters, digits, '-' and '_')` };
  return { id };
}
