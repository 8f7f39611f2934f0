import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The network's Enterprise, extended here with its capacity offers. */
@Directive('@key(fields: "id")')
@ObjectType('Enterprise')
export class EnterpriseCapacity {
  @Field(() => ID)
  id!: string;
}
