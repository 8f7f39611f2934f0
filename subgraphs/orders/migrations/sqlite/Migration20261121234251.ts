import { Migration } from '@mikro-orm/migrations';

/**
 * Identity and row rules: customer links; every order row carries its studio (and shipment
 * events their order) so the row filter is one indexed comparison; shop order ids are unique
 * per studio; orders remember their latest milestone. Existing rows are backfilled. (SQLite cannot add a NOT NULL
 * column without a default; the empty default is never used after the backfill.)
 */
export class Migration20261121234251 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`customer_link\` (\`id\` text not null, \`order_id\` text not null, \`studio_id\` text not null, \`tier\` text check (\`tier\` in ('MINIMAL', 'BASIC', 'DETAILED')) not null, \`expires_at\` datetime not null, \`revoked_at\` datetime null, \`created_at\` datetime not null, \`created_by\` text not null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`customer_link_order_id_index\` on \`customer_link\` (\`order_id\`);`);

    this.addSql(`drop index \`shop_order_channel_external_order_id_unique\`;`);
    this.addSql(
      `create unique index \`shop_order_studio_id_channel_external_order_id_unique\` on \`shop_order\` (\`studio_id\`, \`channel\`, \`external_order_id\`);`,
    );

    this.addSql(`alter table \`shop_order\` add column \`milestone_code_value\` text not null default '';`);
    this.addSql(`update \`shop_order\` set \`milestone_code_value\` = \`status_code_value\`;`);

    for (const table of ['order_line', 'progress_event', 'shipment']) {
      this.addSql(`alter table \`${table}\` add column \`studio_id\` text not null default '';`);
      this.addSql(
        `update \`${table}\` set \`studio_id\` = (select o.\`studio_id\` from \`shop_order\` o where o.\`id\` = \`${table}\`.\`order_id\`);`,
      );
    }
    this.addSql(`alter table \`shipment_event\` add column \`order_id\` text not null default '';`);
    this.addSql(`alter table \`shipment_event\` add column \`studio_id\` text not null default '';`);
    this.addSql(
      `update \`shipment_event\` set \`order_id\` = (select s.\`order_id\` from \`shipment\` s where s.\`id\` = \`shipment_event\`.\`shipment_id\`), \`studio_id\` = (select s.\`studio_id\` from \`shipment\` s where s.\`id\` = \`shipment_event\`.\`shipment_id\`);`,
    );
  }
}
