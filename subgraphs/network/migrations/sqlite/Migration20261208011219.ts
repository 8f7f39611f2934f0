import { Migration } from '@mikro-orm/migrations';

/**
 * An applicant becomes the enterprise's first admin on approval (issue 33): the application keeps
 * the applicant's issuer beside their subject, and a membership may come from no invitation.
 * SQLite cannot drop a NOT NULL: the membership table is rebuilt with its indexes.
 */
export class Migration20261208011219 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table `enterprise` add column `applied_by_issuer` text null;');
    this.addSql('pragma foreign_keys = off;');
    this.addSql(
      'create table `membership__temp_alter` (`id` text not null, `enterprise_id` text not null, `issuer` text not null, `subject` text not null, `display_name` text null, `roles` json not null, `invitation_id` text null, `created_at` datetime not null, `updated_at` datetime null, primary key (`id`));',
    );
    this.addSql(
      'insert into `membership__temp_alter` select `id`, `enterprise_id`, `issuer`, `subject`, `display_name`, `roles`, `invitation_id`, `created_at`, `updated_at` from `membership`;',
    );
    this.addSql('drop table `membership`;');
    this.addSql('alter table `membership__temp_alter` rename to `membership`;');
    this.addSql('create index `membership_issuer_subject_index` on `membership` (`issuer`, `subject`);');
    this.addSql(
      'create unique index `membership_enterprise_id_issuer_subject_unique` on `membership` (`enterprise_id`, `issuer`, `subject`);',
    );
    this.addSql('pragma foreign_keys = on;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table `enterprise` drop column `applied_by_issuer`;');
  }
}
