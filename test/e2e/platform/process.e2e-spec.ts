import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../../../src/framework/database/embedded-postgres';
import { RunningProcess, startTsProcess, stopProcess, waitForHttp } from '../../utils/child-process';
import { isEmbeddedTestDatabase, resetDatabase, workerDatabaseUrl } from '../../utils/test-database';

/** The server as an operator runs it: a real process, real signals, real exit codes. */
describe('the server process', () => {
  jest.setTimeout(60000);
  const running: RunningProcess[] = [];
  afterAll(async () => {
    await Promise.all(running.map(stopProcess));
  });
  const start = (entry: string, env: Record<string, string | undefined>): RunningProcess => {
    const p = startTsProcess(entry, env);
    running.push(p);
    return p;
  };

  describe('zero-setup start on the embedded database', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stheno-data-'));
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it('starts with no services, guards its data directory, and exits 0 on SIGTERM', async () => {
      const port = await findFreePort();
      const env = { NODE_ENV: 'development', PORT: String(port), DATA_DIR: dataDir, LOG_FORMAT: 'json', LOG_LEVEL: 'info' };
      const server = start('src/main.ts', env);
      const startedAt = Date.now();
      await waitForHttp(`http://127.0.0.1:${port}/health`, server, 45000);
      expect(Date.now() - startedAt).toBeLessThan(45000);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(ready.status).toBe(200);
      // idle keep-alive connections outlive a load balancer's 60 s, so the server never closes one a client reuses
      expect(ready.headers.get('keep-alive')).toBe('timeout=65');
      const docs = await fetch(`http://127.0.0.1:${port}/openapi.json`);
      expect(((await docs.json()) as { openapi: string }).openapi).toMatch(/^3\./);
      expect(existsSync(join(dataDir, 'stheno.pid'))).toBe(true);

      // a second process on the same data directory refuses to start instead of corrupting it
      const second = start('src/main.ts', { ...env, PORT: String(await findFreePort()) });
      const secondExit = await second.exited;
      expect(secondExit.code).toBe(1);
      expect(second.output()).toMatch(/in use by another Stheno process \(pid \d+\)/);

      const stoppedAt = Date.now();
      server.child.kill('SIGTERM');
      const exit = await server.exited;
      expect(exit.code).toBe(0);
      expect(Date.now() - stoppedAt).toBeLessThan(10000);
      expect(existsSync(join(dataDir, 'stheno.pid'))).toBe(false);
      expect(server.output()).toMatch(/Shutdown complete/);
    });
  });

  describe('graceful shutdown', () => {
    it('finishes in-flight requests, refuses new connections, and exits 0', async () => {
      await resetDatabase();
      const port = await findFreePort();
      const server = start('test/fixtures/slow-server.ts', {
        NODE_ENV: 'test',
        PORT: String(port),
        DATABASE_URL: workerDatabaseUrl(),
        DATABASE_POOL_MAX: isEmbeddedTestDatabase() ? '1' : '2',
        LOG_LEVEL: 'silent',
        SHUTDOWN_TIMEOUT_MS: '5000',
      });
      await waitForHttp(`http://127.0.0.1:${port}/health`, server);

      const inFlight = fetch(`http://127.0.0.1:${port}/test/slow?ms=1500`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const stoppedAt = Date.now();
      server.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));

      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ slept: { width: 1500 } });
      const exit = await server.exited;
      expect(exit.code).toBe(0);
      expect(Date.now() - stoppedAt).toBeLessThan(10000);
    });
  });

  describe('configuration errors stop the boot', () => {
    it('names an invalid variable and exits 1', async () => {
      const server = start('src/main.ts', { NODE_ENV: 'development', PORT: 'abc', WORKER_MODE: 'both' });
      const exit = await server.exited;
      expect(exit.code).toBe(1);
      expect(server.output()).toMatch(/PORT: expected an integer between 0 and 65535, got 'abc'/);
      expect(server.output()).toMatch(/WORKER_MODE: expected one of shared, server, worker, got 'both'/);
    });

    it('refuses production without secrets', async () => {
      const server = start('src/main.ts', { NODE_ENV: 'production', DATABASE_URL: workerDatabaseUrl() });
      const exit = await server.exited;
      expect(exit.code).toBe(1);
      expect(server.output()).toMatch(/JWT_SECRET: required when NODE_ENV=production/);
      expect(server.output()).toMatch(/COOKIE_SECRET: required when NODE_ENV=production/);
    });
  });
});
