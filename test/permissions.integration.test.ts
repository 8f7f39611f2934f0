import { ORDER_EVENTS, type Principal } from '../contracts';
import { Order } from '../subgraphs/orders/entities/order';
import { CustomerLink } from '../subgraphs/orders/entities/customer-link';
import { OrderException, ProgressEvent, Shipment } from '../subgraphs/orders/entities/progress';
import { StageRun } from '../subgraphs/orders/entities/stage-run';
import { OrderFacts } from '../subgraphs/notifications/entities';
import { dialects, GraphQLResult, startTestHub, TestHub } from './support/hub';
import { teawareOrder } from './support/orders';
import { customer, hubAdmin, partner, staff } from './support/principals';
import { waitFor } from './support/wait';

/**
 * The permission matrix: every role × the main queries, mutations, fields and `_entities`
 * lookups × own / foreign enterprise, each cell with the outcome it must have, through the
 * gateway and directly against the subgraph that owns the operation. A cell's observed outcome
 * is a short string (an error code, `null` for "no such order", or what was seen); the table
 * below spells out every expected one. Later issues add their operations here.
 */

const PRINCIPALS = {
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
type Who = keyof typeof PRINCIPALS;
const WHO = Object.keys(PRINCIPALS) as Who[];

type Expected = Record<Who, string>;
/** Columns in the order of PRINCIPALS. */
function row(...outcomes: string[]): Expected {
  if (outcomes.length !== WHO.length) throw new Error(`a row needs ${WHO.length} outcomes`);
  return Object.fromEntries(WHO.map((who, index) => [who, outcomes[index]])) as Expected;
}

interface Fixture {
  a: string; // moyun-studio order, C50 assigned to gilding-atelier, A10..C30 done (so its material is consumed)
  b: string; // youcaifeng order
  m: string; // moyun-studio order the mutations may cancel
  aStages: Record<string, string>;
  bFirstStage: string;
  traceCode: string; // of a finished moyun-studio product
  purchaseOrder: string; // moyun-studio → jingdezhen-clay
  overflowRequest: string; // moyun-studio: order M's final firing, placed with jingde-kiln-works
  allocation: string;
  aImportedEvent: string; // the event id order A's import wrote (how live events find its progress entry)
  webhook: string; // moyun-studio's webhook
}

interface Cell {
  name: string;
  subgraph: 'orders' | 'network' | 'vocabulary' | 'suppliers' | 'capacity' | 'kitchens' | 'notifications';
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

const DENIALS = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'];
const errorCode = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code as string | undefined;

/** Root `order` (or `_entities[0]`) through `see`, or the error code, or `null` when not visible. */
const ofOrder = (see: (order: any) => string) => (result: GraphQLResult) => {
  const code = errorCode(result);
  if (code) return code;
  const order = result.data?.order !== undefined ? result.data.order : result.data?._entities?.[0];
  return order === null || order === undefined ? 'null' : see(order);
};
const mutationOutcome = (result: GraphQLResult) => {
  const code = errorCode(result);
  return code && DENIALS.includes(code) ? code : 'ALLOWED';
};
const distinct = (values: unknown[]) => [...new Set(values.filter((value) => value !== null && value !== undefined))].join(',');

//                 anon               hub          mAdmin       mSup         mOp          yAdmin       gild         kiln         kitchen      supp         cMin         cBasic       cDet         cOther
const CELLS: Cell[] = [
  {
    name: 'order A is visible',
    subgraph: 'orders',
    query: `query($a: ID!) { order(id: $a) { id phase } }`,
    variables: (f) => ({ a: f.a }),
    observe: ofOrder(() => 'visible'),
    expected: row('UNAUTHENTICATED', 'visible', 'visible', 'visible', 'visible', 'null', 'visible', 'null', 'null', 'null', 'visible', 'visible', 'visible', 'null'),
  },
  {
    name: 'order B (another studio) is visible',
    subgraph: 'orders',
    query: `query($b: ID!) { order(id: $b) { id phase } }`,
    variables: (f) => ({ b: f.b }),
    observe: ofOrder(() => 'visible'),
    expected: row('UNAUTHENTICATED', 'visible', 'null', 'null', 'null', 'visible', 'null', 'null', 'null', 'null', 'null', 'null', 'null', 'visible'),
  },
  {
    name: "the customer's name, contact and address",
    subgraph: 'orders',
    query: `query($a: ID!) { order(id: $a) { customer { name contact address } } }`,
    variables: (f) => ({ a: f.a }),
    observe: ofOrder((order) => (order.customer ? 'seen' : 'hidden')),
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'seen', 'seen', 'seen', 'null', 'FORBIDDEN', 'null', 'null', 'null', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'null'),
  },
  {
    name: 'the price',
    subgraph: 'orders',
    query: `query($a: ID!) { order(id: $a) { priceCents } }`,
    variables: (f) => ({ a: f.a }),
    observe: ofOrder((order) => (order.priceCents === null ? 'hidden' : 'seen')),
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'seen', 'seen', 'seen', 'null', 'FORBIDDEN', 'null', 'null', 'null', 'seen', 'seen', 'seen', 'null'),
  },
  {
    name: 'the stages (partner: only its own; customer: by tier)',
    subgraph: 'orders',
    query: `query($a: ID!) { order(id: $a) { stages { code statusCode { code } } } }`,
    variables: (f) => ({ a: f.a }),
    observe: ofOrder((order) => `stages:${order.stages.length}`),
    expected: row('UNAUTHENTICATED', 'stages:9', 'stages:9', 'stages:9', 'stages:9', 'null', 'stages:1', 'null', 'null', 'null', 'stages:0', 'stages:5', 'stages:9', 'null'),
  },
  {
    name: 'process parameters (trade secrets only in the studio)',
    subgraph: 'orders',
    query: `query($a: ID!) { order(id: $a) { stages { processParameters { name tradeSecret } } } }`,
    variables: (f) => ({ a: f.a }),
    observe: ofOrder((order) => {
      const parameters = order.stages.flatMap((stage: any) => stage.processParameters ?? []);
      return `params:${parameters.length}/secret:${parameters.filter((parameter: any) => parameter.tradeSecret).length}`;
    }),
    expected: row('UNAUTHENTICATED', 'params:1/secret:0', 'params:2/secret:1', 'params:2/secret:1', 'params:2/secret:1', 'null', 'FORBIDDEN', 'null', 'null', 'null', 'params:0/secret:0', 'params:0/secret:0', 'params:1/secret:0', 'null'),
  },
  {
    name: "operators' real names",
    subgraph: 'orders',
    query: `query($a: ID!) { order(id: $a) { stages { operatorName } } }`,
    variables: (f) => ({ a: f.a }),
    observe: ofOrder((order) => `names:${distinct(order.stages.map((stage: any) => stage.operatorName))}`),
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'names:王芳', 'names:王芳', 'names:王芳', 'null', 'FORBIDDEN', 'null', 'null', 'null', 'names:', 'FORBIDDEN', 'FORBIDDEN', 'null'),
  },
  {
    name: 'pen names, stage times and environment readings (DETAILED)',
    subgraph: 'orders',
    query: `query($a: ID!) { order(id: $a) { stages { operatorPenName startedAt environment { name } } } }`,
    variables: (f) => ({ a: f.a }),
    observe: ofOrder(
      (order) =>
        `pens:${distinct(order.stages.map((stage: any) => stage.operatorPenName))}/times:${order.stages.filter((stage: any) => stage.startedAt).length}/readings:${order.stages.flatMap((stage: any) => stage.environment).length}`,
    ),
    expected: row(
      'UNAUTHENTICATED', 'pens:墨白/times:5/readings:2', 'pens:墨白/times:5/readings:2', 'pens:墨白/times:5/readings:2', 'pens:墨白/times:5/readings:2', 'null',
      'pens:/times:0/readings:0', 'null', 'null', 'null', 'pens:/times:0/readings:0', 'pens:/times:0/readings:0', 'pens:墨白/times:5/readings:2', 'null',
    ),
  },
  {
    name: 'milestone (BASIC) and exact status code (DETAILED)',
    subgraph: 'orders',
    query: `query($a: ID!) { order(id: $a) { phase milestone { code } statusCode { code } } }`,
    variables: (f) => ({ a: f.a }),
    observe: ofOrder((order) => `${order.phase}/milestone:${order.milestone?.code ?? '-'}/status:${order.statusCode?.code ?? '-'}`),
    expected: row(
      'UNAUTHENTICATED', 'IN_PROGRESS/milestone:B10/status:C30', 'IN_PROGRESS/milestone:B10/status:C30', 'IN_PROGRESS/milestone:B10/status:C30', 'IN_PROGRESS/milestone:B10/status:C30', 'null',
      'IN_PROGRESS/milestone:B10/status:C30', 'null', 'null', 'null', 'IN_PROGRESS/milestone:-/status:-', 'IN_PROGRESS/milestone:B10/status:-', 'IN_PROGRESS/milestone:B10/status:C30', 'null',
    ),
  },
  {
    name: 'the progress log (customer: their timeline at their tier)',
    subgraph: 'orders',
    query: `query($a: ID!) { order(id: $a) { progress { type statusCode { code } } } }`,
    variables: (f) => ({ a: f.a }),
    // Forecast updates (as many as the forecast moved while the fixture ran) are counted apart: `+eta` when seen.
    observe: ofOrder((order) => {
      const forecasts = order.progress.filter((entry: any) => entry.type === ORDER_EVENTS.ETA_CHANGED).length;
      return `progress:${order.progress.length - forecasts}${forecasts > 0 ? '+eta' : ''}`;
    }),
    expected: row('UNAUTHENTICATED', 'progress:14+eta', 'progress:14+eta', 'progress:14+eta', 'progress:14+eta', 'null', 'FORBIDDEN', 'null', 'null', 'null', 'progress:0', 'progress:5+eta', 'progress:11+eta', 'null'),
  },
  {
    name: 'the completion forecast (customers from BASIC)',
    subgraph: 'orders',
    query: `query($a: ID!) { order(id: $a) { eta { completion { likelyBefore } basis { method } } } }`,
    variables: (f) => ({ a: f.a }),
    observe: ofOrder((order) => (order.eta ? 'seen' : 'hidden')),
    expected: row('UNAUTHENTICATED', 'seen', 'seen', 'seen', 'seen', 'null', 'FORBIDDEN', 'null', 'null', 'null', 'hidden', 'seen', 'seen', 'null'),
  },
  {
    name: 'one progress entry by its event id (how live events probe a customer\'s tier)',
    subgraph: 'orders',
    query: `query($e: ID!) { progressEvent(eventId: $e) { type } }`,
    variables: (f) => ({ e: f.aImportedEvent }),
    observe: (result) => errorCode(result) ?? (result.data.progressEvent ? `entry:${result.data.progressEvent.type}` : 'null'),
    expected: row(
      'UNAUTHENTICATED', 'entry:order.imported', 'entry:order.imported', 'entry:order.imported', 'entry:order.imported', 'null', 'null', 'null', 'null', 'null',
      'null', 'entry:order.imported', 'entry:order.imported', 'null',
    ),
  },
  {
    name: 'exceptions',
    subgraph: 'orders',
    query: `query($a: ID!) { order(id: $a) { exceptions { id } } }`,
    variables: (f) => ({ a: f.a }),
    observe: ofOrder((order) => `exceptions:${order.exceptions.length}`),
    expected: row('UNAUTHENTICATED', 'exceptions:1', 'exceptions:1', 'exceptions:1', 'exceptions:1', 'null', 'FORBIDDEN', 'null', 'null', 'null', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'null'),
  },
  {
    name: "a studio's order list",
    subgraph: 'orders',
    query: `{ orders(studioId: "moyun-studio") { totalCount nodes { id } } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `count:${result.data.orders.totalCount}/${result.data.orders.nodes.length}`,
    expected: row('UNAUTHENTICATED', 'count:3/3', 'count:3/3', 'count:3/3', 'count:3/3', 'count:0/0', 'count:1/1', 'count:1/1', 'count:0/0', 'count:0/0', 'count:1/1', 'count:1/1', 'count:1/1', 'count:0/0'),
  },
  {
    name: "a studio's kanban",
    subgraph: 'orders',
    query: `{ stageBoard(studioId: "moyun-studio") { columns { code orderIds } } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `orders:${result.data.stageBoard.columns.flatMap((column: any) => column.orderIds).length}`,
    expected: row('UNAUTHENTICATED', 'orders:2', 'orders:2', 'orders:2', 'orders:2', 'orders:0', 'orders:1', 'orders:1', 'orders:0', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: "a partner's work list",
    subgraph: 'orders',
    query: `{ assignedStages(enterpriseId: "gilding-atelier") { id code } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `stages:${result.data.assignedStages.length}`,
    expected: row('UNAUTHENTICATED', 'stages:1', 'stages:1', 'stages:1', 'stages:1', 'stages:0', 'stages:1', 'stages:0', 'stages:0', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: "an order's customer links",
    subgraph: 'orders',
    query: `query($a: ID!) { customerLinks(orderId: $a) { id tier } }`,
    variables: (f) => ({ a: f.a }),
    observe: (result) => errorCode(result) ?? `links:${result.data.customerLinks.length}`,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'links:1', 'links:1', 'FORBIDDEN', 'links:0', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'the network directory (public)',
    subgraph: 'network',
    query: `{ enterprise(id: "moyun-studio") { nameEn } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? result.data.enterprise.nameEn,
    expected: row(...WHO.map(() => 'Moyun Creative Studio')),
  },
  {
    name: 'the vocabulary (public)',
    subgraph: 'vocabulary',
    query: `{ statusCode(code: "C50") { labelEn } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? result.data.statusCode.labelEn,
    expected: row(...WHO.map(() => 'Hand gilding')),
  },
  {
    name: '_entities lookup of order A',
    subgraph: 'orders',
    directOnly: true,
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id phase } } }`,
    variables: (f) => ({ r: [{ __typename: 'Order', id: f.a }] }),
    observe: ofOrder(() => 'visible'),
    expected: row('null', 'visible', 'visible', 'visible', 'visible', 'null', 'visible', 'null', 'null', 'null', 'visible', 'visible', 'visible', 'null'),
  },
  {
    name: "_entities lookup of order A's customer and price",
    subgraph: 'orders',
    directOnly: true,
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { customer { name } priceCents } } }`,
    variables: (f) => ({ r: [{ __typename: 'Order', id: f.a }] }),
    observe: ofOrder((order) => `${order.customer ? 'customer' : '-'}/${order.priceCents === null ? '-' : 'price'}`),
    expected: row('null', 'FORBIDDEN', 'customer/price', 'customer/price', 'customer/price', 'null', 'FORBIDDEN', 'null', 'null', 'null', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'null'),
  },
  {
    name: "_entities lookup of order A's stages",
    subgraph: 'orders',
    directOnly: true,
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { stages { id } } } }`,
    variables: (f) => ({ r: [{ __typename: 'Order', id: f.a }] }),
    observe: ofOrder((order) => `stages:${order.stages.length}`),
    expected: row('null', 'stages:9', 'stages:9', 'stages:9', 'stages:9', 'null', 'stages:1', 'null', 'null', 'null', 'stages:0', 'stages:5', 'stages:9', 'null'),
  },
  {
    name: "order A's materials (from the suppliers subgraph)",
    subgraph: 'orders',
    gatewayOnly: true,
    query: `query($a: ID!) { order(id: $a) { id materials { sku status } } }`,
    variables: (f) => ({ a: f.a }),
    observe: ofOrder((order) => `materials:${order.materials?.length ?? '-'}`),
    expected: row('UNAUTHENTICATED', 'materials:4', 'materials:4', 'materials:4', 'materials:4', 'null', 'materials:-', 'null', 'null', 'null', 'materials:-', 'materials:4', 'materials:4', 'null'),
  },
  {
    name: "order A's cost (materials composed in with @requires; studio only)",
    subgraph: 'orders',
    gatewayOnly: true,
    query: `query($a: ID!) { order(id: $a) { id cost { totalCents marginCents } } }`,
    variables: (f) => ({ a: f.a }),
    observe: ofOrder((order) => (order.cost ? 'cost' : 'no cost')),
    // Where the suppliers subgraph already withholds the order (a partner, a MINIMAL customer),
    // the gateway has nothing to pass to orders and answers null without asking.
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'cost', 'cost', 'cost', 'null', 'no cost', 'null', 'null', 'null', 'no cost', 'FORBIDDEN', 'FORBIDDEN', 'null'),
  },
  {
    name: "_entities lookup of order A's materials on the suppliers subgraph",
    subgraph: 'suppliers',
    directOnly: true,
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id materials { sku } } } }`,
    variables: (f) => ({ r: [{ __typename: 'Order', id: f.a }] }),
    observe: ofOrder((order) => `materials:${order.materials.length}`),
    expected: row('null', 'materials:4', 'materials:4', 'materials:4', 'materials:4', 'null', 'null', 'null', 'null', 'null', 'null', 'materials:4', 'materials:4', 'null'),
  },
  {
    name: "_entities lookup of order A's material cost on the suppliers subgraph",
    subgraph: 'suppliers',
    directOnly: true,
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { materialCostCents } } }`,
    variables: (f) => ({ r: [{ __typename: 'Order', id: f.a }] }),
    observe: ofOrder((order) => (order.materialCostCents === null ? 'hidden' : 'cost')),
    expected: row('null', 'FORBIDDEN', 'cost', 'cost', 'cost', 'null', 'null', 'null', 'null', 'null', 'null', 'FORBIDDEN', 'FORBIDDEN', 'null'),
  },
  {
    name: 'stock of a material (a supplier: its own lots)',
    subgraph: 'suppliers',
    query: `{ materialStock(sku: "CLAY-KAOLIN") { lots { supplierId lotCode } } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `lots:${result.data.materialStock.lots.length}`,
    expected: row('UNAUTHENTICATED', 'lots:3', 'lots:3', 'lots:3', 'lots:3', 'lots:3', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'lots:2', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'purchase orders (the studio that placed them, the supplier they went to)',
    subgraph: 'suppliers',
    query: `{ purchaseOrders { id status } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `orders:${result.data.purchaseOrders.length}`,
    expected: row('UNAUTHENTICATED', 'orders:1', 'orders:1', 'orders:1', 'orders:1', 'orders:0', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'orders:1', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: "moyun-studio's reorder suggestions",
    subgraph: 'suppliers',
    query: `{ reorderSuggestions(studioId: "moyun-studio") { sku } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? 'seen',
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'seen', 'seen', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: "a bill of materials (its studio's recipe)",
    subgraph: 'suppliers',
    query: `{ billOfMaterials(productCode: "TEA-CUP-CALLIG") { sku quantityPerUnit } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `lines:${result.data.billOfMaterials.length}`,
    expected: row('UNAUTHENTICATED', 'lines:4', 'lines:4', 'lines:4', 'lines:4', 'lines:0', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: "a finished product's trace",
    subgraph: 'orders',
    query: `query($code: String!) { trace(code: $code) { code stages { code } } }`,
    variables: (f) => ({ code: f.traceCode }),
    observe: (result) => errorCode(result) ?? (result.data.trace ? `stages:${result.data.trace.stages.length}` : 'null'),
    expected: row('UNAUTHENTICATED', 'stages:9', 'stages:9', 'stages:9', 'stages:9', 'null', 'null', 'null', 'null', 'null', 'null', 'null', 'null', 'null'),
  },
  {
    name: 'capacity offers (studios: all; partners and kitchens: their own)',
    subgraph: 'capacity',
    query: `{ capacityOffers { id enterpriseId } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `offers:${result.data.capacityOffers.length}`,
    expected: row('UNAUTHENTICATED', 'offers:6', 'offers:6', 'offers:6', 'offers:6', 'offers:6', 'offers:1', 'offers:2', 'offers:1', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'allocations (the studio that asked, the partner that does the work)',
    subgraph: 'capacity',
    query: `{ allocations { id enterpriseId } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `allocations:${result.data.allocations.length}`,
    expected: row('UNAUTHENTICATED', 'allocations:1', 'allocations:1', 'allocations:1', 'allocations:1', 'allocations:0', 'allocations:0', 'allocations:1', 'allocations:0', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'one allocation by id (as live allocation events resolve it)',
    subgraph: 'capacity',
    query: `query($id: ID!) { allocation(id: $id) { id enterpriseId } }`,
    variables: (f) => ({ id: f.allocation }),
    observe: (result) => errorCode(result) ?? (result.data.allocation ? `allocation:${result.data.allocation.enterpriseId}` : 'null'),
    expected: row(
      'UNAUTHENTICATED', 'allocation:jingde-kiln-works', 'allocation:jingde-kiln-works', 'allocation:jingde-kiln-works', 'allocation:jingde-kiln-works', 'null', 'null', 'allocation:jingde-kiln-works', 'null',
      'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN',
    ),
  },
  {
    name: 'overflow requests (the studio that asked)',
    subgraph: 'capacity',
    query: `{ overflowRequests { id } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `requests:${result.data.overflowRequests.length}`,
    expected: row('UNAUTHENTICATED', 'requests:1', 'requests:1', 'requests:1', 'requests:1', 'requests:0', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'capacity elasticity',
    subgraph: 'capacity',
    query: `{ capacityElasticity(enterpriseId: "xuhui-cloud-kitchen") }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? String(result.data.capacityElasticity),
    expected: row('UNAUTHENTICATED', ...WHO.slice(1).map(() => '66.67')),
  },
  {
    name: 'cloud kitchens (directory)',
    subgraph: 'kitchens',
    query: `{ cloudKitchens { id coldChain } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `kitchens:${result.data.cloudKitchens.length}`,
    expected: row('UNAUTHENTICATED', ...WHO.slice(1).map(() => 'kitchens:2')),
  },
  {
    name: "moyun-bakery's fulfilment cycles",
    subgraph: 'kitchens',
    query: `{ fulfillmentCycles(studioId: "moyun-bakery") { period fulfilmentRate } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `cycles:${result.data.fulfillmentCycles.length}`,
    expected: row('UNAUTHENTICATED', 'cycles:6', 'cycles:0', 'cycles:0', 'cycles:0', 'cycles:0', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  // Mutations: ALLOWED means the caller got past every permission rule (the business rules may
  // still refuse, e.g. a stage out of route order). Denied ones are checked to change nothing.
  {
    name: 'import a shop order for moyun-studio',
    subgraph: 'orders',
    mutation: true,
    query: `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id } }`,
    variables: () => ({
      input: {
        channel: 'WECHAT',
        externalOrderId: 'MATRIX-IMPORT',
        studioId: 'moyun-studio',
        customer: { name: '周先生', contact: 'wx:zhou', address: '景德镇' },
        priceCents: 1000,
        lines: [{ productCode: 'TEA-CUP-CALLIG', quantity: 1 }],
      },
    }),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'ALLOWED', 'ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: "start order A's stage held by gilding-atelier",
    subgraph: 'orders',
    mutation: true,
    query: `mutation($s: ID!) { startStage(stageRunId: $s) { id } }`,
    variables: (f) => ({ s: f.aStages.C50 }),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'ALLOWED', 'ALLOWED', 'ALLOWED', 'NOT_FOUND', 'ALLOWED', 'NOT_FOUND', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: "start a stage of another studio's order",
    subgraph: 'orders',
    mutation: true,
    query: `mutation($s: ID!) { startStage(stageRunId: $s) { id } }`,
    variables: (f) => ({ s: f.bFirstStage }),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'ALLOWED', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'report an exception on order A',
    subgraph: 'orders',
    mutation: true,
    query: `mutation($a: ID!) { reportException(orderId: $a, code: "CAP-01", idempotencyKey: "matrix-report") { id } }`,
    variables: (f) => ({ a: f.a }),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'ALLOWED', 'ALLOWED', 'ALLOWED', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: "set order A's customer tier cap (to what it is)",
    subgraph: 'orders',
    mutation: true,
    query: `mutation($a: ID!) { setCustomerTierMax(orderId: $a, tier: DETAILED, idempotencyKey: "matrix-tier") { id } }`,
    variables: (f) => ({ a: f.a }),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'ALLOWED', 'ALLOWED', 'FORBIDDEN', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'hand C50 of order A to gilding-atelier (its holder already)',
    subgraph: 'orders',
    mutation: true,
    query: `mutation($s: ID!) { assignStage(stageRunId: $s, enterpriseId: "gilding-atelier", idempotencyKey: "matrix-assign") { id } }`,
    variables: (f) => ({ s: f.aStages.C50 }),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'ALLOWED', 'ALLOWED', 'FORBIDDEN', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: "a studio's delay alerts (its staff, hub admins)",
    subgraph: 'orders',
    query: `{ delayAlerts(studioId: "moyun-studio") { id threshold } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `alerts:${result.data.delayAlerts.length}`,
    expected: row('UNAUTHENTICATED', 'alerts:0', 'alerts:0', 'alerts:0', 'alerts:0', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'set the delay compensation of moyun-studio',
    subgraph: 'orders',
    mutation: true,
    query: `mutation { setDelayCompensation(studioId: "moyun-studio", options: ["free gift wrap"]) { studioId } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'ALLOWED', 'ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'answer a delay notice that is not there (customers only)',
    subgraph: 'orders',
    mutation: true,
    query: `mutation { respondToDelay(alertId: "alr_01M80000000000000000000000", choice: ACCEPT_DELAY, idempotencyKey: "matrix-delay") { id } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'),
  },
  {
    name: 'mint a customer link for order A',
    subgraph: 'orders',
    mutation: true,
    query: `mutation($a: ID!) { mintCustomerLink(orderId: $a, idempotencyKey: "matrix-link") { token } }`,
    variables: (f) => ({ a: f.a }),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'ALLOWED', 'ALLOWED', 'FORBIDDEN', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'ship order A (route not done)',
    subgraph: 'orders',
    mutation: true,
    query: `mutation($a: ID!) { addShipment(orderId: $a, input: { carrier: "SF", trackingNumber: "SF1" }, idempotencyKey: "matrix-ship") { id } }`,
    variables: (f) => ({ a: f.a }),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'ALLOWED', 'ALLOWED', 'ALLOWED', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: "publish jingdezhen-clay's stock (an old sequence: nothing changes)",
    subgraph: 'suppliers',
    mutation: true,
    query: `mutation { publishInventory(supplierId: "jingdezhen-clay", sequence: 1, items: [{ sku: "CLAY-KAOLIN", lotCode: "JDZ-K-2611A", onHand: 1 }]) { applied } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'place a purchase order for moyun-studio',
    subgraph: 'suppliers',
    mutation: true,
    query: `mutation { placePurchaseOrder(studioId: "moyun-studio", input: { supplierId: "jingdezhen-clay", lines: [{ sku: "CLAY-KAOLIN", quantity: 1000 }] }, idempotencyKey: "fixture-po") { id } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'ALLOWED', 'ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: "confirm moyun-studio's purchase order",
    subgraph: 'suppliers',
    mutation: true,
    query: `mutation($p: ID!) { confirmPurchaseOrder(purchaseOrderId: $p) { id } }`,
    variables: (f) => ({ p: f.purchaseOrder }),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: "set moyun-studio's cost profile",
    subgraph: 'orders',
    mutation: true,
    query: `mutation { setStudioCostProfile(studioId: "moyun-studio", input: { defaultHourlyRateCents: 6000, overheadPercent: 25 }) { overheadPercent } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'offer capacity for gilding-atelier',
    subgraph: 'capacity',
    mutation: true,
    query: `mutation { publishCapacityOffer(input: { enterpriseId: "gilding-atelier", capability: "C50", baseUnitsPerDay: 1, maxUnitsPerDay: 2, availableFrom: "2030-01-01", availableTo: "2030-01-05", unitPriceCents: 9000, qualityScore: 4.5, region: "CN-JX", shareWithAlliances: ["jingdezhen-craft-alliance"] }, idempotencyKey: "matrix-offer") { id } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'ask for overflow for moyun-studio',
    subgraph: 'capacity',
    mutation: true,
    query: `mutation { requestOverflow(input: { studioId: "moyun-studio", capability: "C40", units: 2, earliestStart: "2030-01-01", dueDate: "2030-01-03", priceCapCents: 1 }, idempotencyKey: "matrix-request") { id } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'ALLOWED', 'ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: "allocate moyun-studio's request",
    subgraph: 'capacity',
    mutation: true,
    query: `mutation($r: ID!) { allocateOverflow(requestIds: [$r]) { optimal } }`,
    variables: (f) => ({ r: f.overflowRequest }),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'ALLOWED', 'ALLOWED', 'FORBIDDEN', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'run the hub-wide allocation round',
    subgraph: 'capacity',
    mutation: true,
    query: `mutation { runAllocationRound { optimal } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: "decline the kiln's allocation",
    subgraph: 'capacity',
    mutation: true,
    query: `mutation($a: ID!) { declineAllocation(allocationId: $a) { status } }`,
    variables: (f) => ({ a: f.allocation }),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'ALLOWED', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'declare a demand surge for moyun-bakery',
    subgraph: 'capacity',
    mutation: true,
    query: `mutation { declareDemandSurge(studioId: "moyun-bakery", capability: "KITCHEN_COLD_CHAIN_PASTRY", extraUnits: 10, window: { from: "2030-01-01", to: "2030-01-02" }, idempotencyKey: "matrix-surge") { placedUnits } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', ...WHO.slice(1).map(() => 'FORBIDDEN')),
  },
  {
    name: "record moyun-bakery's fulfilment cycle",
    subgraph: 'kitchens',
    mutation: true,
    query: `mutation { recordFulfillmentCycle(studioId: "moyun-bakery", period: "2030-W01", planned: 10, produced: 10, delivered: 9, wasted: 1) { id } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', ...WHO.slice(1).map(() => 'FORBIDDEN')),
  },
  {
    name: 'cancel order M',
    subgraph: 'orders',
    mutation: true,
    query: `mutation($m: ID!) { cancelOrder(orderId: $m, reason: "matrix", idempotencyKey: "matrix-cancel") { id } }`,
    variables: (f) => ({ m: f.m }),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'ALLOWED', 'ALLOWED', 'FORBIDDEN', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'cancel an order that does not exist (answers as a foreign one)',
    subgraph: 'orders',
    mutation: true,
    query: `mutation { cancelOrder(orderId: "ord_01ARZ3NDEKTSV4RRFFQ69G5FAV", reason: "matrix", idempotencyKey: "matrix-cancel-missing") { id } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND', 'FORBIDDEN', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'register a webhook for moyun-studio (its admins only)',
    subgraph: 'notifications',
    mutation: true,
    query: `mutation { registerWebhook(enterpriseId: "moyun-studio", url: "http://127.0.0.1:9/hooks", idempotencyKey: "matrix-hook") { webhook { id } } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: "moyun-studio's webhooks",
    subgraph: 'notifications',
    query: `{ webhooks(enterpriseId: "moyun-studio") { id url } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? 'listed',
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'listed', 'listed', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: "the messages of moyun-studio's webhook (its dead-letter list)",
    subgraph: 'notifications',
    query: `query($w: ID!) { webhookMessages(webhookId: $w) { id status } }`,
    variables: (f) => ({ w: f.webhook }),
    observe: (result) => errorCode(result) ?? 'listed',
    expected: row('UNAUTHENTICATED', 'listed', 'listed', 'listed', 'FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: "replay moyun-studio's webhook's dead letters",
    subgraph: 'notifications',
    mutation: true,
    query: `mutation($w: ID!) { replayWebhookMessages(webhookId: $w, idempotencyKey: "matrix-replay") { id } }`,
    variables: (f) => ({ w: f.webhook }),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'set how the customer of order A is told (customers only; their own order)',
    subgraph: 'notifications',
    mutation: true,
    query: `mutation($a: ID!) { setNotificationPreferences(orderId: $a, input: { channel: NONE }) { channel } }`,
    variables: (f) => ({ a: f.a }),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ALLOWED', 'ALLOWED', 'ALLOWED', 'NOT_FOUND'),
  },
  {
    name: "the messages to order A's customer",
    subgraph: 'notifications',
    query: `query($a: ID!) { customerMessages(orderId: $a) { id text } }`,
    variables: (f) => ({ a: f.a }),
    observe: (result) => errorCode(result) ?? 'listed',
    expected: row('UNAUTHENTICATED', 'listed', 'listed', 'listed', 'listed', 'listed', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'listed', 'listed', 'listed', 'listed'),
  },
  {
    name: 'a share summary that does not exist (public)',
    subgraph: 'notifications',
    query: `{ sharedOrder(shareId: "no-such-share") { productType } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? String(result.data.sharedOrder),
    expected: row(...WHO.map(() => 'null')),
  },
];

describe.each(dialects())('permission matrix (%s)', (dialect) => {
  let t: TestHub;
  let fixture: Fixture;
  const principals = {} as Record<Who, Principal | null>;

  beforeAll(async () => {
    t = await startTestHub(dialect);
    for (const name of ['network', 'suppliers', 'capacity', 'kitchens']) await t.hub.subgraphs[name].definition.seed!(t.hub.subgraphs[name]);
    fixture = await buildFixture(t);
    for (const who of WHO) {
      const value = PRINCIPALS[who];
      principals[who] =
        who === 'cMin' ? customer([fixture.a], 'MINIMAL') : who === 'cBasic' ? customer([fixture.a], 'BASIC') : who === 'cDet' ? customer([fixture.a], 'DETAILED') : who === 'cOther' ? customer([fixture.b], 'DETAILED') : (value as Principal | null);
    }
  });
  afterAll(() => t?.close());

  /**
   * What a denied mutation must leave as it was. Every change to an order appends to its progress
   * log, so the log's entries count its changes — leaving aside forecast updates, which the
   * forecasts consumer writes whenever it catches up with earlier, allowed changes.
   */
  async function snapshot(): Promise<string> {
    const em = t.hub.subgraphs.orders.systemContext().em;
    const changes = { type: { $ne: ORDER_EVENTS.ETA_CHANGED } };
    const counts = await Promise.all([Order, StageRun, OrderException, Shipment, CustomerLink].map((entity) => em.count(entity as any, {})));
    const progress = await em.find(ProgressEvent, changes, { orderBy: [{ orderId: 'asc' }, { sequence: 'asc' }], fields: ['orderId', 'type'] });
    const stages = await em.find(StageRun, {}, { orderBy: { id: 'asc' } });
    const orders = await em.find(Order, {}, { orderBy: { id: 'asc' } });
    return JSON.stringify([
      counts,
      progress.map((entry) => `${entry.orderId}:${entry.type}`),
      stages.map((stage) => `${stage.status}:${stage.assignedToId}`),
      orders.map((order) => `${order.status}:${order.customerTierMax}`),
    ]);
  }

  /** The snapshot once it has held still for longer than the relays' polling interval (500 ms). */
  async function settledSnapshot(): Promise<string> {
    let previous = await snapshot();
    for (let still = 0; still < 6; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const current = await snapshot();
      still = current === previous ? still + 1 : 0;
      previous = current;
    }
    return previous;
  }

  it('holds in every cell, through the gateway and directly against each subgraph', async () => {
    const mismatches: string[] = [];
    let rippling = false;
    let checked = 0;
    let gateway = 0;
    let direct = 0;
    for (const cell of CELLS) {
      const routes = cell.directOnly ? (['direct'] as const) : cell.gatewayOnly ? (['gateway'] as const) : (['gateway', 'direct'] as const);
      for (const route of routes) {
        for (const who of WHO) {
          const url = route === 'gateway' ? t.hub.gateway.url : t.hub.subgraphs[cell.subgraph].url;
          const denied = DENIALS.includes(cell.expected[who]);
          // An allowed mutation ripples through the bus (a hand-over, a release): let it settle first.
          const before = cell.mutation && denied ? (rippling ? await settledSnapshot() : await snapshot()) : undefined;
          rippling = Boolean(cell.mutation && !denied);
          const result = await t.gql(cell.query, cell.variables(fixture), { as: principals[who], url });
          const observed = cell.observe(result);
          checked += 1;
          if (route === 'gateway') gateway += 1;
          else direct += 1;
          if (observed !== cell.expected[who]) mismatches.push(`${cell.name} | ${who} | ${route}: expected ${cell.expected[who]}, got ${observed} ${JSON.stringify(result.errors?.[0] ?? '')}`);
          if (before !== undefined && (await snapshot()) !== before) mismatches.push(`${cell.name} | ${who} | ${route}: a denied mutation changed data`);
        }
      }
    }
    console.log(`Permission matrix (${dialect}): ${checked} cells checked (${gateway} through the gateway, ${direct} directly against subgraphs), ${mismatches.length} mismatches`);
    expect(mismatches).toEqual([]);
  }, 180_000);
});

const IMPORT = `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { id code } } }`;

async function buildFixture(t: TestHub): Promise<Fixture> {
  const moyun = { as: staff('moyun-studio') };
  const youcaifeng = { as: staff('youcaifeng') };
  const order = (studioId: string, externalOrderId: string, productCode: string) => teawareOrder({ studioId, externalOrderId, lines: [{ productCode, quantity: 1 }] });
  const ok = <T>(result: GraphQLResult<T>): T => {
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  };
  const a = ok(await t.gql<any>(IMPORT, { input: order('moyun-studio', 'MATRIX-A', 'TEA-CUP-CALLIG') }, moyun)).importShopOrder;
  const b = ok(await t.gql<any>(IMPORT, { input: order('youcaifeng', 'MATRIX-B', 'TLR-SUIT') }, youcaifeng)).importShopOrder;
  const m = ok(await t.gql<any>(IMPORT, { input: order('moyun-studio', 'MATRIX-M', 'TEA-CUP-CALLIG') }, moyun)).importShopOrder;
  const aStages: Record<string, string> = Object.fromEntries(a.stages.map((stage: any) => [stage.code, stage.id]));
  for (const code of ['A10', 'B10', 'C10', 'C20', 'C30']) {
    ok(await t.gql(`mutation($s: ID!) { startStage(stageRunId: $s, operator: { name: "王芳", penName: "墨白" }) { id } }`, { s: aStages[code] }, moyun));
    if (code === 'C20') ok(await t.gql(`mutation($s: ID!) { recordQcResult(stageRunId: $s, result: PASS, idempotencyKey: "fixture-qc") { id } }`, { s: aStages[code] }, moyun));
    const input =
      code === 'C30'
        ? {
            environment: [{ name: 'humidity', value: 52, unit: '%' }, { name: 'workshop temperature', value: 22, unit: '°C' }],
            processParameters: [{ name: 'glaze', value: 'celadon', tradeSecret: false }, { name: 'transfer curve', value: 'T-7', tradeSecret: true }],
          }
        : undefined;
    ok(await t.gql(`mutation($s: ID!, $input: CompleteStageInput) { completeStage(stageRunId: $s, input: $input) { id } }`, { s: aStages[code], input }, moyun));
  }
  ok(await t.gql(`mutation($s: ID!) { assignStage(stageRunId: $s, enterpriseId: "gilding-atelier", idempotencyKey: "fixture-assign") { id } }`, { s: aStages.C50 }, moyun));
  ok(await t.gql(`mutation($a: ID!) { reportException(orderId: $a, code: "EQP-02", idempotencyKey: "fixture-exception") { id } }`, { a: a.id }, moyun));
  ok(await t.gql(`mutation($a: ID!) { mintCustomerLink(orderId: $a, idempotencyKey: "fixture-link") { token } }`, { a: a.id }, moyun));
  // A finished product, for its trace; a purchase order, for the supplier's side.
  const finished = ok(await t.gql<any>(IMPORT, { input: order('moyun-studio', 'MATRIX-T', 'TEA-CUP-CALLIG') }, moyun)).importShopOrder;
  for (const stage of finished.stages) {
    ok(await t.gql(`mutation($s: ID!) { startStage(stageRunId: $s) { id } }`, { s: stage.id }, moyun));
    if (['C20', 'C40', 'E10'].includes(stage.code)) ok(await t.gql(`mutation($s: ID!) { recordQcResult(stageRunId: $s, result: PASS, idempotencyKey: "fixture-qc-${stage.id}") { id } }`, { s: stage.id }, moyun));
    ok(await t.gql(`mutation($s: ID!) { completeStage(stageRunId: $s) { id } }`, { s: stage.id }, moyun));
  }
  const traceCode = ok(await t.gql<any>(`query($id: ID!) { order(id: $id) { traceCodes { code } } }`, { id: finished.id }, moyun)).order.traceCodes[0].code;
  const purchaseOrder = ok(
    await t.gql<any>(`mutation { placePurchaseOrder(studioId: "moyun-studio", input: { supplierId: "jingdezhen-clay", lines: [{ sku: "CLAY-KAOLIN", quantity: 1000 }] }, idempotencyKey: "fixture-po") { id } }`, {}, moyun),
  ).placePurchaseOrder.id;
  // Order A's materials were reserved from the bus; wait until the suppliers subgraph has them all.
  await waitFor(async () => (await t.gql<any>(`query($id: ID!) { order(id: $id) { materials { sku } } }`, { id: a.id }, moyun)).data?.order?.materials?.length === 4, 10_000, 'materials of A');
  // Order M's final firing goes to the kiln through the capacity subgraph.
  const today = new Date().toISOString().slice(0, 10);
  const inThreeDays = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const firing = m.stages.find((stage: any) => stage.code === 'C60');
  const overflowRequest = ok(
    await t.gql<any>(`mutation($input: OverflowRequestInput!) { requestOverflow(input: $input, idempotencyKey: "fixture-overflow") { id } }`, { input: { studioId: 'moyun-studio', capability: 'C60', stageRunId: firing.id, orderId: m.id, earliestStart: today, dueDate: inThreeDays, priceCapCents: 5000, minQuality: 0 } }, moyun),
  ).requestOverflow.id;
  const allocation = ok(await t.gql<any>(`mutation($r: ID!) { allocateOverflow(requestIds: [$r]) { allocations { id enterpriseId } } }`, { r: overflowRequest }, moyun)).allocateOverflow.allocations[0];
  if (allocation?.enterpriseId !== 'jingde-kiln-works') throw new Error(`fixture: the firing went to ${allocation?.enterpriseId}`);
  await waitFor(async () => (await t.gql<any>(`query($id: ID!) { order(id: $id) { id } }`, { id: m.id }, { as: partner('jingde-kiln-works') })).data?.order?.id === m.id, 10_000, 'hand-over of M');
  // Order A's forecast has been published at least once (the orders.eta consumer catches up on its events).
  await waitFor(async () => (await t.hub.subgraphs.orders.systemContext().em.fork().count(ProgressEvent, { orderId: a.id, type: ORDER_EVENTS.ETA_CHANGED }, { filters: false })) > 0, 15_000, 'the forecast of A');
  const [imported] = await t.hub.subgraphs.orders.systemContext().em.find(ProgressEvent, { orderId: a.id, type: ORDER_EVENTS.IMPORTED });
  const webhook = ok(await t.gql<any>(`mutation { registerWebhook(enterpriseId: "moyun-studio", url: "http://127.0.0.1:9/fixture", eventTypes: ["order.cancelled"], idempotencyKey: "fixture-hook") { webhook { id } } }`, {}, moyun)).registerWebhook.webhook.id;
  // The notifications subgraph has learnt of order A from its events.
  await waitFor(async () => (await t.hub.subgraphs.notifications.systemContext().em.fork().count(OrderFacts, { orderId: a.id })) > 0, 15_000, 'order A known to notifications');
  return { a: a.id, b: b.id, m: m.id, aStages, bFirstStage: b.stages[0].id, traceCode, purchaseOrder, overflowRequest, allocation: allocation.id, aImportedEvent: imported.eventId, webhook };
}
