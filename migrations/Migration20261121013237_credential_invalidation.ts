import { Migration } from '@mikro-orm/migrations';

export class Migration20261121013237_credential_invalidation extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "auth_identity" add column "tokens_valid_after" timestamptz null;`);

    // sessions predate the column and cannot be attributed: end them (users log in again)
    this.addSql(`delete from "auth_session";`);
    this.addSql(`alter table "auth_session" add column "auth_identity_id" text not null;`);
    this.addSql(`create index "auth_session_auth_identity_id_index" on "auth_session" ("auth_identity_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "auth_identity" drop column "tokens_valid_after";`);

    this.addSql(`drop index "auth_session_auth_identity_id_index";`);
    this.addSql(`alter table "auth_session" drop column "auth_identity_id";`);
  }

}
