import { createHmac, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'connect.sid';

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
