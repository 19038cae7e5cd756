import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SthenoError } from '../errors/stheno-error';
import { routeFamily } from '../http/cors';
import { ActiveSession, API_KEY_VERIFIER, ApiKeyVerifier, AuthContext, SESSION_STORE, SessionStore } from './auth-context';
import { SessionCookie, sessionCookieOf } from './cookies';
import { PUBLIC_ROUTE } from './public.decorator';
import { ROUTE_AUTH, RouteAuthOptions } from './route-access.decorators';

export const PUBLISHABLE_KEY_HEADER = 'x-publishable-api-key';
export const MISSING_PUBLISHABLE_KEY =
  'Publishable API key required in the request header: x-publishable-api-key. You can manage your keys in settings in the dashboard.';
export const INVALID_PUBLISHABLE_KEY = 'A valid publishable key is required to proceed with the request';

const ADMIN_DEFAULT: RouteAuthOptions = { actor: 'user', methods: ['api-key', 'session', 'bearer'] };
const STORE_DEFAULT: RouteAuthOptions = { actor: 'customer', methods: ['session', 'bearer'], optional: true };

const BearerGuard = AuthGuard('jwt');

/** Who a request authenticated as, and the session it did so with (cookie sessions only). */
interface Identified {
  auth: AuthContext;
  session?: { id: string } & ActiveSession;
}

/**
 * The one guard of the API (ARCHITECTURE §6), secure by default:
 * - `/store/*` needs a valid publishable key (400 not_allowed otherwise), and authenticates a
 *   customer when credentials are sent;
 * - `/admin/*` needs a user (bearer token or session cookie) or a secret API key (`Basic`);
 * - `/auth/*` is open unless a route asks for credentials;
 * - any other route is closed unless marked @Public().
 * Routes adjust the defaults with @Authenticate(). Failures answer 401 `{"message":"Unauthorized"}`.
 */
@Injectable()
export class RouteAccessGuard implements CanActivate {
  private readonly bearer = new BearerGuard();
  private readonly cookie: SessionCookie;

  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cookie = sessionCookieOf(config);
  }

  /** The ports the api-key and auth modules implement (absent when a module is not loaded). */
  private get keys(): ApiKeyVerifier | undefined {
    return this.port<ApiKeyVerifier>(API_KEY_VERIFIER);
  }

  private get sessions(): SessionStore | undefined {
    return this.port<SessionStore>(SESSION_STORE);
  }

  private readonly ports = new Map<symbol, unknown>();
  private port<T>(token: symbol): T | undefined {
    if (!this.ports.has(token)) {
      try {
        this.ports.set(token, this.moduleRef.get(token, { strict: false }));
      } catch {
        this.ports.set(token, undefined);
      }
    }
    return this.ports.get(token) as T | undefined;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const explicit = this.reflector.getAllAndOverride<RouteAuthOptions | undefined>(ROUTE_AUTH, targets);

    switch (routeFamily(request.path)) {
      case 'store':
        await this.requirePublishableKey(request);
        return this.authenticate(context, request, explicit ?? STORE_DEFAULT);
      case 'admin':
        return this.authenticate(context, request, explicit ?? ADMIN_DEFAULT);
      case 'auth':
        return explicit ? this.authenticate(context, request, explicit) : true;
      default:
        if (explicit) return this.authenticate(context, request, explicit);
        throw new UnauthorizedException();
    }
  }

  private async requirePublishableKey(request: Request): Promise<void> {
    const header = request.headers[PUBLISHABLE_KEY_HEADER];
    const token = Array.isArray(header) ? header[0] : header;
    if (!token) throw SthenoError.notAllowed(MISSING_PUBLISHABLE_KEY);
    const key = this.keys ? await this.keys.publishable(token) : undefined;
    if (!key) throw SthenoError.notAllowed(INVALID_PUBLISHABLE_KEY);
    request.publishableKey = key;
  }

  private async authenticate(context: ExecutionContext, request: Request, options: RouteAuthOptions): Promise<boolean> {
    let identified = await this.identify(context, request, options);
    // a deleted user, a removed link or a password changed since the credential was issued
    if (identified && identified.auth.actor_type !== 'api-key' && !(await this.sessions?.stillValid(identified.auth))) {
      if (!options.optional) throw new UnauthorizedException();
      identified = undefined;
    }
    if (identified) {
      request.auth = identified.auth;
      if (identified.session && this.config.auth.session.rolling) await this.roll(context, identified.session);
      return true;
    }
    if (options.optional) return true;
    throw new UnauthorizedException();
  }

  /** Rolling sessions: the session lasts another ttl from now, and the cookie says so again. */
  private async roll(context: ExecutionContext, session: { id: string } & ActiveSession): Promise<void> {
    const expiresAt = await this.sessions?.roll(session.id, session);
    if (expiresAt) this.cookie.write(context.switchToHttp().getResponse<Response>(), session.id, expiresAt);
  }

  /** Tries the allowed methods in Medusa's order: secret API key, session, bearer token. */
  private async identify(context: ExecutionContext, request: Request, options: RouteAuthOptions): Promise<Identified | undefined> {
    const accepts = (auth: AuthContext | undefined): auth is AuthContext =>
      auth !== undefined &&
      (options.actor === '*' || auth.actor_type === options.actor) &&
      (auth.actor_id !== '' || options.allowUnregistered === true);

    if (options.methods.includes('api-key') && options.actor === 'user') {
      const secretKey = this.secretKeyFrom(request.headers.authorization);
      if (secretKey) {
        const keyId = this.keys ? await this.keys.secret(secretKey) : undefined;
        // a secret key that does not verify is a failed login, not an anonymous request
        if (!keyId) throw new UnauthorizedException();
        return { auth: { actor_id: keyId, actor_type: 'api-key', auth_identity_id: '', app_metadata: {} } };
      }
    }
    if (options.methods.includes('session') && this.sessions) {
      const sessionId = this.cookie.read(request.headers.cookie);
      const session = sessionId ? await this.sessions.get(sessionId) : undefined;
      if (sessionId && session && accepts(session.auth)) return { auth: session.auth, session: { id: sessionId, ...session } };
    }
    if (options.methods.includes('bearer') && /^Bearer\s+\S/i.test(request.headers.authorization ?? '')) {
      const verified = await Promise.resolve(this.bearer.canActivate(context)).catch(() => false);
      const auth = verified ? (request.user as AuthContext | undefined) : undefined;
      if (accepts(auth)) return { auth };
      // a bearer token that is invalid, expired or for another actor never falls back to anonymous
      if (!options.optional) throw new UnauthorizedException();
    }
    return undefined;
  }

  /** `Basic base64(sk_…:)` (the js-sdk's form) or a raw `sk_…`. */
  private secretKeyFrom(header: string | undefined): string | undefined {
    if (!header) return undefined;
    if (header.startsWith('sk_')) return header;
    const basic = /^Basic\s+(\S+)$/i.exec(header);
    if (!basic) return undefined;
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const token = decoded.endsWith(':') ? decoded.slice(0, -1) : decoded.split(':')[0];
    return token.startsWith('sk_') ? token : undefined;
  }
}
