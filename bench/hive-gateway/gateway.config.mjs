// Hive Gateway as bench/gateway runs it, configured as fairly as ours: it verifies the hub's
// HS256 tokens (issuer and audience) with its JWT plugin, forwards the token to every subgraph,
// and limits depth and tokens as our gateway does. Everything comes from the bench's environment.
import { createInlineSigningKeyProvider, defineConfig } from '@graphql-hive/gateway';

export const gatewayConfig = defineConfig({
  supergraph: process.env.BENCH_SUPERGRAPH,
  port: Number(process.env.BENCH_PORT),
  host: '127.0.0.1',
  logging: 'error',
  jwt: {
    signingKeyProviders: [createInlineSigningKeyProvider(process.env.AUTH_SECRET)],
    tokenVerification: { algorithms: ['HS256'], issuer: process.env.BENCH_ISSUER, audience: process.env.BENCH_AUDIENCE },
    reject: { missingToken: false, invalidToken: true },
  },
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') ?? '' }),
  },
  maxDepth: Number(process.env.BENCH_MAX_DEPTH),
  maxTokens: Number(process.env.BENCH_MAX_TOKENS),
});
