import { findFreePort } from '../../../src/framework/database/embedded-postgres';
import { RunningProcess, startTsProcess, stopProcess, waitForHttp } from '../../utils/child-process';
import { isEmbeddedTestDatabase, resetDatabase, workerDatabaseUrl } from '../../utils/test-database';

/**
 * DATABASE_LOGGING, read where an operator reads it: the JSON log lines of a real server process
 * (pino writes to the process's stdout, which only a parent process can capture).
 */
interface LogLine {
  level: number;
  context?: string;
  db?: string;
  msg?: string;
}

const PROBE_EMAIL = 'logging-probe@example.com';
const PROBE_PASSWORD = 'probe-password-never-logged';

describe('DATABASE_LOGGING', () => {
  jest.setTimeout(120000);
  const running: RunningProcess[] = [];
  afterAll(async () => {
    await Promise.all(running.map(stopProcess));
  });

  /** Boots the server with `logging`, makes it run a few statements, stops it, and returns its JSON lines. */
  async function serverLog(logging: string | undefined): Promise<{ lines: LogLine[]; text: string }> {
    const port = await findFreePort();
    const server = startTsProcess('test/fixtures/slow-server.ts', {
      NODE_ENV: 'test',
      PORT: String(port),
      DATABASE_URL: workerDatabaseUrl(),
      DATABASE_POOL_MAX: isEmbeddedTestDatabase() ? '1' : '2',
      DATABASE_LOGGING: logging,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      SEED_DEMO_CATALOG: 'false',
    });
    running.push(server);
    await waitForHttp(`http://127.0.0.1:${port}/health/ready`, server, 60000);
    // a statement with values that must never reach the log: a login attempt's email
    const login = await fetch(`http://127.0.0.1:${port}/auth/user/emailpass`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: PROBE_EMAIL, password: PROBE_PASSWORD }),
    });
    expect(login.status).toBe(401);
    await stopProcess(server);
    const text = server.output();
    const lines = text
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
    return { lines, text };
  }

  const dbLines = (lines: LogLine[], category?: string) => lines.filter((l) => l.db !== undefined && (category === undefined || l.db === category));

  it('with migration, logs each migration as the boot applies it, and no statements', async () => {
    await resetDatabase();
    const { lines } = await serverLog('migration');
    const migrations = dbLines(lines, 'migration');
    expect(migrations.map((l) => l.msg)).toEqual(expect.arrayContaining([expect.stringMatching(/^Applied 'Migration\d{14}_init_framework'$/)]));
    expect(migrations.every((l) => l.context === 'Database' && l.level === 30)).toBe(true);
    expect(dbLines(lines).filter((l) => l.db !== 'migration')).toEqual([]);
  });

  it('with query, logs the executed SQL with placeholders and never the values', async () => {
    const { lines, text } = await serverLog('query');
    const queries = dbLines(lines, 'query');
    // the readiness probe and the login's identity lookup, among others
    expect(queries.map((l) => l.msg)).toEqual(expect.arrayContaining([expect.stringMatching(/^select 1 \[took \d+ ms\]$/)]));
    expect(queries.some((l) => /provider_identity/.test(l.msg ?? '') && /\$1/.test(l.msg ?? ''))).toBe(true);
    expect(text).not.toContain(PROBE_EMAIL);
    expect(text).not.toContain(PROBE_PASSWORD);
    // nothing to migrate this time, and migration lines were not asked for
    expect(dbLines(lines, 'migration')).toEqual([]);
  });

  it('off by default: not one database line', async () => {
    const { lines } = await serverLog(undefined);
    // the server did log (its requests), just nothing from the database
    expect(lines.length).toBeGreaterThan(0);
    expect(dbLines(lines)).toEqual([]);
    expect(lines.filter((l) => l.context === 'Database')).toEqual([]);
  });
});
