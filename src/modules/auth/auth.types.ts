import type { ActorType } from '../../framework/auth/auth-context';

export type AuthActor = Exclude<ActorType, 'api-key'>;
export const AUTH_ACTORS: AuthActor[] = ['user', 'customer'];
export const EMAILPASS = 'emailpass';

export const AuthEvents = {
  PASSWORD_RESET: 'auth.password_reset',
} as const;

/** Session lifetime (Medusa's default session TTL is 10 hours). */
export const SESSION_TTL_MS = 10 * 60 * 60 * 1000;
/** How long a password-reset token is valid. */
export const RESET_TOKEN_TTL = '15m';
