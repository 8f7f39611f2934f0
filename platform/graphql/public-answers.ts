import { maybeCacheControlFromInfo } from '@apollo/cache-control-types';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLResolveInfo } from 'graphql';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import type { AccessPolicy } from '../access/policy';

/**
 * Answers that are the same for every viewer, which the gateway may keep and give to anyone
 * (gateway/subgraph-fetcher.ts): a subgraph declares them (SubgraphDefinition.publicAnswers),
 * its answers then carry `Cache-Control: max-age=…, public` and the data's version here.
 */
export const ANSWER_VERSION_HEADER = 'x-weft-answer-version';

export interface PublicAnswers {
  maxAgeSeconds: number;
  /**
   * The data's version, where it is versioned: an answer of another version makes the gateway
   * forget the ones it kept. Data that changes at run time says so by events instead (contracts'
   * PUBLIC_DATA_CHANGES), with max-age as the bound where no bus carries them.
   */
  version?: string;
  /**
   * Fields whose answer depends on the viewer (`Query.enterpriseApplications`,
   * `Enterprise.statusReason` …): their resolvers call `answeredPrivately`, so an answer holding
   * one is never marked public, never kept. A type named here (`SupplierRelationship`) is read
   * by viewer only: every query reaching it must be private too.
   */
  private?: readonly string[];
}

/** Every field public for maxAge (Apollo's cache control computes the header), and the data's version beside it. */
export function publicAnswerPlugins(publicAnswers: PublicAnswers | undefined): ApolloServerPlugin<any>[] {
  if (!publicAnswers) return [];
  return [
    ApolloServerPluginCacheControl({ defaultMaxAge: publicAnswers.maxAgeSeconds }),
    {
      async requestDidStart() {
        return {
          async willSendResponse({ response }) {
            if (publicAnswers.version !== undefined) response.http.headers.set(ANSWER_VERSION_HEADER, publicAnswers.version);
          },
        };
      },
    },
  ];
}

/** Called by the resolver of a field named in `PublicAnswers.private`: the answer holding it is not kept. */
export function answeredPrivately(info: GraphQLResolveInfo): void {
  maybeCacheControlFromInfo(info)?.setCacheHint({ maxAge: 0, scope: 'PRIVATE' });
}

/**
 * A subgraph that says its answers are public must have nothing it reads that depends on the
 * viewer, unless it names the query private (never kept). Its mutations may have rules: nothing a
 * mutation answers is ever kept.
 */
export function assertPublicThroughout(subgraph: string, { operations, types }: AccessPolicy, privateFields: readonly string[] = []): void {
  const private_ = [
    ...Object.entries(operations)
      .filter(([name, rule]) => !name.startsWith('Mutation.') && rule !== 'PUBLIC' && !privateFields.includes(name))
      .map(([name]) => name),
    ...Object.entries(types)
      .filter(([name, rule]) => !rule.public && !privateFields.includes(name))
      .map(([name]) => name),
  ];
  if (private_.length)
    throw new Error(`The ${subgraph} subgraph declares public answers, but its policy is not public for ${private_.join(', ')}`);
}
