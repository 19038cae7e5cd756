import { Client } from 'pg';
import { startEmbeddedPostgres, EmbeddedPostgres } from '../../src/framework/database/embedded-postgres';

/**
 * One database per Jest worker, so test files in parallel never share a schema:
 * - without DATABASE_URL: one in-memory PGlite server per worker (the embedded default);
 * - with DATABASE_URL: one database per worker (`<name>_test_<n>`) on that PostgreSQL server.
 * Workers read their URL from STHENO_TEST_DATABASE_URLS (set here, before they are forked).
 */
interface GlobalWithServers {
  __sthenoEmbedded?: EmbeddedPostgres[];
}

export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  const workers = Math.max(1, globalConfig.maxWorkers);
  const urls: Record<string, string> = {};
  const base = process.env.DATABASE_URL;
  if (base) {
    // the named database need not exist: connect to the maintenance database to create ours
    const maintenance = new URL(base);
    maintenance.pathname = '/postgres';
    const admin = new Client({ connectionString: maintenance.toString() });
    await admin.connect();
    const baseName = new URL(base).pathname.slice(1) || 'stheno';
    for (let worker = 1; worker <= workers; worker++) {
      const name = `${baseName}_test_${worker}`.replace(/[^\w]/g, '_');
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.query(`create database "${name}"`);
      const url = new URL(base);
      url.pathname = `/${name}`;
      urls[worker] = url.toString();
    }
    await admin.end();
    process.env.STHENO_TEST_DATABASE_MODE = 'postgres';
  } else {
    const servers = await Promise.all(Array.from({ length: workers }, () => startEmbeddedPostgres()));
    servers.forEach((server, i) => (urls[i + 1] = server.url));
    (globalThis as GlobalWithServers).__sthenoEmbedded = servers;
    process.env.STHENO_TEST_DATABASE_MODE = 'embedded';
  }
  process.env.STHENO_TEST_DATABASE_URLS = JSON.stringify(urls);
}
