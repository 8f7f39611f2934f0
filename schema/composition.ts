import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { parse, printSchema } from 'graphql';
import { SUBGRAPHS } from '../subgraphs/registry';
import type { Audience } from '../platform/access/policy';
import { operationRolesOf, type OperationRoles } from './operation-roles';
import { composeContracts } from './contracts';
import { liveDeclarationProblems } from '../platform/graphql/live-event';

export const SCHEMA_DIR = path.resolve(__dirname, '..', '..', 'schema');
export const SUPERGRAPH_FILE = path.join(SCHEMA_DIR, 'supergraph.graphql');
export const contractFile = (audience: Audience) => path.join(SCHEMA_DIR, 'contracts', `${audience}.graphql`);
/**
 * The schema each public endpoint really serves (the API schema: `@inaccessible` parts removed),
 * one file per endpoint: `hub` for /graphql, then one per audience. The web app's operations are
 * typed and validated against these (web/codegen.ts).
 */
export const apiSchemaFile = (endpoint: 'hub' | Audience) => path.join(SCHEMA_DIR, 'api', `${endpoint}.graphql`);
/** Who may use each operation, from the subgraphs' access policies: the web app offers only what the signed-in role may use. */
export const OPERATION_ROLES_FILE = path.join(SCHEMA_DIR, 'api', 'operation-roles.json');

export interface Composition {
  subgraphs: { name: string; url: string; sdl: string }[];
  supergraphSdl: string;
  /** The audience contracts' supergraphs (see contracts.ts). */
  contracts: Record<Audience, string>;
  operationRoles: OperationRoles;
}

/** Prints every subgraph's SDL from code (no servers) and composes the Federation 2 supergraph. */
export async function composeSupergraph(): Promise<Composition> {
  const subgraphs = [];
  for (const definition of SUBGRAPHS) {
    const schema = await definition.buildSchema();
    subgraphs.push({ name: definition.name, url: `http://127.0.0.1:${definition.defaultPort}/graphql`, sdl: printSubgraphSchema(schema) });
  }
  const result = composeServices(subgraphs.map((subgraph) => ({ name: subgraph.name, url: subgraph.url, typeDefs: parse(subgraph.sdl) })));
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  const supergraphSdl = `${result.supergraphSdl.trimEnd()}\n`;
  const live = liveDeclarationProblems(apiSchemaOf(supergraphSdl));
  if (live.length)
    throw new Error(
      `The live subscription fields disagree with contracts' LIVE_SUBSCRIPTIONS:\n${live.map((problem) => `- ${problem}`).join('\n')}`,
    );
  return {
    subgraphs,
    supergraphSdl,
    contracts: composeContracts(subgraphs),
    operationRoles: operationRolesOf(SUBGRAPHS.map((definition) => definition.access)),
  };
}

/** The client-facing schema of a supergraph (what breaking-change checks compare). */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

export function writeComposition(composition: Composition): void {
  fs.mkdirSync(path.join(SCHEMA_DIR, 'subgraphs'), { recursive: true });
  for (const subgraph of composition.subgraphs)
    fs.writeFileSync(path.join(SCHEMA_DIR, 'subgraphs', `${subgraph.name}.graphql`), `${subgraph.sdl.trimEnd()}\n`);
  fs.writeFileSync(SUPERGRAPH_FILE, composition.supergraphSdl);
  fs.mkdirSync(path.join(SCHEMA_DIR, 'contracts'), { recursive: true });
  for (const [audience, sdl] of Object.entries(composition.contracts)) fs.writeFileSync(contractFile(audience as Audience), sdl);
  fs.mkdirSync(path.join(SCHEMA_DIR, 'api'), { recursive: true });
  for (const [endpoint, sdl] of Object.entries(apiSchemasOf(composition)))
    fs.writeFileSync(apiSchemaFile(endpoint as 'hub' | Audience), sdl);
  fs.writeFileSync(OPERATION_ROLES_FILE, printOperationRoles(composition.operationRoles));
}

/** One operation a line, so a change to who may use it is one line of the diff. */
export const printOperationRoles = (roles: OperationRoles) =>
  `{\n${Object.entries(roles)
    .map(([operation, rule]) => `  ${JSON.stringify(operation)}: ${JSON.stringify(rule)}`)
    .join(',\n')}\n}\n`;

/** The printed API schema of /graphql and of each audience endpoint. */
export function apiSchemasOf(composition: Composition): Record<'hub' | Audience, string> {
  const print = (supergraphSdl: string) => `${printSchema(apiSchemaOf(supergraphSdl)).trimEnd()}\n`;
  return {
    hub: print(composition.supergraphSdl),
    ...(Object.fromEntries(Object.entries(composition.contracts).map(([audience, sdl]) => [audience, print(sdl)])) as Record<
      Audience,
      string
    >),
  };
}
