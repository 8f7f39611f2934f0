import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The network's Enterprise, referred to by key only: orders keeps no copy of who it is. */
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

/** The vocabulary's ExceptionCode, by key. */
@Directive('@key(fields: "code", resolvable: false)')
@ObjectType('ExceptionCode')
export class ExceptionCodeReference {
  @Field()
  code!: string;
}
