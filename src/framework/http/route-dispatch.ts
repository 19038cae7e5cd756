import type { IncomingMessage, ServerResponse } from 'node:http';

/** The parts of Express 5's router (the `router` package) this file relies on. */
interface RouterLayer {
  route?: { path?: unknown };
}
export interface ExpressRouter {
  stack: RouterLayer[];
  handle(req: IncomingMessage, res: ServerResponse, done: (error?: unknown) => void): void;
}

/** path-to-regexp 8 syntax: a first segment holding any of these is a parameter or a pattern, not a literal. */
const PATTERN_CHARACTERS = /[:*{}()[\]?+!\\]/;

/**
 * The literal first segment of a route's path, lower-cased (`/store/carts/:id` → `store`), or
 * undefined when the layer could match a request whatever its first segment: a middleware, a path
 * that starts with a parameter or a wildcard, a RegExp or an array of paths.
 */
export function literalFirstSegment(layer: RouterLayer): string | undefined {
  const path = layer.route?.path;
  if (typeof path !== 'string' || !path.startsWith('/')) return undefined;
  const end = path.indexOf('/', 1);
  const segment = end === -1 ? path.slice(1) : path.slice(1, end);
  return PATTERN_CHARACTERS.test(segment) ? undefined : segment.toLowerCase();
}

/** The first segment of a request's path, lower-cased; undefined for a path that does not start with `/`. */
function requestFirstSegment(req: IncomingMessage): string | undefined {
  const url = req.url ?? '';
  if (!url.startsWith('/')) return undefined;
  let end = 1;
  while (end < url.length) {
    const c = url.charCodeAt(end);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */) break;
    end++;
  }
  return url.slice(1, end).toLowerCase();
}

/**
 * Express tries a request against every layer of the application's router in turn, so a request to
 * a route registered late (the app has ~300 routes) first runs ~230 regular expressions that
 * cannot match: 5–10 % of the API process's CPU under load. This groups the layers by the literal
 * first segment of their path (`store`, `admin`, `auth`, …) and hands each request a stack holding
 * only the layers that could match it, in their original order: those with its first segment and
 * every layer without a literal one (middleware, the not-found and error handlers, wildcard paths).
 * Which layer answers, and in which order the middleware runs, is exactly as before; only layers
 * whose first segment differs from the request's, which could never match it, are skipped. Routing
 * is case-insensitive (Express's default), so the segments are compared lower-cased; a
 * case-sensitive layer stays in its group and still decides for itself.
 *
 * The groups are rebuilt when the router's stack changes length (a layer registered after this ran).
 */
export function dispatchByFirstSegment(router: ExpressRouter): void {
  const handle = router.handle;
  let builtFor = -1;
  let byFirstSegment = new Map<string, ExpressRouter>();
  let anySegment: ExpressRouter = router;

  /** A view of the router whose `stack` is the given layers (everything else is the router's own). */
  const view = (stack: RouterLayer[]): ExpressRouter => Object.create(router, { stack: { value: stack } }) as ExpressRouter;

  const rebuild = (): void => {
    const layers = router.stack.map((layer) => ({ layer, segment: literalFirstSegment(layer) }));
    const stackOf = (keep: (segment: string | undefined) => boolean) => view(layers.filter((l) => keep(l.segment)).map((l) => l.layer));
    const segments = new Set(layers.flatMap((l) => (l.segment === undefined ? [] : [l.segment])));
    byFirstSegment = new Map([...segments].map((segment) => [segment, stackOf((s) => s === undefined || s === segment)]));
    anySegment = stackOf((s) => s === undefined);
    builtFor = layers.length;
  };

  router.handle = function dispatch(req, res, done) {
    if (router.stack.length !== builtFor) rebuild();
    const segment = requestFirstSegment(req);
    // a path Express would not parse as ours (`*`, an absolute URL) goes through every layer, as before
    const target = segment === undefined ? router : (byFirstSegment.get(segment) ?? anySegment);
    handle.call(target, req, res, done);
  };
}
