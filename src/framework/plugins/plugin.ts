import type { DynamicModule, Type } from '@nestjs/common';
import type { EntityClass, EntitySchema } from '@mikro-orm/core';
import type { AppConfig } from '../config/app-config';

/**
 * What a plugin's module factory is given: the application's validated configuration and this
 * plugin's options (from a `{ resolve, options }` entry of the configuration file's `plugins`;
 * `{}` otherwise).
 */
export interface PluginContext {
  readonly config: Readonly<AppConfig>;
  readonly options?: Readonly<Record<string, unknown>>;
}

/** A plugin's Nest module: a module class, a dynamic module, or a factory of one. */
export type PluginModule = Type<unknown> | DynamicModule | ((context: PluginContext) => DynamicModule | Promise<DynamicModule>);

export type PluginEntity = EntityClass<object> | EntitySchema;

/**
 * The full form of a plugin, written with `definePlugin`. Everything a Nest module can hold works
 * from `module` (controllers, `@Subscriber`s, payment and fulfillment providers): the app discovers
 * them as it discovers its own. What a module cannot declare is declared here: the entities the ORM
 * must know (they join `db:check` and `db:generate`) and the folder of their migrations.
 */
export interface PluginDefinition {
  /** Short and unique among the loaded plugins: shown in logs and errors. */
  name: string;
  module: PluginModule;
  entities?: PluginEntity[];
  /**
   * Absolute path of the folder with the plugin's migrations (`Migration<14 digits>_<name>.ts`, or
   * `.js` once compiled): usually `join(__dirname, 'migrations')`. They run with the app's own,
   * all ordered by name.
   */
  migrations?: string;
}

/**
 * Marks objects built by definePlugin, so the loader can tell a definition from any other export.
 * A registered symbol, so a plugin that ends up with its own copy of this file is still recognised.
 */
const DEFINED = Symbol.for('stheno.plugin-definition');

/**
 * Declares a plugin. The package's main file exports the result as `plugin` (or as its default
 * export):
 *
 *   export const plugin = definePlugin({
 *     name: 'hello',
 *     module: HelloModule,
 *     entities: [HelloGreeting],
 *     migrations: join(__dirname, 'migrations'),
 *   });
 */
export function definePlugin(definition: PluginDefinition): PluginDefinition {
  return Object.freeze({ ...definition, entities: [...(definition.entities ?? [])], [DEFINED]: true });
}

export function isDefinedPlugin(value: unknown): value is PluginDefinition {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[DEFINED] === true;
}

/** A plugin resolved, validated and ready to be imported by the application module. */
export interface LoadedPlugin {
  /** The PLUGINS entry as written: what errors and logs name. */
  entry: string;
  name: string;
  /** The file that was loaded. */
  file: string;
  module: Type<unknown> | DynamicModule;
  entities: PluginEntity[];
  migrations?: string;
}
