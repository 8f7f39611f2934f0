import { StageRun } from '../../subgraphs/orders/entities/stage-run';
import type { TestHub } from './hub';

let shopOrderNumber = 0;

/** A shop order as a channel delivers it: a moyun-studio teaware order unless overridden, each with a fresh shop id. */
export function teawareOrder(overrides: Record<string, unknown> = {}) {
  shopOrderNumber += 1;
  return {
    channel: 'TAOBAO',
    externalOrderId: `TB-${Date.now()}-${shopOrderNumber}`,
    studioId: 'moyun-studio',
    customer: { name: '林小姐', contact: '+86 139 0000 0000', address: '上海市徐汇区 1 号' },
    priceCents: 68800,
    customerTierMax: 'DETAILED',
    lines: [{ productCode: 'TEA-CUP-CALLIG', quantity: 2, personalisation: '宁静致远' }],
    ...overrides,
  };
}

/** Makes a running stage look as if it started long enough ago to be `percent` over its standard duration. */
export async function runLate(t: TestHub, stageId: string, percent: number): Promise<void> {
  const em = t.hub.subgraphs.orders.systemContext().em.fork();
  const stage = await em.findOneOrFail(StageRun, { id: stageId }, { filters: false });
  await em.nativeUpdate(
    StageRun,
    { id: stageId },
    { startedAt: new Date(Date.now() - stage.standardMinutes * 60_000 * (1 + percent / 100)) },
    { filters: false },
  );
}
