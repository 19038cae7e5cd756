import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import { API_KEY_VERIFIER, ApiKeyVerifier } from '../../../framework/auth/auth-context';
import { PUBLISHABLE_KEY_HEADER } from '../../../framework/auth/route-access.guard';
import { EarlyResponder } from '../../../framework/http/early-responder';
import { pinRouteTemplate } from '../../../framework/http/route-template';
import { StoreResponseCache } from '../response-cache';

const CACHED_ROUTES = /^\/store\/(products|product-variants)(\/[^/]+)?\/?$/i;

/**
 * Serves a store product/variant GET straight from the response cache, as the HTTP pipeline's
 * early responder: after logging, CORS and the request checks, before the ORM's request context and
 * Nest's router, guards, pipes and interceptors (on a hit, that machinery is most of the cost). It
 * answers only what the full route would answer identically: an anonymous request (no Authorization, no cookie, so no
 * customer to authenticate) with a valid publishable key, for a URL the full route already built
 * for the same sales channels (so it passed validation) under the current content version.
 * Anything else, or any error here, goes on to the full route.
 */
@Injectable()
export class StoreCacheFastPath implements EarlyResponder {
  constructor(
    private readonly cache: StoreResponseCache,
    private readonly orm: MikroORM,
    @Inject(API_KEY_VERIFIER) private readonly keys: ApiKeyVerifier,
  ) {}

  claims(path: string): boolean {
    return this.cache.enabled && CACHED_ROUTES.test(path);
  }

  async respond(req: Request, res: Response): Promise<boolean> {
    if (req.headers.authorization || req.headers.cookie) return false;
    const header = req.headers[PUBLISHABLE_KEY_HEADER];
    const token = Array.isArray(header) ? header[0] : header;
    if (!token) return false;
    try {
      const key = await this.keys.publishable(token);
      if (!key) return false;
      // answered before the router: name the route the full path would have matched (metrics)
      const [, resource, id] = CACHED_ROUTES.exec(req.path) ?? [];
      pinRouteTemplate(res, `/store/${resource.toLowerCase()}${id ? '/:id' : ''}`);
      return await this.cache.serveIfFresh(this.orm.em as EntityManager, this.cache.keyOf(key.sales_channel_ids, req.originalUrl), res);
    } catch {
      // the full route reports whatever went wrong
      return false;
    }
  }
}
