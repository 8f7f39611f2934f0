import { weftBizStep } from './cbv';
import type { VisibilityTier } from './tiers';

/**
 * Progress status codes, vocabulary version 1. A code is `<phase letter><two digits>`; the
 * letter is the phase, the digits leave room to insert codes between existing ones.
 * `minTier` is the least detailed customer tier that may see the code: MINIMAL customers see
 * only "received / delivered / cancelled", BASIC adds the milestones, DETAILED every stage.
 */
export const STATUS_PHASES = ['ORDER', 'DESIGN', 'MATERIAL', 'PRODUCTION', 'QUALITY', 'LOGISTICS', 'CLOSURE'] as const;
export type StatusPhase = (typeof STATUS_PHASES)[number];

export interface StatusCodeDefinition {
  code: string;
  phase: StatusPhase;
  labelZh: string;
  labelEn: string;
  minTier: VisibilityTier;
  terminal: boolean;
  /** GS1 CBV 2.0 business step, or a Weft URI where the CBV has none. */
  bizStep: string;
  /** GS1 CBV 2.0 disposition of the goods once this status is reached. */
  disposition: string;
}

type Row = [
  code: string,
  phase: StatusPhase,
  zh: string,
  en: string,
  tier: VisibilityTier,
  terminal: boolean,
  bizStep: string,
  disposition: string,
];

const rows: Row[] = [
  ['A00', 'ORDER', '订单已接收', 'Order received', 'MINIMAL', false, 'accepting', 'active'],
  ['A05', 'DESIGN', '定制需求确认', 'Requirements confirmed', 'BASIC', false, weftBizStep('requirements_confirming'), 'in_progress'],
  ['A10', 'DESIGN', '设计确认完成', 'Design confirmed', 'BASIC', false, weftBizStep('design_confirming'), 'in_progress'],
  ['A20', 'DESIGN', '量体数据确认', 'Measurements confirmed', 'BASIC', false, weftBizStep('measuring'), 'in_progress'],
  ['B10', 'MATERIAL', '物料准备', 'Material preparation', 'BASIC', false, 'picking', 'in_progress'],
  ['B20', 'MATERIAL', '物料采购中', 'Material procurement', 'BASIC', false, weftBizStep('procuring'), 'unavailable'],
  // Calligraphy teaware
  ['C10', 'PRODUCTION', '书法创作', 'Calligraphy', 'DETAILED', false, weftBizStep('calligraphy'), 'in_progress'],
  ['C20', 'PRODUCTION', '数字化处理', 'Digitising', 'DETAILED', false, 'encoding', 'in_progress'],
  ['C30', 'PRODUCTION', '转印', 'Transfer printing', 'DETAILED', false, weftBizStep('transfer_printing'), 'in_progress'],
  ['C40', 'PRODUCTION', '初次烧制', 'First firing', 'BASIC', false, weftBizStep('firing'), 'in_progress'],
  ['C50', 'PRODUCTION', '手工描金', 'Hand gilding', 'DETAILED', false, weftBizStep('gilding'), 'in_progress'],
  ['C60', 'PRODUCTION', '二次烧制', 'Final firing', 'BASIC', false, weftBizStep('firing'), 'in_progress'],
  // Made-to-measure tailoring
  ['C71', 'PRODUCTION', '打版', 'Pattern drafting', 'DETAILED', false, weftBizStep('pattern_drafting'), 'in_progress'],
  ['C72', 'PRODUCTION', '裁剪', 'Cutting', 'BASIC', false, weftBizStep('cutting'), 'in_progress'],
  ['C73', 'PRODUCTION', '假缝试穿', 'Basting fitting', 'BASIC', false, weftBizStep('fitting'), 'in_progress'],
  ['C74', 'PRODUCTION', '缝制', 'Sewing', 'DETAILED', false, 'assembling', 'in_progress'],
  ['C75', 'PRODUCTION', '整烫', 'Finishing and pressing', 'DETAILED', false, weftBizStep('finishing'), 'in_progress'],
  // Pastry subscription boxes
  ['C81', 'PRODUCTION', '和面备料', 'Dough and mixing', 'DETAILED', false, weftBizStep('mixing'), 'in_progress'],
  ['C82', 'PRODUCTION', '烘焙', 'Baking', 'BASIC', false, weftBizStep('baking'), 'in_progress'],
  ['C83', 'PRODUCTION', '裱花装饰', 'Decorating', 'DETAILED', false, weftBizStep('decorating'), 'in_progress'],
  ['C84', 'PRODUCTION', '冷藏定型', 'Chilling', 'DETAILED', false, 'storing', 'in_progress'],
  ['E10', 'QUALITY', '质检包装', 'QC and packing', 'BASIC', false, 'packing', 'container_closed'],
  ['F10', 'LOGISTICS', '已发货', 'Shipped', 'BASIC', false, 'shipping', 'in_transit'],
  ['F20', 'LOGISTICS', '已签收', 'Delivered', 'MINIMAL', true, 'receiving', 'retail_sold'],
  ['Z90', 'CLOSURE', '订单已取消', 'Order cancelled', 'MINIMAL', true, weftBizStep('cancelling'), 'inactive'],
];

export const STATUS_CODES: readonly StatusCodeDefinition[] = Object.freeze(
  rows.map(([code, phase, labelZh, labelEn, minTier, terminal, bizStep, disposition]) =>
    Object.freeze({ code, phase, labelZh, labelEn, minTier, terminal, bizStep, disposition }),
  ),
);

const byCode = new Map(STATUS_CODES.map((definition) => [definition.code, definition]));

export function findStatusCode(code: string): StatusCodeDefinition | undefined {
  return byCode.get(code);
}

/** Well-known codes the hub itself sets, named so code reads as the domain does. */
export const STATUS = {
  ORDER_RECEIVED: 'A00',
  DESIGN_CONFIRMED: 'A10',
  MATERIAL_PREPARATION: 'B10',
  MATERIAL_PROCUREMENT: 'B20',
  QC_AND_PACKING: 'E10',
  SHIPPED: 'F10',
  DELIVERED: 'F20',
  CANCELLED: 'Z90',
} as const;
