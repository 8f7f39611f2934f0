// First: type-graphql and MikroORM read decorator metadata as the subgraphs load.
import 'reflect-metadata';
import { subgraphPortVariable } from '../processes/config';
import { SUBGRAPHS } from '../subgraphs/registry';

/**
 * The port variables of every server `npm start` runs: the gateway, each subgraph of the registry
 * (so a new one is never missed) and the local WeChat stand-in. CI's scripts and the tests give
 * each a free port: `for name in $(node dist/tools/hub-ports.js); do export "$name=…"; done`.
 */
export const HUB_PORT_VARIABLES: readonly string[] = [
  'GATEWAY_PORT',
  ...SUBGRAPHS.map((subgraph) => subgraphPortVariable(subgraph.name)),
  'WECHAT_STUB_PORT',
];

if (require.main === module) console.log(HUB_PORT_VARIABLES.join('\n'));
