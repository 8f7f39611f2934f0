import type { EnterpriseKind } from '../contracts';

/**
 * The demo supply network. Ids are stable: README examples and tests rely on them. Most have a
 * GLN (GS1 China's 690 prefix, made up; valid check digits), so EPCIS places are Digital Link
 * locations; the kitchens and the emergency pool have none, so theirs are Weft URIs.
 */
export const DEMO_ENTERPRISES: ReadonlyArray<{
  id: string;
  kind: EnterpriseKind;
  gln?: string;
  nameZh: string;
  nameEn: string;
  region: string;
  alliances: string[];
}> = [
  {
    id: 'moyun-studio',
    gln: '6901234000016',
    kind: 'STUDIO',
    nameZh: '墨韵文创',
    nameEn: 'Moyun Creative Studio',
    region: 'CN-JX',
    alliances: ['jingdezhen-craft-alliance'],
  },
  {
    id: 'moyun-bakery',
    gln: '6901234000023',
    kind: 'STUDIO',
    nameZh: '墨韵糕点工作室',
    nameEn: 'Moyun Pastry Studio',
    region: 'CN-SH',
    alliances: ['shanghai-food-alliance'],
  },
  {
    id: 'youcaifeng',
    gln: '6901234000030',
    kind: 'STUDIO',
    nameZh: '优裁缝',
    nameEn: 'Youcaifeng Tailoring',
    region: 'CN-ZJ',
    alliances: ['jiangnan-tailor-alliance'],
  },
  {
    id: 'jingde-kiln-works',
    gln: '6901234000047',
    kind: 'PARTNER_STUDIO',
    nameZh: '景德窑坊',
    nameEn: 'Jingde Kiln Works',
    region: 'CN-JX',
    alliances: ['jingdezhen-craft-alliance'],
  },
  {
    id: 'gilding-atelier',
    gln: '6901234000054',
    kind: 'PARTNER_STUDIO',
    nameZh: '金缮描金坊',
    nameEn: 'Gilding Atelier',
    region: 'CN-JX',
    alliances: ['jingdezhen-craft-alliance'],
  },
  {
    id: 'hangzhou-stitch-lab',
    gln: '6901234000061',
    kind: 'PARTNER_STUDIO',
    nameZh: '杭绣工坊',
    nameEn: 'Hangzhou Stitch Lab',
    region: 'CN-ZJ',
    alliances: ['jiangnan-tailor-alliance'],
  },
  {
    id: 'jingdezhen-clay',
    gln: '6901234000078',
    kind: 'SUPPLIER',
    nameZh: '景德镇瓷泥供应社',
    nameEn: 'Jingdezhen Clay Supply',
    region: 'CN-JX',
    alliances: ['jingdezhen-craft-alliance'],
  },
  {
    id: 'nanjing-gold-leaf',
    gln: '6901234000085',
    kind: 'SUPPLIER',
    nameZh: '南京金箔厂',
    nameEn: 'Nanjing Gold Leaf',
    region: 'CN-JS',
    alliances: ['jingdezhen-craft-alliance'],
  },
  {
    id: 'jiangnan-flour',
    gln: '6901234000092',
    kind: 'SUPPLIER',
    nameZh: '江南面粉坊',
    nameEn: 'Jiangnan Flour Mill',
    region: 'CN-SH',
    alliances: ['shanghai-food-alliance'],
  },
  {
    id: 'yixing-clay',
    gln: '6901234000108',
    kind: 'SUPPLIER',
    nameZh: '宜兴陶土社',
    nameEn: 'Yixing Clay Cooperative',
    region: 'CN-JS',
    alliances: ['jingdezhen-craft-alliance'],
  },
  {
    id: 'east-china-emergency-pool',
    kind: 'SUPPLIER',
    nameZh: '华东应急物料池',
    nameEn: 'East China Emergency Materials Pool',
    region: 'CN-SH',
    alliances: ['jingdezhen-craft-alliance', 'shanghai-food-alliance', 'jiangnan-tailor-alliance'],
  },
  {
    id: 'suzhou-silk',
    gln: '6901234000115',
    kind: 'SUPPLIER',
    nameZh: '苏州丝绸面料',
    nameEn: 'Suzhou Silk Fabrics',
    region: 'CN-JS',
    alliances: ['jiangnan-tailor-alliance'],
  },
  {
    id: 'xuhui-cloud-kitchen',
    kind: 'KITCHEN',
    nameZh: '徐汇云厨房',
    nameEn: 'Xuhui Cloud Kitchen',
    region: 'CN-SH',
    alliances: ['shanghai-food-alliance'],
  },
  {
    id: 'pudong-cloud-kitchen',
    kind: 'KITCHEN',
    nameZh: '浦东云厨房',
    nameEn: 'Pudong Cloud Kitchen',
    region: 'CN-SH',
    alliances: ['shanghai-food-alliance'],
  },
];
