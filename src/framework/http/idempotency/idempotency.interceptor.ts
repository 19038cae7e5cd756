import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { toErrorResponse } from '../../errors/error-response';
import { SthenoError } from '../../errors/stheno-error';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';

/** How long a started request holds its key before another request may take it over (a crashed process). */
const LEASE_MS = 60_000;
/** How long a repeated request waits for the first one to finish before answering 409. */
const WAIT_MS = 30_000;
const POLL_MS = 25;
/** Keys are remembered this long; an older key is a new key. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

interface StoredKey {
  status: 'started' | 'completed';
  request_fingerprint: string;
  response_status: number | null;
  response_body: unknown;
  locked_until: Date | string;
  created_at: Date | string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `Idempotency-Key` for routes that must never run twice for one intent (cart completion, payment
 * captures and refunds). The first request with a key runs and its response (2xx or 4xx) is stored;
 * a repeat with the same key and the same request gets that response again, marked
 * `Idempotent-Replayed: true`, without running the handler. A repeat arriving while the first still
 * runs waits for it (up to 30 s, then 409). The same key with a different request is refused (400).
 * A 5xx response is not stored: the client may retry with the same key. Keys are scoped to the route
 * and the caller (signed-in actor, else publishable key), and are remembered for 24 hours.
 *
 * The key row is written in its own short transaction before the handler runs (never inside the
 * handler's transaction), so the claim is visible to every process at once.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly orm: MikroORM) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.header(IDEMPOTENCY_HEADER);
    if (key === undefined) return next.handle();
    return from(this.run(request, response, key, next));
  }

  private async run(request: Request, response: Response, key: string, next: CallHandler): Promise<unknown> {
    if (!KEY_PATTERN.test(key)) {
      throw SthenoError.invalidData('Idempotency-Key must be 1 to 255 visible ASCII characters');
    }
    const route = (request.route as { path?: string } | undefined)?.path ?? request.path;
    const caller = request.auth?.actor_id
      ? `${request.auth.actor_type}:${request.auth.actor_id}`
      : request.publishableKey
        ? `pk:${request.publishableKey.id}`
        : 'anonymous';
    const scope = `${request.method} ${route} ${caller}`;
    const id = sha256(`${scope}\n${key}`);
    const fingerprint = sha256(`${request.method}\n${request.originalUrl}\n${JSON.stringify(request.body ?? null)}`);

    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      if (await this.claim(id, scope, key, fingerprint)) break;
      const stored = await this.load(id);
      if (!stored) continue; // expired and removed between the two statements: claim again
      if (stored.request_fingerprint !== fingerprint) {
        throw SthenoError.invalidData(
          'This Idempotency-Key was already used with a different request; use a new key for a new request',
        );
      }
      if (stored.status === 'completed') {
        response.status(stored.response_status ?? 200);
        response.setHeader(REPLAYED_HEADER, 'true');
        return stored.response_body;
      }
      if (Date.now() >= deadline) {
        throw SthenoError.conflict('A request with this Idempotency-Key is still being processed; retry later');
      }
      await sleep(POLL_MS);
    }

    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.complete(id, response.statusCode || 200, body ?? null);
      return body;
    } catch (error) {
      const mapped = toErrorResponse(error);
      if (mapped.status < 500) await this.complete(id, mapped.status, mapped.body);
      else await this.release(id);
      throw error;
    }
  }

  private em(): EntityManager {
    return this.orm.em.fork() as EntityManager;
  }

  /**
   * Takes the key: a new row, or an existing one that expired or whose holder's lease ran out.
   * One statement, so two processes racing for a key cannot both win.
   */
  private async claim(id: string, scope: string, key: string, fingerprint: string): Promise<boolean> {
    const now = Date.now();
    const rows = await this.em().execute<Array<{ id: string }>>(
      `insert into idempotency_key (id, scope, key, request_fingerprint, status, locked_until, created_at)
       values (?, ?, ?, ?, 'started', ?, now())
       on conflict (id) do update set
         request_fingerprint = excluded.request_fingerprint, status = 'started', response_status = null,
         response_body = null, completed_at = null, locked_until = excluded.locked_until, created_at = now()
       where idempotency_key.created_at < ?
          or (idempotency_key.status = 'started' and idempotency_key.locked_until < ?
              and idempotency_key.request_fingerprint = excluded.request_fingerprint)
       returning id`,
      [id, scope, key, fingerprint, new Date(now + LEASE_MS), new Date(now - IDEMPOTENCY_RETENTION_MS), new Date(now)],
    );
    return rows.length === 1;
  }

  private async load(id: string): Promise<StoredKey | undefined> {
    const [row] = await this.em().execute<StoredKey[]>(
      `select status, request_fingerprint, response_status, response_body, locked_until, created_at
         from idempotency_key where id = ?`,
      [id],
    );
    return row;
  }

  private async complete(id: string, status: number, body: unknown): Promise<void> {
    await this.em().execute(
      `update idempotency_key set status = 'completed', response_status = ?, response_body = ?::jsonb, completed_at = now()
        where id = ?`,
      [status, JSON.stringify(body), id],
    );
  }

  private async release(id: string): Promise<void> {
    await this.em().execute(`delete from idempotency_key where id = ? and status = 'started'`, [id]);
  }
}

/** Marks a route idempotent under the `Idempotency-Key` header (and documents the header). */
export const Idempotent = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Makes the request safe to retry: a repeat with the same key and request replays the first response ' +
        '(marked Idempotent-Replayed: true) instead of running again. Keys are kept 24 hours.',
    }),
  );
