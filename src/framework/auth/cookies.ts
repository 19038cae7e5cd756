import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CookieOptions, Response } from 'express';
import type { AppConfig } from '../config/app-config';

/** `s:<value>.<hmac>`: the signed-cookie format express-session uses. */
export function signCookieValue(value: string, secret: string): string {
  const mac = createHmac('sha256', secret).update(value).digest('base64').replace(/=+$/, '');
  return `s:${value}.${mac}`;
}

export function unsignCookieValue(signed: string, secret: string): string | undefined {
  if (!signed.startsWith('s:')) return undefined;
  const body = signed.slice(2);
  const dot = body.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const value = body.slice(0, dot);
  const expected = Buffer.from(signCookieValue(value, secret));
  const actual = Buffer.from(signed);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? value : undefined;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** How the session cookie is written: `SessionConfig` and whether the deployment is production. */
export interface SessionCookieSettings {
  name: string;
  secret: string;
  /** Production: `Secure; SameSite=None` (admin and storefront front-ends are cross-site). */
  crossSite: boolean;
}

/** The cookie of `POST /auth/session`: its name, signature and lifetime, in one place. */
export class SessionCookie {
  constructor(private readonly settings: SessionCookieSettings) {}

  /** The session id a request's cookie carries, when its signature verifies. */
  read(cookieHeader: string | undefined): string | undefined {
    const signed = readCookie(cookieHeader, this.settings.name);
    return signed ? unsignCookieValue(signed, this.settings.secret) : undefined;
  }

  /**
   * Sets the cookie to expire when the session does (Max-Age and Expires), rounded up to the
   * second: a fresh session's cookie says exactly the ttl, not a second less for the milliseconds
   * spent since; the server still ends the session at its own end.
   */
  write(response: Response, sessionId: string, expiresAt: Date): void {
    response.cookie(this.settings.name, signCookieValue(sessionId, this.settings.secret), {
      ...this.attributes(),
      maxAge: Math.max(0, Math.ceil((expiresAt.getTime() - Date.now()) / 1000) * 1000),
      encode: String,
    });
  }

  /** Clears the cookie, replacing any value this response was about to set (a rolled session). */
  clear(response: Response): void {
    const prefix = `${this.settings.name}=`;
    const pending = response.getHeader('Set-Cookie');
    const kept = (Array.isArray(pending) ? pending : pending === undefined ? [] : [String(pending)]).filter((cookie) => !cookie.startsWith(prefix));
    if (kept.length) response.setHeader('Set-Cookie', kept);
    else response.removeHeader('Set-Cookie');
    response.clearCookie(this.settings.name, this.attributes());
  }

  private attributes(): CookieOptions {
    return {
      httpOnly: true,
      path: '/',
      // cross-site admin and storefront front-ends need SameSite=None, which requires Secure
      ...(this.settings.crossSite ? { secure: true, sameSite: 'none' as const } : { sameSite: 'lax' as const }),
    };
  }
}

export function sessionCookieOf(config: AppConfig): SessionCookie {
  return new SessionCookie({ name: config.auth.session.name, secret: config.auth.session.secret, crossSite: config.isProduction });
}
