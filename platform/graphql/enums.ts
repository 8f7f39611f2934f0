import { registerEnumType } from 'type-graphql';
import { VISIBILITY_TIERS } from '../../contracts';

/** A contracts union (readonly string list) as an object type-graphql can register. */
export const enumOf = <T extends readonly string[]>(values: T) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T[number]]: K };

/** Registered once, shared by every subgraph that exposes tiers (composition merges them). */
export const VisibilityTierEnum = enumOf(VISIBILITY_TIERS);
registerEnumType(VisibilityTierEnum, { name: 'VisibilityTier', description: 'How much a customer sees: MINIMAL < BASIC < DETAILED' });
