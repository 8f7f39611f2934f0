import type { partner as en } from '../en/partner';

/** The partner's workspace. */
export const partner: typeof en = {
  partner: {
    title: '合作方工作台',
    stages: '交给您的工序',
    noStages: '目前没有分配给您的工序。',
    decline: '拒绝',
    declineTitle: '拒绝这项工作？',
    declineConsequence: '工作将退回工作室，工作室可能交给其他作坊。拒绝后您不能自行撤回。',
    declineConfirm: '确认拒绝',
    allocations: '分配记录',
    noAllocations: '没有分配记录。',
    // u-lang: today's work first, what each stage is for, whether it may start
    group: { today: '今日工作', later: '即将到来', finished: '已完成' },
    ready: '可以开始',
    notReady: '等待前一道工序',
    notReadyWhy: '前一道工序完成后即可开始。',
    workFor: '{{studio}}的{{product}}',
    unknownProduct: '定制作品',
    inscription: '刻字内容',
    listSeparator: '、',
    allocationStatus: { ACTIVE: '已预订', DECLINED: '已拒绝', RELEASED: '已释放' },
  },
};
