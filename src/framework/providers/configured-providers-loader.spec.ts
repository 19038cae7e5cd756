import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { ConfigFileError } from '../config/config-file';
import type { ModuleEntry } from '../config/define-config';
import { packageRoot } from '../runtime/package-root';
import { ConfiguredProviders } from './configured-providers';
import { loadConfiguredProviders } from './configured-providers-loader';
import { ConfiguredProvidersModule } from './configured-providers.module';
import { TEST_KINDS } from '../../../test/fixtures/providers/unit/kinds';

const root = packageRoot();
const fixture = (name: string) => `./test/fixtures/providers/unit/${name}`;
const gadgets = (...providers: unknown[]): Record<string, ModuleEntry> => ({ gadget: { options: { providers: providers as never } } });
const load = (modules: Record<string, ModuleEntry>) => loadConfiguredProviders(modules, TEST_KINDS, root);

function problemsOf(modules: Record<string, ModuleEntry>): string[] {
  try {
    load(modules);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError);
    return (error as ConfigFileError).problems;
  }
  throw new Error('expected loadConfiguredProviders to throw a ConfigFileError');
}

describe('loadConfiguredProviders', () => {
  it('loads a default-exported class by path: its id from the identifier and the entry id, its options, its file', () => {
    const [blue] = load(gadgets({ resolve: fixture('blue-gadget'), id: 'main', options: { apiKey: 'k' }, is_default: true }));
    expect(blue).toMatchObject({
      moduleKey: 'gadget',
      at: 'modules.gadget.options.providers[0]',
      resolve: fixture('blue-gadget'),
      file: join(root, 'test/fixtures/providers/unit/blue-gadget.ts'),
      className: 'BlueGadget',
      id: 'gd_blue_main',
      options: { apiKey: 'k' },
      isDefault: true,
    });
  });

  it("takes Medusa's { services: [...] } (every service), a named export among others, and an id from the decorator", () => {
    const loaded = load({
      ...gadgets({ resolve: fixture('medusa-shape'), id: 'x' }, { resolve: fixture('blue-gadget') }),
      widget: { options: { providers: [{ resolve: fixture('named-widget') }, { resolve: fixture('named-widget'), id: 'wheel' }] } },
    });
    expect(loaded.map((entry) => [entry.at, entry.className, entry.id, entry.options])).toEqual([
      ['modules.gadget.options.providers[0]', 'RedGadget', 'gd_red_x', {}],
      ['modules.gadget.options.providers[0]', 'GreenGadget', 'gd_green_x', {}],
      ['modules.gadget.options.providers[1]', 'BlueGadget', 'gd_blue', {}],
      ['modules.widget.options.providers[0]', 'SpinnerWidget', 'spinner', {}],
      ['modules.widget.options.providers[1]', 'SpinnerWidget', 'wheel', {}],
    ]);
  });

  it('collects every problem of every entry, each naming its path, before throwing', () => {
    expect(
      problemsOf({
        ...gadgets(
          { resolve: fixture('nope') },
          { resolve: fixture('nothing') },
          { resolve: fixture('named-widget') },
          { resolve: fixture('no-identifier') },
          { resolve: fixture('medusa-constructor') },
          { resolve: fixture('throws-on-load') },
          { resolve: fixture('no-entry') },
          { resolve: 'stheno-provider-that-does-not-exist' },
        ),
        widget: { options: { providers: [{ resolve: fixture('named-widget'), options: { size: 'big' } }] } },
      }),
    ).toEqual([
      `modules.gadget.options.providers[0].resolve: cannot find '${fixture('nope')}' (nothing at ${join(root, 'test/fixtures/providers/unit/nope')})`,
      `modules.gadget.options.providers[1].resolve: '${fixture('nothing')}' exports no gadget provider class: ` +
        'expected a class marked @Gadget() as the default export, a named export, or `{ services: [Class] }`',
      `modules.gadget.options.providers[2].resolve: '${fixture('named-widget')}' exports a widget provider (SpinnerWidget), not a gadget provider: list it under modules.widget`,
      "modules.gadget.options.providers[3].resolve: the class NamelessGadget has no static identifier (ids are gd_<identifier>_<id>): add `static identifier = '…'`",
      'modules.gadget.options.providers[4].resolve: the constructor of MedusaStyleGadget takes argument 1, 2 that Nest cannot inject: ' +
        'mark the options argument with @InjectProviderOptions(), and give every other argument an injectable class type or @Inject(token)',
      `modules.gadget.options.providers[5].resolve: '${fixture('throws-on-load')}' failed to load (${join(root, 'test/fixtures/providers/unit/throws-on-load.ts')}): ACME_KEY is not set`,
      `modules.gadget.options.providers[6].resolve: cannot find '${fixture('no-entry')}' (${join(root, 'test/fixtures/providers/unit/no-entry')} has no package.json "main" that exists and no index file)`,
      `modules.gadget.options.providers[7].resolve: cannot find 'stheno-provider-that-does-not-exist' (no package of that name is installed (looked from ${root}))`,
      'modules.widget.options.providers[0].options.size: expected a number',
    ]);
  });

  it('refuses two entries with the same resulting id, and more than one default', () => {
    expect(
      problemsOf(
        gadgets(
          { resolve: fixture('blue-gadget'), id: 'a', is_default: true },
          { resolve: fixture('blue-gadget'), id: 'a' },
          { resolve: fixture('blue-gadget'), id: 'b', is_default: true },
          { resolve: fixture('blue-gadget'), id: 'c d' },
        ),
      ),
    ).toEqual([
      "modules.gadget.options.providers[1].id: duplicate id 'gd_blue_a' (modules.gadget.options.providers[0] has it too)",
      'modules.gadget.options.providers[2].is_default: only one gadget provider can be the default (modules.gadget.options.providers[0] is)',
      "modules.gadget.options.providers[3].id: 'gd_blue_c d' is not a valid id (ids are gd_<identifier>_<id>: letters, digits, '-' and '_')",
    ]);
  });

  it('refuses is_default where the kind has no default, and providers for a module that takes none', () => {
    expect(
      problemsOf({
        widget: { options: { providers: [{ resolve: fixture('named-widget'), is_default: true }] } },
        promotion: { options: { providers: [{ resolve: fixture('blue-gadget') }] } },
      }),
    ).toEqual([
      'modules.widget.options.providers[0].is_default: widget providers have no default',
      'modules.promotion.options.providers: the promotion module takes no configured providers (modules that do: gadget, widget)',
    ]);
  });

  it('leaves alone modules switched off or replaced, entries without providers, and the infrastructure keys', () => {
    expect(
      load({
        gadget: false,
        widget: './my-widget-module',
        promotion: { options: { something: true } },
        locking: { options: { providers: [{ resolve: './anything' }] } },
      }),
    ).toEqual([]);
  });
});

describe('ConfiguredProvidersModule', () => {
  it('builds each entry in its own module: each instance gets its own options and its configured id', async () => {
    const entries = load(gadgets({ resolve: fixture('blue-gadget'), id: 'one', options: { n: 1 } }, { resolve: fixture('blue-gadget'), id: 'two', options: { n: 2 } }));
    const moduleRef = await Test.createTestingModule({ imports: [ConfiguredProvidersModule.fromEntries(entries)] }).compile();
    const configured = moduleRef.get(ConfiguredProviders).of<{ id: string; options: unknown }>('gadget');
    expect(configured.map((c) => [c.id, c.instance.id, c.instance.options])).toEqual([
      ['gd_blue_one', 'gd_blue_one', { n: 1 }],
      ['gd_blue_two', 'gd_blue_two', { n: 2 }],
    ]);
    expect(configured[0].instance).not.toBe(configured[1].instance);
    await moduleRef.close();
  });
});
