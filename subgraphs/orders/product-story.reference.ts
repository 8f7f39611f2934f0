import type { GraphQLContext } from '../../platform/access/context';
import { isTraceCode, type ProductStory, productStoryOf } from './product-story';

/** `_entities` for ProductStory: the same public story as `productStory(code)` (null for a code no product carries). */
export function resolveProductStoryReference(reference: { code: string }, { ctx }: GraphQLContext): Promise<ProductStory | null> | null {
  return isTraceCode(reference.code) ? productStoryOf(ctx.em, reference.code, ctx.auth.publicUrl.base) : null;
}
