import { DEFAULT_NOTIFICATION_PREFERENCES } from '../../contracts';
import { demoWechatCustomers } from '../../demo/customers';
import type { RequestContext } from '../../platform/access/context';
import { CustomerPreference } from './entities';

/**
 * The demo: every customer of 墨韵文创 came through its WeChat official account (the shop imports
 * their orders with their openid, demo/customers.ts) and chose to be told on WeChat, in Chinese.
 * Seeded before the orders, so the orders' events find them.
 */
export async function seedDemoNotifications(ctx: RequestContext<unknown>): Promise<void> {
  const em = ctx.em.fork();
  if ((await em.count(CustomerPreference, {})) > 0) return;
  const now = new Date();
  demoWechatCustomers().forEach(({ orderId }) =>
    em.persist(
      em.create(CustomerPreference, {
        orderId,
        studioId: 'moyun-studio',
        channel: 'WECHAT',
        language: 'ZH',
        tier: 'DETAILED',
        timeZone: DEFAULT_NOTIFICATION_PREFERENCES.timeZone,
        dailyDigest: false,
        digestHour: DEFAULT_NOTIFICATION_PREFERENCES.digestHour,
        dailyCap: DEFAULT_NOTIFICATION_PREFERENCES.dailyCap,
        updatedAt: now,
      }),
    ),
  );
  await em.flush();
}
