import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHub } from '../hub/hub';
import { DEMO_ORDER_ID } from '../subgraphs/orders/demo-orders';
import { ROUTE_TEMPLATES } from '../subgraphs/orders/route-templates';
import { postGraphQL } from './support/hub';

/** What `npm start` does, on a temp data dir: seed the demo network, then restart on the same data. */
describe('embedded demo hub', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-demo-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const options = { location: { dataDir }, gatewayPort: 0, subgraphPort: () => 0, seedDemo: true };

  it('seeds a network with orders at every stage, late, excepted, shipped and cancelled, and keeps it across restarts', async () => {
    const hub = await startHub(options);
    let firstCount: number;
    try {
      const enterprises = await postGraphQL(hub.gateway.url, `{ enterprises { id kind nameZh } }`);
      const kinds = enterprises.data.enterprises.map((enterprise: any) => enterprise.kind);
      for (const kind of ['STUDIO', 'PARTNER_STUDIO', 'SUPPLIER', 'KITCHEN']) expect(kinds.filter((k: string) => k === kind).length).toBeGreaterThanOrEqual(2);
      expect(enterprises.data.enterprises.map((enterprise: any) => enterprise.id)).toEqual(expect.arrayContaining(['moyun-studio', 'moyun-bakery', 'youcaifeng']));

      const all: any[] = [];
      for (const studioId of ['moyun-studio', 'moyun-bakery', 'youcaifeng']) {
        const page = await postGraphQL(hub.gateway.url, `{ orders(studioId: "${studioId}", first: 100) { nodes { id status stages { status statusCode { code } } exceptions { id } } } }`);
        all.push(...page.data.orders.nodes);
      }
      firstCount = all.length;
      expect(all.length).toBeGreaterThanOrEqual(60);
      const statuses = new Set(all.map((order) => order.status));
      for (const status of ['RECEIVED', 'IN_PRODUCTION', 'READY_TO_SHIP', 'SHIPPED', 'DELIVERED', 'CANCELLED']) expect(statuses).toContain(status);
      const running = new Set(all.flatMap((order) => order.stages.filter((stage: any) => stage.status === 'IN_PROGRESS').map((stage: any) => stage.statusCode.code)));
      for (const template of ROUTE_TEMPLATES) for (const step of template.steps) expect(running).toContain(step.statusCode);
      expect(all.filter((order) => order.exceptions.length > 0).length).toBeGreaterThan(5);

      const board = await postGraphQL(hub.gateway.url, `{ stageBoard(studioId: "moyun-studio") { overdueTotal } }`);
      expect(board.data.stageBoard.overdueTotal).toBeGreaterThan(0);

      const demo = await postGraphQL(hub.gateway.url, `{ order(id: "${DEMO_ORDER_ID}") { status stages { status environment { name } } } }`);
      expect(demo.data.order.status).toBe('IN_PRODUCTION');
      expect(demo.data.order.stages.filter((stage: any) => stage.status === 'DONE').length).toBeGreaterThan(2);

      const ready = await fetch(hub.gateway.url.replace('/graphql', '/readyz'));
      expect(ready.status).toBe(200);
    } finally {
      await hub.close();
    }

    const again = await startHub(options);
    try {
      let count = 0;
      for (const studioId of ['moyun-studio', 'moyun-bakery', 'youcaifeng']) {
        count += (await postGraphQL(again.gateway.url, `{ orders(studioId: "${studioId}") { totalCount } }`)).data.orders.totalCount;
      }
      expect(count).toBe(firstCount);
    } finally {
      await again.close();
    }
    const readyAfterStop = await fetch(again.gateway.url.replace('/graphql', '/healthz')).catch(() => null);
    expect(readyAfterStop).toBeNull();
  });
});
