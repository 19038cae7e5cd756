import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { NextFunction, Request, Response } from 'express';
import { API_KEY_VERIFIER, ApiKeyVerifier } from '../../../framework/auth/auth-context';
import { PUBLISHABLE_KEY_HEADER } from '../../../framework/auth/route-access.guard';
import { StoreResponseCache } from '../response-cache';

/**
 * Serves a store product/variant GET straight from the response cache, before Nest's guards, pipes
 * and interceptors: on a hit that machinery is most of a request's cost. It answers only what the
 * full route would answer identically: an anonymous request (no Authorization, no cookie, so no
 * customer to authenticate) with a valid publishable key, for a URL the full route already built
 * for the same sales channels (so it passed validation) under the current content version.
 * Anything else, or any error here, goes on to the full route.
 */
@Injectable()
export class StoreCacheFastPath implements NestMiddleware {
  constructor(
    private readonly cache: StoreResponseCache,
    private readonly orm: MikroORM,
    @Inject(API_KEY_VERIFIER) private readonly keys: ApiKeyVerifier,
  ) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    if (!this.cache.enabled || req.method !== 'GET' || req.headers.authorization || req.headers.cookie) return next();
    const header = req.headers[PUBLISHABLE_KEY_HEADER];
    const token = Array.isArray(header) ? header[0] : header;
    if (!token) return next();
    try {
      const key = await this.keys.publishable(token);
      if (!key) return next();
      if (await this.cache.serveIfFresh(this.orm.em as EntityManager, this.cache.keyOf(key.sales_channel_ids, req.originalUrl), res)) return;
    } catch {
      // the full route reports whatever went wrong
    }
    next();
  }
}
