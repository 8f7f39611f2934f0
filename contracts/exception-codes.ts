/**
 * The exception taxonomy, vocabulary version 1: eight categories, each with a three-letter
 * prefix, and codes `<PREFIX>-<NN>` within them.
 */
export const EXCEPTION_CATEGORIES = [
  'MATERIAL',
  'PROCESS',
  'QUALITY',
  'EQUIPMENT',
  'CAPACITY',
  'LOGISTICS',
  'CUSTOMER_CHANGE',
  'EXTERNAL',
] as const;
export type ExceptionCategory = (typeof EXCEPTION_CATEGORIES)[number];

export const EXCEPTION_CATEGORY_PREFIX: Readonly<Record<ExceptionCategory, string>> = Object.freeze({
  MATERIAL: 'MAT',
  PROCESS: 'PRC',
  QUALITY: 'QUA',
  EQUIPMENT: 'EQP',
  CAPACITY: 'CAP',
  LOGISTICS: 'LOG',
  CUSTOMER_CHANGE: 'CUS',
  EXTERNAL: 'EXT',
});

export interface ExceptionCodeDefinition {
  code: string;
  category: ExceptionCategory;
  labelZh: string;
  labelEn: string;
}

type Row = [code: string, category: ExceptionCategory, zh: string, en: string];

const rows: Row[] = [
  ['MAT-01', 'MATERIAL', '物料短缺', 'Material shortage'],
  ['MAT-02', 'MATERIAL', '物料质量问题', 'Material defect'],
  ['MAT-03', 'MATERIAL', '供应商延迟交货', 'Supplier delivery late'],
  ['PRC-01', 'PROCESS', '工艺缺陷', 'Craft defect'],
  ['PRC-02', 'PROCESS', '需要返工', 'Rework required'],
  ['QUA-01', 'QUALITY', '质检未通过', 'QC failed'],
  ['QUA-02', 'QUALITY', '客户反馈质量问题', 'Customer-reported defect'],
  ['EQP-01', 'EQUIPMENT', '设备故障', 'Equipment breakdown'],
  ['EQP-02', 'EQUIPMENT', '窑温偏差', 'Kiln temperature deviation'],
  ['CAP-01', 'CAPACITY', '产能超负荷', 'Capacity overload'],
  ['CAP-02', 'CAPACITY', '人员不足', 'Staff shortage'],
  ['LOG-01', 'LOGISTICS', '承运商延误', 'Carrier delay'],
  ['LOG-02', 'LOGISTICS', '运输破损', 'Damaged in transit'],
  ['LOG-03', 'LOGISTICS', '地址问题', 'Address problem'],
  ['CUS-01', 'CUSTOMER_CHANGE', '客户修改设计', 'Customer changed the design'],
  ['CUS-02', 'CUSTOMER_CHANGE', '客户确认迟缓', 'Customer confirmation slow'],
  ['CUS-03', 'CUSTOMER_CHANGE', '无法联系客户', 'Customer unreachable'],
  ['EXT-01', 'EXTERNAL', '天气影响', 'Weather'],
  ['EXT-02', 'EXTERNAL', '停电', 'Power outage'],
  ['EXT-03', 'EXTERNAL', '不可抗力', 'Force majeure'],
];

export const EXCEPTION_CODES: readonly ExceptionCodeDefinition[] = Object.freeze(
  rows.map(([code, category, labelZh, labelEn]) => Object.freeze({ code, category, labelZh, labelEn })),
);

const byCode = new Map(EXCEPTION_CODES.map((definition) => [definition.code, definition]));

export function findStandardExceptionCode(code: string): ExceptionCodeDefinition | undefined {
  return byCode.get(code);
}
