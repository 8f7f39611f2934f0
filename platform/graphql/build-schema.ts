import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import { parse } from 'graphql';
import type { BuildSchemaOptions } from 'type-graphql';
import { buildSchema, createResolversMap } from 'type-graphql';
import { enforceAccess, tagAudiences } from '../access/enforce';
import type { AccessPolicy } from '../access/policy';
import { gatewayOnlyPubSub } from './live-event';

const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@tag", "@inaccessible"])`;

export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any, info: any) => unknown }>;

/**
 * The one way a subgraph's schema is built: type-graphql without its own checks (a subgraph
 * may have no Query), printed with its directives, and wrapped as an Apollo Federation 2 subgraph
 * with the `*.reference.ts` resolvers merged in; then the subgraph's access policy tags the SDL
 * for the audience contracts and guards the resolvers (including `_entities`).
 */
export async function buildFederatedSchema(
  subgraph: string,
  access: AccessPolicy,
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ validate: { forbidUnknownValues: false }, pubSub: gatewayOnlyPubSub, ...options, skipCheck: true });
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference };
  }
  const subgraphSchema = buildSubgraphSchema({
    typeDefs: tagAudiences(parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`), access),
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
  return enforceAccess(subgraphSchema, access, subgraph);
}
