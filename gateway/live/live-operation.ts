import type {
  ExecutionResult,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLFieldResolver,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionNode,
  SelectionSetNode,
} from 'graphql';
import {
  execute,
  getDirectiveValues,
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  print,
  visit,
  type DocumentNode,
} from 'graphql';
import type { EventEnvelope } from '../../contracts';
import type { Viewer } from '../../platform/access/viewer';
import type { LiveField, LiveLink } from './fields';

/** What a query through the gateway answered (data and errors as a client would get them). */
export interface PlannedResult {
  data?: Record<string, any> | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}
/**
 * Runs a query through the gateway as the subscriber. `event` (a cursor) lets identical queries
 * of the same viewer for the same event share one execution (a broadcast to many followers).
 */
export type RunQuery = (query: string, variables: Record<string, unknown>, event?: string) => Promise<PlannedResult>;

/** The subscriber's token stopped being accepted while following: the connection must close. */
export class TokenRejectedError extends Error {}

/** A subgraph could not answer (restarting, say): the same event is resolved again shortly. */
export class TransientResolutionError extends Error {}

/** Event payloads (and the root value) are keyed by field name; planner results by response key. */
const PAYLOADS = new WeakMap<object, Map<string, unknown>>();

const liveFieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, _args, _context, info) => {
  if (source === null || typeof source !== 'object') return undefined;
  const fields = source as Record<string | number, unknown>;
  const links = PAYLOADS.get(source);
  if (!links) return fields[info.path.key];
  return links.has(String(info.path.key)) ? links.get(String(info.path.key)) : fields[info.fieldName];
};

interface CollectedLink {
  link: LiveLink;
  selections: SelectionNode[];
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/** Adds `__typename` to every selection set, so abstract types resolve when the result is executed. */
function withTypenames<T extends object>(node: T): T {
  return visit(node as any, {
    SelectionSet: (set: SelectionSetNode) =>
      set.selections.some((selection) => selection.kind === Kind.FIELD && selection.name.value === '__typename' && !selection.alias)
        ? undefined
        : { ...set, selections: [TYPENAME, ...set.selections] },
  }) as T;
}

/**
 * One subscription of one client, prepared once at subscribe time: its root field, the
 * selections under each link field (`order { … }`), and the fragments and variables those use.
 * For each event it builds a query for the links and probes, runs it through the gateway's
 * planner as the subscriber, and executes the subscription's own document over the result.
 */
export class LiveOperation {
  private readonly rootKey: string;
  private readonly links = new Map<string, CollectedLink>();
  private readonly fragments: Record<string, FragmentDefinitionNode>;
  private readonly queries = new Map<string, string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly document: DocumentNode,
    private readonly operation: OperationDefinitionNode,
    private readonly rawVariables: Record<string, unknown>,
    private readonly coercedVariables: Record<string, unknown>,
    private readonly rootField: FieldNode,
    readonly field: LiveField,
    readonly args: Record<string, any>,
    readonly viewer: Viewer,
    private readonly run: RunQuery,
  ) {
    this.rootKey = rootField.alias?.value ?? rootField.name.value;
    this.fragments = Object.fromEntries(
      document.definitions
        .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
        .map((fragment) => [fragment.name.value, fragment]),
    );
    if (rootField.selectionSet) this.collect(rootField.selectionSet);
  }

  private included(node: SelectionNode): boolean {
    const skip = getDirectiveValues(GraphQLSkipDirective, node, this.coercedVariables);
    if (skip?.if === true) return false;
    const include = getDirectiveValues(GraphQLIncludeDirective, node, this.coercedVariables);
    return include?.if !== false;
  }

  private collect(set: SelectionSetNode): void {
    for (const selection of set.selections) {
      if (!this.included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const link = this.field.links[selection.name.value];
        if (!link) continue;
        const key = selection.alias?.value ?? selection.name.value;
        const collected = this.links.get(key) ?? { link, selections: [] };
        collected.selections.push(...(selection.selectionSet?.selections ?? []));
        this.links.set(key, collected);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        this.collect(selection.selectionSet);
      } else {
        const fragment = this.fragments[selection.name.value];
        if (fragment) this.collect(fragment.selectionSet);
      }
    }
  }

  /** The query for links with a value and the given probes; built once per shape. */
  private queryFor(links: [string, CollectedLink][], probes: LiveLink[]): string {
    const key = `${links.map(([name]) => name).join(',')}|${probes.map((probe) => probe.root).join(',')}`;
    const cached = this.queries.get(key);
    if (cached) return cached;
    const variables: string[] = [];
    const fields: string[] = [];
    const selections: SelectionNode[] = [];
    links.forEach(([, collected], index) => {
      const set = withTypenames<SelectionSetNode>({ kind: Kind.SELECTION_SET, selections: collected.selections });
      selections.push(...set.selections);
      variables.push(`$weftLink${index}: ${collected.link.argType}`);
      fields.push(`link${index}: ${collected.link.root}(${collected.link.arg}: $weftLink${index}) ${print(set)}`);
    });
    probes.forEach((probe, index) => {
      variables.push(`$weftProbe${index}: ${probe.argType}`);
      fields.push(`probe${index}: ${probe.root}(${probe.arg}: $weftProbe${index}) { __typename }`);
    });
    // Only the fragments and variables the selections use: unused ones fail validation.
    const usedFragments = new Set<string>();
    const usedVariables = new Set<string>();
    const queue: SelectionNode[][] = [selections];
    while (queue.length) {
      visit({ kind: Kind.SELECTION_SET, selections: queue.pop()! } as SelectionSetNode, {
        FragmentSpread: (spread) => {
          if (usedFragments.has(spread.name.value) || !this.fragments[spread.name.value]) return;
          usedFragments.add(spread.name.value);
          queue.push([...this.fragments[spread.name.value].selectionSet.selections]);
        },
        Variable: (variable) => {
          usedVariables.add(variable.name.value);
        },
      });
    }
    for (const definition of this.operation.variableDefinitions ?? []) {
      if (usedVariables.has(definition.variable.name.value)) variables.push(print(definition));
    }
    const fragmentText = [...usedFragments].map((name) => print(withTypenames(this.fragments[name]))).join('\n');
    const query = `query WeftLiveEvent${variables.length ? `(${variables.join(', ')})` : ''} {\n${fields.join('\n')}\n}\n${fragmentText}`;
    this.queries.set(key, query);
    return query;
  }

  /** Whether the event may be for this subscriber at all (cheap: no query). */
  accepts(event: EventEnvelope): boolean {
    return this.field.payload(event, this.viewer, this.args) !== null;
  }

  /** The result this subscriber gets for an event, or null when the event is not for them. */
  async resolve(event: EventEnvelope): Promise<ExecutionResult | null> {
    const payload = this.field.payload(event, this.viewer, this.args);
    if (!payload) return null;
    const probes = this.field.probes(event, this.viewer).map((probe) => ({ probe, value: probe.value(event, this.args) }));
    if (probes.some(({ value }) => value === null)) return null;
    const links = [...this.links].map(([key, collected]) => ({ key, collected, value: collected.link.value(event, this.args) }));
    const queried = links.filter(({ value }) => value !== null);
    const resolvedLinks = new Map<string, unknown>(links.map(({ key }) => [key, null]));
    const errors: GraphQLError[] = [];
    if (queried.length || probes.length) {
      const variables: Record<string, unknown> = { ...this.rawVariables };
      queried.forEach(({ value }, index) => (variables[`weftLink${index}`] = value));
      probes.forEach(({ value }, index) => (variables[`weftProbe${index}`] = value));
      const result = await this.run(
        this.queryFor(
          queried.map(({ key, collected }) => [key, collected]),
          probes.map(({ probe }) => probe),
        ),
        variables,
        event.cursor,
      );
      if (result.errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED'))
        throw new TokenRejectedError('The token is no longer accepted');
      const failed = result.errors?.find((error) => !error.extensions?.code || error.extensions.code === 'INTERNAL_SERVER_ERROR');
      if (failed) throw new TransientResolutionError(failed.message);
      if (!result.data) {
        const first = result.errors?.[0];
        throw new GraphQLError(first?.message ?? 'The event could not be resolved', { extensions: first?.extensions });
      }
      if (probes.some((_probe, index) => !result.data![`probe${index}`])) return null;
      queried.forEach(({ key }, index) => resolvedLinks.set(key, result.data![`link${index}`] ?? null));
      for (const error of result.errors ?? []) {
        const [head, ...rest] = error.path ?? [];
        const index = typeof head === 'string' && head.startsWith('link') ? Number(head.slice(4)) : -1;
        if (index < 0) continue; // a probe's error only means "not delivered"
        errors.push(new GraphQLError(error.message, { path: [this.rootKey, queried[index].key, ...rest], extensions: error.extensions }));
      }
    }
    PAYLOADS.set(payload, resolvedLinks);
    const root = { [this.rootField.name.value]: payload };
    PAYLOADS.set(root, new Map());
    const result = await execute({
      schema: this.schema,
      document: this.document,
      operationName: this.operation.name?.value,
      rootValue: root,
      variableValues: this.rawVariables,
      fieldResolver: liveFieldResolver,
    });
    return errors.length ? { ...result, errors: [...(result.errors ?? []), ...errors] } : result;
  }
}
