import type { DynamicModule } from '@nestjs/common';
import type { EntityClass } from '@mikro-orm/core';
// eslint-disable-next-line no-restricted-imports -- the ORM's own wiring
import { MikroOrmModule } from '@mikro-orm/nestjs';

/**
 * Every entity a module declares, kept for the life of the process. @mikro-orm/nestjs's own
 * `autoLoadEntities` storage is cleared when an application closes, which silently drops the
 * entities of static modules from the next application built in the same process (tests, the CLI);
 * this registry never forgets, and the ORM reads it when it initialises.
 */
const registry = new Set<EntityClass<object>>();

/** Use instead of `MikroOrmModule.forFeature`: registers the entities and their repositories. */
export function ormFeature(entities: Array<EntityClass<object>>): DynamicModule {
  for (const entity of entities) registry.add(entity);
  return MikroOrmModule.forFeature(entities);
}

export function registeredEntities(): Array<EntityClass<object>> {
  return [...registry];
}
