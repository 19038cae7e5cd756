import 'reflect-metadata';
import { internalListQuery } from './framework/http/list-query';
import { INestApplication, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { systemContext } from './framework/context/context';
import { ApiKeyService } from './modules/api-key/api-key.service';
import { createApp } from './bootstrap';
import { AppConfig } from './framework/config/app-config';
import { ConfigError, loadConfig, readProcessEnvironment } from './framework/config/load-config';
import { ConfigFileError, loadConfigFile } from './framework/config/config-file';
import { SeedRunner } from './framework/database/seeding';
import { SchemaNotMigratedError } from './framework/database/migrate';
import { EmbeddedPostgres, startEmbeddedPostgres } from './framework/database/embedded-postgres';
import { installGracefulShutdown } from './framework/runtime/graceful-shutdown';
import { loadPlugins, PluginLoadError } from './framework/plugins/plugin-loader';

/** Development only: how to log in and which publishable key a storefront can use. */
async function developmentFirstSteps(app: INestApplication, config: AppConfig): Promise<string[]> {
  const ctx = systemContext(app.get(MikroORM).em as EntityManager);
  const [keys] = await app.get(ApiKeyService).list(
    ctx,
    internalListQuery({ type: 'publishable', revoked_at: null }, { limit: 1, order: [{ field: 'created_at', direction: 'ASC' }] }),
  );
  const password = config.seed.adminPassword === 'supersecret' ? 'supersecret' : '(ADMIN_PASSWORD)';
  return [
    `Admin login: ${config.seed.adminEmail} / ${password} (POST /auth/user/emailpass)`,
    keys[0] ? `Publishable key for storefronts: ${keys[0].token}` : 'No publishable key yet: create one with POST /admin/api-keys',
  ];
}

function loadConfigOrExit(): AppConfig {
  try {
    const env = readProcessEnvironment();
    return loadConfig(env, process.cwd(), loadConfigFile(env).config);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ConfigFileError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // before the database starts: a misnamed plugin should cost nothing but its message
  const plugins = await loadPlugins(config.plugins, { config });
  let database: EmbeddedPostgres | undefined;
  if (config.database.embedded) database = await startEmbeddedPostgres({ dataDir: config.database.dataDir });
  const databaseUrl = database?.url ?? config.database.url!;

  const app = await createApp({ config, databaseUrl, plugins }).catch(async (error: unknown) => {
    await database?.close();
    throw error;
  });
  installGracefulShutdown(app, config, async () => database?.close());

  const logger = new Logger('Stheno');
  if (!config.isProduction && config.workerMode !== 'server') {
    const seeded = await app.get(SeedRunner).runPending();
    if (seeded.length) logger.log(`Seeded a demo store: ${seeded.join(', ')}`);
  }
  const firstSteps = config.isProduction ? [] : await developmentFirstSteps(app, config);

  await app.listen(config.http.port, config.http.host);
  const shownHost = ['0.0.0.0', '::'].includes(config.http.host) ? 'localhost' : config.http.host;
  const url = `http://${shownHost}:${config.http.port}`;
  logger.log(
    [
      `Stheno is running at ${url} (${config.env}, worker mode ${config.workerMode}, ` +
        `${config.database.embedded ? `embedded database in ${config.database.dataDir}` : 'PostgreSQL'}, ` +
        `${config.modules.eventBus === 'redis' ? 'events on Redis' : 'in-process events'}, ${config.modules.locking} locks` +
        `${config.modules.cache.kind === 'redis' ? ', cache on Redis' : ''}` +
        `${config.modules.disabled.length ? `, modules off: ${config.modules.disabled.join(', ')}` : ''})`,
      config.workerMode === 'worker' ? '' : `API docs: ${url}/docs`,
      ...firstSteps,
    ]
      .filter(Boolean)
      .join('\n'),
  );
}

main().catch((error: unknown) => {
  // a plugin or provider error or an unmigrated schema is the operator's to fix and says everything; a stack would bury it
  const detail = error instanceof PluginLoadError || error instanceof ConfigFileError || error instanceof SchemaNotMigratedError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`Stheno failed to start: ${detail}\n`);
  process.exit(1);
});
