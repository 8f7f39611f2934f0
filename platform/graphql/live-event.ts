import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { LIVE_EVENT_KINDS, type LiveEventKind } from '../../contracts';
import { enumOf } from './enums';
import { hubError } from './errors';

export const LiveEventKindEnum = enumOf(LIVE_EVENT_KINDS);
registerEnumType(LiveEventKindEnum, { name: 'LiveEventKind', description: 'What an event is about: an order as a whole, a stage, an exception, a shipment, materials, stock, a purchase order, an allocation' });

/**
 * The fields every live event has. A subgraph declares its subscriptions and their event types
 * (so they compose into the supergraph), but never serves them: the gateway does, from the bus
 * (see gateway/live). Fields of other types on an event (`order`, `stock` …) are resolved by the
 * gateway through its query planner with the subscriber's own token.
 */
@ObjectType({ description: "Not emitted (no field returns it): the base of every live event type" })
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
export function servedByGateway(): never {
  throw hubError('BAD_USER_INPUT', 'Subscriptions are served by the gateway over graphql-ws (graphql-transport-ws), not by a subgraph');
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
