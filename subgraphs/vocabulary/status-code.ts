import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { EXCEPTION_CATEGORIES, STATUS_PHASES } from '../../contracts';
import { enumOf, VisibilityTierEnum } from '../../platform/graphql/enums';

export const StatusPhaseEnum = enumOf(STATUS_PHASES);
export const ExceptionCategoryEnum = enumOf(EXCEPTION_CATEGORIES);
registerEnumType(StatusPhaseEnum, { name: 'StatusPhase' });
registerEnumType(ExceptionCategoryEnum, { name: 'ExceptionCategory' });

@Directive('@key(fields: "code")')
@ObjectType({ description: 'A standard progress status code (or an enterprise extension of one)' })
export class StatusCode {
  @Field()
  code!: string;

  @Field(() => StatusPhaseEnum)
  phase!: string;

  @Field()
  labelZh!: string;

  @Field()
  labelEn!: string;

  @Field(() => VisibilityTierEnum, { description: 'The least detailed customer tier that may see this code' })
  minTier!: string;

  @Field()
  terminal!: boolean;

  @Field({ description: 'GS1 CBV 2.0 business step (or a Weft URI where the CBV has none)' })
  bizStep!: string;

  @Field({ description: 'GS1 CBV 2.0 disposition' })
  disposition!: string;

  @Field({ nullable: true, description: 'For an extension code X-<ORG>-<NN>: the standard code it refines' })
  parent?: string;

  @Field({ nullable: true, description: 'For an extension code: the enterprise that owns it' })
  enterpriseId?: string;
}

@Directive('@key(fields: "code")')
@ObjectType({ description: 'A code of the exception taxonomy (or an enterprise extension of one)' })
export class ExceptionCode {
  @Field()
  code!: string;

  @Field(() => ExceptionCategoryEnum)
  category!: string;

  @Field()
  labelZh!: string;

  @Field()
  labelEn!: string;

  @Field({ nullable: true })
  parent?: string;

  @Field({ nullable: true })
  enterpriseId?: string;
}
