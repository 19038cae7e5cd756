import { resolveConfig } from './load-config';
import { CONFIG_VARIABLES, showConfig } from './show-config';

describe('config:show', () => {
  const env = {
    JWT_SECRET: 'jwt-secret-in-the-environment',
    DATABASE_URL: 'postgres://shop:db-password-123@db.example.com:5432/shop',
    REDIS_URL: 'redis://:redis-password-456@cache:6379',
    METRICS_TOKEN: 'metrics-token-789',
    HTTP_COMPRESSION_LEVEL: '9',
  };
  const file = {
    projectConfig: {
      http: { cookieSecret: 'cookie-secret-in-the-file', compression: { enabled: true } },
      sessionOptions: { secret: 'session-secret-in-the-file', ttl: 1000 },
    },
    plugins: [{ resolve: './plugins/acme', options: { apiKey: 'acme-api-key', region: 'eu' } }],
  };
  const shown = showConfig(env, '/srv/app', file, '/srv/app/stheno.config.ts');

  it('never prints a secret', () => {
    for (const secret of [
      'jwt-secret-in-the-environment',
      'db-password-123',
      'redis-password-456',
      'metrics-token-789',
      'cookie-secret-in-the-file',
      'session-secret-in-the-file',
      'acme-api-key',
      'supersecret', // the development admin password
    ]) {
      expect(shown).not.toContain(secret);
    }
    expect(shown).toContain('url: "postgres://shop:********@db.example.com:5432/shop"');
    expect(shown).toContain('region: "eu"');
  });

  it('masks plugin secrets whatever their key spelling or type, and passwords in URL query strings', () => {
    const withPlugins = showConfig({}, '/srv/app', {
      plugins: [
        {
          resolve: './plugins/mailer',
          options: { auth: { user: 'shop', pass: 'smtp-pass-321' }, tls: { key: 'pem-key-654', passphrase: 'pem-passphrase-987' }, signingKeys: ['rotated-key-1'] },
        },
        { resolve: './plugins/reports', options: { readerUrl: 'postgres://reader@db/shop?password=query-password-246&sslmode=require' } },
      ],
    });
    for (const secret of ['smtp-pass-321', 'pem-key-654', 'pem-passphrase-987', 'rotated-key-1', 'query-password-246']) expect(withPlugins).not.toContain(secret);
    expect(withPlugins).toContain('sslmode=require');
    expect(withPlugins).toContain('user: "shop"');
  });

  it('prints each value with its source: environment, file or default', () => {
    expect(shown).toContain('# configuration file: /srv/app/stheno.config.ts');
    expect(shown).toMatch(/^ {4}level: 9 {2}# env HTTP_COMPRESSION_LEVEL$/m);
    expect(shown).toMatch(/^ {4}enabled: true {2}# file projectConfig\.http\.compression\.enabled \(HTTP_COMPRESSION\)$/m);
    expect(shown).toMatch(/^ {4}threshold: 1024 {2}# default \(HTTP_COMPRESSION_THRESHOLD, projectConfig\.http\.compression\.threshold\)$/m);
    expect(shown).toMatch(/^ {2}jwtSecret: "\*{8}" {2}# env JWT_SECRET$/m);
    expect(shown).toMatch(/^ {2}cookieSecret: "\*{8}" {2}# file projectConfig\.http\.cookieSecret \(COOKIE_SECRET\)$/m);
    expect(shown).toMatch(/^plugins: \["\.\/plugins\/acme"\] {2}# file plugins \(PLUGINS\)$/m);
  });

  it('shows the session options with their sources and the Redis options as applied, functions and passwords hidden', () => {
    const withSessions = showConfig({ REDIS_URL: 'redis://cache:6379', SESSION_TTL_MS: '60000' }, '/srv/app', {
      projectConfig: { sessionOptions: { name: 'shop.sid', rolling: true }, redisOptions: { connectionName: 'eu-1', password: 'redis-option-pw-135', retryStrategy: () => 1000 } },
    });
    expect(withSessions).toMatch(/^ {4}name: "shop\.sid" {2}# file projectConfig\.sessionOptions\.name \(SESSION_NAME\)$/m);
    expect(withSessions).toMatch(/^ {4}ttlMs: 60000 {2}# env SESSION_TTL_MS$/m);
    expect(withSessions).toMatch(/^ {4}resave: false {2}# default \(SESSION_RESAVE, projectConfig\.sessionOptions\.resave\)$/m);
    expect(withSessions).toMatch(/^ {4}connectionName: "eu-1"$/m);
    expect(withSessions).toMatch(/^ {4}retryStrategy: \[function\]$/m);
    expect(withSessions).not.toContain('redis-option-pw-135');
  });

  it('says when there is no file', () => {
    expect(showConfig({}, '/srv/app', undefined)).toContain('# configuration file: none');
  });

  it('knows the value of every variable the configuration reads', () => {
    const { variables } = resolveConfig({}, '/srv/app');
    // DATABASE_NAME is folded into database.url
    const unknown = variables.map((v) => v.name).filter((name) => name !== 'DATABASE_NAME' && !Object.values(CONFIG_VARIABLES).includes(name));
    expect(unknown).toEqual([]);
  });
});
