import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { routeTemplateOf, UNMATCHED_ROUTE } from '../http/route-template';
import { discoverBullQueues } from '../queues/bull-queues';

/** How long a scrape waits for Redis or the database before leaving those figures out. */
const COLLECT_TIMEOUT_MS = 2000;
const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The parts of knex's tarn pool the gauges read. */
interface TarnPool {
  max: number;
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

interface OutboxLag {
  pending: number;
  oldestAgeSeconds: number | null;
}

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${COLLECT_TIMEOUT_MS} ms`)), COLLECT_TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * The Prometheus metrics of one application instance, in its own registry (tests build many apps in
 * one process; a global registry would reject the second app's metrics). Everything but the HTTP
 * histogram is read at scrape time: queue counts, outbox lag, pool use. With METRICS_TOKEN unset
 * nothing is registered or measured.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly enabled: boolean;
  private readonly logger = new Logger('Metrics');
  private readonly expectedToken?: Buffer;
  private httpDuration?: Histogram<'method' | 'route' | 'status_code'>;
  /** One outbox query per scrape, shared by the two gauges that read it. */
  private outboxLagInFlight?: Promise<OutboxLag>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly orm: MikroORM,
    private readonly discovery: DiscoveryService,
  ) {
    this.enabled = config.metrics.token !== undefined;
    if (config.metrics.token !== undefined) this.expectedToken = digest(config.metrics.token);
    if (this.enabled) this.register();
  }

  /** Whether an Authorization header carries the metrics token (constant time over its digest). */
  authorizes(header: string | undefined): boolean {
    if (!this.expectedToken || !header) return false;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match !== null && timingSafeEqual(digest(match[1]), this.expectedToken);
  }

  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  /** Express middleware timing every response by method, route template and status. */
  httpTimer(): RequestHandler {
    return (req, res, next) => {
      const started = process.hrtime.bigint();
      // Nest mounts middleware as wildcard routes (`/*splat`): a request no controller matched
      // finishes with such a route as req.route, which is no route of the API
      const middlewareRoute = routeTemplateOf(req, res);
      res.once('finish', () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const route = routeTemplateOf(req, res);
        this.httpDuration?.observe(
          {
            method: HTTP_METHODS.has(req.method) ? req.method : 'OTHER',
            route: route === middlewareRoute ? UNMATCHED_ROUTE : route,
            status_code: String(res.statusCode),
          },
          seconds,
        );
      });
      next();
    };
  }

  private register(): void {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });

    this.httpDuration = new Histogram({
      name: 'stheno_http_request_duration_seconds',
      help: 'Duration of HTTP requests, by method, route template and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });

    // pool gauges first: the registry collects in registration order, so the pool is read before
    // the outbox query below borrows a connection of its own
    const pool = (): TarnPool | undefined => {
      const connection = (this.orm.em as EntityManager).getConnection();
      return (connection.getKnex().client as { pool?: TarnPool }).pool;
    };
    const poolGauge = (name: string, help: string, read: (p: TarnPool) => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          const p = pool();
          if (p) this.set(read(p));
        },
      });
    poolGauge('stheno_db_pool_used_connections', 'Database connections in use', (p) => p.numUsed());
    poolGauge('stheno_db_pool_free_connections', 'Idle database connections in the pool', (p) => p.numFree());
    poolGauge('stheno_db_pool_pending_acquires', 'Queries waiting for a database connection', (p) => p.numPendingAcquires());
    poolGauge('stheno_db_pool_max_connections', 'Largest number of database connections the pool opens', (p) => p.max);

    const outbox = (): Promise<OutboxLag> => {
      this.outboxLagInFlight ??= withTimeout(this.readOutboxLag(), 'outbox lag').finally(() => (this.outboxLagInFlight = undefined));
      return this.outboxLagInFlight;
    };
    const logger = this.logger;
    new Gauge({
      name: 'stheno_outbox_pending_events',
      help: 'Committed events the outbox relay has not dispatched yet',
      registers,
      async collect() {
        this.reset();
        const lag = await outbox().catch((error: Error) => logger.warn({ err: error }, `Outbox lag not collected: ${error.message}`));
        if (lag) this.set(lag.pending);
      },
    });
    new Gauge({
      name: 'stheno_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest undispatched outbox event (0 when none is pending)',
      registers,
      async collect() {
        this.reset();
        const lag = await outbox().catch(() => undefined);
        if (lag) this.set(lag.oldestAgeSeconds ?? 0);
      },
    });

    const discovery = this.discovery;
    new Gauge({
      name: 'stheno_queue_jobs',
      help: 'Jobs per Bull queue and state (waiting, active, delayed, failed); no samples without Redis',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        this.reset();
        await Promise.all(
          discoverBullQueues(discovery).map(async (queue) => {
            try {
              const counts = await withTimeout(queue.getJobCounts(), `queue ${queue.name}`);
              for (const state of QUEUE_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
            } catch (error) {
              // Redis unreachable: leave the queue's series out rather than report zeros
              logger.warn({ err: error }, `Job counts of queue ${queue.name} not collected: ${(error as Error).message}`);
            }
          }),
        );
      },
    });
  }

  /** Served by the partial index on created_at where dispatched_at is null. */
  private async readOutboxLag(): Promise<OutboxLag> {
    const [row] = await (this.orm.em as EntityManager)
      .getConnection()
      .execute<Array<{ pending: number | string; oldest_age: number | string | null }>>(
        `select count(*) as pending, extract(epoch from (now() - min(created_at))) as oldest_age
           from event_outbox where dispatched_at is null`,
      );
    return { pending: Number(row.pending), oldestAgeSeconds: row.oldest_age === null ? null : Math.max(0, Number(row.oldest_age)) };
  }
}
