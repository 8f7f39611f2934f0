import { demoOrderId, demoOrderIdsOf } from './orders';

/**
 * The demo orders' customers, as their shop sent them (personal data, made up): the seed imports
 * them with the orders and gives 墨韵文创's their WeChat openids; tests look for them where they
 * must not be (logs).
 */
export function demoCustomer(index: number): { name: string; contact: string; address: string; wechatOpenId?: string } {
  const wechat = demoWechatCustomers().find((customer) => customer.orderId === demoOrderId(index));
  return {
    name: `Demo Customer ${index + 1}`,
    contact: `+86 138 0000 ${String(index).padStart(4, '0')}`,
    address: `${index + 1} Demo Road, Shanghai`,
    ...(wechat ? { wechatOpenId: wechat.wechatOpenId } : {}),
  };
}

/** Every customer of 墨韵文创 came through its WeChat official account: the openid of its n-th demo order's customer. */
export const demoWechatOpenId = (studioOrderIndex: number) => `oDEMO_moyun_${String(studioOrderIndex + 1).padStart(4, '0')}`;

/** 墨韵文创's demo orders and their customers' openids. */
export function demoWechatCustomers(): { orderId: string; wechatOpenId: string }[] {
  return demoOrderIdsOf('moyun-studio').map((orderId, index) => ({ orderId, wechatOpenId: demoWechatOpenId(index) }));
}
