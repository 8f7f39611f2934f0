import { DEMO_PARTNER_RELATIONSHIPS, DEMO_SUPPLIER_RELATIONSHIPS } from '../../demo/relationships';
import type { RequestContext } from '../../platform/access/context';
import { RelationshipService } from './relationship.service';

/**
 * The demo studios name their suppliers and partners through the same service calls a studio's
 * admin makes (setSupplierRelationship, setPartnerRelationship): each an event with its actor.
 * Terms already set (a database the relationships migration filled) change nothing.
 */
export async function seedDemoRelationships(ctx: RequestContext<unknown>): Promise<void> {
  const relationships = new RelationshipService();
  for (const { studioId, ...input } of DEMO_SUPPLIER_RELATIONSHIPS)
    await relationships.setSupplier(ctx, studioId, input, `demo-supplier-${studioId}-${input.supplierId}`);
  for (const { studioId, ...input } of DEMO_PARTNER_RELATIONSHIPS)
    await relationships.setPartner(ctx, studioId, input, `demo-partner-${studioId}-${input.partnerId}`);
}
