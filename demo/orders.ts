import { ORDER_ID_PREFIX } from '../contracts';
import { newId } from '../platform/data/ids';
import { seededRandom } from '../platform/data/seeded-random';

/**
 * The demo orders' identities, shared by every part that seeds demo data about them (orders
 * seeds the orders, notifications their customers' preferences) and by the README, the start
 * banner and the tests. Ids are stable: one seed, the same ids on every machine. The teaware and
 * the pastry box have GTINs (made up, valid check digits: their codes are GS1 Digital Links);
 * the made-to-measure suit has none (its codes are the hub's own URIs).
 */
export const DEMO_STUDIO_PRODUCTS = [
  { studioId: 'moyun-studio', productCode: 'TEA-CUP-CALLIG', gtin: '06901234001013', personalisation: '宁静致远', priceCents: 68800 },
  { studioId: 'moyun-bakery', productCode: 'PST-BOX-168', gtin: '06901234002010', personalisation: '生日快乐', priceCents: 16800 },
  { studioId: 'youcaifeng', productCode: 'TLR-SUIT-WOOL', gtin: undefined, personalisation: 'monogram L.W.', priceCents: 329900 },
] as const;

export const DEMO_ORDER_COUNT = 66;

/** The studio and product of the demo order at `index` (the studios take turns). */
export const demoProductOf = (index: number) => DEMO_STUDIO_PRODUCTS[index % DEMO_STUDIO_PRODUCTS.length];

export const demoOrderId = (index: number) => newId(ORDER_ID_PREFIX.order, Date.UTC(2026, 10, 1) + index * 60_000, seededRandom(index));

/** A demo order of 墨韵文创 midway through its route (first firing running): README examples use it. */
export const DEMO_ORDER_ID = demoOrderId(18);

/** The demo orders of one studio (for other subgraphs' demo data: their customers' preferences). */
export function demoOrderIdsOf(studioId: string): string[] {
  return Array.from({ length: DEMO_ORDER_COUNT }, (_, index) => index)
    .filter((index) => demoProductOf(index).studioId === studioId)
    .map(demoOrderId);
}
