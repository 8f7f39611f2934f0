import type { Principal } from '../contracts';
import { Order } from '../subgraphs/orders/entities/order';
import { CustomerLink } from '../subgraphs/orders/entities/customer-link';
import { OrderException, ProgressEvent, Shipment } from '../subgraphs/orders/entities/progress';
import { StageRun } from '../subgraphs/orders/entities/stage-run';
import { capacityCells } from './permissions/cells/capacity';
import { catalogueCells } from './permissions/cells/catalogue';
import { kitchensCells } from './permissions/cells/kitchens';
import { materialsCells } from './permissions/cells/materials';
import { traceabilityCells } from './permissions/cells/traceability';
import { membersCells } from './permissions/cells/members';
import { networkCells } from './permissions/cells/network';
import { notificationsCells } from './permissions/cells/notifications';
import { ordersCells } from './permissions/cells/orders';
import { productNameCells } from './permissions/cells/product-names';
import { relationshipsCells } from './permissions/cells/relationships';
import { resourcesCells } from './permissions/cells/resources';
import { supplierRelationshipsCells } from './permissions/cells/supplier-relationships';
import { suppliersCells } from './permissions/cells/suppliers';
import { vocabularyCells } from './permissions/cells/vocabulary';
import { buildFixture } from './permissions/fixture';
import { DENIALS, PRINCIPALS, WHO, type Cell, type Fixture, type Who } from './permissions/matrix';
import type { TestHub } from './support/hub';
import { dialects, startTestHub } from './support/hub';
import { customer } from './support/principals';

/**
 * The permission matrix: every role × the main queries, mutations, fields and `_entities`
 * lookups × own / foreign enterprise, each cell with the outcome it must have, through the
 * gateway and directly against the subgraph that owns the operation. The cells are data, one
 * file per subgraph (permissions/cells/); this runner checks each (cell, route) as its own test
 * (`-t "<cell name>"` runs one), reads before writes, and fails if cells go missing.
 */
const CELLS: Cell[] = [
  ordersCells,
  networkCells,
  membersCells,
  vocabularyCells,
  suppliersCells,
  capacityCells,
  resourcesCells,
  kitchensCells,
  notificationsCells,
  traceabilityCells,
  materialsCells,
  relationshipsCells,
  supplierRelationshipsCells,
  catalogueCells,
  productNameCells,
].flat();
const RUN_ORDER = [...CELLS.filter((cell) => !cell.mutation), ...CELLS.filter((cell) => cell.mutation)];
type Route = 'gateway' | 'direct';
const CASES = RUN_ORDER.flatMap((cell) =>
  (cell.directOnly ? (['direct'] as Route[]) : cell.gatewayOnly ? (['gateway'] as Route[]) : (['gateway', 'direct'] as Route[])).map(
    (route) => ({ cell, route }),
  ),
);

/** Cells × routes × principals, committed: a cell that silently disappears fails the count. */
const EXPECTED_CELL_CHECKS = 4396;

/**
 * What the other subgraphs' mutations write, read back for the "denied changes nothing" check:
 * a version column moves with every update, a count with every insert.
 */
const WRITTEN_ELSEWHERE: [subgraph: string, sql: string][] = [
  ['network', 'select id, name_zh, name_en, region, gln, status from enterprise order by id'],
  ['network', 'select id, roles from membership order by id'],
  ['network', 'select id, accepted_at, revoked_at from invitation order by id'],
  ['network', 'select studio_id, supplier_id, revision from supplier_relationship order by studio_id, supplier_id'],
  ['network', 'select studio_id, partner_id, revision from partner_relationship order by studio_id, partner_id'],
  ['suppliers', 'select id, version from stock_lot order by id'],
  ['suppliers', 'select id, version from purchase_order order by id'],
  ['suppliers', 'select studio_id, sku, revision from studio_material order by studio_id, sku'],
  ['suppliers', 'select studio_id, product_code, version from bill_of_materials order by studio_id, product_code'],
  ['suppliers', 'select studio_id, supplier_id, tier, ended_at from studio_supplier order by studio_id, supplier_id'],
  ['capacity', 'select id, version from capacity_offer order by id'],
  ['capacity', 'select id, version from overflow_request order by id'],
  ['capacity', 'select id, status from allocation order by id'],
  ['capacity', 'select enterprise_id, version from working_calendar order by enterprise_id'],
  ['capacity', 'select id, version from work_center order by id'],
  ['capacity', 'select id, version from studio_operator order by id'],
  ['kitchens', 'select count(*) as n from fulfillment_cycle'],
  ['notifications', 'select count(*) as n from webhook'],
  ['notifications', 'select count(*) as n from customer_preference'],
  ['traceability', 'select count(*) as n from capture_job'],
  ['orders', 'select studio_id, code, revision from product_family order by studio_id, code'],
  ['orders', 'select studio_id, product_code, revision from catalogue_product order by studio_id, product_code'],
  ['orders', 'select studio_id, code, current_version from catalogue_route order by studio_id, code'],
];

describe.each(dialects())('permission matrix (%s)', (dialect) => {
  let t: TestHub;
  let fixture: Fixture;
  const principals = {} as Record<Who, Principal | null>;
  let checked = 0;

  beforeAll(async () => {
    t = await startTestHub(dialect);
    for (const name of ['network', 'suppliers', 'capacity', 'kitchens'])
      await t.hub.subgraphs[name].definition.seed!(t.hub.subgraphs[name]);
    // The suppliers subgraph hears the studios' supplier relationships the network's seed set.
    await t.hub.settle();
    fixture = await buildFixture(t);
    // Delay checks, forecast refreshes and notification polls would change data between snapshots.
    await t.hub.pauseTimers();
    for (const who of WHO) {
      const value = PRINCIPALS[who];
      principals[who] =
        who === 'cMin'
          ? customer([fixture.a], 'MINIMAL')
          : who === 'cBasic'
            ? customer([fixture.a], 'BASIC')
            : who === 'cDet'
              ? customer([fixture.a], 'DETAILED')
              : who === 'cOther'
                ? customer([fixture.b], 'DETAILED')
                : (value as Principal | null);
    }
  }, 120_000);
  afterAll(() => t?.close());

  /**
   * What a denied mutation must leave as it was. Every change to an order appends to its progress
   * log, so the log's entries count its changes; the other subgraphs' written tables are read as
   * WRITTEN_ELSEWHERE says. Taken once the hub holds still (the ripples of earlier, allowed changes
   * consumed: hand-overs, releases, forecasts), with the timers paused.
   */
  async function settledSnapshot(): Promise<string> {
    await t.hub.settle();
    const em = t.hub.subgraphs.orders.systemContext().em;
    const counts = await Promise.all(
      [Order, StageRun, OrderException, Shipment, CustomerLink].map((entity) => em.count(entity as any, {})),
    );
    // Plain rows, not entities: a snapshot is taken some 850 times per dialect.
    const rows = (entity: abstract new (...args: never[]) => object, columns: string, orderBy: string) =>
      em.getConnection().execute(`select ${columns} from ${em.getMetadata().get(entity.name).tableName} order by ${orderBy}`);
    return JSON.stringify([
      counts,
      await rows(ProgressEvent, 'order_id, type', 'order_id, sequence'),
      await rows(StageRun, 'status, assigned_to_id', 'id'),
      await rows(Order, 'status, customer_tier_max', 'id'),
      // Counts come back as text from PostgreSQL and as numbers from SQLite: compared as text.
      ...(
        await Promise.all(
          WRITTEN_ELSEWHERE.map(([subgraph, sql]) => t.hub.subgraphs[subgraph].systemContext().em.getConnection().execute(sql)),
        )
      ).map((result) => JSON.stringify(result, (_key, value) => (typeof value === 'number' ? String(value) : value))),
    ]);
  }

  it.each(CASES.map((entry) => [entry.cell.name, entry.route, entry] as const))('%s (%s)', async (_name, route, { cell }) => {
    const url = route === 'gateway' ? t.hub.gateway.url : t.hub.subgraphs[cell.subgraph].url;
    const check = async (who: Who): Promise<string | null> => {
      const result = await t.gql(cell.query, cell.variables(fixture), { as: principals[who], url });
      const observed = cell.observe(result);
      checked += 1;
      return observed === cell.expected[who]
        ? null
        : `${who}: expected ${cell.expected[who]}, got ${observed} ${JSON.stringify(result.errors?.[0] ?? '')}`;
    };
    const mismatches: string[] = [];
    if (!cell.mutation) {
      // Reads change nothing: every principal asks at once.
      for (const mismatch of await Promise.all(WHO.map(check))) if (mismatch) mismatches.push(mismatch);
    } else {
      // Writes in turn, each denied one between two snapshots; a denied write leaves its "after"
      // as the next one's "before", until an allowed write changes the data.
      let still: string | undefined;
      for (const who of WHO) {
        const denied = DENIALS.includes(cell.expected[who]);
        const before = denied ? (still ?? (await settledSnapshot())) : undefined;
        const mismatch = await check(who);
        if (mismatch) mismatches.push(mismatch);
        if (before === undefined) {
          still = undefined;
          continue;
        }
        still = await settledSnapshot();
        if (still !== before) mismatches.push(`${who}: a denied mutation changed data`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('checked every cell: none went missing', () => {
    console.log(`Permission matrix (${dialect}): ${checked} cells checked`);
    expect(CASES.length * WHO.length).toBe(EXPECTED_CELL_CHECKS);
    expect(checked).toBe(EXPECTED_CELL_CHECKS);
  });
});
