import { Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { buildFederatedSchema } from '../shared/build-schema';
import type { SubgraphDefinition } from '../shared/subgraph';
import { OutboxEvent } from '../shared/events/outbox';
import { IdempotencyRecord } from '../shared/transactions';
import { seedDemoOrders } from './demo-orders';
import { Order, OrderLine, ProductTypeEnum } from './entities/order';
import { OrderException, ProgressEvent, Shipment, ShipmentEvent } from './entities/progress';
import { EnterpriseReference, ExceptionCodeReference, StatusCodeReference } from './entities/references';
import { StageRun } from './entities/stage-run';
import { OrderExceptionResolver, ProgressEventResolver, ShipmentResolver } from './exception.resolver';
import { createOrderLoaders, OrderLoaders } from './loaders';
import { ordersMigrations } from './migrations';
import { resolveOrderReference } from './order.reference';
import { OrderResolver } from './order.resolver';
import { ROUTE_TEMPLATES } from './route-templates';
import { StageRunResolver } from './stage-run.resolver';

@ObjectType('RouteTemplateStep')
class RouteTemplateStepType {
  @Field(() => StatusCodeReference)
  statusCode!: StatusCodeReference;

  @Field(() => Int)
  standardMinutes!: number;

  @Field()
  qcCheckpoint!: boolean;
}

@ObjectType('RouteTemplate', { description: 'The standard route of a product type' })
class RouteTemplateType {
  @Field(() => ProductTypeEnum)
  productType!: string;

  @Field()
  productCodePrefix!: string;

  @Field(() => [RouteTemplateStepType])
  steps!: RouteTemplateStepType[];
}

@Resolver()
class RouteTemplateResolver {
  @Query(() => [RouteTemplateType])
  routeTemplates(): RouteTemplateType[] {
    return ROUTE_TEMPLATES.map((template) => ({
      productType: template.productType,
      productCodePrefix: template.productCodePrefix,
      steps: template.steps.map((step) => ({ statusCode: { code: step.statusCode }, standardMinutes: step.standardMinutes, qcCheckpoint: step.qcCheckpoint })),
    }));
  }
}

export const ordersSubgraph: SubgraphDefinition<OrderLoaders> = {
  name: 'orders',
  defaultPort: 4003,
  database: {
    entities: [Order, OrderLine, StageRun, ProgressEvent, OrderException, Shipment, ShipmentEvent, IdempotencyRecord, OutboxEvent],
    migrations: ordersMigrations,
  },
  buildSchema: () =>
    buildFederatedSchema(
      {
        resolvers: [OrderResolver, StageRunResolver, OrderExceptionResolver, ShipmentResolver, ProgressEventResolver, RouteTemplateResolver],
        orphanedTypes: [Order, EnterpriseReference, StatusCodeReference, ExceptionCodeReference],
      },
      { Order: { __resolveReference: resolveOrderReference } },
    ),
  createLoaders: createOrderLoaders,
  seed: (runtime) => seedDemoOrders(runtime.systemContext()),
};
