import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTsProcess } from '../../utils/child-process';
import { isEmbeddedTestDatabase, resetDatabase, withClient, workerDatabaseUrl } from '../../utils/test-database';

async function cli(args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const run = startTsProcess('src/cli.ts', { NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env }, args);
  const { code } = await run.exited;
  return { code, output: run.output() };
}

/** The operator's CLI, as a real process, against the configured database and the embedded one. */
describe('stheno CLI', () => {
  jest.setTimeout(60000);
  const databaseEnv = () => ({ DATABASE_URL: workerDatabaseUrl(), DATABASE_POOL_MAX: isEmbeddedTestDatabase() ? '1' : '2' });

  it('db:migrate applies the migrations once, then finds nothing to do', async () => {
    await resetDatabase();
    const first = await cli(['db:migrate'], databaseEnv());
    expect([first.code, first.output]).toEqual([0, expect.stringMatching(/^Applied Migration\d{14}_init_framework/m)]);
    const tables = await withClient(workerDatabaseUrl(), (c) =>
      c.query<{ table_name: string }>("select table_name from information_schema.tables where table_schema = 'public' order by 1"),
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['event_outbox', 'mikro_orm_migrations', 'seed_run']));
    const second = await cli(['db:migrate'], databaseEnv());
    expect([second.code, second.output.trim()]).toEqual([0, 'The database is up to date.']);
  });

  it('seed runs each seeder once per database', async () => {
    const first = await cli(['seed'], databaseEnv());
    expect(first.code).toBe(0);
    const second = await cli(['seed'], databaseEnv());
    expect([second.code, second.output.trim()]).toEqual([0, 'Nothing to seed: every seeder has already run on this database.']);
  });

  it('db:migrate works on the embedded database in DATA_DIR', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stheno-cli-'));
    try {
      const result = await cli(['db:migrate'], { DATA_DIR: dataDir });
      expect([result.code, result.output]).toEqual([0, expect.stringMatching(/Applied Migration\d{14}_init_framework/)]);
      const again = await cli(['db:migrate'], { DATA_DIR: dataDir });
      expect(again.output.trim()).toBe('The database is up to date.');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('db:check passes when the entities match the committed migrations', async () => {
    const result = await cli(['db:check'], {});
    expect([result.code, result.output]).toEqual([0, expect.stringMatching(/Migrations match the entities/)]);
  });

  it('db:check fails, printing the missing SQL, when an entity has no migration', async () => {
    const run = startTsProcess('test/fixtures/cli-with-unmigrated-entity.ts', { NODE_ENV: 'development', LOG_LEVEL: 'warn' }, ['db:check']);
    const { code } = await run.exited;
    expect(code).toBe(1);
    expect(run.output()).toMatch(/entities and the \d+ committed migration\(s\) disagree/);
    expect(run.output()).toMatch(/create table "test_unmigrated" \("id" text not null, "quantity" int not null/);
  });

  it('user:create makes an admin who can log in, and validates its flags', async () => {
    await resetDatabase();
    const created = await cli(['user:create', '--email', 'ops@stheno.dev', '--password', 'long-enough-pw'], databaseEnv());
    expect([created.code, created.output]).toEqual([0, expect.stringMatching(/^User ops@stheno\.dev \(user_[0-9A-Z]{26}\) can log in/m)]);
    const users = await withClient(workerDatabaseUrl(), (c) =>
      c.query<{ email: string; app_metadata: { user_id: string } }>(
        `select u.email, a.app_metadata from "user" u join auth_identity a on a.app_metadata->>'user_id' = u.id`,
      ),
    );
    expect(users.rows.map((r) => r.email)).toContain('ops@stheno.dev');
    const short = await cli(['user:create', '--email', 'x@y.z', '--password', 'short'], databaseEnv());
    expect([short.code, short.output.trim()]).toEqual([2, '--password must be at least 8 characters']);
    const missing = await cli(['user:create', '--email', 'x@y.z'], databaseEnv());
    expect([missing.code, missing.output.trim()]).toEqual([2, '--password <value> is required']);
  });

  it('rejects an unknown command with exit code 2 and prints help on request', async () => {
    const unknown = await cli(['db:explode'], {});
    expect([unknown.code, unknown.output.trim()]).toEqual([2, "Unknown command 'db:explode'. Run 'stheno help'."]);
    const help = await cli(['--help'], {});
    expect([help.code, help.output]).toEqual([0, expect.stringContaining('db:generate <name>')]);
  });
});
