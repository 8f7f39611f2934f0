import { Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { StatusCodeReference } from './entities/references';
import { ROUTE_TEMPLATES } from './route-templates';

@ObjectType('RouteTemplateStep')
class RouteTemplateStepType {
  @Field(() => StatusCodeReference)
  statusCode!: StatusCodeReference;

  @Field(() => Int)
  standardMinutes!: number;

  @Field()
  qcCheckpoint!: boolean;
}

@ObjectType('RouteTemplate', { description: 'The routes the demo studios started with (catalogue(studioId) has every studio’s own)' })
class RouteTemplateType {
  @Field({ deprecationReason: 'Routes are each studio’s own now: read catalogue(studioId).routes' })
  productType!: string;

  @Field()
  productCodePrefix!: string;

  @Field(() => [RouteTemplateStepType])
  steps!: RouteTemplateStepType[];
}

@Resolver()
export class RouteTemplateResolver {
  @Query(() => [RouteTemplateType], {
    deprecationReason: 'Routes are each studio’s catalogue data now (versioned): read catalogue(studioId).routes',
  })
  routeTemplates(): RouteTemplateType[] {
    return ROUTE_TEMPLATES.map((template) => ({
      productType: template.productType,
      productCodePrefix: template.productCodePrefix,
      steps: template.steps.map((step) => ({
        statusCode: { code: step.statusCode },
        standardMinutes: step.standardMinutes,
        qcCheckpoint: step.qcCheckpoint,
      })),
    }));
  }
}
