import { applyDecorators, Injectable, Logger, SetMetadata } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { Entity, MikroORM, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context, inTransaction, systemContext } from '../context/context';

export interface SeederOptions {
  /** Stable name: a seeder runs once per database, recorded under this name. */
  name: string;
  /** Lower runs first (the store before the products that belong to it). */
  order: number;
}

export interface SeederHandler {
  seed(ctx: Context): Promise<void>;
}

const SEEDER_METADATA = 'stheno:seeder';

/** Declares a seeder: demo data a module adds on the first start of a development database. */
export function Seeder(options: SeederOptions): ClassDecorator {
  return applyDecorators(Injectable(), SetMetadata(SEEDER_METADATA, options));
}

@Entity({ tableName: 'seed_run' })
export class SeedRun {
  @PrimaryKey({ type: 'text' })
  name!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  ran_at: Date = new Date();
}

/** Runs every seeder that has not run on this database yet, each in its own transaction. */
@Injectable()
export class SeedRunner {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly orm: MikroORM,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  seeders(): Array<{ options: SeederOptions; handler: SeederHandler }> {
    return this.discovery
      .getProviders()
      .filter((wrapper) => wrapper.metatype && wrapper.instance)
      .map((wrapper) => ({
        options: this.reflector.get<SeederOptions | undefined>(SEEDER_METADATA, wrapper.metatype!),
        handler: wrapper.instance as SeederHandler,
      }))
      .filter((s): s is { options: SeederOptions; handler: SeederHandler } => Boolean(s.options))
      .sort((a, b) => a.options.order - b.options.order || a.options.name.localeCompare(b.options.name));
  }

  /** Returns the names of the seeders that ran. */
  async runPending(): Promise<string[]> {
    const ran: string[] = [];
    for (const { options, handler } of this.seeders()) {
      const ctx = systemContext(this.orm.em as EntityManager);
      const done = await inTransaction(ctx, async (tx) => {
        // inside the seeder's transaction: a concurrent seeder of the same name waits on this row,
        // and a seeder that fails rolls its record back, so it runs again next time
        const inserted = await tx.em.execute<Array<{ name: string }>>(
          'insert into seed_run (name) values (?) on conflict (name) do nothing returning name',
          [options.name],
        );
        if (inserted.length === 0) return false;
        await handler.seed(tx);
        await tx.em.flush();
        return true;
      });
      if (done) {
        ran.push(options.name);
        this.logger.log(`Seeded ${options.name}`);
      }
    }
    return ran;
  }
}
