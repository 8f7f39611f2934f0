import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { Role, VisibilityTier } from '../../contracts';
import { STUDIO_STAFF, tierAllows } from '../../contracts';
import type { Viewer } from './viewer';
import { CAPACITY_PARTNERS, type Relation } from './viewer';

/**
 * A subgraph's access policy, declared as data in one file (`access-policy.ts`) and enforced by
 * one mechanism (`enforce.ts`): operation rules on Query and Mutation fields, row rules as a
 * MikroORM filter on every query (so `_entities` lookups obey them too), field rules on types,
 * and the `@tag`s that cut the audience contracts — all read from this one declaration.
 */
export interface AccessPolicy {
  /** `Query.order`, `Mutation.startStage` …: every root field must have one. */
  operations: Record<string, OperationRule>;
  /** By GraphQL type name. Every entity type (`@key`) must have one. */
  types: Record<string, TypeRule>;
  /** A customer's followed orders, each with the tier they may see it at (chosen, capped by the studio). */
  customerOrders?(viewer: Viewer, em: EntityManager): Promise<Map<string, VisibilityTier>>;
}

/**
 * PUBLIC: anyone, even without a token. AUTHENTICATED: any valid token. Or the roles allowed,
 * optionally only when acting for the enterprise an argument names (creating rows for it).
 */
export type OperationRule = 'PUBLIC' | 'AUTHENTICATED' | readonly Role[] | RolesActingFor | RolesOrNewcomers;

/**
 * These roles, and also a newcomer: a signed-in person with no membership yet (an identity-only
 * token, contracts/identity.ts `isNewcomer`). Newcomers are refused every other operation, even
 * AUTHENTICATED ones: only applying for an enterprise and accepting an invitation take them.
 */
export interface RolesOrNewcomers {
  roles: readonly Role[];
  newcomers: true;
}

export interface RolesActingFor {
  roles: readonly Role[];
  /** The enterprise the operation acts for; the caller's org must be it (hub admins, if listed, may act for any). */
  actsFor(args: Record<string, unknown>): string;
  /**
   * A write to the network directory (an enterprise's entry), not to data inside an enterprise:
   * the only kind of mutation that may list HUB_ADMIN (enforce.ts refuses any other), and one its
   * service records in the audit trail (platform/data/audit.ts).
   */
  directory?: true;
}

/**
 * Why a mutation's rule is refused: hub admins write the directory only, never data inside an
 * enterprise (orders, stock, allocations …), so only a `directory` rule may list HUB_ADMIN, and
 * no mutation may admit any token (which would admit them too). Null when the rule is fine.
 */
export function hubAdminWriteProblem(key: string, rule: OperationRule): string | null {
  if (!key.startsWith('Mutation.') || rule === 'PUBLIC') return null;
  if (rule === 'AUTHENTICATED') return `${key} admits any token, hub admins too: name the roles that may write`;
  if (rolesOf(rule).includes('HUB_ADMIN') && !('directory' in rule && rule.directory))
    return `${key} lets HUB_ADMIN write inside an enterprise: hub admins write only the directory (a rule with \`directory: true\`)`;
  return null;
}

/**
 * Who sees a field besides the owning studio's staff, who see all of their own rows. A customer
 * below the field's tier gets it redacted (null, or an empty list); anyone else not listed gets
 * FORBIDDEN.
 */
export interface FieldRule {
  hub?: boolean;
  partner?: boolean;
  customer?: VisibilityTier;
  supplier?: boolean;
  /** Within the owning studio, only these roles see the field (personal data kept from other staff); absent: all its staff. */
  studioRoles?: readonly Role[];
  /** How the value is trimmed for everyone outside the owning studio (e.g. trade secrets removed). */
  outsideStudio?(value: unknown): unknown;
}

export const STUDIO_ONLY: FieldRule = Object.freeze({});

export interface TypeRule<T = any> {
  /**
   * Directory data: every row is visible to everyone, and every field without an override. An
   * override on a public type keeps that field to the row's owners (per `ownership`) and whom
   * its rule names: e.g. a studio's terms on a material every studio and supplier may name.
   */
  public?: boolean;
  /** Whose rows these are: the row filter (for entities) and each field's viewer relation. */
  ownership?: Ownership<T>;
  /** The rows live in a table of this entity (the row filter applies to it). */
  entity?: string;
  /** An entity read by resolvers but not itself a GraphQL type: only its row rule applies. */
  rowsOnly?: boolean;
  /** The rule of every field without an override. */
  fields?: FieldRule;
  overrides?: Partial<Record<keyof T | string, FieldRule>>;
}

export interface Ownership<T> {
  /** Property naming the studio that owns the row; its staff see the row in full. */
  studio?: keyof T & string;
  /** Every studio's staff sees these rows in full (network data such as published stock). */
  anyStudio?: boolean;
  /** Property naming the order the row belongs to (how customers reach it). */
  order?: keyof T & string;
  /** The least tier at which a customer sees such rows at all; absent: customers never do. */
  customerTier?: VisibilityTier;
  /** Which of those rows a customer at a tier sees (e.g. stages whose code the tier shows). */
  customerRows?(tier: VisibilityTier): FilterQuery<T>;
  /** The rows a capacity partner (PARTNER, KITCHEN) sees; absent: none. */
  partner?(viewer: Viewer, em: EntityManager): FilterQuery<T> | Promise<FilterQuery<T>>;
  /** The rows a supplier sees (its own stock, purchase orders sent to it); absent: none. */
  supplier?(viewer: Viewer, em: EntityManager): FilterQuery<T> | Promise<FilterQuery<T>>;
}

const NOTHING = { $in: [] as string[] };

function customerScope(policy: AccessPolicy, viewer: Viewer, em: EntityManager): Promise<Map<string, VisibilityTier>> {
  if (!viewer.principal?.customer || !policy.customerOrders) return Promise.resolve(new Map<string, VisibilityTier>());
  return viewer.remember('customer-orders', () => policy.customerOrders!(viewer, em.fork()));
}

/** The filter a viewer's queries of one entity get: the union of what each of their roles sees. */
export async function rowCondition(policy: AccessPolicy, rule: TypeRule, viewer: Viewer, em: EntityManager): Promise<FilterQuery<any>> {
  if (viewer.system || rule.public || viewer.isHubAdmin) return {};
  const ownership = rule.ownership;
  if (!ownership) return { id: NOTHING };
  const any: FilterQuery<any>[] = [];
  if (viewer.has(STUDIO_STAFF) && ownership.anyStudio) return {};
  if (viewer.org && viewer.has(STUDIO_STAFF) && ownership.studio) any.push({ [ownership.studio]: viewer.org });
  if (viewer.org && viewer.has(CAPACITY_PARTNERS) && ownership.partner) any.push(await ownership.partner(viewer, em));
  if (viewer.org && viewer.has(['SUPPLIER']) && ownership.supplier) any.push(await ownership.supplier(viewer, em));
  if (ownership.order && ownership.customerTier) {
    const minimum = ownership.customerTier;
    const byTier = new Map<VisibilityTier, string[]>();
    for (const [orderId, tier] of await customerScope(policy, viewer, em)) {
      if (tierAllows(tier, minimum)) byTier.set(tier, [...(byTier.get(tier) ?? []), orderId]);
    }
    for (const [tier, orders] of byTier) any.push({ [ownership.order]: { $in: orders }, ...(ownership.customerRows?.(tier) ?? {}) });
  }
  if (any.length === 0) return { [ownership.studio ?? ownership.order ?? 'id']: NOTHING };
  return any.length === 1 ? any[0] : { $or: any };
}

/** How the viewer relates to one row that passed its row filter. */
export function relationTo(
  policy: AccessPolicy,
  rule: TypeRule,
  row: Record<string, unknown>,
  viewer: Viewer,
  em: () => EntityManager,
): Relation | Promise<Relation> {
  if (viewer.system) return { kind: 'SYSTEM' };
  // A public type's overridden fields are the only ones that ask: they need the owner's relation.
  if (rule.public && !rule.overrides) return { kind: 'PUBLIC' };
  return ownedRelation(policy, rule, row, viewer, em);
}

async function ownedRelation(
  policy: AccessPolicy,
  rule: TypeRule,
  row: Record<string, unknown>,
  viewer: Viewer,
  em: () => EntityManager,
): Promise<Relation> {
  const ownership = rule.ownership;
  if (!ownership) return { kind: 'NONE' };
  if (ownership.studio && viewer.isStaffOf(String(row[ownership.studio]))) return { kind: 'STUDIO' };
  if (ownership.anyStudio && viewer.has(STUDIO_STAFF)) return { kind: 'STUDIO' };
  if (viewer.isHubAdmin) return { kind: 'HUB' };
  if (viewer.has(CAPACITY_PARTNERS) && ownership.partner) return { kind: 'PARTNER' };
  if (viewer.has(['SUPPLIER']) && ownership.supplier) return { kind: 'SUPPLIER' };
  if (viewer.principal?.customer && ownership.order) {
    const scope = await customerScope(policy, viewer, em());
    return { kind: 'CUSTOMER', tier: scope.get(String(row[ownership.order])) ?? null };
  }
  return { kind: 'NONE' };
}

export type FieldDecision = 'allow' | 'redact' | 'deny';

export function decideField(rule: FieldRule, relation: Relation): FieldDecision {
  switch (relation.kind) {
    case 'SYSTEM':
    case 'STUDIO':
    case 'PUBLIC':
      return 'allow';
    case 'HUB':
      return rule.hub ? 'allow' : 'deny';
    case 'PARTNER':
      return rule.partner ? 'allow' : 'deny';
    case 'SUPPLIER':
      return rule.supplier ? 'allow' : 'deny';
    case 'CUSTOMER':
      if (!rule.customer || !relation.tier) return 'deny';
      return tierAllows(relation.tier, rule.customer) ? 'allow' : 'redact';
    default:
      return 'deny';
  }
}

/** A field of a public type anyone sees: every field but the overridden ones. */
export function isPublicField(rule: TypeRule, field: string): boolean {
  return !!rule.public && !rule.overrides?.[field];
}

export function fieldRuleOf(rule: TypeRule, field: string): FieldRule {
  return rule.overrides?.[field] ?? rule.fields ?? STUDIO_ONLY;
}

/** May this viewer run this root field at all? (Rows and fields are checked separately.) */
export function operationDecision(
  rule: OperationRule,
  viewer: Viewer,
  args: Record<string, unknown>,
): 'allow' | 'unauthenticated' | 'forbidden' {
  if (viewer.system || rule === 'PUBLIC') return 'allow';
  if (!viewer.authenticated) return 'unauthenticated';
  if (viewer.isNewcomer) return typeof rule === 'object' && 'newcomers' in rule && rule.newcomers ? 'allow' : 'forbidden';
  if (rule === 'AUTHENTICATED') return 'allow';
  const roles = rolesOf(rule);
  if (!viewer.has(roles)) return 'forbidden';
  if ('actsFor' in rule && !(roles.includes('HUB_ADMIN') && viewer.isHubAdmin) && viewer.org !== rule.actsFor(args)) return 'forbidden';
  return 'allow';
}

function rolesOf(rule: readonly Role[] | RolesActingFor | RolesOrNewcomers): readonly Role[] {
  return 'roles' in rule ? rule.roles : rule;
}

/**
 * Who may use an operation, as published to clients: anyone, any signed-in caller, or these
 * roles (a rule acting for an enterprise still needs the caller's own one: checked on each call).
 */
export function publishedRule(rule: OperationRule): 'PUBLIC' | 'AUTHENTICATED' | Role[] {
  return rule === 'PUBLIC' || rule === 'AUTHENTICATED' ? rule : [...new Set(rolesOf(rule))].sort();
}

/** The audience contracts a rule puts a field or operation in. */
export const AUDIENCES = ['customer', 'partner', 'supplier'] as const;
export type Audience = (typeof AUDIENCES)[number];

export function audiencesOfField(rule: FieldRule, typeRule: TypeRule, field: string): Audience[] {
  if (isPublicField(typeRule, field)) return [...AUDIENCES];
  return AUDIENCES.filter((audience) =>
    audience === 'customer' ? !!rule.customer : audience === 'partner' ? !!rule.partner : !!rule.supplier,
  );
}

export function audiencesOfOperation(rule: OperationRule): Audience[] {
  if (rule === 'PUBLIC' || rule === 'AUTHENTICATED') return [...AUDIENCES];
  const roles = rolesOf(rule);
  const audiences: Audience[] = [];
  if (roles.includes('CUSTOMER')) audiences.push('customer');
  if (roles.some((role) => CAPACITY_PARTNERS.includes(role))) audiences.push('partner');
  if (roles.includes('SUPPLIER')) audiences.push('supplier');
  return audiences;
}
