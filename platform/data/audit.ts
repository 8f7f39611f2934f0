import { BigIntType, Entity, EntityManager, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { RequestContext } from '../access/context';

/**
 * The audit trail of writes made over the network rather than inside one's own enterprise: the
 * network directory, the only thing a hub admin may write. An entry is written by the same
 * flush as the change it records (so it exists exactly when the change committed) and is never
 * changed or removed. It names who (subject, roles, enterprise), what (operation, subject, the
 * names of the fields changed — never their values) and when; operators read it with SQL.
 */
@Entity({ tableName: 'audit_entry' })
export class AuditEntry {
  [OptionalProps]?: 'position';

  /** Write order within this subgraph. */
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  position!: number;

  @Index()
  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Property({ type: 'string', length: 120 })
  actorSubject!: string;

  @Property({ type: 'json' })
  actorRoles!: string[];

  /** The enterprise the actor acted for (null for a hub admin). */
  @Property({ type: 'string', length: 80, nullable: true })
  actorEnterprise!: string | null;

  /** The mutation, e.g. `changeEnterprise`. */
  @Property({ type: 'string', length: 80 })
  operation!: string;

  @Property({ type: 'string', length: 40 })
  subjectType!: string;

  @Index()
  @Property({ type: 'string', length: 80 })
  subjectId!: string;

  /** Names of the fields changed. */
  @Property({ type: 'json' })
  changed!: string[];

  /** The request's id, as its log lines and `extensions.requestId` carry it. */
  @Property({ type: 'string', length: 80 })
  requestId!: string;
}

export interface AuditedChange {
  operation: string;
  subject: { type: string; id: string };
  changed: readonly string[];
}

/** Adds an entry to the unit of work: written by the same flush as the change, inside its transaction. */
export function recordAudit(em: EntityManager, ctx: RequestContext<unknown>, change: AuditedChange): AuditEntry {
  const actor = ctx.actor;
  const entry = em.create(AuditEntry, {
    occurredAt: new Date(),
    actorSubject: actor.subject,
    actorRoles: ctx.viewer.system ? ['SYSTEM'] : [...(ctx.viewer.principal?.roles ?? [])],
    actorEnterprise: actor.enterprise,
    operation: change.operation,
    subjectType: change.subject.type,
    subjectId: change.subject.id,
    changed: [...change.changed],
    requestId: ctx.requestId.slice(0, 80),
  });
  em.persist(entry);
  return entry;
}
