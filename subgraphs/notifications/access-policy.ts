import type { EntityManager } from '@mikro-orm/core';
import { lowerTier, STUDIO_STAFF, type Role, type VisibilityTier } from '../../contracts';
import type { AccessPolicy } from '../../platform/access/policy';
import type { Viewer } from '../../platform/access/viewer';
import { OrderFacts } from './entities';

/** Who manages an enterprise's webhooks: its administrators (a partner's, supplier's or kitchen's own people). */
const WEBHOOK_OWNERS: readonly Role[] = ['STUDIO_ADMIN', 'PARTNER', 'KITCHEN', 'SUPPLIER'];
const ownEnterprise = (viewer: Viewer) => ({ enterpriseId: viewer.org! });

/** A customer's orders at the tier they follow, capped by what the studio allows (as the events told). */
async function customerOrders(viewer: Viewer, em: EntityManager): Promise<Map<string, VisibilityTier>> {
  const customer = viewer.principal!.customer!;
  // Past the row rule: this is what the row rule of OrderFacts itself asks.
  const facts = await em.find(OrderFacts, { orderId: { $in: [...customer.orders] } }, { fields: ['orderId', 'tierMax'], filters: false });
  return new Map(facts.map((order) => [order.orderId, lowerTier(customer.tier, order.tierMax)]));
}

/**
 * Webhooks and their messages belong to the enterprise that registered them; a customer's
 * preferences and messages to the customer (and the order's studio, which answers for them).
 */
export const notificationsAccess: AccessPolicy = {
  customerOrders,
  operations: {
    'Mutation.registerWebhook': { roles: WEBHOOK_OWNERS, actsFor: (args) => args.enterpriseId as string },
    'Mutation.removeWebhook': WEBHOOK_OWNERS,
    'Mutation.replayWebhookMessages': WEBHOOK_OWNERS,
    'Query.webhooks': { roles: [...WEBHOOK_OWNERS, 'SUPERVISOR'], actsFor: (args) => args.enterpriseId as string },
    'Query.webhookMessages': [...WEBHOOK_OWNERS, 'SUPERVISOR', 'HUB_ADMIN'],
    'Mutation.setNotificationPreferences': ['CUSTOMER'],
    'Query.notificationPreferences': ['CUSTOMER', ...STUDIO_STAFF, 'HUB_ADMIN'],
    'Query.notificationBinding': ['CUSTOMER', ...STUDIO_STAFF, 'HUB_ADMIN'],
    'Query.customerMessages': ['CUSTOMER', ...STUDIO_STAFF, 'HUB_ADMIN'],
    'Query.sharedOrder': 'PUBLIC',
  },
  types: {
    Enterprise: { public: true },
    StatusCode: { public: true },
    SharedOrder: { public: true },
    SharedOrderLine: { public: true },
    SharedStage: { public: true },
    Webhook: {
      entity: 'Webhook',
      ownership: { studio: 'enterpriseId', partner: ownEnterprise, supplier: ownEnterprise },
      fields: { hub: true, partner: true, supplier: true },
    },
    NotificationMessage: {
      entity: 'NotificationMessage',
      ownership: {
        studio: 'enterpriseId',
        order: 'orderId',
        customerTier: 'MINIMAL',
        customerRows: () => ({ kind: { $ne: 'WEBHOOK' } }),
        partner: ownEnterprise,
        supplier: ownEnterprise,
      },
      fields: { hub: true, partner: true, supplier: true, customer: 'MINIMAL' },
    },
    CustomerPreference: {
      entity: 'CustomerPreference',
      ownership: { studio: 'studioId', order: 'orderId', customerTier: 'MINIMAL' },
      fields: { hub: true, customer: 'MINIMAL' },
    },
    NotificationBinding: {
      ownership: { studio: 'studioId', order: 'orderId', customerTier: 'MINIMAL' },
      fields: { hub: true, customer: 'MINIMAL' },
    },
    // Whose orders the dispatcher knows: the studio's, and each customer's own.
    OrderFacts: { entity: 'OrderFacts', rowsOnly: true, ownership: { studio: 'studioId', order: 'orderId', customerTier: 'MINIMAL' } },
    // The openids themselves: read by the dispatcher and, past the caller's checks, as "bound or not".
    WechatBinding: { entity: 'WechatBinding', rowsOnly: true, ownership: { studio: 'studioId' } },
  },
};
