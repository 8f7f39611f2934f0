import { Migration } from '@mikro-orm/migrations';

/** Members and invitations: who belongs to which enterprise, with which roles (issue 33). */
export class Migration20261207220000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create table `membership` (`id` text not null, `enterprise_id` text not null, `issuer` text not null, `subject` text not null, `display_name` text null, `roles` json not null, `invitation_id` text not null, `created_at` datetime not null, `updated_at` datetime null, primary key (`id`));',
    );
    this.addSql('create index `membership_issuer_subject_index` on `membership` (`issuer`, `subject`);');
    this.addSql(
      'create unique index `membership_enterprise_id_issuer_subject_unique` on `membership` (`enterprise_id`, `issuer`, `subject`);',
    );
    this.addSql(
      "create table `invitation` (`id` text not null, `enterprise_id` text not null, `channel` text check (`channel` in ('EMAIL', 'PHONE')) not null, `contact` text not null, `display_name` text null, `roles` json not null, `token_hash` text not null, `expires_at` datetime not null, `invited_by` text not null, `created_at` datetime not null, `accepted_at` datetime null, `revoked_at` datetime null, `membership_id` text null, primary key (`id`));",
    );
    this.addSql('create index `invitation_enterprise_id_created_at_index` on `invitation` (`enterprise_id`, `created_at`);');
    this.addSql('create unique index `invitation_token_hash_unique` on `invitation` (`token_hash`);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `invitation`;');
    this.addSql('drop table if exists `membership`;');
  }
}
