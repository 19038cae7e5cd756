import type { ActorType } from '../../framework/auth/auth-context';

export type AuthActor = Exclude<ActorType, 'api-key'>;
export const AUTH_ACTORS: AuthActor[] = ['user', 'customer'];
export const EMAILPASS = 'emailpass';

export const AuthEvents = {
  PASSWORD_RESET: 'auth.password_reset',
} as const;

/** How long a password-reset token is valid. */
export const RESET_TOKEN_TTL = '15m';
