import { ConfigError, loadConfig } from './load-config';
import type { SthenoConfigFile } from './define-config';

const PROD = { NODE_ENV: 'production', JWT_SECRET: 'a-production-jwt-secret-123', COOKIE_SECRET: 'a-production-cookie-secret-1', DATABASE_URL: 'postgres://db/shop' };

function problemsOf(env: Record<string, string | undefined>, file?: SthenoConfigFile): string[] {
  try {
    loadConfig(env, '/srv/app', file);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('session settings (projectConfig.sessionOptions, SESSION_*)', () => {
  it("defaults to Medusa's cookie: connect.sid, 10 hours, not rolling, signed with COOKIE_SECRET", () => {
    const config = loadConfig({ COOKIE_SECRET: 'the-cookie-secret' }, '/srv/app');
    expect(config.auth.session).toEqual({
      name: 'connect.sid',
      ttlMs: 36_000_000,
      rolling: false,
      resave: false,
      saveUninitialized: false,
      secret: 'the-cookie-secret',
    });
  });

  it('takes every option from the file, and the environment over it', () => {
    const file: SthenoConfigFile = {
      projectConfig: { sessionOptions: { name: 'shop.sid', ttl: 60_000, rolling: true, resave: true, secret: 'file-session-secret' } },
    };
    expect(loadConfig({}, '/srv/app', file).auth.session).toEqual({
      name: 'shop.sid',
      ttlMs: 60_000,
      rolling: true,
      resave: true,
      saveUninitialized: false,
      secret: 'file-session-secret',
    });
    const overridden = loadConfig({ SESSION_NAME: 'env.sid', SESSION_TTL_MS: '5000', SESSION_ROLLING: 'false', SESSION_SECRET: 'env-session-secret' }, '/srv/app', file);
    expect(overridden.auth.session).toMatchObject({ name: 'env.sid', ttlMs: 5000, rolling: false, resave: true, secret: 'env-session-secret' });
  });

  it('refuses a cookie name that is not an HTTP token and a ttl out of range, naming the file path', () => {
    expect(problemsOf({ SESSION_NAME: 'my session' })).toEqual(["SESSION_NAME: expected a cookie name (1-64 letters, digits or !#$%&'*+-.^_`|~), got 'my session'"]);
    expect(problemsOf({}, { projectConfig: { sessionOptions: { ttl: 10 } } })).toEqual([
      "projectConfig.sessionOptions.ttl (SESSION_TTL_MS): expected an integer between 1000 and 31536000000, got '10'",
    ]);
    expect(problemsOf({}, { projectConfig: { sessionOptions: { rolling: 'yes' as unknown as boolean } } })).toEqual([
      "projectConfig.sessionOptions.rolling (SESSION_ROLLING): expected true or false, got 'yes'",
    ]);
  });

  it('holds a session secret to the production rules of every secret', () => {
    expect(problemsOf({ ...PROD, SESSION_SECRET: 'short' })).toEqual(['SESSION_SECRET: must be at least 16 characters when NODE_ENV=production']);
    expect(problemsOf({ ...PROD, SESSION_SECRET: 'supersecret' })).toEqual(['SESSION_SECRET: the development default cannot be used when NODE_ENV=production']);
    expect(loadConfig({ ...PROD, SESSION_SECRET: 'a-production-session-secret' }, '/srv/app').auth.session.secret).toBe('a-production-session-secret');
  });

  it('says that saveUninitialized does nothing here instead of looking obeyed', () => {
    const config = loadConfig({}, '/srv/app', { projectConfig: { sessionOptions: { saveUninitialized: true } } });
    expect(config.auth.session.saveUninitialized).toBe(true);
    expect(config.warnings).toContainEqual(expect.stringMatching(/^SESSION_SAVE_UNINITIALIZED \(projectConfig\.sessionOptions\.saveUninitialized\) has no effect/));
    expect(loadConfig({}, '/srv/app').warnings.filter((w) => w.startsWith('SESSION_'))).toEqual([]);
  });
});
