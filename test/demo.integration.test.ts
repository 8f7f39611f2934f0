import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHub } from '../hub/hub';
import { DEMO_ORDER_ID } from '../demo/orders';
import { ROUTE_TEMPLATES } from '../subgraphs/orders/route-templates';
import { readConfig } from '../processes/config';
import { TokenService } from '../platform/access/tokens';
import { allEpcisEvents } from './support/epcis';
import { postGraphQL } from './support/hub';
import { customer, partner, staff } from './support/principals';
import { waitFor } from './support/wait';

/** What `npm start` does, on a temp data dir: seed the demo network, then restart on the same data. */
describe('embedded demo hub', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-demo-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  // As `npm start` and `npm run token` do: the hub secret is created in the data dir on first use.
  const tokensFromDataDir = () => new TokenService(readConfig({ DATA_DIR: dataDir }).auth());
  const options = () => ({ location: { dataDir }, gatewayPort: 0, subgraphPort: () => 0, seedDemo: true, auth: tokensFromDataDir() });

  it('seeds a network with orders at every stage, late, excepted, shipped and cancelled, and keeps it across restarts', async () => {
    const hub = await startHub(options());
    const tokens = tokensFromDataDir();
    const as = async (studioId: string) => tokens.sign(staff(studioId), 600);
    let firstCount: number;
    let moyunToken = '';
    try {
      const enterprises = await postGraphQL(hub.gateway.url, `{ enterprises { id kind nameZh } }`);
      const kinds = enterprises.data.enterprises.map((enterprise: any) => enterprise.kind);
      for (const kind of ['STUDIO', 'PARTNER_STUDIO', 'SUPPLIER', 'KITCHEN'])
        expect(kinds.filter((k: string) => k === kind).length).toBeGreaterThanOrEqual(2);
      expect(enterprises.data.enterprises.map((enterprise: any) => enterprise.id)).toEqual(
        expect.arrayContaining(['moyun-studio', 'moyun-bakery', 'youcaifeng']),
      );

      const all: any[] = [];
      for (const studioId of ['moyun-studio', 'moyun-bakery', 'youcaifeng']) {
        const page = await postGraphQL(
          hub.gateway.url,
          `{ orders(studioId: "${studioId}", first: 100) { nodes { id status stages { status statusCode { code } } exceptions { id } } } }`,
          undefined,
          await as(studioId),
        );
        all.push(...page.data.orders.nodes);
      }
      firstCount = all.length;
      expect(all.length).toBeGreaterThanOrEqual(60);
      const statuses = new Set(all.map((order) => order.status));
      for (const status of ['RECEIVED', 'IN_PRODUCTION', 'READY_TO_SHIP', 'SHIPPED', 'DELIVERED', 'CANCELLED'])
        expect(statuses).toContain(status);
      const running = new Set(
        all.flatMap((order) =>
          order.stages.filter((stage: any) => stage.status === 'IN_PROGRESS').map((stage: any) => stage.statusCode.code),
        ),
      );
      for (const template of ROUTE_TEMPLATES) for (const step of template.steps) expect(running).toContain(step.statusCode);
      expect(all.filter((order) => order.exceptions.length > 0).length).toBeGreaterThan(5);

      moyunToken = await as('moyun-studio');
      // The catalogue went through the studio's own calls: version 2 of the route (its work centers) is what the orders copied.
      const catalogue = await postGraphQL(
        hub.gateway.url,
        `{ catalogue(studioId: "moyun-studio") { routes { code currentVersion versions { version } steps { statusCode { code } workCenterCode } } } orders(studioId: "moyun-studio", first: 1) { nodes { routeVersion stages { code workCenterCode } } } }`,
        undefined,
        moyunToken,
      );
      const [route] = catalogue.data.catalogue.routes;
      expect(route).toMatchObject({ code: 'CALLIGRAPHY_TEAWARE', currentVersion: 2, versions: [{ version: 2 }, { version: 1 }] });
      expect(route.steps.find((step: any) => step.statusCode.code === 'C40').workCenterCode).toBe('kiln-1');
      const [newest] = catalogue.data.orders.nodes;
      expect(newest.routeVersion).toBe(2);
      expect(newest.stages.find((stage: any) => stage.code === 'C60').workCenterCode).toBe('kiln-1');
      const board = await postGraphQL(hub.gateway.url, `{ stageBoard(studioId: "moyun-studio") { overdueTotal } }`, undefined, moyunToken);
      expect(board.data.stageBoard.overdueTotal).toBeGreaterThan(0);

      const demo = await postGraphQL(
        hub.gateway.url,
        `{ order(id: "${DEMO_ORDER_ID}") { status stages { status environment { name } } eta { basis { method samples } } } }`,
        undefined,
        moyunToken,
      );
      expect(demo.data.order.status).toBe('IN_PRODUCTION');
      // The demo ships production history: the forecast rests on it.
      expect(demo.data.order.eta.basis.method).toBe('HISTORY');
      expect(demo.data.order.eta.basis.samples).toBeGreaterThan(500);
      expect(demo.data.order.stages.filter((stage: any) => stage.status === 'DONE').length).toBeGreaterThan(2);

      // The README's side-by-side: the same demo order as a MINIMAL and as a DETAILED customer.
      const view = `{ order(id: "${DEMO_ORDER_ID}") { phase status stages { statusCode { code labelEn } status startedAt operatorPenName environment { name value unit } } } }`;
      const minimal = await postGraphQL(hub.gateway.url, view, undefined, await tokens.sign(customer([DEMO_ORDER_ID], 'MINIMAL'), 600));
      const detailed = await postGraphQL(hub.gateway.url, view, undefined, await tokens.sign(customer([DEMO_ORDER_ID], 'DETAILED'), 600));
      expect(minimal.errors).toBeUndefined();
      expect(minimal.data.order).toEqual({ phase: 'IN_PROGRESS', status: null, stages: [] });
      expect(detailed.errors).toBeUndefined();
      expect(detailed.data.order.status).toBe('IN_PRODUCTION');
      const fired = detailed.data.order.stages.find((stage: any) => stage.environment.length > 0);
      expect(fired).toMatchObject({ status: 'DONE', startedAt: expect.any(String), operatorPenName: expect.any(String) });

      // The README's supply walk-through: every open teaware order's materials are reserved…
      const RISK = `{ orders(studioId: "moyun-studio", first: 100) { nodes { id status materialRisk } } }`;
      const openRisk = async () =>
        (await postGraphQL(hub.gateway.url, RISK, undefined, moyunToken)).data.orders.nodes.filter(
          (order: any) => order.materialRisk !== null,
        );
      await waitFor(
        async () => (await openRisk()).length > 0 && (await openRisk()).every((order: any) => order.materialRisk === 'AVAILABLE'),
        20_000,
        'demo reservations',
      );
      // …until the clay supplier publishes a low figure, and they are flagged.
      const clayToken = await tokens.sign(partner('jingdezhen-clay', 'SUPPLIER'), 600);
      const published = await postGraphQL(
        hub.gateway.url,
        `mutation { publishInventory(supplierId: "jingdezhen-clay", sequence: 2, items: [{ sku: "CLAY-KAOLIN", lotCode: "JDZ-K-2611A", onHand: 500 }, { sku: "CLAY-KAOLIN", lotCode: "JDZ-K-2611B", onHand: 900 }]) { applied } }`,
        undefined,
        clayToken,
      );
      expect(published.data.publishInventory.applied).toBe(2);
      await waitFor(
        async () => (await openRisk()).every((order: any) => order.materialRisk === 'LOW' || order.materialRisk === 'SHORT'),
        20_000,
        'flags',
      );

      // A shipped demo product traces back to its stages, QC results and material lots.
      const shipped = await postGraphQL(
        hub.gateway.url,
        `{ orders(studioId: "moyun-studio", status: SHIPPED, first: 1) { nodes { traceCodes { uri } } } }`,
        undefined,
        moyunToken,
      );
      const uri = shipped.data.orders.nodes[0].traceCodes[0].uri;
      const trace = await postGraphQL(
        hub.gateway.url,
        `query($code: String!) { trace(code: $code) { order { status materialLots { sku lotCode } } stages { code qcResult operatorPenName } } }`,
        { code: uri },
        moyunToken,
      );
      expect(trace.data.trace.order.status).toBe('SHIPPED');
      expect(trace.data.trace.stages).toHaveLength(9);
      expect(trace.data.trace.stages.filter((stage: any) => stage.qcResult === 'PASS')).toHaveLength(3);
      expect(trace.data.trace.order.materialLots.map((lot: any) => lot.sku).sort()).toEqual([
        'CLAY-KAOLIN',
        'GIFT-BOX',
        'GLAZE-CELADON',
        'GOLD-LEAF-24K',
      ]);
      // The demo teaware has a GTIN: its code is a GS1 Digital Link under the hub's public URL.
      const publicBase = hub.gateway.http.url.replace('127.0.0.1', 'localhost');
      expect(uri).toMatch(new RegExp(`^${publicBase}/01/06901234001013/21/WT[0-9A-Z]{26}$`));

      // Scanned, the demo code opens its story page; its trace tells anyone the stages and the lots by supplier.
      const scan = await fetch(`${hub.gateway.http.url}${uri.slice(publicBase.length)}`, { redirect: 'manual' });
      const storyUrl = scan.headers.get('location')!;
      expect([scan.status, storyUrl]).toEqual([307, `${publicBase}/story/${uri.slice(-28)}`]);
      expect((await fetch(`${hub.gateway.http.url}${storyUrl.slice(publicBase.length)}`)).status).toBe(200);
      const story = (await (await fetch(`${hub.gateway.http.url}/trace/${uri.slice(-28)}`)).json()) as any;
      expect(story.stages).toHaveLength(9);
      expect(story.materialOrigins.map((origin: any) => origin.sku).sort()).toEqual([
        'CLAY-KAOLIN',
        'GIFT-BOX',
        'GLAZE-CELADON',
        'GOLD-LEAF-24K',
      ]);

      // A studio token lists its demo events at /epcis/events, page by page, each page valid EPCIS 2.0.
      const { events } = await allEpcisEvents(hub.gateway.http.url, publicBase, '/epcis/events?perPage=100', moyunToken);
      expect(events.length).toBeGreaterThan(200);
      expect(events.some((event) => event.type === 'ObjectEvent' && event.epcList.includes(uri))).toBe(true);
      // Where the demo's lots became the product: its TransformationEvent, from four lots.
      const made = events.find((event) => event.type === 'TransformationEvent' && event.outputEPCList.includes(uri));
      expect(made?.inputEPCList).toHaveLength(4);
      expect(events.every((event) => event.bizTransactionList[0].bizTransaction.startsWith(`${publicBase}/id/order/`))).toBe(true);
      expect(new Set(events.map((event) => event.readPoint.id))).toContain(`${publicBase}/414/6901234000016`);

      // The README's surge: 墨韵糕点 declares a demand surge; the overflow lands on the demo kitchens…
      const from = new Date().toISOString().slice(0, 10);
      const to = new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10);
      const surge = await postGraphQL(
        hub.gateway.url,
        `mutation { declareDemandSurge(studioId: "moyun-bakery", capability: "KITCHEN_COLD_CHAIN_PASTRY", extraUnits: 900, window: { from: "${from}", to: "${to}" }, idempotencyKey: "demo-surge") { placedUnits unmetUnits placements { enterprise { id nameEn cloudKitchen { coldChain } } units } } }`,
        undefined,
        await as('moyun-bakery'),
      );
      expect(surge.errors).toBeUndefined();
      expect(surge.data.declareDemandSurge.placedUnits).toBe(900);
      expect(surge.data.declareDemandSurge.placements.map((placement: any) => placement.enterprise.id).sort()).toEqual([
        'pudong-cloud-kitchen',
        'xuhui-cloud-kitchen',
      ]);
      expect(surge.data.declareDemandSurge.placements.every((placement: any) => placement.enterprise.cloudKitchen.coldChain)).toBe(true);
      // …and each kitchen's token sees only the work allocated to it.
      const kitchenWork = await postGraphQL(
        hub.gateway.url,
        `{ allocations(status: ACTIVE) { enterpriseId units } }`,
        undefined,
        await tokens.sign(partner('xuhui-cloud-kitchen', 'KITCHEN'), 600),
      );
      const units = surge.data.declareDemandSurge.placements.find(
        (placement: any) => placement.enterprise.id === 'xuhui-cloud-kitchen',
      ).units;
      expect(kitchenWork.data.allocations.every((allocation: any) => allocation.enterpriseId === 'xuhui-cloud-kitchen')).toBe(true);
      expect(kitchenWork.data.allocations.reduce((sum: number, allocation: any) => sum + allocation.units, 0)).toBe(units);

      const ready = await fetch(hub.gateway.url.replace('/graphql', '/readyz'));
      expect(ready.status).toBe(200);
    } finally {
      await hub.close();
    }

    const again = await startHub(options());
    try {
      let count = 0;
      for (const studioId of ['moyun-studio', 'moyun-bakery', 'youcaifeng']) {
        count += (
          await postGraphQL(
            again.gateway.url,
            `{ orders(studioId: "${studioId}") { totalCount } }`,
            undefined,
            await tokensFromDataDir().sign(staff(studioId), 600),
          )
        ).data.orders.totalCount;
      }
      // A token minted before the restart still works: the secret lives in the data dir.
      expect(
        (await postGraphQL(again.gateway.url, `{ stageBoard(studioId: "moyun-studio") { overdueTotal } }`, undefined, moyunToken)).errors,
      ).toBeUndefined();
      expect(count).toBe(firstCount);
    } finally {
      await again.close();
    }
    const readyAfterStop = await fetch(again.gateway.url.replace('/graphql', '/healthz')).catch(() => null);
    expect(readyAfterStop).toBeNull();
    // Seeding 66 orders through the real services, with every consumer reacting, then the EPCIS walk
    // and a restart: on a slow day this passed 150 s in CI.
  }, 300_000);
});
