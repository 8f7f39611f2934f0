import { Migration } from '@mikro-orm/migrations';

/** Openids move from the customer's preferences to the order's WeChat binding (the shop gives them now); messages get a language. */
export class Migration20261207133123 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`wechat_binding\` (\`order_id\` text not null, \`studio_id\` text not null, \`open_id\` text not null, \`bound_at\` datetime not null, primary key (\`order_id\`));`,
    );
    this.addSql(
      `insert into \`wechat_binding\` (\`order_id\`, \`studio_id\`, \`open_id\`, \`bound_at\`) select \`order_id\`, \`studio_id\`, \`wechat_open_id\`, \`updated_at\` from \`customer_preference\` where \`wechat_open_id\` is not null;`,
    );
    this.addSql(`alter table \`customer_preference\` drop column \`wechat_open_id\`;`);
    this.addSql(
      `alter table \`customer_preference\` add column \`language\` text check (\`language\` in ('ZH', 'EN')) not null default 'ZH';`,
    );
  }
}
