import { Migration } from '@mikro-orm/migrations';

export class Migration20261121095531_scheduled_job_runs extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "scheduled_job_run" ("job_id" text not null, "tick" timestamptz not null, "claimed_at" timestamptz not null default now(), "claimed_by" text not null, constraint "scheduled_job_run_pkey" primary key ("job_id", "tick"));`);
    this.addSql(`create index "scheduled_job_run_claimed_at_idx" on "scheduled_job_run" ("claimed_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "scheduled_job_run" cascade;`);
  }

}
