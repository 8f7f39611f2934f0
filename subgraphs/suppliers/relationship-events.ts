import { NETWORK_EVENTS } from '../../contracts';
import { eventConsumer } from '../../platform/events/consumer';
import { StudioSupplier } from './entities/studio-supplier';

/**
 * The network's supplier relationships, projected for this subgraph: a studio names a supplier
 * (its tier and a primary's contract), or ends it, keeping the row with its end.
 */
export const relationshipEventsConsumer = eventConsumer({
  name: 'suppliers.relationships',
  types: [NETWORK_EVENTS.SUPPLIER_RELATIONSHIP_SET, NETWORK_EVENTS.SUPPLIER_RELATIONSHIP_ENDED],
  async handle(em, event) {
    const { studioId, supplierId } = event.payload;
    const row = await em.findOne(StudioSupplier, { studioId, supplierId }, { filters: false });
    const now = new Date();
    if (event.type === NETWORK_EVENTS.SUPPLIER_RELATIONSHIP_ENDED) {
      // No row: the studio never named it here, which already shows it nothing.
      if (row) Object.assign(row, { endedAt: now, updatedAt: now });
      return;
    }
    const { tier, annualVolumeYuan, flexibleBandPercent } = event.payload;
    const terms = { tier, annualVolumeYuan, flexibleBandPercent, endedAt: null, updatedAt: now };
    if (row) Object.assign(row, terms);
    else em.persist(em.create(StudioSupplier, { studioId, supplierId, ...terms }));
  },
});
