import type { Request, Response } from 'express';

/** The label of requests no route matched (unknown paths, requests refused before routing). */
export const UNMATCHED_ROUTE = '(unmatched)';

const PINNED = 'sthenoRouteTemplate';

/**
 * Records the route template a response belongs to when Express's own `req.route` cannot tell: an
 * early responder answering before the router, or a handler that forwards into a sub-application
 * (whose routes would overwrite `req.route`).
 */
export function pinRouteTemplate(res: Response, template: string): void {
  res.locals[PINNED] ??= template;
}

/**
 * The route template (`/store/products/:id`) of a finished request, never its raw URL, so that
 * whatever records it (metrics labels) stays bounded whatever paths clients send.
 */
export function routeTemplateOf(req: Request, res: Response): string {
  const pinned = res.locals?.[PINNED] as string | undefined;
  if (pinned) return pinned;
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : UNMATCHED_ROUTE;
}
