import { Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { ProductTypeEnum } from './entities/order';
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
export class RouteTemplateResolver {
  @Query(() => [RouteTemplateType])
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
