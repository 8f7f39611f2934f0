import type { supplier as en } from '../en/supplier';

/** The supplier's workspace. */
export const supplier: typeof en = {
  supplier: {
    title: '供应商工作台',
    lots: '库存批次',
    noLots: '尚未发布库存。',
    lot: '批次',
    onHand: '现有',
    reserved: '已预留',
    received: '入库',
    publish: '发布库存',
    publishOne: '发布此批次',
    csv: '或粘贴 CSV（sku, lot, onHand, unitCostCents, receivedAt）',
    upload: '或上传 CSV 文件',
    publishCsv: '发布 CSV',
    emptyCsv: 'CSV 没有内容。',
    onHandWhole: '现有数量必须是整数。',
    applied: '已更新 {{count}} 个批次。',
    refused: '全部未生效。请修正以下各行后重新发布：',
    line: '第 {{line}} 行：',
    purchaseOrders: '采购单',
    confirm: '确认',
    ship: '发货…',
    shipTitle: '为此采购单发货',
    shipSubmit: '标记为已发货',
    cancel: '取消',
    quantity: '数量',
    quantityWhole: '每个数量都须为不小于 1 的整数。',
    shippedLots: '{{day}} 已发货：{{lots}}',
  },
};
