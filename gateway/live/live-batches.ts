import {
  Kind,
  OperationTypeNode,
  parse,
  print,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import type { PlannedResult } from './live-operation';

/** Runs one query through the gateway's planner as the viewer the batch is for. */
export type ExecuteQuery = (query: string, variables: Record<string, unknown>) => Promise<PlannedResult>;

interface Member {
  variables: Record<string, unknown>;
  resolve(result: PlannedResult): void;
  reject(error: unknown): void;
}

/** One query text copied `size` times, each copy's variables, fragments and root keys prefixed. */
interface MergedQuery {
  text: string;
  /** The copy's root response keys, as the member asked them. */
  keys: string[];
  /** Within the gateway's limits (else this size is not used). */
  withinLimits: boolean;
}

/** The name of a merged operation (what its subgraph fetches are named after, in traces and logs). */
export const LIVE_BATCH_OPERATION = 'WeftLiveBatch';
/** Sizes a batch is padded up to (one plan per shape and size stays cached in the gateway), the largest that fits at most. */
const SIZES = [2, 4, 8, 16, 32];
const prefixOf = (copy: number) => `b${copy}_`;

/** Whether a merged operation's text passes the limits every operation must pass (parse limit, depth, cost, aliases …). */
export type AdmitsOperation = (text: string) => boolean;

/** Only the parse limit (unit tests). */
export const withinTokens =
  (maxTokens: number): AdmitsOperation =>
  (text) => {
    try {
      parse(text, { maxTokens });
      return true;
    } catch {
      return false;
    }
  };

/**
 * Per-event queries of one viewer asked in the same turn of the event loop, run as one
 * operation: a thousand followers of a studio's orders, each told of its own order's change,
 * cost one plan execution and one fetch per subgraph per batch instead of a thousand. Only
 * identical query texts are merged (the same subscription's shape), each copy under its own
 * prefix, and each member gets back exactly its copy's data and errors — the same viewer, so the
 * same rules in every subgraph. A merged operation is an operation like any other: it passes the
 * gateway's limits (so a batch holds as many copies as they allow, up to 32), and so do the
 * fetches it makes pass each subgraph's. A batch whose operation fails as a whole runs its
 * members one by one.
 */
export class LiveBatches {
  private readonly waiting = new Map<string, { execute: ExecuteQuery; byQuery: Map<string, Member[]> }>();
  private readonly merged = new Map<string, MergedQuery>();
  private readonly sizes = new Map<string, number[]>();
  private scheduled = false;

  /** `admits`: the gateway's limits, which a merged operation must pass. */
  constructor(private readonly admits: AdmitsOperation) {}

  /** `viewer` names who asks (principal and token): only one viewer's queries share a batch. */
  run(viewer: string, execute: ExecuteQuery, query: string, variables: Record<string, unknown>): Promise<PlannedResult> {
    return new Promise<PlannedResult>((resolve, reject) => {
      let batch = this.waiting.get(viewer);
      if (!batch) this.waiting.set(viewer, (batch = { execute, byQuery: new Map() }));
      const members = batch.byQuery.get(query) ?? [];
      members.push({ variables, resolve, reject });
      batch.byQuery.set(query, members);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batches = [...this.waiting.values()];
    this.waiting.clear();
    for (const { execute, byQuery } of batches) {
      for (const [query, members] of byQuery) {
        const sizes = this.sizesFor(query);
        const largest = sizes.length ? sizes[sizes.length - 1] : 1;
        for (let start = 0; start < members.length; start += largest)
          void this.runChunk(execute, query, members.slice(start, start + largest), sizes);
      }
    }
  }

  /**
   * The sizes a batch of this query is padded up to: those of SIZES whose merged operation passes
   * the limits, then the largest size below the next one that still does (adding a copy only adds
   * to a merged operation's aliases, cost and tokens). Empty: the query runs alone.
   */
  private sizesFor(query: string): number[] {
    const known = this.sizes.get(query);
    if (known) return known;
    const fits = (size: number) => this.mergedFor(query, size)?.withinLimits ?? false;
    const sizes: number[] = [];
    for (const size of SIZES) {
      if (!fits(size)) break;
      sizes.push(size);
    }
    const next = SIZES[sizes.length];
    if (next !== undefined) {
      let low = sizes.length ? sizes[sizes.length - 1] : 1; // fits
      let high = next; // does not
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (fits(middle)) low = middle;
        else high = middle;
      }
      if (low > 1 && low !== sizes[sizes.length - 1]) sizes.push(low);
    }
    this.sizes.set(query, sizes);
    return sizes;
  }

  private async runChunk(execute: ExecuteQuery, query: string, members: Member[], sizes: number[]): Promise<void> {
    if (members.length === 1) return this.runAlone(execute, query, members[0]);
    const size = sizes.find((candidate) => candidate >= members.length)!;
    const merged = this.mergedFor(query, size)!;
    const variables: Record<string, unknown> = {};
    for (let copy = 0; copy < size; copy += 1) {
      // Padding repeats the last member: the same lookups again, answered by the same loaders.
      const member = members[Math.min(copy, members.length - 1)];
      for (const [name, value] of Object.entries(member.variables)) variables[prefixOf(copy) + name] = value;
    }
    const result = await execute(merged.text, variables).catch(() => null);
    if (!result?.data) {
      for (const member of members) void this.runAlone(execute, query, member);
      return;
    }
    members.forEach((member, copy) => {
      const prefix = prefixOf(copy);
      const data = Object.fromEntries(merged.keys.map((key) => [key, result.data![prefix + key] ?? null]));
      const errors = (result.errors ?? []).flatMap((error) => {
        const [head, ...rest] = error.path ?? [];
        if (typeof head !== 'string') return [error]; // about the whole operation: every member's
        return head.startsWith(prefix) ? [{ ...error, path: [head.slice(prefix.length), ...rest] }] : [];
      });
      member.resolve(errors.length ? { data, errors } : { data });
    });
  }

  private async runAlone(execute: ExecuteQuery, query: string, member: Member): Promise<void> {
    try {
      member.resolve(await execute(query, member.variables));
    } catch (error) {
      member.reject(error);
    }
  }

  /** The query copied `size` times (built once per shape and size); undefined when it cannot be merged. */
  private mergedFor(query: string, size: number): MergedQuery | undefined {
    const key = `${size}\n${query}`;
    const known = this.merged.get(key);
    if (known) return known;
    const document = parse(query);
    const operations = document.definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
    if (operations.length !== 1 || operations[0].operation !== OperationTypeNode.QUERY) return undefined;
    const keys = operations[0].selectionSet.selections.map((selection) =>
      selection.kind === Kind.FIELD ? (selection.alias ?? selection.name).value : null,
    );
    if (keys.some((name) => name === null)) return undefined;
    const copies = Array.from({ length: size }, (_, copy) => prefixedCopy(document, prefixOf(copy)));
    const operation: OperationDefinitionNode = {
      kind: Kind.OPERATION_DEFINITION,
      operation: operations[0].operation,
      name: { kind: Kind.NAME, value: LIVE_BATCH_OPERATION },
      variableDefinitions: copies.flatMap((copy) => copy.operation.variableDefinitions ?? []),
      directives: [],
      selectionSet: { kind: Kind.SELECTION_SET, selections: copies.flatMap((copy) => copy.operation.selectionSet.selections) },
    };
    const text = print({ kind: Kind.DOCUMENT, definitions: [operation, ...copies.flatMap((copy) => copy.fragments)] });
    const merged = { text, keys: keys as string[], withinLimits: this.admits(text) };
    this.merged.set(key, merged);
    return merged;
  }
}

/** The document with every variable, fragment and root response key prefixed. */
function prefixedCopy(document: DocumentNode, prefix: string): { operation: OperationDefinitionNode; fragments: DefinitionNode[] } {
  const renamed = visit(document, {
    Variable: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
    FragmentSpread: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
    FragmentDefinition: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
  });
  const operation = renamed.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  const selections = operation.selectionSet.selections.map((selection: SelectionNode): FieldNode => {
    const field = selection as FieldNode;
    return { ...field, alias: { kind: Kind.NAME, value: prefix + (field.alias ?? field.name).value } };
  });
  return {
    operation: { ...operation, selectionSet: { ...operation.selectionSet, selections } },
    fragments: renamed.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION),
  };
}
