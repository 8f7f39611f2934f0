import { DEMO_ENTERPRISES } from '../../demo/network';
import type { RequestContext } from '../../platform/access/context';
import { dayOf, daysAfter } from '../../platform/data/days';
import { newId } from '../../platform/data/ids';
import { AllianceMember, CapacityOffer } from './entities/offer';

/** Who shares what in the demo network: workshops their craft stages, kitchens their boxes. */
const OFFERS: Omit<CapacityOffer, 'id' | 'createdAt' | 'version' | 'status' | 'availableFrom' | 'availableTo' | 'spareUnitsPerDay'>[] = [
  {
    enterpriseId: 'gilding-atelier',
    capability: 'C50',
    baseUnitsPerDay: 6,
    maxUnitsPerDay: 10,
    unitPriceCents: 9_000,
    qualityScore: 4.8,
    region: 'CN-JX',
    shareWithAlliances: ['jingdezhen-craft-alliance'],
    shareWithEnterprises: [],
  },
  {
    enterpriseId: 'jingde-kiln-works',
    capability: 'C40',
    baseUnitsPerDay: 40,
    maxUnitsPerDay: 60,
    unitPriceCents: 1_500,
    qualityScore: 4.2,
    region: 'CN-JX',
    shareWithAlliances: ['jingdezhen-craft-alliance'],
    shareWithEnterprises: [],
  },
  {
    enterpriseId: 'jingde-kiln-works',
    capability: 'C60',
    baseUnitsPerDay: 40,
    maxUnitsPerDay: 60,
    unitPriceCents: 1_500,
    qualityScore: 4.2,
    region: 'CN-JX',
    shareWithAlliances: ['jingdezhen-craft-alliance'],
    shareWithEnterprises: [],
  },
  {
    enterpriseId: 'hangzhou-stitch-lab',
    capability: 'C74',
    baseUnitsPerDay: 3,
    maxUnitsPerDay: 5,
    unitPriceCents: 40_000,
    qualityScore: 4.5,
    region: 'CN-ZJ',
    shareWithAlliances: ['jiangnan-tailor-alliance'],
    shareWithEnterprises: [],
  },
  {
    enterpriseId: 'xuhui-cloud-kitchen',
    capability: 'KITCHEN_COLD_CHAIN_PASTRY',
    baseUnitsPerDay: 120,
    maxUnitsPerDay: 200,
    unitPriceCents: 4_200,
    qualityScore: 4.6,
    region: 'CN-SH',
    shareWithAlliances: ['shanghai-food-alliance'],
    shareWithEnterprises: [],
  },
  {
    enterpriseId: 'pudong-cloud-kitchen',
    capability: 'KITCHEN_COLD_CHAIN_PASTRY',
    baseUnitsPerDay: 80,
    maxUnitsPerDay: 150,
    unitPriceCents: 3_800,
    qualityScore: 4.1,
    region: 'CN-SH',
    shareWithAlliances: ['shanghai-food-alliance'],
    shareWithEnterprises: [],
  },
];

/** Seeds alliance membership (as the network declares it) and the demo offers for the next 30 days. */
export async function seedDemoCapacity(ctx: RequestContext<unknown>): Promise<void> {
  const em = ctx.em.fork();
  if ((await em.count(CapacityOffer, {})) > 0) return;
  const now = new Date();
  const from = dayOf(now);
  const to = dayOf(daysAfter(now, 30));
  await em.transactional(async (tx) => {
    for (const enterprise of DEMO_ENTERPRISES)
      for (const alliance of enterprise.alliances) tx.persist(tx.create(AllianceMember, { alliance, enterpriseId: enterprise.id }));
    for (const offer of OFFERS)
      tx.persist(tx.create(CapacityOffer, { ...offer, id: newId('cof'), availableFrom: from, availableTo: to, createdAt: now }));
  });
}
