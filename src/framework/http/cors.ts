import type { RequestHandler } from 'express';
import cors from 'cors';
import { CorsOrigin, HttpConfig } from '../config/app-config';

export type RouteFamily = 'store' | 'admin' | 'auth';

export function routeFamily(rawPath: string): RouteFamily | undefined {
  // Express matches routes case-insensitively: so must the families (and the guard that uses them)
  const path = rawPath.toLowerCase();
  if (path === '/store' || path.startsWith('/store/')) return 'store';
  if (path === '/admin' || path.startsWith('/admin/')) return 'admin';
  if (path === '/auth' || path.startsWith('/auth/')) return 'auth';
  return undefined;
}

export function originAllowed(origin: string, allowed: CorsOrigin[]): boolean {
  return allowed.some((entry) => (typeof entry === 'string' ? entry === '*' || entry === origin : entry.test(origin)));
}

/**
 * CORS per route family (STORE_CORS, ADMIN_CORS, AUTH_CORS), with credentials, as Medusa does.
 * Routes outside the three families (health, docs) send no CORS headers.
 */
export function corsByRouteFamily(http: HttpConfig): RequestHandler {
  const handlers: Record<RouteFamily, RequestHandler> = {
    store: makeCors(http.storeCors),
    admin: makeCors(http.adminCors),
    auth: makeCors(http.authCors),
  };
  return (req, res, next) => {
    const family = routeFamily(req.path);
    if (!family) return next();
    return handlers[family](req, res, next);
  };
}

function makeCors(allowed: CorsOrigin[]): RequestHandler {
  return cors({
    credentials: true,
    origin: (origin, callback) => callback(null, origin ? originAllowed(origin, allowed) : false),
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  });
}
