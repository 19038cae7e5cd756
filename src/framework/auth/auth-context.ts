/**
 * Who a request acts as, in Medusa's vocabulary (JWT claims `actor_id`, `actor_type`,
 * `auth_identity_id`, `app_metadata`). `actor_id` is empty for a registered identity that has no
 * user or customer yet (registration tokens).
 */
export type ActorType = 'user' | 'customer' | 'api-key';

export interface AuthContext {
  actor_id: string;
  actor_type: ActorType;
  auth_identity_id: string;
  app_metadata: Record<string, unknown>;
  /** When the credential was issued (JWT `iat`, session creation), in epoch seconds; not a claim. */
  issued_at?: number;
}

/** The storefront a request comes from: its publishable key and that key's sales channels. */
export interface PublishableKeyContext {
  id: string;
  token: string;
  sales_channel_ids: string[];
}

export type AuthMethod = 'bearer' | 'session' | 'api-key';

/** Verifies keys for the guards; implemented by the api-key module (the framework knows no module). */
export interface ApiKeyVerifier {
  /** A valid, unrevoked publishable key and its sales channels, or undefined. */
  publishable(token: string): Promise<PublishableKeyContext | undefined>;
  /** The id of the valid, unrevoked secret key `token` is, or undefined. */
  secret(token: string): Promise<string | undefined>;
}

export const API_KEY_VERIFIER = Symbol('API_KEY_VERIFIER');

/** A live cookie session: who it authenticates, and when it ends. */
export interface ActiveSession {
  auth: AuthContext;
  expires_at: Date;
}

/** Sessions and credential checks; implemented by the auth module. */
export interface SessionStore {
  /** The session, unless it is unknown, ended or expired. */
  get(sessionId: string): Promise<ActiveSession | undefined>;
  /**
   * Rolling sessions (`SESSION_ROLLING`): pushes the end of a live session towards now + ttl and
   * returns its end as stored, or undefined when the session is gone. May skip the write when the
   * end moved recently (see `AuthService.rollSession`).
   */
  roll(sessionId: string, session: ActiveSession): Promise<Date | undefined>;
  /**
   * Whether a user's or customer's credential still stands: its identity exists, is still linked to
   * that actor, and has not invalidated tokens issued before a password change or removal.
   */
  stillValid(auth: AuthContext): Promise<boolean>;
}

export const SESSION_STORE = Symbol('SESSION_STORE');

declare module 'express-serve-static-core' {
  interface Request {
    auth?: AuthContext;
    publishableKey?: PublishableKeyContext;
  }
}
