import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../../framework/config/app-config';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Context } from '../../framework/context/context';
import { ResolvedFields } from '../../framework/http/list-query';

/** Whether a response may be cached: it shows no stock (`inventory_quantity` at `path`). */
export function cacheableFields(fields: ResolvedFields, stockPath: string): boolean {
  return !fields.fields.some((f) => f === stockPath || f.startsWith(`${stockPath}.`));
}

export interface CachedResponse {
  /** The store content version the body was built under. */
  version: string;
  /** The serialised JSON, as bytes: sending a string would encode it to UTF-8 on every hit. */
  body: Buffer;
  etag: string;
  /** Epoch ms after which the body may be wrong without any write (a price list starts or ends). */
  expiresAt: number;
  bytes: number;
}

export interface PriceWindow {
  version: string;
  /** The next instant a price list starts or ends (Infinity: none scheduled). */
  nextBoundary: number;
}

/**
 * Whole-response cache of the store's product and variant reads, exact rather than merely fresh:
 * each body is kept with the store content version it was built under (catalog_version row 2, bumped
 * in the writer's transaction by every statement on the tables a response shows: products and their
 * relations, taxonomy, prices, price lists, preferences, regions and countries) and served only while
 * that version holds and no price list has started or ended since. A hit costs one primary-key
 * read of the version, whatever the page; bodies are served as stored bytes with a strong ETag,
 * so a storefront revalidating gets a 304.
 *
 * Not cached: responses with stock (`inventory_quantity` changes with every order; bumping a version
 * on each reservation would serialise checkouts on one row). The key is the URL as sent, the
 * publishable key's sales channels and the signed-in customer's groups (price lists restricted to a
 * group price its members differently): nothing else about the caller changes a store product
 * response. A guest and a customer in no group share entries. Per process, bounded by
 * STORE_RESPONSE_CACHE_MB (0 turns it off), least recently used out first; with `modules.cache:
 * 'redis'`, `SharedStoreResponseCache` also shares the entries between processes through Redis.
 */
@Injectable()
export class StoreResponseCache {
  protected readonly entries = new Map<string, CachedResponse>();
  private readonly maxBytes: number;
  private bytes = 0;
  private window: PriceWindow | null = null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.maxBytes = config.http.storeResponseCacheMb * 1024 * 1024;
  }

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  /**
   * The cache key: the publishable key's sales channels, the URL as sent, and the customer's groups
   * when it has any (a guest's key, the fast path's, has none).
   */
  keyOf(channels: readonly string[], url: string, customerGroupIds: readonly string[] = []): string {
    const base = `${[...channels].sort().join(',')} ${url}`;
    return customerGroupIds.length ? `${base} groups=${[...customerGroupIds].sort().join(',')}` : base;
  }

  /**
   * Sends the stored body when it is still exact; false (nothing sent) when there is none. The
   * fast path (`StoreCacheFastPath`) calls this before Nest's guards and pipes: a URL is only in the
   * cache if the full route accepted it for the same sales channels.
   */
  async serveIfFresh(em: EntityManager, key: string, res: Response): Promise<boolean> {
    if (!this.enabled || !this.entries.has(key)) return false;
    const version = await this.currentVersion(em);
    const hit = this.fresh(key, version);
    if (!hit) return false;
    this.send(res, hit, 'hit');
    return true;
  }

  /**
   * Sends the response: from the cache when the stored body is still exact, otherwise built, stored
   * (when cacheable) and sent. The handler sends through Express itself (`@Res()`), because Nest
   * would serialise a Buffer as JSON; errors thrown by `build` still reach the exception filter.
   */
  async respond(
    ctx: Context,
    req: Request,
    res: Response,
    scope: { channels: readonly string[]; customerGroupIds?: readonly string[] },
    cacheable: boolean,
    build: () => Promise<object>,
  ): Promise<void> {
    if (!this.caches(req, cacheable)) {
      res.json(await build());
      return;
    }
    const key = this.keyOf(scope.channels, req.originalUrl, scope.customerGroupIds);
    const version = await this.currentVersion(ctx.em);
    // only a shared cache (shared-response-cache.ts) has a second place to look and to write:
    // the in-process one pays no await for it
    const hit = this.fresh(key, version) ?? (this.isShared ? await this.fromShared(key, version) : undefined);
    if (hit) return this.send(res, hit, 'hit');
    const window = await this.priceWindow(ctx, version);
    const entry = this.entryOf(key, version, window.nextBoundary, Buffer.from(JSON.stringify(await build())));
    this.store(key, entry);
    if (this.isShared) await this.toShared(key, entry);
    this.send(res, entry, 'miss');
  }

  /** Whether this response is cached at all. */
  /** Whether entries are also kept outside this process (`modules.cache: 'redis'`). */
  protected readonly isShared: boolean = false;

  /** The entry another process left for `key`, kept here too, when it holds under `version`. */
  protected async fromShared(_key: string, _version: string): Promise<CachedResponse | undefined> {
    return undefined;
  }

  /** Leaves a body built here for the other processes. */
  protected async toShared(_key: string, _entry: CachedResponse): Promise<void> {}

  protected caches(req: Request, cacheable: boolean): boolean {
    // prices for a cart follow the cart's region, which changes without a catalog write: never cached
    return this.enabled && cacheable && req.query.cart_id === undefined;
  }

  protected entryOf(key: string, version: string, expiresAt: number, body: Buffer, etag?: string): CachedResponse {
    return {
      version,
      body,
      etag: etag ?? `"${createHash('sha1').update(body).digest('base64url')}"`,
      expiresAt,
      bytes: body.length + key.length * 2,
    };
  }

  /** The entry of `key` if it was built under `version` and no price list has started or ended since. */
  protected fresh(key: string, version: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version || Date.now() >= entry.expiresAt) return undefined;
    // most recently used last
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  protected send(res: Response, entry: CachedResponse, outcome: 'hit' | 'miss'): void {
    res.type('application/json');
    res.setHeader('X-Cache', outcome);
    // set before Express's send, which then skips hashing the body again and answers 304 when fresh
    res.setHeader('ETag', entry.etag);
    res.send(entry.body);
  }

  protected store(key: string, entry: CachedResponse): void {
    if (entry.bytes > this.maxBytes / 4) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= previous.bytes;
    }
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= old.bytes;
    }
  }

  /**
   * On the connection, not through an entity manager: the fast path has no request context (and
   * needs none for one read), and no transaction is ever open around a store read.
   */
  protected async currentVersion(em: EntityManager): Promise<string> {
    const [row] = await em.getConnection().execute<Array<{ version: string }>>('select version::text as version from catalog_version where id = 2');
    return row?.version ?? '0';
  }

  /**
   * When the next price list starts or ends: until then (and while the version holds) the active
   * lists are the ones a cached body was priced with. Read once per content version, and again once
   * the boundary has passed. Measured on this process's clock, the one the price calculator judges
   * list windows by: on the database's clock, a boundary falling within the two clocks' skew would be
   * missed and the body priced before it served until the next catalog write. A boundary at `now`
   * itself counts (a list still applies at the instant it ends), so such a body expires at once.
   */
  protected async priceWindow(ctx: Context, version: string): Promise<PriceWindow> {
    const now = Date.now();
    if (this.window && this.window.version === version && now < this.window.nextBoundary) return this.window;
    const at = new Date(now).toISOString();
    const [row] = await ctx.em.execute<Array<{ next: Date | string | null }>>(
      `select least(
          (select min(starts_at) from price_list where deleted_at is null and starts_at >= ?::timestamptz),
          (select min(ends_at) from price_list where deleted_at is null and ends_at >= ?::timestamptz)) as next`,
      [at, at],
    );
    const next = row?.next ? new Date(row.next).getTime() : Number.POSITIVE_INFINITY;
    this.window = { version, nextBoundary: next };
    return this.window;
  }
}
