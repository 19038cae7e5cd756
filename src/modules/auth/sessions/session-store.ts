import type { ActiveSession, AuthContext } from '../../../framework/auth/auth-context';
import type { Context } from '../../../framework/context/context';

/**
 * Where cookie sessions live: Redis when REDIS_URL is set (`RedisSessionStore`), PostgreSQL
 * otherwise (`DatabaseSessionStore`, the `auth_session` table). The cookie carries only the signed
 * id; a session's end is the store's, and a session past it is gone.
 */
export interface AuthSessionStore {
  create(ctx: Context, sessionId: string, auth: AuthContext, expiresAt: Date): Promise<void>;
  get(sessionId: string): Promise<ActiveSession | undefined>;
  /** Moves the end of a live session; false when it is gone (ended, expired). */
  extend(sessionId: string, auth: AuthContext, expiresAt: Date): Promise<boolean>;
  delete(ctx: Context, sessionId: string): Promise<void>;
  /** Ends every session of an identity (logout everywhere: password change, removed user). */
  deleteAllOf(ctx: Context, authIdentityId: string): Promise<void>;
}

export const AUTH_SESSION_STORE = Symbol('AUTH_SESSION_STORE');
