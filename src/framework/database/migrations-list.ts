import { existsSync, readdirSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { MigrationObject } from '@mikro-orm/core';

/**
 * The committed migrations, loaded explicitly from `migrations/` beside the source (or the compiled
 * `dist/migrations/`), sorted by name. An explicit list works identically under Node, Jest and the
 * CLI, where MikroORM's glob discovery would need to guess between `.ts` and `.js`.
 */
export const MIGRATIONS_SOURCE_DIR = resolve(__dirname, '../../../migrations');

const RUNNING_COMPILED = __filename.endsWith('.js');
const MIGRATION_FILE = /^Migration\d{14}/;

/**
 * The migrations of `dir`. Compiled, only `.js` files can run; from TypeScript `.ts` is preferred
 * and `.js` accepted (a plugin shipped compiled, loaded by the tests).
 */
export function loadMigrationsList(dir: string = MIGRATIONS_SOURCE_DIR): MigrationObject[] {
  if (!existsSync(dir)) return [];
  const files = new Map<string, string>();
  const usable = RUNNING_COMPILED ? ['.js'] : ['.ts', '.js'];
  for (const file of readdirSync(dir)) {
    const ext = extname(file);
    if (!usable.includes(ext) || file.endsWith('.d.ts') || !MIGRATION_FILE.test(file)) continue;
    const name = basename(file, ext);
    const kept = files.get(name);
    if (!kept || usable.indexOf(ext) < usable.indexOf(extname(kept))) files.set(name, file);
  }
  return [...files.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, file]) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exported = require(join(dir, file)) as Record<string, MigrationObject['class']>;
      const migrationClass = exported[name] ?? Object.values(exported)[0];
      if (typeof migrationClass !== 'function') throw new Error(`Migration ${join(dir, file)} exports no class`);
      return { name, class: migrationClass };
    });
}

/**
 * The app's migrations and those of every plugin folder as one list ordered by name (names start
 * with their creation timestamp, so this is creation order). The migrations table records names
 * only: two folders with the same name would make one of them silently count as applied.
 */
export function mergedMigrationsList(pluginFolders: string[] = []): MigrationObject[] {
  const byName = new Map<string, string>();
  const all: MigrationObject[] = [];
  for (const dir of [MIGRATIONS_SOURCE_DIR, ...pluginFolders]) {
    for (const migration of loadMigrationsList(dir)) {
      const other = byName.get(migration.name);
      if (other) throw new Error(`Migration ${migration.name} exists in both ${other} and ${dir}: rename one (db:generate picks a fresh timestamp)`);
      byName.set(migration.name, dir);
      all.push(migration);
    }
  }
  return all.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
