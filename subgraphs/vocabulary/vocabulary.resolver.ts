import { Arg, Int, Query, Resolver } from 'type-graphql';
import { ExceptionCategory, StatusPhase, VOCABULARY } from '../../contracts';
import { ExceptionCategoryEnum, ExceptionCode, StatusCode, StatusPhaseEnum } from './status-code';

@Resolver()
export class VocabularyResolver {
  @Query(() => Int, { description: 'Version of the standard vocabulary this hub serves' })
  vocabularyVersion(): number {
    return VOCABULARY.version;
  }

  @Query(() => [StatusCode])
  statusCodes(@Arg('phase', () => StatusPhaseEnum, { nullable: true }) phase?: StatusPhase): StatusCode[] {
    return VOCABULARY.statusCodes.filter((code) => !phase || code.phase === phase);
  }

  @Query(() => StatusCode, { nullable: true, description: 'One status code; null when unknown' })
  statusCode(@Arg('code') code: string): StatusCode | null {
    return VOCABULARY.findStatus(code) ?? null;
  }

  @Query(() => [ExceptionCode])
  exceptionCodes(@Arg('category', () => ExceptionCategoryEnum, { nullable: true }) category?: ExceptionCategory): ExceptionCode[] {
    return VOCABULARY.exceptionCodes.filter((code) => !category || code.category === category);
  }
}
