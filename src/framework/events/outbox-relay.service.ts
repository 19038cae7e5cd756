import { AsyncResource } from 'node:async_hooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventSubscriber, MikroORM, TransactionEventArgs } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { preparedQuery } from '../database/prepared';
import { DomainEvent, EVENT_DISPATCHER, EventDispatcher, EventMetadata } from './domain-event';
import { SubscriberRegistry } from './subscriber-registry';

const BATCH_SIZE = 100;
/** A relay that died holding events releases them when this lease expires. */
const LEASE_SECONDS = 120;
const MAX_RETRY_DELAY_MS = 5 * 60 * 1000;

interface ClaimedRow {
  id: string;
  name: string;
  data: Record<string, unknown>;
  metadata: EventMetadata | null;
  created_at: Date | string;
  attempts: number;
}

/** Ids are `evt_` + ULID (only [0-9A-Z_a-z]), so a literal array is safe to build. */
function textArray(ids: string[]): string {
  if (!ids.every((id) => /^\w+$/.test(id))) throw new Error('Refusing an unsafe id in an outbox update');
  return `{${ids.join(',')}}`;
}

/** An event its subscribers have had: to be marked dispatched, with the subscribers that failed for good. */
interface Delivered {
  id: string;
  lastError: string | null;
}

/**
 * Moves committed outbox rows to their subscribers. Claims a batch with a lease
 * (`FOR UPDATE SKIP LOCKED`, so any number of relays in any number of processes share the work),
 * dispatches, then marks the rows dispatched; on failure the rows are released with a backoff.
 * It wakes right after a commit that recorded events, and polls as a safety net for events
 * committed by other processes or left behind by a crash.
 */
@Injectable()
export class OutboxRelay implements EventSubscriber {
  private readonly logger = new Logger('OutboxRelay');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private rerun = false;
  private started = false;
  private stopping = false;
  /**
   * The async context the relay runs in, captured at start. Without it a drain woken by a commit
   * would inherit the committer's MikroORM transaction and request contexts, and subscribers would
   * read through a finished transaction and a request's identity map.
   */
  private scope?: AsyncResource;

  constructor(
    private readonly orm: MikroORM,
    private readonly registry: SubscriberRegistry,
    @Inject(EVENT_DISPATCHER) private readonly dispatcher: EventDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    this.scope = new AsyncResource('OutboxRelay');
    this.orm.em.getEventManager().registerSubscriber(this);
    this.timer = setInterval(() => this.wake(), this.config.events.outboxPollIntervalMs);
    this.timer.unref();
    this.wake();
  }

  /**
   * MikroORM hook: a transaction committed, perhaps with events; deliver them now. Every commit
   * wakes the relay (wakes coalesce into one drain at a time): checking which transaction wrote
   * events is more fragile than one indexed claim query that finds nothing.
   */
  afterTransactionCommit(_args: TransactionEventArgs): void {
    if (this.started && !this.stopping) setImmediate(() => this.scope!.runInAsyncScope(() => this.wake()));
  }

  /** Runs one drain, or schedules another right after the one in progress. */
  wake(): void {
    if (!this.started || this.stopping) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = this.scope!.runInAsyncScope(() => this.drain())
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error({ err: error }, 'Outbox relay pass failed'))
      .finally(() => {
        this.running = undefined;
        if (this.rerun && !this.stopping) {
          this.rerun = false;
          this.wake();
        }
      });
  }

  /** Dispatches everything currently due; resolves when the outbox has nothing claimable left. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await this.claim();
      if (rows.length === 0) return total;
      total += rows.length;
      // each event is marked as soon as its delivery settles (a slow subscriber holds back only its own event);
      // deliveries that settle in the same turn share one statement
      const marks: Array<Promise<void>> = [];
      let settled: Delivered[] = [];
      const mark = (delivered: Delivered) => {
        settled.push(delivered);
        if (settled.length > 1) return;
        marks.push(
          new Promise<void>((resolve) =>
            setImmediate(() => {
              const batch = settled;
              settled = [];
              void this.markDispatched(batch).then(resolve);
            }),
          ),
        );
      };
      await Promise.all(
        rows.map(async (row) => {
          const delivered = await this.dispatchRow(row);
          if (delivered) mark(delivered);
        }),
      );
      await Promise.all(marks);
      // a short batch took everything due: a commit meanwhile woke a rerun, and the poll covers other processes
      if (this.stopping || rows.length < BATCH_SIZE) return total;
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    // close first: in-process deliveries waiting to retry give up now and their events are released
    await this.dispatcher.close();
    await this.running;
  }

  private em(): EntityManager {
    return this.orm.em.fork() as EntityManager;
  }

  private async claim(): Promise<ClaimedRow[]> {
    const rows = await preparedQuery<ClaimedRow>(
      { em: this.em() },
      'stheno_outbox_claim',
      `update event_outbox
            set locked_until = now() + interval '${LEASE_SECONDS} seconds', attempts = attempts + 1
          where id in (
            select id from event_outbox
             where dispatched_at is null
               and available_at <= now()
               and (locked_until is null or locked_until < now())
             order by created_at, id
             limit ?
             for update skip locked)
          returning id, name, data, metadata, created_at, attempts`,
      [BATCH_SIZE],
    );
    return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Marks delivered events dispatched: one statement per distinct outcome (usually one per batch). */
  private async markDispatched(delivered: Delivered[]): Promise<void> {
    const byError = new Map<string | null, string[]>();
    for (const d of delivered) byError.set(d.lastError, [...(byError.get(d.lastError) ?? []), d.id]);
    for (const [lastError, ids] of byError) {
      try {
        await this.em()
          .getConnection()
          .execute(`update event_outbox set dispatched_at = now(), locked_until = null, last_error = ? where id = any(?::text[])`, [lastError, textArray(ids)]);
      } catch (error) {
        // the lease runs out and the events are claimed and delivered again (delivery is at least once)
        this.logger.error({ err: error, event_ids: ids }, 'Could not mark delivered outbox events as dispatched');
      }
    }
  }

  /** Delivers one claimed event; what to mark it with, or null when it was given back for later. */
  private async dispatchRow(row: ClaimedRow): Promise<Delivered | null> {
    const event: DomainEvent = {
      id: row.id,
      name: row.name,
      data: row.data,
      metadata: row.metadata ?? { occurred_at: new Date(row.created_at).toISOString() },
    };
    const subscribers = this.registry.forEvent(row.name);
    try {
      const outcome = subscribers.length ? await this.dispatcher.dispatch(event, subscribers) : { failed: [] };
      if (outcome.interrupted) {
        await this.release(row.id, 0, 'Delivery interrupted by shutdown');
        return null;
      }
      return { id: row.id, lastError: outcome.failed.length ? `Failed subscribers: ${outcome.failed.join(', ')}` : null };
    } catch (error) {
      const delayMs = Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** Math.min(row.attempts, 20));
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(
        { err: error, event: row.name, event_id: row.id, attempts: row.attempts, retry_in_ms: delayMs },
        `Dispatch of ${row.name} failed; retrying later`,
      );
      await this.release(row.id, delayMs, message).catch((releaseError: unknown) =>
        this.logger.error({ err: releaseError, event_id: row.id }, 'Could not release a failed outbox event'),
      );
      return null;
    }
  }

  /** Gives a claimed event back, due again after `delayMs`. */
  private async release(id: string, delayMs: number, reason: string): Promise<void> {
    await this.em()
      .getConnection()
      .execute(
        `update event_outbox
            set locked_until = null, available_at = now() + (? * interval '1 millisecond'), last_error = ?
          where id = any(?::text[])`,
        [delayMs, reason.slice(0, 1000), textArray([id])],
      );
  }
}
