import { Inject } from '@nestjs/common';

/**
 * The injection token of a configured provider's `options` (the entry's `options`, `{}` when it has
 * none). Each configured provider is built in a module of its own, so the token gives every
 * instance its own entry's options, even when two entries name the same class.
 */
export const PROVIDER_OPTIONS = 'stheno:configured-provider-options';

/**
 * Marks the constructor argument that receives the entry's `options`:
 *
 *   constructor(@InjectProviderOptions() private readonly options: AcmeOptions) {}
 */
export function InjectProviderOptions(): ParameterDecorator {
  return Inject(PROVIDER_OPTIONS);
}

/** Tokens of configured provider instances start with this, so discovery can tell them apart. */
const TOKEN_PREFIX = 'stheno:configured-provider:';

export function configuredProviderToken(at: string): string {
  return `${TOKEN_PREFIX}${at}`;
}

/**
 * Whether a Nest provider token is a configured provider's. Those instances reach their module's
 * registry through ConfiguredProviders, with the configured id; `decoratedProviders` skips them so
 * they are not registered a second time under the id their class declares.
 */
export function isConfiguredProviderToken(token: unknown): boolean {
  return typeof token === 'string' && token.startsWith(TOKEN_PREFIX);
}

/** A provider built from the configuration file, ready for its module's registry. */
export interface ConfiguredProvider<TInstance = unknown> {
  /** The `modules` key (`payment`). */
  readonly moduleKey: string;
  /** Where the entry is in the file: `modules.payment.options.providers[0]`; errors name it. */
  readonly at: string;
  /** The entry's `resolve`, as written. */
  readonly resolve: string;
  /** The file that was loaded. */
  readonly file: string;
  readonly className: string;
  /** The id it is registered under (`pp_acme_acme`); also set as the instance's `id`. */
  readonly id: string;
  readonly options: Readonly<Record<string, unknown>>;
  /** `is_default: true` (only kinds with a default accept it). */
  readonly isDefault: boolean;
  readonly instance: TInstance;
}

/**
 * The configured providers of the application, in the order the file lists them, per module key.
 * Registries take theirs in `onModuleInit`: `configured.of<PaymentProvider>('payment')`.
 */
export class ConfiguredProviders {
  constructor(private readonly providers: readonly ConfiguredProvider[]) {}

  of<TInstance>(moduleKey: string): Array<ConfiguredProvider<TInstance>> {
    return this.providers.filter((provider) => provider.moduleKey === moduleKey) as Array<ConfiguredProvider<TInstance>>;
  }

  all(): readonly ConfiguredProvider[] {
    return this.providers;
  }
}
