import { existsSync, readdirSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { MigrationObject } from '@mikro-orm/core';

/**
 * The committed migrations, loaded explicitly from `migrations/` beside the source (or the compiled
 * `dist/migrations/`), sorted by name. An explicit list works identically under Node, Jest and the
 * CLI, where MikroORM's glob discovery would need to guess between `.ts` and `.js`.
 */
export const MIGRATIONS_SOURCE_DIR = resolve(__dirname, '../../../migrations');

export function loadMigrationsList(dir: string = MIGRATIONS_SOURCE_DIR): MigrationObject[] {
  if (!existsSync(dir)) return [];
  const isCompiled = __filename.endsWith('.js');
  const wanted = isCompiled ? '.js' : '.ts';
  return readdirSync(dir)
    .filter((file) => extname(file) === wanted && !file.endsWith('.d.ts') && /^Migration\d{14}/.test(file))
    .sort()
    .map((file) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exported = require(join(dir, file)) as Record<string, MigrationObject['class']>;
      const name = basename(file, wanted);
      const migrationClass = exported[name] ?? Object.values(exported)[0];
      if (typeof migrationClass !== 'function') throw new Error(`Migration ${file} exports no class`);
      return { name, class: migrationClass };
    });
}
