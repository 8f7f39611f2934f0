import { PRODUCT_TYPE_LABELS } from '../../../../contracts/catalogue';
import type { vocabulary as en } from '../en/vocabulary';

/** The vocabulary's own words where the hub gives codes: products, statuses, tiers, event types. */
export const vocabulary: typeof en = {
  // Product types: one table, contracts/catalogue.ts (the gateway's share previews read it too).
  product: Object.fromEntries(Object.entries(PRODUCT_TYPE_LABELS).map(([code, label]) => [code, label.labelZh])),
  phase: { IN_PROGRESS: '制作中', DONE: '已完成', CANCELLED: '已取消' },
  orderStatus: {
    RECEIVED: '已接单',
    IN_PRODUCTION: '生产中',
    READY_TO_SHIP: '待发货',
    SHIPPED: '已发货',
    DELIVERED: '已送达',
    CANCELLED: '已取消',
  },
  stage: { PENDING: '等待中', IN_PROGRESS: '进行中', DONE: '已完成', BLOCKED: '已阻塞', CANCELLED: '已取消' },
  qc: { PASS: '通过', FAIL: '未通过' },
  tier: { MINIMAL: '简要', BASIC: '基本', DETAILED: '详细' },
  material: { AVAILABLE: '有货', ON_ORDER: '采购中', LOW: '偏低', SHORT: '短缺' },
  purchase: { PLACED: '已下单', CONFIRMED: '已确认', RECEIVED: '已收货', CANCELLED: '已取消', SHIPPED: '已发货' },
  shipment: {
    CREATED: '已揽件',
    IN_TRANSIT: '运输中',
    OUT_FOR_DELIVERY: '派送中',
    DELIVERED: '已送达',
    EXCEPTION: '物流异常',
    RETURNED: '已退回',
  },
  event: {
    other: '更新',
    order: {
      imported: '已接单',
      stage: {
        started: '「{{stage}}」已开始',
        completed: '「{{stage}}」已完成',
        blocked: '「{{stage}}」暂停',
        assigned: '「{{stage}}」交由合作工坊完成',
      },
      qc: { recorded: '已记录质检' },
      exception: { reported: '上报了一个问题', resolved: '一个问题已解决' },
      route: { changed: '生产路线已调整' },
      cancelled: '订单已取消',
      shipment: { added: '已发货', event: '物流更新' },
      delivered: '已送达',
      'customer-tier': { changed: '可见详细程度已变更' },
      material: { flagged: '有物料正在补货', cleared: '物料已备齐' },
      'trace-codes': { issued: '已生成溯源码' },
      delay: { alerted: '进度延误', notice: '延误通知', responded: '已记录您的选择' },
      completed: '您的订单已制作完成',
      eta: { changed: '预计时间有变' },
      promise: { changed: '承诺的完成日期已调整' },
    },
  },
};
