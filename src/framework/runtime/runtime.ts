import { AppConfig } from '../config/app-config';

/** How this process runs: the HTTP server entry point or a one-shot CLI command. */
export interface RuntimeOptions {
  kind: 'app' | 'cli';
}

export const RUNTIME_OPTIONS = Symbol('RUNTIME_OPTIONS');

/** Subscribers and scheduled jobs run in `worker` and `shared` mode, never inside a CLI command. */
export function runsProcessors(config: AppConfig, runtime: RuntimeOptions): boolean {
  return runtime.kind === 'app' && config.workerMode !== 'server';
}

/**
 * The outbox relay moves committed events on, and decides which subscribers get each one from its
 * own process's subscriber registry. It therefore runs only where subscribers run (`worker` and
 * `shared`), with Redis and without: a relay in a `server` process would fan out with a registry
 * that may lack subscribers only the workers load (a plugin, a rollout in progress), and those
 * subscribers would silently get no job for the events it claimed. Servers only record events.
 */
export function runsOutboxRelay(config: AppConfig, runtime: RuntimeOptions): boolean {
  return runsProcessors(config, runtime);
}
