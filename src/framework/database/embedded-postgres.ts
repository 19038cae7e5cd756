import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Extension } from '@electric-sql/pglite';

// a subpath export, which TypeScript's `node` module resolution cannot see; the runtime resolves it
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };
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

function readHolder(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the pid lock on `dir`, replacing a stale lock left by a process that died.
 *
 * The lock file appears atomically with its content (`link` of a private file holding our pid), so
 * a concurrent reader never sees it empty. A stale lock is taken over by renaming it to a private
 * name (only one contender's rename succeeds) and re-checking what was moved: if it turns out to be
 * a live holder's fresh lock, it is put back. Release removes the file only while it holds our pid.
 */
export function acquireDataDirLock(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockFile = join(dir, 'stheno.pid');
  const unique = `${process.pid}.${randomBytes(6).toString('hex')}`;
  const mine = join(dir, `.stheno.pid.${unique}`);
  writeFileSync(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        linkSync(mine, lockFile);
        return () => {
          if (readHolder(lockFile) === process.pid) rmSync(lockFile, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(lockFile);
      if (holder !== undefined && holder !== process.pid && processAlive(holder)) {
        throw new DataDirLockedError(dir, holder);
      }
      const moved = join(dir, `.stheno.pid.stale.${unique}`);
      try {
        renameSync(lockFile, moved);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // another contender moved it first
        throw error;
      }
      const movedHolder = readHolder(moved);
      if (movedHolder !== undefined && movedHolder !== process.pid && processAlive(movedHolder)) {
        // we moved a fresh lock that a live process took after our check: give it back
        try {
          linkSync(moved, lockFile);
        } finally {
          rmSync(moved, { force: true });
        }
        throw new DataDirLockedError(dir, movedHolder);
      }
      rmSync(moved, { force: true });
    }
    throw new Error(`Could not lock ${dir}: too much contention`);
  } finally {
    rmSync(mine, { force: true });
  }
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
    // pg_trgm backs catalog search's fallback for partial words; the migrations create the extension
    const extensions = { pg_trgm };
    db = options.dataDir
      ? await PGlite.create(join(options.dataDir, 'pg'), { extensions })
      : await PGlite.create({ extensions });
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
