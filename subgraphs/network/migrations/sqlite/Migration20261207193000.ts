import { Migration } from '@mikro-orm/migrations';

/** Enterprises get a status (every existing one ACTIVE), its reason, and who applied for it. */
export class Migration20261207193000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      "alter table `enterprise` add column `status` text check (`status` in ('APPLIED', 'ACTIVE', 'REJECTED', 'SUSPENDED')) not null default 'ACTIVE';",
    );
    this.addSql('alter table `enterprise` add column `status_reason` text null;');
    this.addSql('alter table `enterprise` add column `applied_by` text null;');
    this.addSql('create index `enterprise_applied_by_index` on `enterprise` (`applied_by`);');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists `enterprise_applied_by_index`;');
    this.addSql('alter table `enterprise` drop column `applied_by`;');
    this.addSql('alter table `enterprise` drop column `status_reason`;');
    this.addSql('alter table `enterprise` drop column `status`;');
  }
}
