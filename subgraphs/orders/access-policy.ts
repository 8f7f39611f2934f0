import type { EntityManager } from '@mikro-orm/core';
import { CUSTOMER_TIMELINE_EVENTS, lowerTier, STUDIO_LEADS, STUDIO_STAFF, VOCABULARY, type VisibilityTier } from '../../contracts';
import type { AccessPolicy, FieldRule } from '../../platform/access/policy';
import { STUDIO_ONLY } from '../../platform/access/policy';
import type { Viewer } from '../../platform/access/viewer';
import { CAPACITY_PARTNERS } from '../../platform/access/viewer';
import { CustomerLink } from './entities/customer-link';
import { Order } from './entities/order';
import type { ProcessParameter } from './entities/stage-run';
import { StageRun } from './entities/stage-run';

/**
 * Who sees what of an order. The studio's staff see all of their own; a partner sees the
 * orders holding a stage assigned to it, and of those only its stages, their codes and dates;
 * a customer sees their own orders at their tier (capped by the studio); hub admins see every
 * row but nothing personal, priced or secret.
 */

/** Outside the studio, extension codes read as their standard parent. */
const standardCode = (code: string) => VOCABULARY.standardStatusOf(code).code;
const standardReference = (reference: { code: string } | null) => (reference ? { code: standardCode(reference.code) } : null);
const withoutTradeSecrets = (parameters: ProcessParameter[] | null) => parameters?.filter((parameter) => !parameter.tradeSecret) ?? null;

const ALL: FieldRule = { hub: true, partner: true, customer: 'MINIMAL' };
const MILESTONE: FieldRule = { hub: true, partner: true, customer: 'BASIC' };
const DETAIL: FieldRule = { hub: true, partner: true, customer: 'DETAILED' };
/** Between the studio and its customer. */
const CUSTOMER_OWN: FieldRule = { customer: 'MINIMAL' };
const STUDIO_AND_HUB: FieldRule = { hub: true };
const CUSTOMER_AND_HUB: FieldRule = { hub: true, customer: 'MINIMAL' };

/** The orders holding a stage assigned to this partner; looked up once per request. */
function partnerOrderIds(viewer: Viewer, em: EntityManager): Promise<string[]> {
  return viewer.remember('partner-orders', async () => {
    const stages = await em.fork().find(StageRun, { assignedToId: viewer.org! }, { filters: false, fields: ['orderId'] });
    return [...new Set(stages.map((stage) => stage.orderId))];
  });
}

/**
 * A customer's orders with the tier each may be seen at: the tier they chose, never above the
 * studio's cap for that order. A token minted from a link that was revoked or has expired
 * opens nothing.
 */
async function customerOrders(viewer: Viewer, em: EntityManager): Promise<Map<string, VisibilityTier>> {
  const customer = viewer.principal!.customer!;
  if (customer.linkId) {
    const link = await em.findOne(CustomerLink, { id: customer.linkId }, { filters: false });
    if (!link || link.revokedAt || link.expiresAt <= new Date()) return new Map();
  }
  const orders = await em.find(Order, { id: { $in: [...customer.orders] } }, { filters: false, fields: ['id', 'customerTierMax'] });
  return new Map(orders.map((order) => [order.id, lowerTier(customer.tier, order.customerTierMax)]));
}

const STAGE_WORKERS = [...STUDIO_STAFF, ...CAPACITY_PARTNERS];

/** A studio's catalogue: its staff read it (hub admins too), its admins and supervisors change it; an operator cannot. */
const CATALOGUE_READERS = {
  roles: [...STUDIO_STAFF, 'HUB_ADMIN'] as const,
  actsFor: (args: Record<string, unknown>) => args.studioId as string,
};
const CATALOGUE_EDITORS = { roles: STUDIO_LEADS, actsFor: (args: Record<string, unknown>) => args.studioId as string };
/** The catalogue's rows: the owning studio's staff, and hub admins (every field). */
const CATALOGUE_ROWS = { ownership: { studio: 'studioId' }, fields: STUDIO_AND_HUB } as const;

export const ordersAccess: AccessPolicy = {
  customerOrders,
  operations: {
    'Query.order': 'AUTHENTICATED',
    'Query.orders': 'AUTHENTICATED',
    'Query.stageBoard': [...STUDIO_STAFF, 'HUB_ADMIN', ...CAPACITY_PARTNERS],
    'Query.routeTemplates': 'AUTHENTICATED',
    'Query.catalogue': CATALOGUE_READERS,
    'Mutation.upsertProductFamily': CATALOGUE_EDITORS,
    'Mutation.upsertProduct': CATALOGUE_EDITORS,
    'Mutation.saveRoute': CATALOGUE_EDITORS,
    'Mutation.importCatalogue': CATALOGUE_EDITORS,
    'Query.customerLinks': STUDIO_LEADS,
    'Query.assignedStages': [...STUDIO_STAFF, 'HUB_ADMIN', ...CAPACITY_PARTNERS],
    'Query.progressEvent': 'AUTHENTICATED',
    'Query.visibilityEvents': 'AUTHENTICATED',
    'Query.delayAlerts': { roles: [...STUDIO_STAFF, 'HUB_ADMIN'], actsFor: (args) => String(args.studioId) },
    'Mutation.respondToDelay': ['CUSTOMER'],
    'Query.delayPolicy': { roles: [...STUDIO_STAFF, 'HUB_ADMIN'], actsFor: (args) => String(args.studioId) },
    'Mutation.setDelayCompensation': { roles: STUDIO_LEADS, actsFor: (args) => String(args.studioId) },
    // Served by the gateway, which asks order(id) with the subscriber's token before following.
    'Subscription.orderProgress': [...STUDIO_STAFF, 'HUB_ADMIN', ...CAPACITY_PARTNERS, 'CUSTOMER'],
    // Served by the gateway: the workshop's own people (and hub admins) only.
    'Subscription.heldStageEvents': { roles: [...CAPACITY_PARTNERS, 'HUB_ADMIN'], actsFor: (args) => String(args.enterpriseId) },
    'Subscription.studioEvents': { roles: [...STUDIO_STAFF, 'HUB_ADMIN'], actsFor: (args) => String(args.studioId) },
    'Mutation.importShopOrder': { roles: STUDIO_LEADS, actsFor: (args) => (args.input as { studioId: string }).studioId },
    'Mutation.cancelOrder': STUDIO_LEADS,
    'Mutation.changeRoute': STUDIO_LEADS,
    'Mutation.setCustomerTierMax': STUDIO_LEADS,
    'Mutation.changePromise': STUDIO_LEADS,
    'Mutation.assignStage': STUDIO_LEADS,
    'Mutation.startStage': STAGE_WORKERS,
    'Mutation.completeStage': STAGE_WORKERS,
    'Mutation.recordQcResult': STAGE_WORKERS,
    'Mutation.reportException': STUDIO_STAFF,
    'Mutation.resolveException': STUDIO_LEADS,
    'Mutation.addShipment': STUDIO_STAFF,
    'Mutation.recordShipmentEvent': STUDIO_STAFF,
    'Mutation.mintCustomerLink': STUDIO_LEADS,
    'Mutation.revokeCustomerLink': STUDIO_LEADS,
    'Mutation.exchangeCustomerLink': 'PUBLIC',
    'Query.trace': 'AUTHENTICATED',
    'Query.productStory': 'PUBLIC',
    'Query.studioCostProfile': [...STUDIO_STAFF, 'HUB_ADMIN'],
    'Mutation.setStudioCostProfile': { roles: ['STUDIO_ADMIN'], actsFor: (args) => args.studioId as string },
  },
  types: {
    Order: {
      entity: 'Order',
      ownership: {
        studio: 'studioId',
        order: 'id',
        customerTier: 'MINIMAL',
        partner: async (viewer, em) => ({ id: { $in: await partnerOrderIds(viewer, em) } }),
      },
      fields: ALL,
      overrides: {
        channel: CUSTOMER_AND_HUB,
        externalOrderId: CUSTOMER_OWN,
        customer: STUDIO_ONLY,
        priceCents: CUSTOMER_OWN,
        currency: CUSTOMER_OWN,
        customerTierMax: CUSTOMER_OWN,
        status: MILESTONE,
        milestone: { ...MILESTONE, outsideStudio: standardReference },
        statusCode: { ...DETAIL, outsideStudio: standardReference },
        dueAt: MILESTONE,
        // What the studio promised its customer: theirs at every tier (partners plan by dueAt).
        promisedAt: CUSTOMER_AND_HUB,
        cancelReason: CUSTOMER_AND_HUB,
        lines: CUSTOMER_AND_HUB,
        stages: MILESTONE,
        progress: { hub: true, customer: 'BASIC' },
        exceptions: STUDIO_AND_HUB,
        shipments: CUSTOMER_AND_HUB,
        delayAlerts: { hub: true, customer: 'MINIMAL' },
        eta: { hub: true, customer: 'BASIC' },
        materialCostCents: STUDIO_ONLY,
        cost: STUDIO_ONLY,
        routeCode: STUDIO_AND_HUB,
        routeVersion: STUDIO_AND_HUB,
        traceCodes: CUSTOMER_AND_HUB,
      },
    },
    OrderLine: {
      entity: 'OrderLine',
      ownership: { studio: 'studioId', order: 'orderId', customerTier: 'MINIMAL' },
      fields: CUSTOMER_AND_HUB,
      overrides: { personalisation: CUSTOMER_OWN },
    },
    StageRun: {
      entity: 'StageRun',
      ownership: {
        studio: 'studioId',
        order: 'orderId',
        customerTier: 'BASIC',
        customerRows: (tier) => ({ code: { $in: [...VOCABULARY.statusCodesVisibleAt(tier)] } }),
        partner: (viewer) => ({ assignedToId: viewer.org! }),
      },
      fields: MILESTONE,
      overrides: {
        code: { ...MILESTONE, outsideStudio: standardCode },
        statusCode: { ...MILESTONE, outsideStudio: standardReference },
        startedAt: DETAIL,
        finishedAt: DETAIL,
        operatorName: STUDIO_ONLY,
        operatorPenName: DETAIL,
        environment: DETAIL,
        photoUrls: DETAIL,
        processParameters: { hub: true, customer: 'DETAILED', outsideStudio: withoutTradeSecrets },
        qcResult: DETAIL,
        qcNote: { hub: true, partner: true },
        cancelReason: DETAIL,
        assignedTo: { hub: true, partner: true },
        // What the workshop holding a stage needs to do it: may it start, what it makes for whom, what the piece bears.
        ready: { hub: true, partner: true },
        productType: MILESTONE,
        productFamily: MILESTONE,
        productNameZh: MILESTONE,
        productNameEn: MILESTONE,
        workCenterCode: STUDIO_AND_HUB,
        skill: STUDIO_AND_HUB,
        partnerAllowed: { hub: true, partner: true },
        studio: MILESTONE,
        inscriptions: { partner: true },
      },
    },
    ProgressEvent: {
      entity: 'ProgressEvent',
      ownership: {
        studio: 'studioId',
        order: 'orderId',
        customerTier: 'BASIC',
        customerRows: (tier) => ({
          type: { $in: [...CUSTOMER_TIMELINE_EVENTS] },
          statusCodeValue: { $in: [...VOCABULARY.statusCodesVisibleAt(tier)] },
        }),
        // What happened at the partner's own workshop (the stages it held, their handover to it).
        partner: (viewer) => ({ workshopId: viewer.org! }),
      },
      fields: { hub: true, partner: true, customer: 'BASIC' },
      overrides: {
        statusCode: { hub: true, partner: true, customer: 'BASIC', outsideStudio: standardReference },
        note: { hub: true, customer: 'DETAILED' },
        // Who did the work is the studio's business: a customer never learns its partners.
        workshop: { hub: true, partner: true },
      },
    },
    OrderException: {
      entity: 'OrderException',
      ownership: { studio: 'studioId' },
      fields: STUDIO_AND_HUB,
    },
    Shipment: {
      entity: 'Shipment',
      ownership: { studio: 'studioId', order: 'orderId', customerTier: 'MINIMAL' },
      fields: CUSTOMER_AND_HUB,
    },
    ShipmentEvent: {
      entity: 'ShipmentEvent',
      ownership: { studio: 'studioId', order: 'orderId', customerTier: 'MINIMAL' },
      fields: CUSTOMER_AND_HUB,
    },
    // Supervisors see every alert of their studio; a customer sees the notices (50 %) on their order.
    Alert: {
      entity: 'DelayAlert',
      ownership: { studio: 'studioId', order: 'orderId', customerTier: 'MINIMAL', customerRows: () => ({ threshold: 50 }) },
      fields: { hub: true, customer: 'MINIMAL' },
      overrides: {
        // The late stage may be one the customer's tier hides: customers read visibleStage instead.
        statusCode: { hub: true, outsideStudio: standardReference },
        visibleStage: { hub: true, customer: 'MINIMAL', outsideStudio: standardReference },
        // The studio acts on an alert through its order (number, customer contact: Order's own rules).
        order: STUDIO_AND_HUB,
      },
    },
    DelayPolicy: {
      entity: 'DelayPolicy',
      ownership: { studio: 'studioId' },
      fields: { hub: true },
    },
    // Built from public fields only (product-story.ts): what a scan shows anyone.
    ProductStory: { public: true },
    StoryStage: { public: true },
    Trace: {
      entity: 'TraceCode',
      ownership: { studio: 'studioId', order: 'orderId', customerTier: 'MINIMAL' },
      fields: CUSTOMER_AND_HUB,
      overrides: { stages: { hub: true, customer: 'BASIC' } },
    },
    ProductFamily: { entity: 'ProductFamily', ...CATALOGUE_ROWS },
    CatalogueProduct: { entity: 'CatalogueProduct', ...CATALOGUE_ROWS },
    CatalogueRoute: { entity: 'CatalogueRoute', ...CATALOGUE_ROWS },
    ProductShopSku: { entity: 'ProductShopSku', rowsOnly: true, ownership: { studio: 'studioId' } },
    RouteVersion: { entity: 'RouteVersion', rowsOnly: true, ownership: { studio: 'studioId' } },
    StudioCostProfile: {
      entity: 'StudioCostProfile',
      ownership: { studio: 'studioId' },
      fields: STUDIO_AND_HUB,
    },
    CustomerLink: {
      entity: 'CustomerLink',
      ownership: { studio: 'studioId' },
      fields: STUDIO_AND_HUB,
    },
  },
};
