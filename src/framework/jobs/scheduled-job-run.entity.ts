import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One row per cron tick of a job claimed by a process (scheduling without Redis): the primary key
 * lets exactly one of several processes sharing the database insert it, and only that one runs
 * the tick. Rows are pruned by age with the job records (prune-job-records).
 */
@Entity({ tableName: 'scheduled_job_run' })
@Index({ name: 'scheduled_job_run_claimed_at_idx', properties: ['claimed_at'] })
export class ScheduledJobRun {
  @PrimaryKey({ type: 'text' })
  job_id!: string;

  /** The cron tick, as cron-parser computes it: every process derives the same value. */
  @PrimaryKey({ type: 'timestamptz' })
  tick!: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  claimed_at?: Date;

  /** `host:pid` of the process that runs the tick, for whoever looks at the table. */
  @Property({ type: 'text' })
  claimed_by!: string;
}
