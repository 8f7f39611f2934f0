import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The network's Enterprise, extended here with its supplier terms. */
@Directive('@key(fields: "id")')
@ObjectType('Enterprise')
export class EnterpriseSupply {
  @Field(() => ID)
  id!: string;
}
