import type { partner as en } from '../en/partner';

/** The partner's workspace. */
export const partner: typeof en = {
  partner: {
    title: '合作方工作台',
    stages: '交给您的工序',
    noStages: '目前没有分配给您的工序。',
    decline: '拒绝',
    allocations: '分配记录',
    noAllocations: '没有分配记录。',
  },
};
