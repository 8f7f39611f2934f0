import { Migration } from '@mikro-orm/migrations';

/** Members and invitations: who belongs to which enterprise, with which roles (issue 33). */
export class Migration20261207220000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "network"."membership" ("id" varchar(40) not null, "enterprise_id" varchar(80) not null, "issuer" varchar(300) not null, "subject" varchar(255) not null, "display_name" varchar(200) null, "roles" jsonb not null, "invitation_id" varchar(40) not null, "created_at" timestamptz not null, "updated_at" timestamptz null, constraint "membership_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "membership_issuer_subject_index" on "network"."membership" ("issuer", "subject");`);
    this.addSql(
      `alter table "network"."membership" add constraint "membership_enterprise_id_issuer_subject_unique" unique ("enterprise_id", "issuer", "subject");`,
    );
    this.addSql(
      `create table "network"."invitation" ("id" varchar(40) not null, "enterprise_id" varchar(80) not null, "channel" text check ("channel" in ('EMAIL', 'PHONE')) not null, "contact" varchar(254) not null, "display_name" varchar(200) null, "roles" jsonb not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "invited_by" varchar(255) not null, "created_at" timestamptz not null, "accepted_at" timestamptz null, "revoked_at" timestamptz null, "membership_id" varchar(40) null, constraint "invitation_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "invitation_enterprise_id_created_at_index" on "network"."invitation" ("enterprise_id", "created_at");`);
    this.addSql(`alter table "network"."invitation" add constraint "invitation_token_hash_unique" unique ("token_hash");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "network"."invitation" cascade;`);
    this.addSql(`drop table if exists "network"."membership" cascade;`);
  }
}
