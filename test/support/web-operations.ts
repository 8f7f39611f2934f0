import fs from 'node:fs';
import path from 'node:path';
import type { DocumentNode } from 'graphql';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The endpoints the web app's operations are generated for (web/codegen.ts), each with its schema. */
export const WEB_ENDPOINTS = ['hub', 'customer', 'partner', 'supplier'] as const;
export type WebEndpoint = (typeof WEB_ENDPOINTS)[number];

/** The operations web/codegen.ts generated for an endpoint (GraphQL Code Generator's client preset). */
export function webOperations(endpoint: WebEndpoint): { name: string; document: DocumentNode }[] {
  const source = fs.readFileSync(path.join(ROOT, 'web', 'src', 'gql', endpoint, 'graphql.ts'), 'utf8');
  return [...source.matchAll(/^export const (\w+)Document = (\{.*\}) as unknown as DocumentNode/gm)].map((match) => ({
    name: match[1],
    document: JSON.parse(match[2]) as DocumentNode,
  }));
}

/** The API schema an endpoint serves (schema/api/<endpoint>.graphql). */
export const apiSchemaText = (endpoint: WebEndpoint) => fs.readFileSync(path.join(ROOT, 'schema', 'api', `${endpoint}.graphql`), 'utf8');

/** The supergraph an endpoint's gateway plans with: the whole one, or the audience's contract. */
export const supergraphText = (endpoint: WebEndpoint) =>
  fs.readFileSync(
    path.join(ROOT, 'schema', endpoint === 'hub' ? 'supergraph.graphql' : path.join('contracts', `${endpoint}.graphql`)),
    'utf8',
  );
