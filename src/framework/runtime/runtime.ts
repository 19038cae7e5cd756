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
 * The outbox relay moves committed events on. With Redis it only enqueues, so every app process
 * runs it (events reach Bull right after commit); without Redis it delivers in-process, so it runs
 * where subscribers run.
 */
export function runsOutboxRelay(config: AppConfig, runtime: RuntimeOptions): boolean {
  if (runtime.kind !== 'app') return false;
  return config.redis.url ? true : runsProcessors(config, runtime);
}
