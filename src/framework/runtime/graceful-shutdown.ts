import type { Server } from 'node:http';
import { INestApplication, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ShutdownState } from './shutdown-state';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * On SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish (bounded by
 * SHUTDOWN_TIMEOUT_MS), then close queues, the relay, the pools and the embedded database through
 * Nest's lifecycle hooks, and exit 0. A second signal, or a hang past the bound, exits at once.
 */
export function installGracefulShutdown(app: INestApplication, config: AppConfig, afterClose: () => Promise<void>): void {
  const logger = new Logger('Shutdown');
  let shuttingDown = false;

  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    if (shuttingDown) {
      logger.warn(`${signal} received again: exiting now`);
      process.exit(1);
    }
    shuttingDown = true;
    const bound = config.http.shutdownTimeoutMs;
    setTimeout(() => {
      logger.error('Shutdown did not finish in time: exiting');
      process.exit(1);
    }, bound + 4000).unref();

    logger.log(`${signal} received: draining in-flight requests (up to ${bound} ms)`);
    app.get(ShutdownState).draining = true;
    const server = app.getHttpServer() as Server;
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    // keep-alive sockets become idle as their last response ends: close them as they do
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    server.closeIdleConnections();
    await Promise.race([drained, sleep(bound)]);
    clearInterval(sweep);
    server.closeAllConnections();

    try {
      await app.close();
      await afterClose();
      logger.log('Shutdown complete');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'Shutdown failed');
      process.exit(1);
    }
  };

  process.on('SIGTERM', (signal) => void shutdown(signal));
  process.on('SIGINT', (signal) => void shutdown(signal));
}
