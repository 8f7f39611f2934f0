import { PartnerRelationships } from './PartnerRelationships';
import { SupplierRelationships } from './SupplierRelationships';

/** Settings → suppliers and partners: who the studio buys from, and who may take which of its stages. */
export function RelationshipSettings({ studioId }: { studioId: string }) {
  return (
    <>
      <SupplierRelationships studioId={studioId} />
      <PartnerRelationships studioId={studioId} />
    </>
  );
}
