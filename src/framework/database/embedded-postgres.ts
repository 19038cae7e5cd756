import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The zero-setup database: PGlite (PostgreSQL compiled to WebAssembly) served on a loopback port by
 * pglite-socket, so the normal `pg` driver and MikroORM talk to it like to any PostgreSQL.
 *
 * Limits that callers must respect (see STACK-NOTES): PGlite is a single session, so the server
 * accepts exactly one connection and the ORM pool must be exactly 1; and two processes on one data
 * directory silently lose data, so a pid lockfile guards the directory.
 */
export interface EmbeddedPostgres {
  url: string;
  port: number;
  dataDir?: string;
  close(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Directory for the data files; omit for an in-memory database (tests, migration checks). */
  dataDir?: string;
  port?: number;
}

export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is in use by another Stheno process (pid ${pid}). ` +
        'Stop that process, or point DATA_DIR at another directory.',
    );
    this.name = 'DataDirLockedError';
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the pid lock on `dir`, replacing a stale lock left by a process that died. */
export function acquireDataDirLock(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockFile = join(dir, 'stheno.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && processAlive(holder)) {
        throw new DataDirLockedError(dir, holder);
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const releaseLock = options.dataDir ? acquireDataDirLock(options.dataDir) : () => undefined;
  let db: PGlite | undefined;
  try {
    db = options.dataDir ? await PGlite.create(join(options.dataDir, 'pg')) : await PGlite.create();
    const port = options.port ?? (await findFreePort());
    const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 1 });
    await server.start();
    const pglite = db;
    let closed = false;
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      port,
      dataDir: options.dataDir,
      async close() {
        if (closed) return;
        closed = true;
        try {
          await server.stop();
          await pglite.close();
        } finally {
          releaseLock();
        }
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    releaseLock();
    throw error;
  }
}
