import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type ValidationRule } from 'graphql';
import { randomBytes } from 'node:crypto';

/** Abuse limits every operation must pass at the gateway before any subgraph is asked. */
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

/** graphql-armor's validation rules for these limits; field suggestions are hidden in production. */
export function armorFor(
  limits: OperationLimits,
  production: boolean,
): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    costLimit: { maxCost: limits.maxCost },
    maxAliases: { n: limits.maxAliases },
    // Tokens are limited by Apollo's parser (parseOptions.maxTokens): armor's limit answers a 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives },
    blockFieldSuggestion: { enabled: production },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules: validationRules.map(exceptLiveBatches) };
}

/**
 * The operation name of the gateway's own batched live resolutions (live-batches.ts): random
 * per process, so no client can name an operation so. Each query in a batch was built by the
 * gateway from a subscription that passed these limits; together they may have more aliases.
 */
export const LIVE_BATCH_OPERATION = `WeftLiveBatch_${randomBytes(12).toString('hex')}`;

/** A limit that does not apply to the gateway's live batches. */
function exceptLiveBatches(rule: ValidationRule): ValidationRule {
  return (context) => {
    const ours = context
      .getDocument()
      .definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.name?.value === LIVE_BATCH_OPERATION);
    return ours ? {} : rule(context);
  };
}
