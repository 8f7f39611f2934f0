import { Migration } from '@mikro-orm/migrations';

export class Migration20261121231700 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "network";`);
    this.addSql(
      `create table "network"."enterprise" ("id" varchar(80) not null, "kind" text check ("kind" in ('STUDIO', 'PARTNER_STUDIO', 'SUPPLIER', 'KITCHEN')) not null, "name_zh" varchar(200) not null, "name_en" varchar(200) not null, "region" varchar(40) not null, "alliances" jsonb not null, "created_at" timestamptz not null, constraint "enterprise_pkey" primary key ("id"));`,
    );
  }
}
