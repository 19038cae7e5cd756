#!/usr/bin/env node
import 'reflect-metadata';
import { join, relative } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AppConfig } from './framework/config/app-config';
import { ConfigError, loadConfig, readProcessEnvironment } from './framework/config/load-config';
import { ConfigFileError, loadConfigFile } from './framework/config/config-file';
import { showConfig } from './framework/config/show-config';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CliUsageError, integerFlag, ParsedArgs, parseArgs, requireFlag } from './framework/cli/args';
import { ProgressReporter } from './framework/cli/progress';
import { systemContext } from './framework/context/context';
import { runFlow } from './framework/flows/flow';
import { createUserAccountFlow } from './flows/user/create-user-account.flow';
import { AuthService } from './modules/auth/auth.service';
import { UserService } from './modules/user/user.service';
import { EmbeddedPostgres, startEmbeddedPostgres } from './framework/database/embedded-postgres';
import { applyMigrations } from './framework/database/migrate';
import { SeedRunner } from './framework/database/seeding';
import { QuietBootLogger } from './framework/logging/quiet-boot-logger';
import { packageRoot } from './framework/runtime/package-root';
import { LoadedPlugin } from './framework/plugins/plugin';
import { loadPlugins, PluginLoadError, pluginSourceFolder } from './framework/plugins/plugin-loader';
import { CatalogSeedError, generateCatalog } from './seed/catalog/catalog-generator';

const HELP = `Usage: stheno <command> [options]   (or: npm run stheno -- <command> [options])

Database
  db:migrate                 Apply pending migrations to the configured database
                             (DATABASE_URL, or the embedded database in DATA_DIR), in the
                             schema DATABASE_SCHEMA names (created if missing)
  db:generate <name>         Write migrations/Migration<timestamp>_<name>.ts from the difference
                             between the entities and the committed migrations (PLUGINS' included)
    --plugin <entry|name>    (generate) write it into that plugin's migrations folder instead
  db:check                   Exit 1 when the entities and the committed migrations disagree
    --database-url <url>     (generate/check) diff against this empty database instead of a
                             throwaway in-memory one
Data
  seed                       Run the seeders that have not run on this database yet
  seed:catalog --products <n> [--seed <s>] [--batch <b>]
                             Generate a realistic demo catalog of n products (3-10 variants each,
                             prices, stock, categories, tags), the same for the same seed
                             (default 1), b products per transaction (default 1000); runs the
                             pending seeders first (sales channel, regions)
  user:create --email <email> --password <password>
                             Create an admin user who can log in (or reset the password of the
                             identity with that email and link it to a user)
Other
  config:show                Print the resolved configuration (environment > stheno.config.ts >
                             defaults), secrets masked, with the source of every value
  help                       This text
`;

interface Session {
  app: INestApplicationContext;
  orm: MikroORM;
  poolMax: number;
  plugins: LoadedPlugin[];
  close(): Promise<void>;
}

/**
 * Boots the application context (no HTTP, no relay, no processors) on the given or configured
 * database, with the PLUGINS loaded: their entities and migrations are the app's too.
 */
async function openSession(config: AppConfig, throwaway: boolean, explicitUrl?: string): Promise<Session> {
  const plugins = await loadPlugins(config.plugins, { config });
  let embedded: EmbeddedPostgres | undefined;
  let url = explicitUrl ?? config.database.url;
  if (!url) {
    embedded = await startEmbeddedPostgres(throwaway ? {} : { dataDir: config.database.dataDir });
    url = embedded.url;
  }
  const effective: AppConfig = embedded ? { ...config, database: { ...config.database, pool: { ...config.database.pool, min: 0, max: 1 } } } : config;
  try {
    const app = await NestFactory.createApplicationContext(
      AppModule.forRoot({ config: effective, databaseUrl: url, runtime: { kind: 'cli' }, plugins }),
      { bufferLogs: true, abortOnError: false },
    );
    app.useLogger(new QuietBootLogger(app.get(Logger)));
    return {
      app,
      orm: app.get(MikroORM),
      poolMax: effective.database.pool.max,
      plugins,
      async close() {
        await app.close();
        await embedded?.close();
      },
    };
  } catch (error) {
    await embedded?.close();
    throw error;
  }
}

/**
 * db:generate and db:check compare the entities with a throwaway database (or the empty one
 * `--database-url` names) built in `public`, whatever DATABASE_SCHEMA says: MikroORM's schema diff
 * reads `public`, and the migrations it writes must stay unqualified, valid in any schema.
 */
function diffConfig(config: AppConfig): AppConfig {
  return { ...config, database: { ...config.database, url: undefined, schema: 'public' } };
}

async function migrate(config: AppConfig): Promise<void> {
  const session = await openSession(config, false);
  try {
    const applied = await applyMigrations(session.orm, session.poolMax);
    console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.');
  } finally {
    await session.close();
  }
}

async function generate(config: AppConfig, args: ParsedArgs): Promise<void> {
  const name = args.positionals[0];
  if (!name || !/^[A-Za-z][\w-]*$/.test(name)) throw new CliUsageError('db:generate needs a name: db:generate add-product-table');
  const url = typeof args.flags['database-url'] === 'string' ? args.flags['database-url'] : undefined;
  const session = await openSession(diffConfig(config), true, url);
  try {
    const folder = migrationsFolderFor(session.plugins, args.flags.plugin);
    const migrator = session.orm.getMigrator();
    await migrator.up();
    const result = await migrator.createMigration(folder, false, false, name.replace(/-/g, '_'));
    console.log(result.fileName ? `Wrote ${relative(process.cwd(), join(folder, result.fileName))}` : 'No changes: the entities match the migrations.');
  } finally {
    await session.close();
  }
}

/** `migrations/`, or with `--plugin <PLUGINS entry or name>` the source folder of that plugin's migrations. */
function migrationsFolderFor(plugins: LoadedPlugin[], flag: string | boolean | undefined): string {
  if (flag === undefined) return join(packageRoot(), 'migrations');
  if (typeof flag !== 'string') throw new CliUsageError('--plugin needs the plugin: db:generate add-greeting --plugin ./examples/plugin-hello');
  const plugin = plugins.find((p) => p.entry === flag || p.name === flag);
  if (!plugin) throw new CliUsageError(`--plugin ${flag}: no such plugin is loaded (PLUGINS=${plugins.map((p) => p.entry).join(',')})`);
  if (!plugin.migrations) throw new CliUsageError(`Plugin ${plugin.name} declares no migrations folder (definePlugin({ migrations }))`);
  return pluginSourceFolder(plugin.migrations);
}

async function check(config: AppConfig, args: ParsedArgs): Promise<boolean> {
  const url = typeof args.flags['database-url'] === 'string' ? args.flags['database-url'] : undefined;
  const session = await openSession(diffConfig(config), true, url);
  try {
    const applied = await session.orm.getMigrator().up();
    const pending = await session.orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
    if (pending.trim()) {
      console.error(
        `The entities and the ${applied.length} committed migration(s) disagree; generate a migration ` +
          `(npm run stheno -- db:generate <name>). Missing SQL:\n${pending}`,
      );
      return false;
    }
    console.log(`Migrations match the entities (${applied.length} migration(s) checked).`);
    return true;
  } finally {
    await session.close();
  }
}

async function seed(config: AppConfig): Promise<void> {
  const session = await openSession(config, false);
  try {
    await applyMigrations(session.orm, session.poolMax);
    const ran = await session.app.get(SeedRunner).runPending();
    console.log(ran.length ? `Seeded: ${ran.join(', ')}` : 'Nothing to seed: every seeder has already run on this database.');
  } finally {
    await session.close();
  }
}

async function seedCatalog(config: AppConfig, args: ParsedArgs): Promise<void> {
  // validated before anything starts: a typo must not cost a database boot
  const products = integerFlag(args, 'products', { min: 1, max: 1_000_000 });
  const seed = integerFlag(args, 'seed', { min: 0, max: 2 ** 31 - 1, fallback: 1 });
  const batchSize = integerFlag(args, 'batch', { min: 1, max: 10_000, fallback: 1000 });
  const session = await openSession(config, false);
  try {
    await applyMigrations(session.orm, session.poolMax);
    await session.app.get(SeedRunner).runPending();
    const progress = new ProgressReporter('seed:catalog', 'products');
    const summary = await generateCatalog(systemContext(session.orm.em as EntityManager), {
      products,
      seed,
      batchSize,
      concurrency: Math.min(2, session.poolMax),
      onProgress: (done, total) => progress.update(done, total),
    });
    console.log(
      `Generated ${summary.products} products, ${summary.variants} variants and ${summary.prices} prices ` +
        `(seed ${seed}) in ${summary.seconds.toFixed(1)} s.`,
    );
  } finally {
    await session.close();
  }
}

async function createUser(config: AppConfig, args: ParsedArgs): Promise<void> {
  const email = requireFlag(args, 'email');
  const password = requireFlag(args, 'password');
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new CliUsageError('--email must be an email address');
  if (password.length < 8) throw new CliUsageError('--password must be at least 8 characters');
  const session = await openSession(config, false);
  try {
    await applyMigrations(session.orm, session.poolMax);
    const flow = createUserAccountFlow({ users: session.app.get(UserService), auth: session.app.get(AuthService) });
    const user = await runFlow(systemContext(session.orm.em as EntityManager), flow, { email, password });
    console.log(`User ${user.email} (${user.id}) can log in at POST /auth/user/emailpass.`);
  } finally {
    await session.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (!args.command || args.command === 'help' || args.flags.help) {
    console.log(HELP);
    return args.command || args.flags.help ? 0 : 1;
  }
  const env = readProcessEnvironment();
  const file = loadConfigFile(env);
  if (args.command === 'config:show') {
    // the configuration the server would run with: no CLI defaults mixed in
    process.stdout.write(showConfig(env, process.cwd(), file.config, file.path));
    return 0;
  }
  const config = loadConfig({ LOG_LEVEL: 'warn', ...env }, process.cwd(), file.config);
  switch (args.command) {
    case 'db:migrate':
      await migrate(config);
      return 0;
    case 'db:generate':
      await generate(config, args);
      return 0;
    case 'db:check':
      return (await check(config, args)) ? 0 : 1;
    case 'seed':
      await seed(config);
      return 0;
    case 'seed:catalog':
      await seedCatalog(config, args);
      return 0;
    case 'user:create':
      await createUser(config, args);
      return 0;
    default:
      throw new CliUsageError(`Unknown command '${args.command}'. Run 'stheno help'.`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof ConfigFileError || error instanceof CliUsageError || error instanceof CatalogSeedError || error instanceof PluginLoadError) {
      console.error(error.message);
    }
    else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(error instanceof CliUsageError ? 2 : 1);
  },
);
