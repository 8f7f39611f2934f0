import type { EntityManager } from '@mikro-orm/core';
import type { FilterDef } from '@mikro-orm/core/typings';
import type { ConstDirectiveNode, DocumentNode, FieldDefinitionNode, GraphQLField, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { defaultFieldResolver, getNullableType, isListType, isNonNullType, isObjectType, Kind, visit } from 'graphql';
import { hubError } from '../base/errors';
import type { GraphQLContext } from './context';
import { unauthenticated } from './tokens';
import type { AccessPolicy, TypeRule } from './policy';
import {
  audiencesOfField,
  audiencesOfOperation,
  decideField,
  fieldRuleOf,
  hubAdminWriteProblem,
  isPublicField,
  operationDecision,
  relationTo,
  rowCondition,
} from './policy';
import type { Relation, Viewer } from './viewer';

/** The MikroORM filter every query of a policed entity goes through; its parameter is `{ viewer }`. */
export const ROW_FILTER = 'visibility';

export function rowFilter(policy: AccessPolicy): FilterDef | undefined {
  const byEntity = new Map(
    Object.values(policy.types)
      .filter((rule) => rule.entity)
      .map((rule) => [rule.entity!, rule]),
  );
  if (byEntity.size === 0) return undefined;
  return {
    name: ROW_FILTER,
    entity: [...byEntity.keys()],
    default: true,
    // No viewer given is an error (MikroORM refuses to run the query), never "see everything".
    cond: (args: { viewer: Viewer }, _type: string, em: EntityManager, _options?: unknown, entityName?: string) =>
      rowCondition(policy, byEntity.get(entityName!)!, args.viewer, em),
  };
}

const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'];
const forbidden = (type: string, field: string) => hubError('FORBIDDEN', `You may not see ${type}.${field}`);

function isEntityType(type: GraphQLObjectType): boolean {
  return (type.astNode?.directives ?? []).some(
    (directive) =>
      directive.name.value === 'key' &&
      !(directive.arguments ?? []).some(
        (argument) => argument.name.value === 'resolvable' && argument.value.kind === Kind.BOOLEAN && !argument.value.value,
      ),
  );
}

/** Which audiences can see rows of this type at all (and so may meet a denied field). */
function rowAudiences(rule: TypeRule): { hub: boolean; partner: boolean; supplier: boolean; customerTier?: string } {
  if (rule.public) return { hub: false, partner: false, supplier: false };
  return {
    hub: true,
    partner: !!rule.ownership?.partner,
    supplier: !!rule.ownership?.supplier,
    customerTier: rule.ownership?.customerTier,
  };
}

/**
 * Checks the policy against the schema (every root field and entity type has a rule, every
 * rule names something real, every field that may be withheld can be) and wraps every guarded
 * resolver in place, so `_entities` lookups pass through the same field rules as queries.
 */
export function enforceAccess(schema: GraphQLSchema, policy: AccessPolicy, subgraph: string): GraphQLSchema {
  const problems: string[] = [];
  const seenOperations = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    // graphql-js types a field's source and context as `any`: the subgraph's schema runs with GraphQLContext.
    const fields = Object.values(type.getFields()) as GraphQLField<unknown, GraphQLContext>[];
    if (ROOT_TYPES.includes(type.name)) {
      for (const field of fields) {
        if (field.name.startsWith('_')) continue; // federation's _service and _entities: rows and fields guard what they return
        const key = `${type.name}.${field.name}`;
        const rule = policy.operations[key];
        if (!rule) {
          problems.push(`${key} has no operation rule`);
          continue;
        }
        seenOperations.add(key);
        const hubAdminWrite = hubAdminWriteProblem(key, rule);
        if (hubAdminWrite) problems.push(hubAdminWrite);
        guardOperation(field, rule, key);
      }
      continue;
    }
    const rule = policy.types[type.name];
    if (!rule) {
      if (isEntityType(type)) problems.push(`entity type ${type.name} has no type rule`);
      continue;
    }
    const audiences = rowAudiences(rule);
    for (const field of fields) {
      const fieldRule = fieldRuleOf(rule, field.name);
      const deniable =
        (rule.public && !isPublicField(rule, field.name)) ||
        (audiences.hub && !fieldRule.hub) ||
        (audiences.partner && !fieldRule.partner) ||
        (audiences.supplier && !fieldRule.supplier) ||
        (audiences.customerTier && !fieldRule.customer) ||
        !!fieldRule.studioRoles;
      const redactable = audiences.customerTier && fieldRule.customer && fieldRule.customer !== audiences.customerTier;
      if (deniable && isNonNullType(field.type)) problems.push(`${type.name}.${field.name} may be withheld, so it must be nullable`);
      if (redactable && isNonNullType(field.type) && !isListType(getNullableType(field.type))) {
        problems.push(`${type.name}.${field.name} is redacted below tier ${fieldRule.customer}, so it must be nullable or a list`);
      }
      guardField(type.name, field, rule, policy);
    }
    for (const name of Object.keys(rule.overrides ?? {}))
      if (!type.getFields()[name]) problems.push(`${type.name}.${name} has a rule but no field`);
  }
  for (const key of Object.keys(policy.operations)) if (!seenOperations.has(key)) problems.push(`operation rule ${key} names no field`);
  for (const [name, rule] of Object.entries(policy.types))
    if (!schema.getType(name) && !rule.rowsOnly) problems.push(`type rule ${name} names no type`);
  if (problems.length) throw new Error(`Access policy of subgraph "${subgraph}" does not fit its schema:\n- ${problems.join('\n- ')}`);
  return schema;
}

function guardOperation(field: GraphQLField<unknown, GraphQLContext>, rule: AccessPolicy['operations'][string], key: string): void {
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args: Record<string, unknown>, context, info) => {
    const decision = operationDecision(rule, context.ctx.viewer, args);
    if (decision === 'unauthenticated') throw unauthenticated(`${key} needs a token`);
    if (decision === 'forbidden') throw hubError('FORBIDDEN', `Your roles may not use ${key}`);
    return resolve(source, args, context, info);
  };
}

function guardField(typeName: string, field: GraphQLField<object, GraphQLContext>, rule: TypeRule, policy: AccessPolicy): void {
  const resolve = field.resolve ?? defaultFieldResolver;
  const fieldRule = fieldRuleOf(rule, field.name);
  const redacted = isListType(getNullableType(field.type)) ? [] : null;
  if (isPublicField(rule, field.name)) return; // anyone's: nothing to decide
  field.resolve = (source, args, context, info) => {
    const viewer = context.ctx.viewer;
    const apply = (relation: Relation) => {
      const decision = decideField(fieldRule, relation);
      if (decision === 'deny') throw forbidden(typeName, field.name);
      if (relation.kind === 'STUDIO' && fieldRule.studioRoles && !viewer.has(fieldRule.studioRoles)) throw forbidden(typeName, field.name);
      if (decision === 'redact') return redacted;
      const value = resolve(source, args, context, info);
      if (!fieldRule.outsideStudio || relation.kind === 'STUDIO' || relation.kind === 'SYSTEM') return value;
      return value instanceof Promise
        ? value.then((resolved: unknown) => fieldRule.outsideStudio!(resolved))
        : fieldRule.outsideStudio(value);
    };
    const relation = relationOf(source, rule, policy, viewer, context);
    return relation instanceof Promise ? relation.then(apply) : apply(relation);
  };
}

/** One relation per row and request: computed once, then answered synchronously. */
function relationOf(
  row: object,
  rule: TypeRule,
  policy: AccessPolicy,
  viewer: Viewer,
  context: GraphQLContext,
): Relation | Promise<Relation> {
  const known = viewer.relations.get(row);
  if (known) return known;
  const relation = relationTo(policy, rule, row as Record<string, unknown>, viewer, () => context.ctx.em);
  viewer.relations.set(row, relation);
  if (relation instanceof Promise) void relation.then((settled) => viewer.relations.set(row, settled));
  return relation;
}

const tag = (name: string): ConstDirectiveNode => ({
  kind: Kind.DIRECTIVE,
  name: { kind: Kind.NAME, value: 'tag' },
  arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'name' }, value: { kind: Kind.STRING, value: name } }],
});

/**
 * Adds `@tag(name: "<audience>")` to every root field and guarded field an audience may use,
 * from the same policy the resolvers enforce: the audience contracts are cut along these tags.
 */
export function tagAudiences(document: DocumentNode, policy: AccessPolicy): DocumentNode {
  const tagFields = (node: { name: { value: string }; fields?: readonly FieldDefinitionNode[] }) => {
    const typeName = node.name.value;
    const typeRule = policy.types[typeName];
    const isRoot = ROOT_TYPES.includes(typeName);
    if (!typeRule && !isRoot) return undefined;
    return {
      ...node,
      fields: node.fields?.map((field) => {
        const operation = policy.operations[`${typeName}.${field.name.value}`];
        const audiences = !isRoot
          ? audiencesOfField(fieldRuleOf(typeRule, field.name.value), typeRule, field.name.value)
          : operation
            ? audiencesOfOperation(operation)
            : [];
        return audiences.length ? { ...field, directives: [...(field.directives ?? []), ...audiences.map(tag)] } : field;
      }),
    };
  };
  return visit(document, { ObjectTypeDefinition: tagFields, ObjectTypeExtension: tagFields });
}
