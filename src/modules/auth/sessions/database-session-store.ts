import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ActiveSession, AuthContext } from '../../../framework/auth/auth-context';
import type { Context } from '../../../framework/context/context';
import { AuthSession } from '../entities/auth-session.entity';
import type { AuthSessionStore } from './session-store';

/** Sessions in PostgreSQL (`auth_session`): the store without Redis, the embedded mode's. */
export class DatabaseSessionStore implements AuthSessionStore {
  constructor(private readonly orm: MikroORM) {}

  /** The guard reads and rolls sessions before any transaction exists: a fresh EntityManager. */
  private em(): EntityManager {
    return this.orm.em.fork() as EntityManager;
  }

  async create(ctx: Context, sessionId: string, auth: AuthContext, expiresAt: Date): Promise<void> {
    // nothing else deletes expired rows: each login clears its identity's, so they stay few
    await ctx.em.nativeDelete(AuthSession, { auth_identity_id: auth.auth_identity_id, expires_at: { $lte: new Date() } });
    ctx.em.create(AuthSession, {
      id: sessionId,
      auth_context: { ...auth },
      auth_identity_id: auth.auth_identity_id,
      expires_at: expiresAt,
    });
    await ctx.em.flush();
  }

  async get(sessionId: string): Promise<ActiveSession | undefined> {
    const session = await this.em().findOne(AuthSession, { id: sessionId, expires_at: { $gt: new Date() } });
    return session ? { auth: session.auth_context as unknown as AuthContext, expires_at: session.expires_at } : undefined;
  }

  async extend(sessionId: string, _auth: AuthContext, expiresAt: Date): Promise<boolean> {
    const updated = await this.em().nativeUpdate(AuthSession, { id: sessionId, expires_at: { $gt: new Date() } }, { expires_at: expiresAt });
    return updated > 0;
  }

  async delete(ctx: Context, sessionId: string): Promise<void> {
    await ctx.em.nativeDelete(AuthSession, { id: sessionId });
  }

  async deleteAllOf(ctx: Context, authIdentityId: string): Promise<void> {
    await ctx.em.nativeDelete(AuthSession, { auth_identity_id: authIdentityId });
  }
}
