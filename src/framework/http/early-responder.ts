import type { Request, Response } from 'express';

/**
 * A port for answering a request in the HTTP pipeline, before the ORM's request context, Nest's
 * router, guards, pipes and interceptors: for responses already known to be exactly what the full
 * route would send (the store's cached catalog reads). Implemented by a domain-side provider under
 * this token; the pipeline asks it for every GET whose path it claims.
 */
export const EARLY_RESPONDER = Symbol('EARLY_RESPONDER');

export interface EarlyResponder {
  /** Whether this responder may answer requests to `path` at all (cheap, synchronous). */
  claims(path: string): boolean;
  /** True when the response has been sent; false to let the request continue down the pipeline. */
  respond(req: Request, res: Response): Promise<boolean>;
}
