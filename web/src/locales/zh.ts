import type { en } from './en';
import { shared } from './zh/shared';
import { vocabulary } from './zh/vocabulary';
import { customer } from './zh/customer';
import { studio } from './zh/studio';
import { partner } from './zh/partner';
import { supplier } from './zh/supplier';
import { workstation } from './zh/workstation';
import { board } from './zh/board';
import { settings } from './zh/settings';
import { catalogue } from './zh/catalogue';

/** 中文界面文字。工序、异常的名称取自中枢词汇表的 labelZh。 */
export const zh: typeof en = {
  ...shared,
  ...vocabulary,
  ...customer,
  ...studio,
  ...partner,
  ...supplier,
  ...workstation,
  ...board,
  ...settings,
  ...catalogue,
};
