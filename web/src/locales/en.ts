import { shared } from './en/shared';
import { vocabulary } from './en/vocabulary';
import { customer } from './en/customer';
import { studio } from './en/studio';
import { partner } from './en/partner';
import { supplier } from './en/supplier';
import { workstation } from './en/workstation';
import { board } from './en/board';
import { settings } from './en/settings';
import { catalogue } from './en/catalogue';

/** English UI strings. Vocabulary labels (stages, exceptions) come from the hub's labelEn. */
export const en = {
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
