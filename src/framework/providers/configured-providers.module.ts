import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { configuredProviderToken, ConfiguredProvider, ConfiguredProviders, PROVIDER_OPTIONS } from './configured-providers';
import { LoadedProviderEntry, loadConfiguredProviders } from './configured-providers-loader';

/** Hosts one configured provider, so its PROVIDER_OPTIONS are its own entry's. */
@Module({})
class ConfiguredProviderHost {}

/**
 * The providers the configuration file lists under `modules.<key>.options.providers`: loaded and
 * checked when the application module is built (a problem stops the boot, naming its path), then
 * instantiated by Nest (their constructors may inject `@InjectProviderOptions()` and anything
 * global) and handed to their modules' registries through ConfiguredProviders.
 */
@Global()
@Module({})
export class ConfiguredProvidersModule {
  static forRoot(config: AppConfig): DynamicModule {
    return ConfiguredProvidersModule.fromEntries(loadConfiguredProviders(config.configFile.modules));
  }

  static fromEntries(entries: readonly LoadedProviderEntry[]): DynamicModule {
    const tokens = entries.map((entry) => configuredProviderToken(`${entry.at}#${entry.className}`));
    const hosts: DynamicModule[] = entries.map((entry, index) => {
      const providers: Provider[] = [
        { provide: PROVIDER_OPTIONS, useValue: entry.options },
        { provide: tokens[index], useClass: entry.providerClass },
      ];
      return { module: ConfiguredProviderHost, providers, exports: [tokens[index]] };
    });
    return {
      module: ConfiguredProvidersModule,
      imports: hosts,
      providers: [
        {
          provide: ConfiguredProviders,
          useFactory: (...instances: object[]) => new ConfiguredProviders(entries.map((entry, index) => configured(entry, instances[index]))),
          inject: tokens,
        },
      ],
      exports: [ConfiguredProviders],
    };
  }
}

/** The instance's `id` is the configured one, whatever its class declares (a class may serve several entries). */
function configured(entry: LoadedProviderEntry, instance: object): ConfiguredProvider {
  Object.defineProperty(instance, 'id', { value: entry.id, enumerable: true, configurable: true, writable: false });
  const { moduleKey, at, resolve, file, className, id, options, isDefault } = entry;
  return { moduleKey, at, resolve, file, className, id, options, isDefault, instance };
}
