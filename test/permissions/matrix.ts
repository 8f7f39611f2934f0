import type { GraphQLResult } from '../support/hub';
import { hubAdmin, partner, staff } from '../support/principals';

/**
 * The permission matrix's vocabulary: the principals (its columns), a cell (one operation, field
 * or lookup, with the outcome each principal must see), and the observations cells make. The
 * cells are data, one file per subgraph under cells/; permissions.integration.test.ts runs them.
 */
export const PRINCIPALS = {
  anon: null,
  hub: hubAdmin(),
  mAdmin: staff('moyun-studio', 'STUDIO_ADMIN'),
  mSup: staff('moyun-studio', 'SUPERVISOR'),
  mOp: staff('moyun-studio', 'OPERATOR'),
  yAdmin: staff('youcaifeng', 'STUDIO_ADMIN'),
  gild: partner('gilding-atelier'),
  kiln: partner('jingde-kiln-works'),
  kitchen: partner('xuhui-cloud-kitchen', 'KITCHEN'),
  supp: partner('jingdezhen-clay', 'SUPPLIER'),
  cMin: 'customer of A at MINIMAL',
  cBasic: 'customer of A at BASIC',
  cDet: 'customer of A at DETAILED',
  cOther: 'customer of B at DETAILED',
} as const;
export type Who = keyof typeof PRINCIPALS;
export const WHO = Object.keys(PRINCIPALS) as Who[];

export type Expected = Record<Who, string>;
/** Columns in the order of PRINCIPALS. */
export function row(...outcomes: string[]): Expected {
  if (outcomes.length !== WHO.length) throw new Error(`a row needs ${WHO.length} outcomes`);
  return Object.fromEntries(WHO.map((who, index) => [who, outcomes[index]])) as Expected;
}

export interface Fixture {
  a: string; // moyun-studio order, C50 assigned to gilding-atelier, A10..C30 done (so its material is consumed)
  b: string; // youcaifeng order
  m: string; // moyun-studio order the mutations may cancel
  aStages: Record<string, string>;
  bFirstStage: string;
  traceCode: string; // of a finished moyun-studio product
  purchaseOrder: string; // moyun-studio → jingdezhen-clay
  overflowRequest: string; // moyun-studio: order M's final firing, placed with jingde-kiln-works
  allocation: string;
  idleSurge: string; // moyun-studio: a surge of C40 units far ahead that placed nothing (the studio may withdraw it)
  aImportedEvent: string; // the event id order A's import wrote (how live events find its progress entry)
  webhook: string; // moyun-studio's webhook
  captureJob: string; // an EPCIS capture job jingdezhen-clay sent, holding FIXTURE_CAPTURED_EVENT
}

/** The eventID of the one event in the fixture's capture job. */
export const FIXTURE_CAPTURED_EVENT = 'urn:uuid:7c1e2f3a-0b4d-4e5f-8a6b-9c0d1e2f3a4b';

export interface Cell {
  name: string;
  subgraph: 'orders' | 'network' | 'vocabulary' | 'suppliers' | 'capacity' | 'kitchens' | 'notifications' | 'traceability';
  query: string;
  variables(f: Fixture): Record<string, unknown>;
  observe(result: GraphQLResult): string;
  expected: Expected;
  mutation?: boolean;
  /** `_entities` lookups exist only on the subgraph. */
  directOnly?: boolean;
  /** Fields composed from several subgraphs exist only through the gateway. */
  gatewayOnly?: boolean;
}

export const DENIALS = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'];
export const errorCode = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code as string | undefined;

/** Root `order` (or `_entities[0]`) through `see`, or the error code, or `null` when not visible. */
export const ofOrder = (see: (order: any) => string) => (result: GraphQLResult) => {
  const code = errorCode(result);
  if (code) return code;
  const order = result.data?.order !== undefined ? result.data.order : result.data?._entities?.[0];
  return order === null || order === undefined ? 'null' : see(order);
};
/**
 * Mutations: ALLOWED means the caller got past every permission rule (the business rules may
 * still refuse, e.g. a stage out of route order). Denied ones are checked to change nothing.
 */
export const mutationOutcome = (result: GraphQLResult) => {
  const code = errorCode(result);
  return code && DENIALS.includes(code) ? code : 'ALLOWED';
};
export const distinct = (values: unknown[]) => [...new Set(values.filter((value) => value !== null && value !== undefined))].join(',');
