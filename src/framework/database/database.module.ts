import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EntityClass, EntitySchema, MikroORM } from '@mikro-orm/core';
// eslint-disable-next-line no-restricted-imports -- the ORM's own wiring
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RUNTIME_OPTIONS, RuntimeOptions } from '../runtime/runtime';
import { ormFeature, registeredEntities } from './entity-registry';
import { applyMigrations, assertSchemaMigrated } from './migrate';
import { buildOrmOptions } from './orm-options';
import { usePreparedStatements } from './prepared';
import { SeedRun, SeedRunner } from './seeding';

export const DATABASE_URL = Symbol('DATABASE_URL');

/**
 * Before anything else touches the database: applies pending migrations (development, test,
 * embedded), then, for a DATABASE_SCHEMA other than `public`, refuses to go on unless that schema
 * has every migration applied (migrate.ts `assertSchemaMigrated`), which is what guards production,
 * where `db:migrate` is a separate step.
 */
@Injectable()
export class MigrateOnBoot implements OnModuleInit {
  private readonly logger = new Logger('Migrations');

  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RUNTIME_OPTIONS) private readonly runtime: RuntimeOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.runtime.kind !== 'app') return;
    if (this.config.database.migrateOnBoot) {
      const applied = await applyMigrations(this.orm, this.config.database.pool.max);
      if (applied.length) this.logger.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
    }
    await assertSchemaMigrated(this.orm);
  }
}

/** What the loaded plugins add to the ORM: their entities and their migration folders. */
export interface PluginSchema {
  entities: Array<EntityClass<object> | EntitySchema>;
  migrations: string[];
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig, url: string, plugins: PluginSchema = { entities: [], migrations: [] }): DynamicModule {
    usePreparedStatements(config.database.preparedStatements);
    return {
      module: DatabaseModule,
      imports: [
        DiscoveryModule,
        ormFeature([SeedRun]),
        // a factory, so the entity list is read after every module has registered its entities
        MikroOrmModule.forRootAsync({
          useFactory: () => ({
            ...buildOrmOptions(config, url, plugins.migrations),
            entities: [...new Set([...registeredEntities(), ...plugins.entities])],
            registerRequestContext: true,
          }),
        }),
      ],
      providers: [{ provide: DATABASE_URL, useValue: url }, MigrateOnBoot, SeedRunner],
      exports: [DATABASE_URL, SeedRunner],
    };
  }
}
