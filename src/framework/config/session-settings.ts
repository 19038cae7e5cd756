import type { SessionConfig } from './app-config';
import type { EnvReader } from './env-reader';

/** express-session's cookie name, which Medusa keeps: admin front-ends may look for it. */
export const DEFAULT_SESSION_NAME = 'connect.sid';
/** Medusa's default session lifetime: 10 hours. */
export const DEFAULT_SESSION_TTL_MS = 10 * 60 * 60 * 1000;

/** RFC 6265 cookie-name characters (an HTTP token). */
const COOKIE_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;

interface SecretRules {
  isProduction: boolean;
  /** The value every secret falls back to outside production; refused in production. */
  devSecret: string;
  /** The session secret's fallback: COOKIE_SECRET (already checked by its own rules). */
  cookieSecret: string;
}

/**
 * The cookie-session settings (`projectConfig.sessionOptions`, each option with its `SESSION_*`
 * variable, the environment winning as everywhere). Problems go to the reader, so the boot lists
 * them with every other one; options that cannot do what they say add a warning.
 */
export function readSessionSettings(read: EnvReader, rules: SecretRules, warnings: string[]): SessionConfig {
  const name = read.string('SESSION_NAME', DEFAULT_SESSION_NAME);
  if (!COOKIE_NAME.test(name)) {
    read.problems.push(`SESSION_NAME: expected a cookie name (1-64 letters, digits or !#$%&'*+-.^_\`|~), got '${name}'`);
  }

  const secret = read.raw('SESSION_SECRET');
  if (secret !== undefined && rules.isProduction) {
    if (secret === rules.devSecret) read.problems.push('SESSION_SECRET: the development default cannot be used when NODE_ENV=production');
    else if (secret.length < 16) read.problems.push('SESSION_SECRET: must be at least 16 characters when NODE_ENV=production');
  }

  const saveUninitialized = read.bool('SESSION_SAVE_UNINITIALIZED', false);
  if (saveUninitialized) {
    // express-session would store an empty session for every anonymous request; here a session
    // exists only once POST /auth/session has an identity to put in it
    warnings.push(
      'SESSION_SAVE_UNINITIALIZED (projectConfig.sessionOptions.saveUninitialized) has no effect: sessions are created only by POST /auth/session, for an authenticated identity',
    );
  }

  return {
    name,
    ttlMs: read.int('SESSION_TTL_MS', DEFAULT_SESSION_TTL_MS, { min: 1000, max: 365 * 24 * 60 * 60 * 1000 }),
    rolling: read.bool('SESSION_ROLLING', false),
    resave: read.bool('SESSION_RESAVE', false),
    saveUninitialized,
    secret: secret ?? rules.cookieSecret,
  };
}
