import { NETWORK_EVENTS } from '../../contracts';
import { eventConsumer } from '../../platform/events/consumer';
import { PartnerStageGrant } from './entities/partner-grant';

/**
 * The network's partner relationships, projected for the allocator: a studio's relationship with
 * a partner sets the stage codes it may be offered; an ended one leaves it none.
 */
export function relationshipEventsConsumer() {
  return eventConsumer({
    name: 'capacity.relationships',
    types: [NETWORK_EVENTS.PARTNER_RELATIONSHIP_SET, NETWORK_EVENTS.PARTNER_RELATIONSHIP_ENDED],
    async handle(em, event) {
      const { studioId, partnerId } = event.payload;
      const stageCodes = event.type === NETWORK_EVENTS.PARTNER_RELATIONSHIP_SET ? [...event.payload.stageCodes] : [];
      const grant = await em.findOne(PartnerStageGrant, { studioId, partnerId }, { filters: false });
      if (grant) Object.assign(grant, { stageCodes, updatedAt: new Date() });
      else em.persist(em.create(PartnerStageGrant, { studioId, partnerId, stageCodes, updatedAt: new Date() }));
    },
  });
}
