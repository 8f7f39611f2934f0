import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
import {
  LIVE_EVENT_KINDS,
  LIVE_SUBSCRIPTIONS,
  type LiveEventKind,
  type LiveRoot,
  type LiveSubscriptionDeclaration,
  type LiveSubscriptionName,
} from '../../contracts';
import { enumOf } from './enums';
import { hubError } from '../base/errors';

export const LiveEventKindEnum = enumOf(LIVE_EVENT_KINDS);
registerEnumType(LiveEventKindEnum, {
  name: 'LiveEventKind',
  description:
    'What an event is about: an order as a whole, a stage, an exception, a shipment, materials, stock, a purchase order, an allocation',
});

/**
 * The fields every live event has. A subgraph declares its subscriptions and their event types
 * (so they compose into the supergraph), but never serves them: the gateway does, from the bus
 * (see gateway/live). Fields of other types on an event (`order`, `stock` …) are resolved by the
 * gateway through its query planner with the subscriber's own token.
 */
@ObjectType({ description: 'Not emitted (no field returns it): the base of every live event type' })
export abstract class LiveEvent {
  @Field({ description: "The event's place in the hub's stream: subscribe with `after` set to it to resume after this event" })
  cursor!: string;

  @Field({ description: 'The event type, e.g. order.stage.completed' })
  type!: string;

  @Field(() => LiveEventKindEnum)
  kind!: LiveEventKind;

  @Field()
  occurredAt!: Date;
}

/** The `subscribe` of every subscription field in a subgraph: only the gateway serves them. */
function servedByGateway(): never {
  throw hubError('BAD_USER_INPUT', 'Subscriptions are served by the gateway over graphql-ws (graphql-transport-ws), not by a subgraph');
}

/**
 * The options of a subscription field declared in contracts' LIVE_SUBSCRIPTIONS: its name and
 * description from there, served by the gateway. `@Subscription(() => T, liveSubscription('orderProgress'))`.
 */
export function liveSubscription(name: LiveSubscriptionName) {
  return { name, description: LIVE_SUBSCRIPTIONS[name].description, subscribe: servedByGateway };
}

export const AFTER_DESCRIPTION = 'Resume after this cursor: replays every event since, then continues live (omit to start live)';

/**
 * type-graphql wants a PubSub wherever a subscription is declared; subgraphs publish through
 * their outbox instead, and only the gateway serves subscriptions, so this one refuses both.
 */
export const gatewayOnlyPubSub = {
  publish: (): void => servedByGateway(),
  subscribe: (): never => servedByGateway(),
};

/**
 * Where a schema and contracts' LIVE_SUBSCRIPTIONS disagree (empty when they agree): every
 * subscription field declared and every declaration in the schema, with its topic argument and
 * `after`; the event type's own fields and links all declared; every root the gateway will ask
 * (links, follow rules) a query field taking that argument. Composition refuses a disagreement.
 */
export function liveDeclarationProblems(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  const subscriptions = schema.getSubscriptionType()?.getFields() ?? {};
  const queries = schema.getQueryType()?.getFields() ?? {};
  const everyEvent = new Set(['cursor', 'type', 'kind', 'occurredAt']);
  const checkRoot = (where: string, { root, arg, argType }: LiveRoot, returns?: string) => {
    const query = queries[root];
    const argument = query?.args.find((candidate) => candidate.name === arg);
    if (!query || !argument) problems.push(`${where}: Query.${root}(${arg}) does not exist`);
    else if (String(argument.type) !== argType)
      problems.push(`${where}: Query.${root}(${arg}) takes ${String(argument.type)}, declared ${argType}`);
    else if (returns && getNamedType(query.type).name !== returns)
      problems.push(`${where}: Query.${root} returns ${getNamedType(query.type).name}, the field ${returns}`);
  };
  for (const name of Object.keys(subscriptions))
    if (!(name in LIVE_SUBSCRIPTIONS)) problems.push(`Subscription.${name} has no declaration in contracts' LIVE_SUBSCRIPTIONS`);
  for (const [name, declared] of Object.entries(LIVE_SUBSCRIPTIONS) as [string, LiveSubscriptionDeclaration][]) {
    const field = subscriptions[name];
    if (!field) {
      problems.push(`LIVE_SUBSCRIPTIONS.${name} is not a subscription field of the schema`);
      continue;
    }
    const args = new Set(field.args.map((arg) => arg.name));
    for (const needed of [declared.topic.argument, 'after', ...(declared.delivery === 'KINDS' ? ['kinds'] : [])])
      if (!args.has(needed)) problems.push(`Subscription.${name} lacks the argument ${needed}`);
    const eventType = getNamedType(field.type);
    if (!isObjectType(eventType)) {
      problems.push(`Subscription.${name} returns ${eventType.name}, not an object type`);
      continue;
    }
    for (const [fieldName, eventField] of Object.entries(eventType.getFields())) {
      if (everyEvent.has(fieldName)) continue;
      const link = declared.links[fieldName];
      if (link) checkRoot(`${eventType.name}.${fieldName}`, link, getNamedType(eventField.type).name);
      else if (!(fieldName in declared.fields))
        problems.push(`${eventType.name}.${fieldName} is neither a declared field nor a link of ${name}`);
    }
    for (const declaredName of [...Object.keys(declared.fields), ...Object.keys(declared.links)])
      if (!eventType.getFields()[declaredName]) problems.push(`${eventType.name} has no field ${declaredName} (declared for ${name})`);
    if ('answeredBy' in declared.follow) checkRoot(`who may follow ${name}`, declared.follow.answeredBy);
  }
  return problems;
}
