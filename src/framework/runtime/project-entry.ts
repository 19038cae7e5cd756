import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { packageRoot } from './package-root';

/**
 * Where the running code lives: the project root when Stheno runs from TypeScript (tests, the
 * require hook), `dist/` once compiled. Project files compiled with the app sit at the same place
 * under both, as `migrations/` does.
 */
export const CODE_ROOT = resolve(__dirname, '../../..');
export const RUNNING_COMPILED = __filename.endsWith('.js');

/**
 * Why a configured entry (a plugin, a module provider) could not be loaded. Each caller words
 * the message its own way (`Plugin 'x' cannot be found: …`, `modules.payment…resolve: cannot find 'x' (…)`).
 */
export type ProjectEntryProblem =
  /** `detail`: `nothing at <path>`, or `no package of that name is installed (looked from <root>)`. */
  | { kind: 'not_found'; detail: string }
  /** A folder with no `main` that exists and no index file. */
  | { kind: 'no_entry_file'; folder: string }
  /** Compiled Stheno cannot run a `.ts` file. */
  | { kind: 'typescript'; file: string }
  /** `require` threw (a syntax error, a missing dependency, a top-level throw). */
  | { kind: 'load_failed'; file: string; message: string };

export class ProjectEntryError extends Error {
  constructor(readonly problem: ProjectEntryProblem) {
    super(problem.kind);
    this.name = 'ProjectEntryError';
  }
}

/**
 * A path (`./x`, `../x`, `/x`: a folder or a file, as `require` takes them) against the project
 * root, its compiled twin preferred when Stheno runs compiled; anything else is a package name,
 * looked up from the project root. Throws a ProjectEntryError.
 */
export function resolveProjectEntry(entry: string, root: string = packageRoot()): string {
  if (entry.startsWith('.') || isAbsolute(entry)) {
    const source = resolve(root, entry);
    const target = compiledTwin(source, root) ?? source;
    try {
      return require.resolve(target);
    } catch {
      if (existsSync(target) && statSync(target).isDirectory()) throw new ProjectEntryError({ kind: 'no_entry_file', folder: target });
      throw new ProjectEntryError({ kind: 'not_found', detail: `nothing at ${source}` });
    }
  }
  try {
    return require.resolve(entry, { paths: [root] });
  } catch {
    throw new ProjectEntryError({ kind: 'not_found', detail: `no package of that name is installed (looked from ${root})` });
  }
}

/** Resolves the entry and loads it: `{ file, exported }`. Throws a ProjectEntryError. */
export function requireProjectEntry(entry: string, root: string = packageRoot()): { file: string; exported: unknown } {
  const file = resolveProjectEntry(entry, root);
  if (RUNNING_COMPILED && file.endsWith('.ts')) throw new ProjectEntryError({ kind: 'typescript', file });
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the entry is only known at run time
    return { file, exported: require(file) };
  } catch (error) {
    throw new ProjectEntryError({ kind: 'load_failed', file, message: error instanceof Error ? error.message : String(error) });
  }
}

function compiledTwin(source: string, root: string): string | undefined {
  if (CODE_ROOT === root) return undefined;
  const inside = relative(root, source);
  if (inside.startsWith('..') || isAbsolute(inside) || source.startsWith(CODE_ROOT + sep)) return undefined;
  const twin = join(CODE_ROOT, inside);
  try {
    require.resolve(twin);
    return twin;
  } catch {
    return undefined;
  }
}
