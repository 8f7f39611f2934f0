import { Migration } from '@mikro-orm/migrations';

/**
 * What a studio lets each partner take, projected from the network's relationship events. Empty
 * at first: until a relationship event arrives, offers are shared as before (by alliance).
 */
export class Migration20261207224156 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "capacity"."partner_stage_grant" ("studio_id" varchar(80) not null, "partner_id" varchar(80) not null, "stage_codes" jsonb not null, "updated_at" timestamptz not null, constraint "partner_stage_grant_pkey" primary key ("studio_id", "partner_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "capacity"."partner_stage_grant" cascade;`);
  }
}
