import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ValidationRule } from 'graphql';

/**
 * Abuse limits every operation must pass, at the gateway before any subgraph is asked and again
 * at each subgraph (which containers may expose): graphql-armor's validation rules, Apollo's
 * token limit, and in production no introspection and no suggestions in error messages.
 */
export interface OperationLimits {
  maxDepth: number;
  /** graphql-armor's cost: objects 2, scalars 1, times 1.5 per level of depth. */
  maxCost: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  /** Operations in one batched HTTP request. */
  maxBatch: number;
}

export const DEFAULT_LIMITS: OperationLimits = Object.freeze({
  maxDepth: 12,
  maxCost: 5000,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
  maxBatch: 10,
});

/**
 * What a subgraph allows, given the gateway's limits: room for what the gateway's query planner
 * adds to the part of an admitted operation it sends a subgraph, and nothing more.
 * - depth + 1: an entity fetch puts an entity's fields under `_entities { ... on T }`, one level
 *   deeper than under a root field (the schema has no abstract types: nothing deeper is added);
 * - cost × 3: that level multiplies their cost by 1.5, and `__typename` and the key (`id`) added
 *   to each entity looked up elsewhere cost at most 6/7 of the smallest object's (2 + 1.5 × 1);
 * - tokens × 2: those same additions, and the fetch's own `_entities(representations: …)`;
 * - aliases and directives: the planner adds none; one operation per request (no batches).
 * test/subgraph-limits.test.ts plans every committed web operation (and the gateway's merged live
 * batches of them) and checks each fetch against these.
 */
export function subgraphLimits(limits: OperationLimits): OperationLimits {
  return {
    maxDepth: limits.maxDepth + 1,
    maxCost: limits.maxCost * 3,
    maxAliases: limits.maxAliases,
    maxTokens: limits.maxTokens * 2,
    maxDirectives: limits.maxDirectives,
    maxBatch: 1,
  };
}

/** "Did you mean …?" in any of graphql-js's wordings (fields, arguments, types, enum values). */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/** Removes graphql-js's suggestions from error messages: with introspection off, they would tell the schema field by field. */
export function noSuggestionsPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
        },
      };
    },
  };
}

/** What an Apollo server takes to apply the limits and, in production, the production rules. */
export interface OperationRules<TContext extends BaseContext> {
  introspection: boolean;
  parseOptions: { maxTokens: number };
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<TContext>[];
}

/** graphql-armor's validation rules for these limits (introspection and suggestions off in production). */
export function operationRules<TContext extends BaseContext>(limits: OperationLimits, production: boolean): OperationRules<TContext> {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    costLimit: { maxCost: limits.maxCost },
    maxAliases: { n: limits.maxAliases },
    // Tokens are limited by Apollo's parser (parseOptions.maxTokens): armor's limit answers a 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives },
    // Its mask covers field suggestions only: noSuggestionsPlugin removes every kind.
    blockFieldSuggestion: { enabled: false },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    introspection: !production,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules,
    plugins: [...(plugins as ApolloServerPlugin<TContext>[]), ...(production ? [noSuggestionsPlugin<TContext>()] : [])],
  };
}
