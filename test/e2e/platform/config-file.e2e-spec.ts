import { findFreePort } from '../../../src/framework/database/embedded-postgres';
import { RunningProcess, startTsProcess, stopProcess, waitForHttp } from '../../utils/child-process';
import { isEmbeddedTestDatabase, resetDatabase, workerDatabaseUrl } from '../../utils/test-database';

const HTTP_CONFIG = 'test/fixtures/config/http.config.ts';

/** A server on an empty database, started as an operator starts it, with `env` (the file named in it). */
async function bootServer(env: Record<string, string | undefined>): Promise<{ server: RunningProcess; base: string }> {
  await resetDatabase();
  const port = await findFreePort();
  const server = startTsProcess('src/main.ts', { NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO_CATALOG: 'false', PORT: String(port), ...env });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/health`, server, 60000);
  return { server, base };
}

/** The configuration file as an operator uses it: real processes, the file selected with STHENO_CONFIG. */
describe('the configuration file (stheno.config.ts / STHENO_CONFIG)', () => {
  jest.setTimeout(90000);

  describe('a server booted with the file', () => {
    let server: RunningProcess;
    let base: string;
    beforeAll(async () => {
      ({ server, base } = await bootServer({
        DATABASE_URL: workerDatabaseUrl(),
        DATABASE_POOL_MAX: isEmbeddedTestDatabase() ? '1' : '2',
        STHENO_CONFIG: HTTP_CONFIG,
        // the environment wins over the file, family by family
        AUTH_CORS: 'https://sso.example.com',
      }));
    });
    afterAll(() => stopProcess(server));

    const preflight = (path: string, origin: string) =>
      fetch(`${base}${path}`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });

    it.each([
      ['/store/carts', 'https://shop.example.com'],
      ['/store/carts', 'https://preview-7.example.com'],
      ['/admin/products', 'https://admin.example.com'],
      ['/auth/user/emailpass', 'https://sso.example.com'],
    ])('allows %s from %s, as the file (or the environment over it) says', async (path, origin) => {
      const res = await preflight(path, origin);
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    });

    it.each([
      ['/store/carts', 'https://admin.example.com'],
      ['/admin/products', 'https://shop.example.com'],
      // the file's authCors, overridden by AUTH_CORS
      ['/auth/user/emailpass', 'https://login.example.com'],
    ])('refuses %s from %s', async (path, origin) => {
      const res = await preflight(path, origin);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('compresses (threshold 0 from the file) unless the request sends x-no-compression', async () => {
      const compressed = await fetch(`${base}/health`, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(compressed.status).toBe(200);
      expect(compressed.headers.get('content-encoding')).toBe('gzip');
      const plain = await fetch(`${base}/health`, { headers: { 'Accept-Encoding': 'gzip', 'x-no-compression': 'true' } });
      expect(plain.status).toBe(200);
      expect(plain.headers.get('content-encoding')).toBeNull();
    });
  });

  it('stops the boot listing every problem of the file, each with its path', async () => {
    const run = startTsProcess('src/main.ts', {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: workerDatabaseUrl(),
      PORT: '0',
      STHENO_CONFIG: 'test/fixtures/config/invalid.config.ts',
    });
    const { code } = await run.exited;
    expect(code).toBe(1);
    expect(run.output().trim().split('\n')).toEqual([
      'Invalid configuration:',
      "  - projectConfig.workerMode (WORKER_MODE): expected one of shared, server, worker, got 'both'",
      "  - projectConfig.http.storeCrs: unknown option (allowed: storeCors, adminCors, authCors, jwtSecret, cookieSecret, jwtExpiresIn, backendUrl, compression)",
      '  - modules.payment.options.providers[1].resolve: expected a string, got 42',
      "  - projectConfig.http.compression.level (HTTP_COMPRESSION_LEVEL): expected an integer between -1 and 9, got '12'",
    ]);
  });

  it('config:show prints the resolved configuration with its sources, secrets masked', async () => {
    const run = startTsProcess(
      'src/cli.ts',
      {
        NODE_ENV: 'development',
        STHENO_CONFIG: HTTP_CONFIG,
        JWT_SECRET: 'jwt-secret-in-the-environment',
        DATABASE_URL: 'postgres://shop:db-password-123@db.example.com:5432/shop',
        METRICS_TOKEN: 'metrics-token-in-the-environment',
        HTTP_COMPRESSION_LEVEL: '9',
      },
      ['config:show'],
    );
    const { code } = await run.exited;
    const output = run.output();
    expect(code).toBe(0);
    for (const secret of ['jwt-secret-in-the-environment', 'db-password-123', 'metrics-token-in-the-environment', 'cookie-secret-in-the-file', 'plugin-api-key-in-the-file']) {
      expect(output).not.toContain(secret);
    }
    expect(output).toMatch(/^# configuration file: \/.*\/test\/fixtures\/config\/http\.config\.ts$/m);
    expect(output).toMatch(/^ {2}storeCors: \["https:\/\/shop\.example\.com", \/\^https:\\\/\\\/preview-\\d\+\\\.example\\\.com\$\/\] {2}# file projectConfig\.http\.storeCors \(STORE_CORS\)$/m);
    expect(output).toMatch(/^ {4}level: 9 {2}# env HTTP_COMPRESSION_LEVEL$/m);
    expect(output).toMatch(/^ {4}memLevel: 7 {2}# file projectConfig\.http\.compression\.memLevel \(HTTP_COMPRESSION_MEM_LEVEL\)$/m);
    expect(output).toMatch(/^ {2}port: 9000 {2}# default \(PORT\)$/m);
    expect(output).toMatch(/^ {2}jwtSecret: "\*+" {2}# env JWT_SECRET$/m);
    expect(output).toMatch(/^ {2}cookieSecret: "\*+" {2}# file projectConfig\.http\.cookieSecret \(COOKIE_SECRET\)$/m);
    expect(output).toMatch(/^ {2}url: "postgres:\/\/shop:\*+@db\.example\.com:5432\/shop" {2}# env DATABASE_URL$/m);
    expect(output).toMatch(/^ {2}token: "\*+" {2}# env METRICS_TOKEN$/m);
  });

  describe('a file setting every option', () => {
    let server: RunningProcess;
    let base: string;
    beforeAll(async () => {
      ({ server, base } = await bootServer({
        // the boot log says which modules the file switched off
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
        STHENO_CONFIG: 'test/fixtures/config/full.config.ts',
        FULL_CONFIG_DATABASE_URL: workerDatabaseUrl(),
        FULL_CONFIG_POOL_MAX: isEmbeddedTestDatabase() ? '1' : '2',
        FULL_CONFIG_REDIS_PREFIX: `stheno-full-${process.env.JEST_WORKER_ID ?? '0'}-${Date.now()}`,
        REDIS_URL: process.env.REDIS_URL,
      }));
    });
    afterAll(() => stopProcess(server));

    it('boots and serves with it: CORS, compression, JWT expiry, plugin, modules and flags as the file says', async () => {
      const preflight = await fetch(`${base}/admin/products`, { method: 'OPTIONS', headers: { Origin: 'https://admin-eu.example.com', 'Access-Control-Request-Method': 'GET' } });
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://admin-eu.example.com');
      const login = await fetch(`${base}/auth/user/emailpass`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
        body: JSON.stringify({ email: 'admin@stheno.dev', password: 'supersecret' }),
      });
      expect(login.status).toBe(200);
      expect(login.headers.get('content-encoding')).toBe('gzip');
      const { token } = (await login.json()) as { token: string };
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { iat: number; exp: number };
      expect(claims.exp - claims.iat).toBe(2 * 3600);
      const auth = { authorization: `Bearer ${token}` };
      expect((await fetch(`${base}/admin/hello/greetings`, { headers: auth })).status).toBe(200);
      // modules.notification: false, featureFlags.jobs_ui: false
      expect((await fetch(`${base}/admin/notifications`, { headers: auth })).status).toBe(404);
      expect((await fetch(`${base}/admin/jobs`, { headers: auth })).status).toBe(404);
      expect((await fetch(`${base}/admin/products`, { headers: auth })).status).toBe(200);
      // sessionOptions: the cookie's name and lifetime
      const session = await fetch(`${base}/auth/session`, { method: 'POST', headers: auth });
      expect(session.status).toBe(200);
      expect(session.headers.get('set-cookie')).toMatch(/^stheno\.sid=s(:|%3A)[^;]+;.*Max-Age=3600/);
      expect(server.output()).toContain('Switched off in the configuration file: notification');
    });
  });
});
