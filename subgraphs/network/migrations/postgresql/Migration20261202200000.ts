import { Migration } from '@mikro-orm/migrations';

export class Migration20261202200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "network"."enterprise" add column "gln" varchar(13) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "network"."enterprise" drop column "gln";`);
  }
}
