import { composeSupergraph, SUPERGRAPH_FILE, writeComposition } from './composition';

/** `npm run compose`: writes schema/subgraphs/*.graphql, schema/supergraph.graphql and schema/contracts/*.graphql. */
composeSupergraph()
  .then((composition) => {
    writeComposition(composition);
    console.log(
      `Composed ${composition.subgraphs.length} subgraphs (${composition.subgraphs.map((s) => s.name).join(', ')}) into ${SUPERGRAPH_FILE}`,
    );
    process.exit(0);
  })
  .catch((error) => {
    console.error((error as Error).message);
    process.exit(1);
  });
