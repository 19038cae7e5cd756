import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ActiveSession, AuthContext, SessionStore } from '../../framework/auth/auth-context';
import { decoyHash, hashSecret, verifySecret } from '../../framework/auth/passwords';
import { TokenService } from '../../framework/auth/tokens';
import { APP_CONFIG, AppConfig } from '../../framework/config/app-config';
import { Context, inTransaction } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { AuthActor, AuthEvents, EMAILPASS, RESET_TOKEN_TTL } from './auth.types';
import { AuthIdentity } from './entities/auth-identity.entity';
import { ProviderIdentity } from './entities/provider-identity.entity';
import { AUTH_SESSION_STORE, AuthSessionStore } from './sessions/session-store';

export const INVALID_CREDENTIALS = 'Invalid email or password';
export const IDENTITY_EXISTS = 'Identity with email already exists';
const INVALID_RESET_TOKEN = 'Invalid or expired password reset token';

const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/**
 * How long a rolling session goes between writes of its end: a minute, or a tenth of the session's
 * lifetime when that is shorter. Without it every authenticated request would write the store.
 */
export function rollInterval(ttlMs: number): number {
  return Math.min(60_000, Math.floor(ttlMs / 10));
}
const unauthorized = (message: string): SthenoError => new SthenoError('unauthorized', message);

interface ResetClaims {
  entity_id: string;
  provider: string;
  actor_type: AuthActor;
  jti: string;
}

/**
 * The auth module's facade: emailpass identities (scrypt, per-hash salt), Medusa-shaped JWTs,
 * cookie sessions and single-use password-reset tokens. It never returns a password hash.
 */
@Injectable()
export class AuthService implements SessionStore {
  private readonly logger = new Logger('AuthSessions');

  constructor(
    private readonly orm: MikroORM,
    private readonly events: EventBus,
    private readonly tokens: TokenService,
    private readonly jwt: JwtService,
    @Inject(AUTH_SESSION_STORE) private readonly sessions: AuthSessionStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private contextOf(identity: AuthIdentity, actor: AuthActor): AuthContext {
    const appMetadata = identity.app_metadata ?? {};
    const actorId = appMetadata[`${actor}_id`];
    return {
      actor_id: typeof actorId === 'string' ? actorId : '',
      actor_type: actor,
      auth_identity_id: identity.id,
      app_metadata: appMetadata,
    };
  }

  /** `POST /auth/{actor}/emailpass/register`: a new identity, not yet linked to an actor. */
  async register(ctx: Context, actor: AuthActor, email: string, password: string): Promise<AuthContext> {
    const passwordHash = await hashSecret(password);
    return inTransaction(ctx, async (tx) => {
      const entityId = normalizeEmail(email);
      if (await tx.em.findOne(ProviderIdentity, { entity_id: entityId, provider: EMAILPASS }, { fields: ['id'] })) {
        throw unauthorized(IDENTITY_EXISTS);
      }
      const identity = tx.em.create(AuthIdentity, { app_metadata: {} });
      tx.em.create(ProviderIdentity, {
        entity_id: entityId,
        provider: EMAILPASS,
        auth_identity_id: identity.id,
        user_metadata: null,
        provider_metadata: { password: passwordHash },
      });
      await tx.em.flush();
      return this.contextOf(identity, actor);
    });
  }

  /**
   * `POST /auth/{actor}/emailpass`: the same answer, in comparable time, whether the email is
   * unknown or the password wrong.
   */
  async authenticate(ctx: Context, actor: AuthActor, email: string, password: string): Promise<AuthContext> {
    const provider = await ctx.em.findOne(ProviderIdentity, { entity_id: normalizeEmail(email), provider: EMAILPASS });
    const stored = provider?.provider_metadata?.password;
    const valid = await verifySecret(password, typeof stored === 'string' ? stored : await decoyHash());
    if (!provider || !valid) throw unauthorized(INVALID_CREDENTIALS);
    const identity = await ctx.em.findOne(AuthIdentity, { id: provider.auth_identity_id });
    if (!identity) throw unauthorized(INVALID_CREDENTIALS);
    return this.contextOf(identity, actor);
  }

  issueToken(context: AuthContext): string {
    return this.tokens.issue(context);
  }

  /** A fresh token for the same identity, now carrying an actor created since login. */
  async refresh(ctx: Context, auth: AuthContext): Promise<string> {
    const identity = await ctx.em.findOne(AuthIdentity, { id: auth.auth_identity_id });
    if (!identity || auth.actor_type === 'api-key') throw unauthorized('Unauthorized');
    return this.issueToken(this.contextOf(identity, auth.actor_type));
  }

  /**
   * Links an identity to the user or customer it authenticates as. One conditional statement: of
   * two concurrent links (two invites accepted with one registration token), only one succeeds.
   */
  async linkActor(ctx: Context, authIdentityId: string, actor: AuthActor, actorId: string): Promise<void> {
    const key = `${actor}_id`;
    const linked = await ctx.em.execute<Array<{ id: string }>>(
      `update auth_identity set app_metadata = coalesce(app_metadata, '{}'::jsonb) || jsonb_build_object(?::text, ?::text), updated_at = now()
        where id = ? and deleted_at is null and (app_metadata->>? is null or app_metadata->>? = ?)
        returning id`,
      [key, actorId, authIdentityId, key, key, actorId],
    );
    if (linked.length === 0) {
      const exists = await ctx.em.findOne(AuthIdentity, { id: authIdentityId }, { fields: ['id'] });
      if (!exists) throw SthenoError.notFound(`Auth identity with id: ${authIdentityId} was not found`);
      throw SthenoError.invalidData(`The identity is already linked to a ${actor}`);
    }
  }

  /**
   * Removes an actor (a deleted user): its identities lose the link, and every token and session
   * they hold stops working.
   */
  async unlinkActor(ctx: Context, actor: AuthActor, actorId: string): Promise<void> {
    const key = `${actor}_id`;
    const identities = await ctx.em.execute<Array<{ id: string }>>(
      `update auth_identity set app_metadata = app_metadata - ?::text, updated_at = now() where app_metadata->>? = ? returning id`,
      [key, key, actorId],
    );
    for (const { id } of identities) await this.invalidateCredentials(ctx, id);
  }

  /** Refuses every token issued until now and ends every session of the identity. */
  async invalidateCredentials(ctx: Context, authIdentityId: string): Promise<void> {
    // whole seconds, as JWT iat: a token issued later in this same second stays valid
    await ctx.em.execute(`update auth_identity set tokens_valid_after = date_trunc('second', now()) where id = ?`, [authIdentityId]);
    await this.sessions.deleteAllOf(ctx, authIdentityId);
  }

  /** SessionStore port: called by the guard for every user or customer credential. */
  async stillValid(auth: AuthContext): Promise<boolean> {
    const identity = await (this.orm.em.fork() as EntityManager).findOne(AuthIdentity, { id: auth.auth_identity_id });
    if (!identity) return false;
    if (auth.actor_id && identity.app_metadata?.[`${auth.actor_type}_id`] !== auth.actor_id) return false;
    if (identity.tokens_valid_after && (auth.issued_at ?? 0) * 1000 < identity.tokens_valid_after.getTime()) return false;
    return true;
  }

  /** The identity of an email, or undefined. */
  async identityOfEmail(ctx: Context, email: string): Promise<AuthContext | undefined> {
    const provider = await ctx.em.findOne(ProviderIdentity, { entity_id: normalizeEmail(email), provider: EMAILPASS });
    if (!provider) return undefined;
    const identity = await ctx.em.findOne(AuthIdentity, { id: provider.auth_identity_id });
    return identity ? this.contextOf(identity, 'user') : undefined;
  }

  /** `POST /auth/session`: a session for the identity, lasting SESSION_TTL_MS; returns its id. */
  async createSession(ctx: Context, auth: AuthContext): Promise<ActiveSession & { id: string }> {
    const id = randomBytes(24).toString('base64url');
    const { issued_at: _issuedAt, ...claims } = auth;
    const session = { auth: { ...claims, issued_at: Math.floor(Date.now() / 1000) }, expires_at: new Date(Date.now() + this.config.auth.session.ttlMs) };
    await this.sessions.create(ctx, id, session.auth, session.expires_at);
    return { id, ...session };
  }

  /** SessionStore port, used by the guard on every cookie-authenticated request. */
  async get(sessionId: string): Promise<ActiveSession | undefined> {
    return this.sessions.get(sessionId);
  }

  /**
   * SessionStore port, for rolling sessions: the session now ends a ttl from now. The store is
   * written when the end has not moved for `rollInterval` (every time with SESSION_RESAVE); in
   * between, the end stays where it is and the cookie is re-sent with it. A store that cannot be
   * written (Redis down) leaves the session as it was rather than failing the request.
   */
  async roll(sessionId: string, session: ActiveSession): Promise<Date | undefined> {
    const { ttlMs, resave } = this.config.auth.session;
    const wanted = new Date(Date.now() + ttlMs);
    if (!resave && wanted.getTime() - session.expires_at.getTime() < rollInterval(ttlMs)) return session.expires_at;
    try {
      return (await this.sessions.extend(sessionId, session.auth, wanted)) ? wanted : undefined;
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not extend a rolling session');
      return undefined;
    }
  }

  async deleteSession(ctx: Context, sessionId: string): Promise<void> {
    await this.sessions.delete(ctx, sessionId);
  }

  /**
   * `reset-password`: for a known identity, records `auth.password_reset` with a single-use token
   * (for the notification that sends it); for an unknown one, does nothing. Callers answer the
   * same either way, so the route reveals no accounts.
   */
  async requestPasswordReset(ctx: Context, actor: AuthActor, identifier: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const entityId = normalizeEmail(identifier);
      const provider = await tx.em.findOne(ProviderIdentity, { entity_id: entityId, provider: EMAILPASS });
      if (!provider) return;
      const jti = randomBytes(16).toString('base64url');
      provider.provider_metadata = { ...(provider.provider_metadata ?? {}), reset_jti: jti };
      const claims: ResetClaims = { entity_id: entityId, provider: EMAILPASS, actor_type: actor, jti };
      const token = this.jwt.sign(claims, { expiresIn: RESET_TOKEN_TTL });
      this.events.record(tx, AuthEvents.PASSWORD_RESET, { entity_id: entityId, actor_type: actor, token });
      await tx.em.flush();
    });
  }

  /** `update`: a valid, unused reset token sets a new password and is spent. */
  async updatePassword(ctx: Context, actor: AuthActor, token: string, input: { email?: string; password: string }): Promise<void> {
    let claims: ResetClaims;
    try {
      claims = this.jwt.verify<ResetClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw unauthorized(INVALID_RESET_TOKEN);
    }
    if (claims.actor_type !== actor || !claims.jti || (input.email && normalizeEmail(input.email) !== claims.entity_id)) {
      throw unauthorized(INVALID_RESET_TOKEN);
    }
    const passwordHash = await hashSecret(input.password);
    await inTransaction(ctx, async (tx) => {
      const provider = await tx.em.findOne(ProviderIdentity, { entity_id: claims.entity_id, provider: EMAILPASS });
      if (!provider || provider.provider_metadata?.reset_jti !== claims.jti) throw unauthorized(INVALID_RESET_TOKEN);
      provider.provider_metadata = { password: passwordHash };
      await tx.em.flush();
      // whoever knew the old password keeps no session or token
      await this.invalidateCredentials(tx, provider.auth_identity_id);
    });
  }

  /** Sets the password of an existing identity (CLI). */
  async setPassword(ctx: Context, email: string, password: string): Promise<void> {
    const passwordHash = await hashSecret(password);
    await inTransaction(ctx, async (tx) => {
      const provider = await tx.em.findOne(ProviderIdentity, { entity_id: normalizeEmail(email), provider: EMAILPASS });
      if (!provider) throw SthenoError.notFound(`No identity with email: ${normalizeEmail(email)}`);
      // a pending reset token dies with the old password
      const { reset_jti: _resetJti, ...metadata } = provider.provider_metadata ?? {};
      provider.provider_metadata = { ...metadata, password: passwordHash };
      await tx.em.flush();
      // as a reset: an operator setting a password (a leaked one, say) ends every session and token
      await this.invalidateCredentials(tx, provider.auth_identity_id);
    });
  }
}
