import { StudioOperatorSkills, StudioWorkCenter } from '../../subgraphs/orders/entities/studio-resources';
import type { TestHub } from './hub';
import { staff } from './principals';
import { waitFor } from './wait';

const UPSERT_CENTER = `mutation($input: WorkCenterInput!, $key: String!) { upsertWorkCenter(input: $input, idempotencyKey: $key) { id } }`;
const UPSERT_OPERATOR = `mutation($input: StudioOperatorInput!, $key: String!) { upsertStudioOperator(input: $input, idempotencyKey: $key) { id } }`;

const ordersEm = (t: TestHub) => t.hub.subgraphs.orders.systemContext().em.fork();

/**
 * Gives a studio work centers in the capacity subgraph (as its admin, through the gateway) and
 * waits until the orders subgraph's copy has heard of them (they travel as events).
 */
export async function giveWorkCenters(t: TestHub, studioId: string, codes: readonly string[]): Promise<void> {
  for (const code of codes) {
    const result = await t.gql(
      UPSERT_CENTER,
      {
        input: { enterpriseId: studioId, code, nameZh: code, nameEn: code, kind: 'OTHER', capacityPerBatch: 1, batchMinutes: 60 },
        key: `wc-${studioId}-${code}`,
      },
      { as: staff(studioId) },
    );
    if (result.errors) throw new Error(`upsertWorkCenter ${code}: ${result.errors[0].message}`);
  }
  await waitFor(
    async () => (await ordersEm(t).count(StudioWorkCenter, { studioId, code: { $in: [...codes] }, removed: false })) === codes.length,
    10_000,
    `the orders subgraph hearing of ${studioId}'s work centers`,
  );
}

/** Registers an operator with skills in the capacity subgraph and waits until the orders subgraph's copy has them. */
export async function giveOperator(t: TestHub, studioId: string, code: string, skills: readonly string[]): Promise<void> {
  const result = await t.gql(
    UPSERT_OPERATOR,
    { input: { enterpriseId: studioId, code, penName: code, realName: code, skills }, key: `op-${studioId}-${code}-${skills.join('.')}` },
    { as: staff(studioId) },
  );
  if (result.errors) throw new Error(`upsertStudioOperator ${code}: ${result.errors[0].message}`);
  await waitFor(
    async () => {
      const copy = await ordersEm(t).findOne(StudioOperatorSkills, { studioId, operatorCode: code });
      return !!copy && JSON.stringify([...copy.skills].sort()) === JSON.stringify([...skills].sort());
    },
    10_000,
    `the orders subgraph hearing of ${studioId}'s operator ${code}`,
  );
}
