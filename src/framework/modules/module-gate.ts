import type { DynamicModule, ForwardReference, ModuleMetadata, Type } from '@nestjs/common';

export type ImportEntry = NonNullable<ModuleMetadata['imports']>[number];

function isDynamic(entry: unknown): entry is DynamicModule {
  return typeof entry === 'object' && entry !== null && 'module' in entry;
}

function isForwardReference(entry: unknown): entry is ForwardReference {
  return typeof entry === 'object' && entry !== null && 'forwardRef' in entry;
}

/** The module class of an import entry (a class, a dynamic module, a forward reference). */
export function moduleClassOf(entry: ImportEntry): Type | undefined {
  if (typeof entry === 'function') return entry;
  if (isForwardReference(entry)) return moduleClassOf(entry.forwardRef() as ImportEntry);
  if (isDynamic(entry)) return entry.module;
  return undefined; // a Promise<DynamicModule>: nothing to inspect before it resolves
}

/** What an entry imports: a class's `@Module({ imports })`, plus a dynamic module's own imports. */
function importsOf(entry: ImportEntry): ImportEntry[] {
  const type = moduleClassOf(entry);
  const declared = type ? ((Reflect.getMetadata('imports', type) as ImportEntry[] | undefined) ?? []) : [];
  const dynamic = isDynamic(entry) ? (entry.imports ?? []) : [];
  return [...declared, ...dynamic];
}

/**
 * Decides which Nest modules of the app stay when some are switched off: a module stays only if
 * nothing it imports, directly or through other modules, is off. A Nest module imports what it
 * injects, so the import graph is exactly the "needs" relation: a controller whose module reaches
 * a switched-off facade is left out with its routes (absent from the API and the OpenAPI
 * document, so a request answers 404 instead of failing inside), never half-wired.
 */
export class ModuleGate {
  private readonly off: Set<Type>;
  private readonly memo = new Map<Type, Type[]>();

  constructor(off: Iterable<Type>) {
    this.off = new Set(off);
  }

  /** The switched-off modules this entry needs (empty: it can run). */
  needs(entry: ImportEntry): Type[] {
    const type = moduleClassOf(entry);
    if (type && this.memo.has(type) && !isDynamic(entry)) return this.memo.get(type)!;
    const found = new Set<Type>();
    const seen = new Set<unknown>();
    const walk = (item: ImportEntry): void => {
      const cls = moduleClassOf(item);
      const identity = isDynamic(item) ? item : cls;
      if (!identity || seen.has(identity)) return;
      seen.add(identity);
      if (cls && this.off.has(cls)) found.add(cls);
      for (const child of importsOf(item)) walk(child);
    };
    walk(entry);
    const needs = [...found];
    if (type && !isDynamic(entry)) this.memo.set(type, needs);
    return needs;
  }

  keeps(entry: ImportEntry): boolean {
    return this.needs(entry).length === 0;
  }

  /** The entries that can run, and for each one left out, what it needed. */
  filter(entries: ImportEntry[]): { kept: ImportEntry[]; removed: Array<{ name: string; needs: string[] }> } {
    const kept: ImportEntry[] = [];
    const removed: Array<{ name: string; needs: string[] }> = [];
    for (const entry of entries) {
      const needs = this.needs(entry);
      if (needs.length === 0) kept.push(entry);
      else removed.push({ name: moduleClassOf(entry)?.name ?? 'a module', needs: needs.map((type) => type.name) });
    }
    return { kept, removed };
  }
}
