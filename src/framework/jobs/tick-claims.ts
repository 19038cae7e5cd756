import { hostname } from 'node:os';
import { Injectable } from '@nestjs/common';
import { MikroORM, QueryResult } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Without Redis every worker/shared process keeps its own timers, so several processes sharing one
 * database would all fire each tick. Before running a tick a process claims it here; the insert
 * succeeds in exactly one of them and the others skip the tick.
 */
@Injectable()
export class TickClaims {
  private readonly claimant = `${hostname()}:${process.pid}`;

  constructor(private readonly orm: MikroORM) {}

  /** True when this process now owns the tick (and must run it), false when another one does. */
  async claim(jobId: string, tick: Date): Promise<boolean> {
    const rows = await (this.orm.em.fork() as EntityManager)
      .getConnection()
      .execute<Array<{ job_id: string }>>(
        'insert into scheduled_job_run (job_id, tick, claimed_by) values (?, ?, ?) on conflict do nothing returning job_id',
        [jobId, tick, this.claimant],
      );
    return rows.length > 0;
  }

  /** Deletes claims older than `olderThanHours`; returns how many. */
  async prune(olderThanHours: number): Promise<number> {
    const result = await (this.orm.em.fork() as EntityManager).execute<QueryResult>(
      `delete from scheduled_job_run where claimed_at < now() - (? * interval '1 hour')`,
      [olderThanHours],
      'run',
    );
    return result.affectedRows;
  }
}
