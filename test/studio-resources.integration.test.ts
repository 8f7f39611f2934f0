import { randomUUID } from 'node:crypto';
import { RESOURCE_EVENTS } from '../contracts';
import { consumeOnce } from '../platform/events/consumer';
import { testEnvelope } from '../platform/events/test-envelope';
import { studioResourcesConsumer } from '../subgraphs/orders/studio-resources';
import { CatalogueRoute } from '../subgraphs/orders/entities/catalogue';
import { StageRun } from '../subgraphs/orders/entities/stage-run';
import { StudioWorkCenter } from '../subgraphs/orders/entities/studio-resources';
import type { GraphQLResult, TestHub } from './support/hub';
import { dialects, startTestHub } from './support/hub';
import { teawareOrder } from './support/orders';
import { staff } from './support/principals';
import { giveOperator, giveWorkCenters } from './support/studio-resources';
import { waitFor } from './support/wait';

/**
 * The orders subgraph checks route stages and stage starts against the studio's resources as
 * the capacity subgraph announces them (its work centers, its operators' skills), through the
 * gateway and at the subgraph itself, for each role that may act.
 */
const STUDIO = 'kiln-lane';
const admin = staff(STUDIO);
const supervisor = staff(STUDIO, 'SUPERVISOR');
const operator = staff(STUDIO, 'OPERATOR');

const ROUTE = `mutation($studioId: ID!, $input: RouteInput!, $key: String!) {
  saveRoute(studioId: $studioId, input: $input, idempotencyKey: $key) { code currentVersion steps { workCenterCode } } }`;
const PRODUCT = `mutation($studioId: ID!, $input: CatalogueProductInput!, $key: String!) {
  upsertProduct(studioId: $studioId, input: $input, idempotencyKey: $key) { productCode } }`;
const FAMILY = `mutation($studioId: ID!, $input: ProductFamilyInput!, $key: String!) {
  upsertProductFamily(studioId: $studioId, input: $input, idempotencyKey: $key) { code } }`;
const IMPORT = `mutation($input: ShopOrderInput!) { importShopOrder(input: $input) { id stages { id code } } }`;
const CHANGE_ROUTE = `mutation($orderId: ID!, $steps: [RouteStepInput!]!, $key: String!) {
  changeRoute(orderId: $orderId, steps: $steps, idempotencyKey: $key) { stages { code workCenterCode } } }`;
const START = `mutation($id: ID!, $operator: OperatorInput) { startStage(stageRunId: $id, operator: $operator) { id status } }`;
const COMPLETE = `mutation($id: ID!) { completeStage(stageRunId: $id) { id } }`;

const step = (statusCode: string, extra: Record<string, unknown> = {}) => ({ statusCode, standardMinutes: 30, ...extra });
const FIRING = {
  code: 'FIRING',
  steps: [step('A10'), step('C40', { workCenterCode: 'kiln-7', skill: 'C40' }), step('E10', { qcCheckpoint: true })],
};
const refusal = (result: GraphQLResult) => ({
  code: result.errors?.[0]?.extensions?.code,
  field: result.errors?.[0]?.extensions?.field,
  reason: result.errors?.[0]?.extensions?.reason,
});

describe.each(dialects())("a studio's resources, as the orders subgraph checks them (%s)", (dialect) => {
  let t: TestHub;
  const em = () => t.hub.subgraphs.orders.systemContext().em.fork();
  const routes = () => em().count(CatalogueRoute, { studioId: STUDIO });
  const ordersDirect = () => t.hub.subgraphs.orders.url;

  beforeAll(async () => {
    t = await startTestHub(dialect, { actingAs: admin });
  });
  afterAll(() => t?.close());

  it('refuses a route stage naming a work center the studio does not have, for every role that may save routes, at the gateway and the subgraph', async () => {
    for (const [who, url] of [
      [admin, undefined],
      [supervisor, undefined],
      [admin, 'direct'],
    ] as const) {
      const result = await t.gql(
        ROUTE,
        { studioId: STUDIO, input: FIRING, key: `no-kiln-${who.roles[0]}-${url ?? 'gw'}` },
        { as: who, url: url ? ordersDirect() : undefined },
      );
      expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.steps[1].workCenterCode', reason: 'UNKNOWN_WORK_CENTER' });
      expect(result.errors?.[0]?.message).toContain('kiln-7');
    }
    // Nothing was saved.
    expect(await routes()).toBe(0);
    // An operator may not save routes at all.
    const byOperator = await t.gql(ROUTE, { studioId: STUDIO, input: FIRING, key: 'op-route' }, { as: operator });
    expect(byOperator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Once the capacity subgraph has the kiln (and its event reached orders), the route saves.
    await giveWorkCenters(t, STUDIO, ['kiln-7']);
    const saved = await t.gql(ROUTE, { studioId: STUDIO, input: FIRING, key: 'kiln-ok' }, { as: supervisor });
    expect(saved.errors).toBeUndefined();
    expect(saved.data.saveRoute.steps[1].workCenterCode).toBe('kiln-7');

    // Another studio's work center of the same code is not this studio's.
    const other = await t.gql(
      ROUTE,
      { studioId: 'moyun-studio', input: { ...FIRING, code: 'OTHER-FIRING' }, key: 'other-kiln' },
      { as: staff('moyun-studio') },
    );
    expect(refusal(other)).toMatchObject({ reason: 'UNKNOWN_WORK_CENTER' });
  });

  it('forgets a removed work center: a route naming it is refused again', async () => {
    await giveWorkCenters(t, STUDIO, ['kiln-8']);
    const removed = await t.gql(
      `mutation { removeWorkCenter(enterpriseId: "${STUDIO}", code: "kiln-8", idempotencyKey: "rm-kiln-8") }`,
      {},
      { as: admin },
    );
    expect(removed.errors).toBeUndefined();
    await waitFor(
      async () => (await em().findOne(StudioWorkCenter, { studioId: STUDIO, code: 'kiln-8' }))?.removed === true,
      10_000,
      'the removal reaching orders',
    );
    const input = { code: 'FIRING-8', steps: [step('A10'), step('C40', { workCenterCode: 'kiln-8' })] };
    const result = await t.gql(ROUTE, { studioId: STUDIO, input, key: 'kiln-8-gone' });
    expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.steps[1].workCenterCode', reason: 'UNKNOWN_WORK_CENTER' });
  });

  it("checks operators' skills when a stage starts, once the studio has registered operators; free-typed names keep working", async () => {
    // The studio's catalogue: a product on the firing route.
    expect(
      (await t.gql(FAMILY, { studioId: STUDIO, input: { code: 'STONEWARE', nameZh: '炻器', nameEn: 'Stoneware' }, key: 'fam' })).errors,
    ).toBeUndefined();
    expect(
      (
        await t.gql(PRODUCT, {
          studioId: STUDIO,
          input: { productCode: 'STW-JAR-01', nameZh: '炻器罐', nameEn: 'Stoneware jar', family: 'STONEWARE', routeCode: 'FIRING' },
          key: 'jar',
        })
      ).errors,
    ).toBeUndefined();
    const importJar = async () => {
      const result = await t.gql(IMPORT, {
        input: teawareOrder({ studioId: STUDIO, lines: [{ productCode: 'STW-JAR-01', quantity: 1 }] }),
      });
      expect(result.errors).toBeUndefined();
      const order = result.data.importShopOrder as { id: string; stages: { id: string; code: string }[] };
      // The first stage done, so the kiln stage may start.
      expect((await t.gql(START, { id: order.stages[0].id })).errors).toBeUndefined();
      expect((await t.gql(COMPLETE, { id: order.stages[0].id })).errors).toBeUndefined();
      return order.stages[1].id;
    };
    const status = async (id: string) => (await em().findOneOrFail(StageRun, { id })).status;

    // No operator registered yet: a code is taken as given, as free-typed names are.
    const before = await importJar();
    const unchecked = await t.gql(START, { id: before, operator: { name: '王芳', penName: '墨白', code: 'op-anyone' } }, { as: operator });
    expect(unchecked.errors).toBeUndefined();

    await giveOperator(t, STUDIO, 'op-glaze', ['A10', 'E10']);
    await giveOperator(t, STUDIO, 'op-fire', ['C40']);
    const kiln = await importJar();
    for (const [who, code, reason] of [
      [operator, 'op-glaze', 'OPERATOR_LACKS_SKILL'],
      [supervisor, 'op-glaze', 'OPERATOR_LACKS_SKILL'],
      [operator, 'op-nobody', 'UNKNOWN_OPERATOR'],
    ] as const) {
      const refused = await t.gql(START, { id: kiln, operator: { name: '李强', penName: '青窑', code } }, { as: who });
      expect(refusal(refused)).toEqual({ code: 'BAD_USER_INPUT', field: 'operator.code', reason });
      expect(await status(kiln)).toBe('PENDING');
    }
    // At the subgraph itself, the same refusal.
    const direct = await t.gql(
      START,
      { id: kiln, operator: { name: '李强', penName: '青窑', code: 'op-glaze' } },
      { as: operator, url: ordersDirect() },
    );
    expect(refusal(direct)).toMatchObject({ reason: 'OPERATOR_LACKS_SKILL' });
    expect(await status(kiln)).toBe('PENDING');

    // The operator who has the skill starts it.
    const started = await t.gql(START, { id: kiln, operator: { name: '李强', penName: '青窑', code: 'op-fire' } }, { as: operator });
    expect(started.errors).toBeUndefined();
    expect(started.data.startStage.status).toBe('IN_PROGRESS');

    // A name without a code is recorded as before, unchecked (the workstation's sign-in).
    const freeTyped = await importJar();
    const byName = await t.gql(START, { id: freeTyped, operator: { name: '赵敏', penName: '金针' } }, { as: supervisor });
    expect(byName.errors).toBeUndefined();
    expect(await status(freeTyped)).toBe('IN_PROGRESS');
  });

  it('keeps the newer copy when an older event about a work center arrives late, and applies each event once', async () => {
    const ctx = t.hub.subgraphs.orders.systemContext();
    const late = {
      ...testEnvelope(randomUUID(), RESOURCE_EVENTS.WORK_CENTER_CHANGED),
      source: 'capacity',
      occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
      payload: {
        studioId: STUDIO,
        workCenterId: 'wc_old',
        code: 'kiln-7',
        removed: true,
        kind: 'KILN',
        capacityPerBatch: 1,
        batchMinutes: 60,
        setupMinutes: 0,
      },
    };
    await consumeOnce(ctx, studioResourcesConsumer, [late]);
    expect((await em().findOneOrFail(StudioWorkCenter, { studioId: STUDIO, code: 'kiln-7' })).removed).toBe(false);
    // A new one, delivered twice: applied once (a later one then wins).
    const fresh = { ...late, id: randomUUID(), occurredAt: new Date().toISOString(), payload: { ...late.payload, code: 'kiln-late' } };
    await consumeOnce(ctx, studioResourcesConsumer, [fresh]);
    await consumeOnce(ctx, studioResourcesConsumer, [{ ...fresh, payload: { ...fresh.payload, removed: false } }]);
    expect((await em().findOneOrFail(StudioWorkCenter, { studioId: STUDIO, code: 'kiln-late' })).removed).toBe(true);
  });

  it('refuses a route change giving a stage a work center the studio does not have', async () => {
    const order = await t.gql(IMPORT, { input: teawareOrder({ studioId: STUDIO, lines: [{ productCode: 'STW-JAR-01', quantity: 1 }] }) });
    expect(order.errors).toBeUndefined();
    const stages = await em().find(StageRun, { orderId: order.data.importShopOrder.id }, { orderBy: { position: 'asc' } });
    const steps = [{ stageRunId: stages[0].id }, { stageRunId: stages[1].id, workCenterCode: 'kiln-99' }, { stageRunId: stages[2].id }];
    const refused = await t.gql(CHANGE_ROUTE, { orderId: order.data.importShopOrder.id, steps, key: 'cr-bad' }, { as: supervisor });
    expect(refusal(refused)).toEqual({ code: 'BAD_USER_INPUT', field: 'steps.1.workCenterCode', reason: 'UNKNOWN_WORK_CENTER' });
    expect((await em().findOneOrFail(StageRun, { id: stages[1].id })).workCenterCode).toBe('kiln-7');
    const kept = await t.gql(CHANGE_ROUTE, {
      orderId: order.data.importShopOrder.id,
      steps: [steps[0], { stageRunId: stages[1].id, workCenterCode: 'kiln-7' }, steps[2]],
      key: 'cr-ok',
    });
    expect(kept.errors).toBeUndefined();
  });

  it('lets an unknown work center pass once the studio imported work centers (the import names no rows)', async () => {
    const sheet = await t.gql(
      `mutation($input: ResourcesImportInput!, $key: String!) { importResources(input: $input, idempotencyKey: $key) { applied } }`,
      {
        input: {
          enterpriseId: STUDIO,
          dryRun: false,
          operators: [],
          workCenters: [
            {
              row: 2,
              code: 'kiln-imported',
              nameZh: '新窑',
              nameEn: 'New kiln',
              kind: 'KILN',
              capacityPerBatch: '10',
              batchMinutes: '600',
            },
          ],
        },
        key: 'import-kiln',
      },
    );
    expect(sheet.errors).toBeUndefined();
    expect(sheet.data.importResources.applied).toBe(true);
    await t.hub.settle();
    const input = { code: 'FIRING-NEW', steps: [step('A10'), step('C40', { workCenterCode: 'kiln-imported' })] };
    const saved = await t.gql(ROUTE, { studioId: STUDIO, input, key: 'kiln-imported' });
    expect(saved.errors).toBeUndefined();
  });
});
