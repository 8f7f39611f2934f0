import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../platform/access/context';
import { ProductStory, productStoryOf, traceCodeOf } from './product-story';

@Resolver(() => ProductStory)
export class ProductStoryResolver {
  @Query(() => ProductStory, {
    nullable: true,
    description: "A product's public story by its traceability code (or a URI ending in it); null when no product carries it (public)",
  })
  productStory(@Arg('code') code: string, @Ctx() { ctx }: GraphQLContext): Promise<ProductStory | null> {
    return productStoryOf(ctx.em, traceCodeOf(code), ctx.auth.publicUrl.base);
  }
}
