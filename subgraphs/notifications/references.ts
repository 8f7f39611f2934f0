import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The network's Enterprise, by key: notifications keep no copy of who it is. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Enterprise')
export class EnterpriseReference {
  @Field(() => ID)
  id!: string;
}

/** The vocabulary's StatusCode, by key; its labels come from the vocabulary subgraph. */
@Directive('@key(fields: "code", resolvable: false)')
@ObjectType('StatusCode')
export class StatusCodeReference {
  @Field()
  code!: string;
}
