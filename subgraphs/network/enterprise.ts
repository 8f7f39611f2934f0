import { Entity, Enum, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ENTERPRISE_KINDS, ENTERPRISE_STATUSES, EnterpriseKind, type EnterpriseStatus } from '../../contracts';
import { enumOf } from '../../platform/graphql/enums';

export const EnterpriseKindEnum = enumOf(ENTERPRISE_KINDS);
registerEnumType(EnterpriseKindEnum, { name: 'EnterpriseKind', description: 'What an enterprise does in the network' });
export const EnterpriseStatusEnum = enumOf(ENTERPRISE_STATUSES);
registerEnumType(EnterpriseStatusEnum, {
  name: 'EnterpriseStatus',
  description: 'APPLIED (waiting for a hub admin), ACTIVE, REJECTED (final) or SUSPENDED (its members have no access)',
});

/** Who an enterprise is. Only this subgraph stores it; every other one refers to it by key. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A studio, partner workshop, supplier or cloud kitchen in the network' })
@Entity({ tableName: 'enterprise' })
export class Enterprise {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'alliances' | 'status' | 'statusReason' | 'appliedBy' | 'appliedByIssuer';

  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @Field(() => EnterpriseKindEnum)
  @Enum({ items: [...ENTERPRISE_KINDS], type: 'string' })
  kind!: EnterpriseKind;

  @Field({ description: 'Name in Chinese' })
  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  @Field({ description: 'Name in English' })
  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  @Field({ description: 'Region, e.g. CN-JX (Jiangxi) or CN-SH (Shanghai)' })
  @Property({ type: 'string', length: 40 })
  region!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Its GS1 Global Location Number (13 digits), when it has one: EPCIS names its places by it',
  })
  @Property({ type: 'string', length: 13, nullable: true })
  gln?: string | null;

  @Field(() => [String], { description: 'Alliances the enterprise belongs to' })
  @Property({ type: 'json' })
  alliances: string[] = [];

  @Field(() => EnterpriseStatusEnum, { description: 'Where it stands: only ACTIVE enterprises’ members have access' })
  @Enum({ items: [...ENTERPRISE_STATUSES], type: 'string', default: 'ACTIVE' })
  status: EnterpriseStatus = 'ACTIVE';

  /** The hub admin's reason for the last rejection or suspension: the resolver shows it to hub admins and the applicant only. */
  @Property({ type: 'string', length: 500, nullable: true })
  statusReason: string | null = null;

  /** The subject of whoever applied for it (null: registered by a hub admin or seeded); they see the application. */
  @Property({ type: 'string', length: 120, nullable: true, index: true })
  appliedBy: string | null = null;

  /** The identity provider (issuer) that vouched for the applicant: approval makes issuer + subject the first admin. */
  @Property({ type: 'string', length: 300, nullable: true })
  appliedByIssuer: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /** When its directory entry last changed (null: as first entered). */
  @Property({ type: 'datetime', nullable: true })
  updatedAt: Date | null = null;
}
