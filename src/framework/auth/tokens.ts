import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ActorType, AuthContext } from './auth-context';

const ACTOR_TYPES: ActorType[] = ['user', 'customer', 'api-key'];

/** A JWT's claims, validated into an AuthContext (anything malformed is no context at all). */
export function authContextFromClaims(claims: unknown): AuthContext | undefined {
  if (!claims || typeof claims !== 'object') return undefined;
  const c = claims as Record<string, unknown>;
  if (typeof c.actor_id !== 'string' || typeof c.auth_identity_id !== 'string') return undefined;
  if (!ACTOR_TYPES.includes(c.actor_type as ActorType)) return undefined;
  const appMetadata = c.app_metadata && typeof c.app_metadata === 'object' ? (c.app_metadata as Record<string, unknown>) : {};
  return {
    actor_id: c.actor_id,
    actor_type: c.actor_type as ActorType,
    auth_identity_id: c.auth_identity_id,
    app_metadata: appMetadata,
    ...(typeof c.iat === 'number' ? { issued_at: c.iat } : {}),
  };
}

/** Issues Medusa-shaped JWTs (HS256, JWT_SECRET, JWT_EXPIRES_IN). */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(context: AuthContext): string {
    const { actor_id, actor_type, auth_identity_id, app_metadata } = context;
    return this.jwt.sign({ actor_id, actor_type, auth_identity_id, app_metadata });
  }
}

/** Bearer tokens, verified by passport-jwt: HS256 only, signature and expiry checked. */
@Injectable()
export class JwtBearerStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.auth.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: unknown): AuthContext | false {
    return authContextFromClaims(claims) ?? false;
  }
}
