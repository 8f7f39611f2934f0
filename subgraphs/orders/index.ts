import { buildFederatedSchema } from '../../platform/graphql/build-schema';
import type { SubgraphDefinition } from '../../platform/runtime/subgraph';
import { ProcessedEvent } from '../../platform/events/consumer';
import { OutboxEvent } from '../../platform/events/outbox';
import { IdempotencyRecord } from '../../platform/data/transactions';
import { ordersAccess } from './access-policy';
import { CatalogueResolver, CatalogueRouteResolver } from './catalogue.resolver';
import { CustomerLinkResolver } from './customer-link.resolver';
import { CatalogueProduct, CatalogueRoute, ProductFamily, ProductShopSku, RouteVersion } from './entities/catalogue';
import { CostProfileResolver, OrderCostResolver } from './cost.resolver';
import { StudioCostProfile } from './entities/cost-profile';
import { CustomerLink } from './entities/customer-link';
import { TraceCode } from './entities/trace';
import { capacityEventsConsumer } from './capacity-events';
import { materialEventsConsumer } from './material-events';
import { OrderTraceResolver, TraceResolver } from './trace.resolver';
import { OrderLiveResolver } from './live.resolver';
import { DelayAlertResolver, OrderDelayResolver } from './delay.resolver';
import { delayEventsConsumer } from './delay-events';
import { etaEventsConsumer } from './eta/eta-events';
import { OrderEtaResolver } from './eta/eta.resolver';
import { etaService } from './eta/eta.service';
import { DurationRecord, OrderEta } from './entities/eta';
import { delayService } from './delay.service';
import { DelayAlert, DelayPolicy } from './entities/delay';
import { seedDemoOrders } from './demo-orders';
import { Order, OrderLine } from './entities/order';
import { OrderException, ProgressEvent, Shipment, ShipmentEvent } from './entities/progress';
import { EnterpriseReference, ExceptionCodeReference, StatusCodeReference } from './entities/references';
import { StageRun } from './entities/stage-run';
import { StudioCalendar } from './entities/studio-calendar';
import { StudioOperatorSkills, StudioResourcesImported, StudioWorkCenter } from './entities/studio-resources';
import { studioResourcesConsumer } from './studio-resources';
import { resourceEventsConsumer } from './resource-events';
import { OrderExceptionResolver } from './exception.resolver';
import type { OrderLoaders } from './loaders';
import { createOrderLoaders } from './loaders';
import { ordersMigrations } from './migrations';
import { resolveOrderReference } from './order.reference';
import { OrderResolver } from './order.resolver';
import { ProgressEventResolver } from './progress-event.resolver';
import { resolveProductStoryReference } from './product-story.reference';
import { ProductStoryResolver } from './product-story.resolver';
import { RouteTemplateResolver } from './route-template.resolver';
import { ShipmentResolver } from './shipment.resolver';
import { StageRunResolver } from './stage-run.resolver';

export const ordersSubgraph: SubgraphDefinition<OrderLoaders> = {
  name: 'orders',
  defaultPort: 4003,
  database: {
    entities: [
      Order,
      OrderLine,
      StageRun,
      ProgressEvent,
      OrderException,
      Shipment,
      ShipmentEvent,
      CustomerLink,
      TraceCode,
      StudioCostProfile,
      DelayAlert,
      DelayPolicy,
      DurationRecord,
      OrderEta,
      StudioCalendar,
      StudioWorkCenter,
      StudioOperatorSkills,
      StudioResourcesImported,
      ProductFamily,
      CatalogueProduct,
      ProductShopSku,
      CatalogueRoute,
      RouteVersion,
      IdempotencyRecord,
      OutboxEvent,
      ProcessedEvent,
    ],
    migrations: ordersMigrations,
  },
  access: ordersAccess,
  buildSchema: () =>
    buildFederatedSchema(
      'orders',
      ordersAccess,
      {
        resolvers: [
          OrderResolver,
          StageRunResolver,
          OrderExceptionResolver,
          ShipmentResolver,
          ProgressEventResolver,
          RouteTemplateResolver,
          CatalogueResolver,
          CatalogueRouteResolver,
          CustomerLinkResolver,
          OrderCostResolver,
          CostProfileResolver,
          TraceResolver,
          OrderTraceResolver,
          ProductStoryResolver,
          OrderLiveResolver,
          DelayAlertResolver,
          OrderDelayResolver,
          OrderEtaResolver,
        ],
        orphanedTypes: [Order, EnterpriseReference, StatusCodeReference, ExceptionCodeReference],
      },
      { Order: { __resolveReference: resolveOrderReference }, ProductStory: { __resolveReference: resolveProductStoryReference } },
    ),
  createLoaders: createOrderLoaders,
  consumers: [
    materialEventsConsumer,
    capacityEventsConsumer,
    delayEventsConsumer,
    etaEventsConsumer,
    resourceEventsConsumer,
    studioResourcesConsumer,
  ],
  // Stages no event touches still get their alerts: every DELAY_CHECK_SECONDS (default 60).
  timers: [
    {
      name: 'delay-alerts',
      intervalMs: (settings) => settings.delayCheckMs,
      run: (runtime) => delayService.evaluate(runtime.systemContext()),
    },
    // A stage that overstays moves its order's forecast with no event to say so.
    { name: 'eta-refresh', intervalMs: (settings) => settings.etaRefreshMs, run: (runtime) => etaService.refresh(runtime.systemContext()) },
  ],
  seed: (runtime) => seedDemoOrders(runtime.systemContext()),
};
