import { PRODUCT_TYPE_LABELS } from '../../../../contracts/catalogue';
/** The vocabulary's own words where the hub gives codes: products, statuses, tiers, event types. */
export const vocabulary = {
  // Product types: one table, contracts/catalogue.ts (the gateway's share previews read it too).
  product: Object.fromEntries(Object.entries(PRODUCT_TYPE_LABELS).map(([code, label]) => [code, label.labelEn])) as Record<string, string>,
  phase: { IN_PROGRESS: 'In progress', DONE: 'Done', CANCELLED: 'Cancelled' },
  orderStatus: {
    RECEIVED: 'Received',
    IN_PRODUCTION: 'In production',
    READY_TO_SHIP: 'Ready to ship',
    SHIPPED: 'Shipped',
    DELIVERED: 'Delivered',
    CANCELLED: 'Cancelled',
  },
  stage: { PENDING: 'Waiting', IN_PROGRESS: 'In progress', DONE: 'Done', BLOCKED: 'Blocked', CANCELLED: 'Cancelled' },
  qc: { PASS: 'passed', FAIL: 'failed' },
  tier: { MINIMAL: 'Minimal', BASIC: 'Basic', DETAILED: 'Detailed' },
  material: { AVAILABLE: 'Available', ON_ORDER: 'On order', LOW: 'Low', SHORT: 'Short' },
  purchase: { PLACED: 'Placed', CONFIRMED: 'Confirmed', RECEIVED: 'Received', CANCELLED: 'Cancelled', SHIPPED: 'Shipped' },
  shipment: {
    CREATED: 'Label created',
    IN_TRANSIT: 'In transit',
    OUT_FOR_DELIVERY: 'Out for delivery',
    DELIVERED: 'Delivered',
    EXCEPTION: 'Carrier exception',
    RETURNED: 'Returned',
  },
  event: {
    other: 'Update',
    order: {
      imported: 'Order received',
      stage: {
        started: '{{stage}} started',
        completed: '{{stage}} done',
        blocked: '{{stage}} is on hold',
        assigned: '{{stage}} handed to a partner workshop',
      },
      qc: { recorded: 'Quality check recorded' },
      exception: { reported: 'An issue was reported', resolved: 'An issue was resolved' },
      route: { changed: 'The production route changed' },
      cancelled: 'Order cancelled',
      shipment: { added: 'Shipped', event: 'Shipping update' },
      delivered: 'Delivered',
      'customer-tier': { changed: 'Detail level changed' },
      material: { flagged: 'A material is being restocked', cleared: 'Materials are ready' },
      'trace-codes': { issued: 'Traceability codes issued' },
      delay: { alerted: 'Running late', notice: 'Delay notice', responded: 'Your answer was recorded' },
      completed: 'Your order is made',
      eta: { changed: 'The forecast changed' },
      promise: { changed: 'The promised date changed' },
    },
  },
};
