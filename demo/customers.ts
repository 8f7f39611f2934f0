import { demoOrderId, demoOrderIdsOf } from './orders';

/**
 * The demo orders' customers, as their shop sent them (personal data, made up): the seed imports
 * them with the orders and gives 墨韵文创's their WeChat openids; tests look for them where they
 * must not be (logs).
 */
export function demoCustomer(index: number): { name: string; contact: string; address: string; wechatOpenId?: string } {
  const wechat = demoWechatCustomers().find((customer) => customer.orderId === demoOrderId(index));
  return {
    // Names as a Chinese shop sends them (surname, then a two-character given name): 12 × 8 of them, one per order.
    name: `${SURNAMES[index % SURNAMES.length]}${GIVEN_NAMES[Math.floor(index / SURNAMES.length) % GIVEN_NAMES.length]}`,
    contact: `+86 138 0000 ${String(index).padStart(4, '0')}`,
    address: `上海市徐汇区示范路${index + 1}号`,
    ...(wechat ? { wechatOpenId: wechat.wechatOpenId } : {}),
  };
}

const SURNAMES = ['林', '陈', '王', '张', '刘', '赵', '周', '吴', '郑', '孙', '何', '胡'];
const GIVEN_NAMES = ['雨桐', '思远', '嘉怡', '子墨', '若溪', '明轩', '静姝', '浩然'];

/** Every customer of 墨韵文创 came through its WeChat official account: the openid of its n-th demo order's customer. */
export const demoWechatOpenId = (studioOrderIndex: number) => `oDEMO_moyun_${String(studioOrderIndex + 1).padStart(4, '0')}`;

/** 墨韵文创's demo orders and their customers' openids. */
export function demoWechatCustomers(): { orderId: string; wechatOpenId: string }[] {
  return demoOrderIdsOf('moyun-studio').map((orderId, index) => ({ orderId, wechatOpenId: demoWechatOpenId(index) }));
}
