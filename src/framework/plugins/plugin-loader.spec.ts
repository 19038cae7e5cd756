import { join } from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import { loadConfig } from '../config/load-config';
import { packageRoot } from '../runtime/package-root';
import { loadPlugins, PluginLoadError } from './plugin-loader';

const context = { config: loadConfig({ NODE_ENV: 'test' }) };
const fixture = (name: string) => `./test/fixtures/plugins/${name}`;

async function loadError(entries: string[]): Promise<PluginLoadError> {
  try {
    await loadPlugins(entries, context);
  } catch (error) {
    expect(error).toBeInstanceOf(PluginLoadError);
    return error as PluginLoadError;
  }
  throw new Error('expected loadPlugins to throw a PluginLoadError');
}

describe('loadPlugins', () => {
  it('loads the example plugin by path: its module, entities and migrations folder', async () => {
    const [hello] = await loadPlugins(['./examples/plugin-hello'], context);
    expect(hello).toMatchObject({ entry: './examples/plugin-hello', name: 'hello', file: join(packageRoot(), 'examples/plugin-hello/index.ts') });
    expect(hello.entities.map((e) => (e as { name: string }).name)).toEqual(['HelloGreeting']);
    expect(hello.migrations).toBe(join(packageRoot(), 'examples/plugin-hello/migrations'));
    expect((hello.module as { name: string }).name).toBe('HelloModule');
  });

  it('accepts a module class, a module factory and a definition with a factory, named after their entry when undefined', async () => {
    const plugins = await loadPlugins([fixture('module-class'), fixture('module-factory'), fixture('shapes')], context);
    expect(plugins.map((p) => p.name)).toEqual([fixture('module-class'), fixture('module-factory'), 'shapes']);
    expect(plugins.map((p) => ('module' in p.module ? p.module.module.name : p.module.name))).toEqual(['ShapesModule', 'ShapesModule', 'ShapesModule']);
  });

  it('names a path that does not exist, with where it looked', async () => {
    const error = await loadError(['./examples/plugin-nope']);
    expect(error.message).toBe(`Plugin './examples/plugin-nope' cannot be found: nothing at ${join(packageRoot(), 'examples/plugin-nope')}`);
  });

  it('names a package that is not installed', async () => {
    expect((await loadError(['stheno-plugin-that-does-not-exist'])).message).toBe(
      `Plugin 'stheno-plugin-that-does-not-exist' cannot be found: no package of that name is installed (looked from ${packageRoot()})`,
    );
  });

  it('rejects an export that is not a plugin, saying what was found and what is expected', async () => {
    expect((await loadError([fixture('garbage-export')])).message).toBe(
      `Plugin '${fixture('garbage-export')}' exports the string 'hello, I am not a module': a plugin is definePlugin({ name, module, entities?, migrations? }), ` +
        'a Nest module class or a function returning a dynamic module, exported as `plugin` or as the default export',
    );
  });

  it('rejects a class that is not a Nest module', async () => {
    expect((await loadError([fixture('not-a-module')])).message).toBe(
      `Plugin '${fixture('not-a-module')}' exports the class NotAModule, which is not a Nest module (no @Module metadata)`,
    );
  });

  it('rejects a module factory that throws, with its reason', async () => {
    expect((await loadError([fixture('throwing-factory')])).message).toBe(
      `Plugin '${fixture('throwing-factory')}' failed to build its module: HELLO_API_KEY is not set`,
    );
  });

  it('rejects entities that are not entities', async () => {
    expect((await loadError([fixture('bad-entities')])).message).toBe(
      `Plugin '${fixture('bad-entities')}' lists the string 'hello_greeting' among its entities: expected entity classes or EntitySchemas`,
    );
  });

  it('rejects two plugins with the same name', async () => {
    expect((await loadError(['./examples/plugin-hello', fixture('same-name')])).message).toBe(
      `Plugin '${fixture('same-name')}' is named 'hello', like the plugin './examples/plugin-hello' before it`,
    );
  });

  it("hands a plugin's module factory the options of its configuration-file entry, {} without any", async () => {
    const entry = fixture('options-echo');
    const withOptions = loadConfig({ NODE_ENV: 'test' }, packageRoot(), { plugins: [{ resolve: entry, options: { greeting: 'hej' } }] });
    const provided = async (config: typeof withOptions) => {
      const [plugin] = await loadPlugins(config.plugins, { config });
      return ((plugin.module as DynamicModule).providers as Array<{ useValue: unknown }>)[0].useValue;
    };
    expect(await provided(withOptions)).toEqual({ greeting: 'hej' });
    expect(await provided(loadConfig({ NODE_ENV: 'test', PLUGINS: entry }))).toEqual({});
  });

  it('rejects a file that exports nothing usable', async () => {
    expect((await loadError(['./src/framework/plugins/plugin'])).message).toMatch(/^Plugin '\.\/src\/framework\/plugins\/plugin' exports no plugin: /);
  });
});
