import { composeServices } from '@apollo/composition';
import type { ConstDirectiveNode, DefinitionNode, DocumentNode, FieldDefinitionNode, InputValueDefinitionNode, TypeNode } from 'graphql';
import { Kind, parse, print } from 'graphql';
import { AUDIENCES, type Audience } from '../platform/access/policy';

/**
 * Audience contracts: for each audience (customer, partner, supplier) a supergraph holding only
 * what its `@tag`s reach. The tags come from the subgraphs' access policies (see
 * platform/access/enforce.ts). Rule: a root field is in the contract when tagged for the audience;
 * from there, a type whose fields carry tags contributes only its tagged fields, a type without
 * any (a value type such as EnvironmentReading) contributes all of its fields. Root fields left
 * out are dropped; every other type, field, enum and input left out becomes `@inaccessible`, so
 * keys and query plans stay intact. The subgraphs are recomposed, and the result fails
 * validation for anything outside the audience.
 */

const ROOTS = ['Query', 'Mutation', 'Subscription'];
const OBJECT_KINDS: string[] = [
  Kind.OBJECT_TYPE_DEFINITION,
  Kind.OBJECT_TYPE_EXTENSION,
  Kind.INTERFACE_TYPE_DEFINITION,
  Kind.INTERFACE_TYPE_EXTENSION,
];
const INPUT_KINDS: string[] = [Kind.INPUT_OBJECT_TYPE_DEFINITION, Kind.INPUT_OBJECT_TYPE_EXTENSION];
const ENUM_KINDS: string[] = [Kind.ENUM_TYPE_DEFINITION, Kind.ENUM_TYPE_EXTENSION];

interface FieldInfo {
  tags: Set<string>;
  type: string;
  args: string[];
}

interface TypeInfo {
  fields: Map<string, FieldInfo>;
  /** Any field of it carries a tag: only tagged fields enter a contract. */
  tagged: boolean;
  /** For input types: the types of their fields. */
  inputFields: string[];
}

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));
const tagsOf = (node: { directives?: readonly ConstDirectiveNode[] }) =>
  new Set(
    (node.directives ?? [])
      .filter((directive) => directive.name.value === 'tag')
      .map((directive) => directive.arguments?.find((argument) => argument.name.value === 'name')?.value)
      .filter((value): value is { kind: Kind.STRING; value: string } => value?.kind === Kind.STRING)
      .map((value) => value.value),
  );

function collectTypes(documents: DocumentNode[]): Map<string, TypeInfo> {
  const types = new Map<string, TypeInfo>();
  const info = (name: string) => {
    let found = types.get(name);
    if (!found) types.set(name, (found = { fields: new Map(), tagged: false, inputFields: [] }));
    return found;
  };
  for (const document of documents) {
    for (const definition of document.definitions) {
      if (OBJECT_KINDS.includes(definition.kind)) {
        const node = definition as { name: { value: string }; fields?: readonly FieldDefinitionNode[] };
        const type = info(node.name.value);
        for (const field of node.fields ?? []) {
          const tags = tagsOf(field);
          const known = type.fields.get(field.name.value);
          if (known) tags.forEach((tag) => known.tags.add(tag));
          else
            type.fields.set(field.name.value, {
              tags,
              type: namedType(field.type),
              args: (field.arguments ?? []).map((argument) => namedType(argument.type)),
            });
          if (tags.size) type.tagged = true;
        }
      } else if (INPUT_KINDS.includes(definition.kind)) {
        const node = definition as { name: { value: string }; fields?: readonly InputValueDefinitionNode[] };
        info(node.name.value).inputFields.push(...(node.fields ?? []).map((field) => namedType(field.type)));
      }
    }
  }
  return types;
}

interface Reach {
  types: Set<string>;
  fields: Set<string>;
}

/**
 * What one audience reaches from its tagged root fields. A policed type of which the audience
 * may see no field at all (suppliers and Order, say) is dead: fields leading to it are left out
 * too, until nothing more dies.
 */
function reach(types: Map<string, TypeInfo>, audience: Audience): Reach {
  const dead = new Set<string>();
  for (;;) {
    const result = reachAvoiding(types, audience, dead);
    const dying = [...result.types].filter(
      (name) => !ROOTS.includes(name) && types.get(name)?.tagged && ![...result.fields].some((field) => field.startsWith(`${name}.`)),
    );
    if (dying.length === 0) return result;
    dying.forEach((name) => dead.add(name));
  }
}

function reachAvoiding(types: Map<string, TypeInfo>, audience: Audience, dead: Set<string>): Reach {
  const reached = new Set<string>();
  const fields = new Set<string>();
  const queue = ROOTS.filter((root) => types.has(root));
  const visit = (name: string) => {
    if (!reached.has(name)) {
      reached.add(name);
      queue.push(name);
    }
  };
  while (queue.length) {
    const name = queue.shift()!;
    reached.add(name);
    const type = types.get(name);
    if (!type) continue;
    for (const [fieldName, field] of type.fields) {
      const isRoot = ROOTS.includes(name);
      const included = isRoot || type.tagged ? field.tags.has(audience) : true;
      if (!included || dead.has(field.type)) continue;
      fields.add(`${name}.${fieldName}`);
      visit(field.type);
      field.args.forEach(visit);
    }
    type.inputFields.forEach(visit);
  }
  return { types: reached, fields };
}

const isExternal = (field: FieldDefinitionNode) => (field.directives ?? []).some((directive) => directive.name.value === 'external');
const inaccessible: ConstDirectiveNode = { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: 'inaccessible' } };
const withInaccessible = <T>(node: T): T => {
  const directives: readonly ConstDirectiveNode[] = (node as { directives?: readonly ConstDirectiveNode[] }).directives ?? [];
  return directives.some((directive) => directive.name.value === 'inaccessible')
    ? node
    : { ...node, directives: [...directives, inaccessible] };
};

function cut(document: DocumentNode, audienceReach: Reach): DocumentNode {
  const definitions: DefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (OBJECT_KINDS.includes(definition.kind)) {
      const node = definition as DefinitionNode & { name: { value: string }; fields?: readonly FieldDefinitionNode[] };
      const name = node.name.value;
      if (ROOTS.includes(name)) {
        const kept = (node.fields ?? []).filter(
          (field) => field.name.value.startsWith('_') || audienceReach.fields.has(`${name}.${field.name.value}`),
        );
        if (kept.length) definitions.push({ ...node, fields: kept } as DefinitionNode);
        continue;
      }
      if (!audienceReach.types.has(name)) {
        definitions.push(withInaccessible(node));
        continue;
      }
      definitions.push({
        ...node,
        // An @external field is made inaccessible where it is owned, never where it is borrowed.
        fields: (node.fields ?? []).map((field) =>
          audienceReach.fields.has(`${name}.${field.name.value}`) || isExternal(field) ? field : withInaccessible(field),
        ),
      } as DefinitionNode);
    } else if (
      (INPUT_KINDS.includes(definition.kind) || ENUM_KINDS.includes(definition.kind)) &&
      !audienceReach.types.has((definition as { name: { value: string } }).name.value)
    ) {
      definitions.push(withInaccessible(definition as DefinitionNode & { directives?: readonly ConstDirectiveNode[] }));
    } else {
      definitions.push(definition);
    }
  }
  return { ...document, definitions };
}

export interface ContractInput {
  name: string;
  url: string;
  sdl: string;
}

/** The supergraph SDL of each audience contract. */
export function composeContracts(subgraphs: ContractInput[]): Record<Audience, string> {
  const documents = subgraphs.map((subgraph) => parse(subgraph.sdl));
  const types = collectTypes(documents);
  const contracts = {} as Record<Audience, string>;
  for (const audience of AUDIENCES) {
    const audienceReach = reach(types, audience);
    const result = composeServices(
      subgraphs.map((subgraph, index) => ({
        name: subgraph.name,
        url: subgraph.url,
        typeDefs: parse(print(cut(documents[index], audienceReach))),
      })),
    );
    if (result.errors)
      throw new Error(`The ${audience} contract does not compose:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
    contracts[audience] = `${result.supergraphSdl.trimEnd()}\n`;
  }
  return contracts;
}
