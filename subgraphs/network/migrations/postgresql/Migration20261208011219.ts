import { Migration } from '@mikro-orm/migrations';

/**
 * An applicant becomes the enterprise's first admin on approval (issue 33): the application keeps
 * the applicant's issuer beside their subject, and a membership may come from no invitation.
 */
export class Migration20261208011219 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "network"."enterprise" add column "applied_by_issuer" varchar(300) null;`);
    this.addSql(`alter table "network"."membership" alter column "invitation_id" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "network"."enterprise" drop column "applied_by_issuer";`);
  }
}
