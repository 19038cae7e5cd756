import { Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { ConfiguredProviders } from '../../framework/providers/configured-providers';
import { decoratedProviders } from '../../framework/runtime/decorated-providers';
import { FILE_PROVIDER_KIND, FILE_PROVIDER_METADATA, FileProvider, FileProviderView, LOCAL_FILE_PROVIDER_ID } from './file.types';
import { LocalFileProvider } from './local-file.provider';

/**
 * The file providers of this process, and the one that stores new uploads: the first provider
 * marked `@RegisterFileProvider()` other than `local`, in discovery order (the app's modules as
 * `app.module.ts` lists them, then plugins and test modules), or `local` when there is none.
 * Medusa's File module takes exactly one provider; a second one is ignored with a warning. The
 * choice is made once, at boot, and logged.
 */
@Injectable()
export class FileProviderRegistry implements OnModuleInit {
  private readonly logger = new Logger('FileProviders');
  private readonly providers = new Map<string, FileProvider>();
  private chosen: FileProvider;

  constructor(
    local: LocalFileProvider,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @Optional() private readonly configured?: ConfiguredProviders,
  ) {
    this.register(local);
    this.chosen = local;
  }

  onModuleInit(): void {
    for (const { instance, className } of decoratedProviders<boolean, FileProvider>(this.discovery, this.reflector, FILE_PROVIDER_METADATA)) {
      this.register(instance, className);
    }
    // the configuration file's providers come first: the one listed there stores the files
    const configured = this.configured?.of<FileProvider>(FILE_PROVIDER_KIND.moduleKey) ?? [];
    if (configured.length > 1) {
      throw new Error(`${configured[1].at}: the file module stores files with one provider, and ${configured[0].at} is already configured`);
    }
    for (const { id, at, className, instance } of configured) {
      if (this.providers.has(id)) this.logger.log(`File provider '${id}' is replaced by ${className} (${at})`);
      this.providers.delete(id);
      this.register(instance, className);
    }
    const others = [...this.providers.values()].filter((provider) => provider.id !== LOCAL_FILE_PROVIDER_ID);
    this.chosen = configured[0]?.instance ?? others[0] ?? this.providers.get(LOCAL_FILE_PROVIDER_ID)!;
    const why = configured.length ? 'configured in the file' : 'registered first';
    for (const ignored of others.filter((provider) => provider !== this.chosen)) {
      this.logger.warn(`File providers '${this.chosen.id}' and '${ignored.id}' are both registered: '${this.chosen.id}' (${why}) stores the files`);
    }
    this.logger.log(`Files are stored by the '${this.chosen.id}' file provider`);
  }

  private register(provider: FileProvider, className = provider.constructor.name): void {
    if (typeof provider.id !== 'string' || !/^[\w-]{1,64}$/.test(provider.id)) {
      throw new Error(`File provider ${className} needs an id of 1-64 letters, digits, '_' or '-', got: ${String(provider.id)}`);
    }
    for (const method of ['upload', 'getUrl', 'delete'] as const) {
      if (typeof provider[method] !== 'function') throw new Error(`File provider '${provider.id}' (${className}) has no ${method}() method`);
    }
    const existing = this.providers.get(provider.id);
    if (existing && existing !== provider) throw new Error(`Two file providers share the id '${provider.id}'`);
    this.providers.set(provider.id, provider);
  }

  /** The provider that stores new uploads and answers for the ids it gave out. */
  get active(): FileProvider {
    return this.chosen;
  }

  list(): FileProviderView[] {
    return [...this.providers.values()].map((provider) => ({ id: provider.id, is_default: provider === this.chosen })).sort((a, b) => a.id.localeCompare(b.id));
  }
}
