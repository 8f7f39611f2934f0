import { KITCHEN_CAPABILITIES, STATUS_CODES } from '../../contracts';
import { PartnerStageGrant } from '../../subgraphs/capacity/entities/partner-grant';
import { RelationshipService } from '../../subgraphs/network/relationship.service';
import type { TestHub } from './hub';
import { waitFor } from './wait';

/** Every stage a partner could take: the vocabulary's production stages and the kitchen capabilities. */
export const EVERY_CAPABILITY = [
  ...STATUS_CODES.filter((code) => code.phase === 'PRODUCTION').map((code) => code.code),
  ...KITCHEN_CAPABILITIES,
];

/**
 * A studio lets a partner take these codes (the network's relationship, as its admin would set
 * it), and the capacity allocator has heard so (its projection of relationship events).
 */
export async function letPartnerTake(
  t: TestHub,
  studioId: string,
  partnerId: string,
  stageCodes: readonly string[] = EVERY_CAPABILITY,
): Promise<void> {
  await new RelationshipService().setPartner(
    t.hub.subgraphs.network.systemContext(),
    studioId,
    { partnerId, stageCodes: [...stageCodes] },
    `test-partner-${studioId}-${partnerId}-${stageCodes.length}`,
  );
  const sorted = [...stageCodes].sort().join();
  await waitFor(
    async () =>
      (
        await t.hub.subgraphs.capacity.systemContext().em.fork().findOne(PartnerStageGrant, { studioId, partnerId }, { filters: false })
      )?.stageCodes.join() === sorted,
    10_000,
    `capacity hearing that ${studioId} lets ${partnerId} take ${stageCodes.length} codes`,
  );
}
