import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations, each checked against the schema its endpoint really serves (the API schema
 * of the supergraph or of an audience contract, written by `npm run compose` to schema/api/):
 * a page's operations that the endpoint would refuse fail here, and so fail the build and CI.
 */
const endpoint = (schema: string, documents: string[]) => ({
  schema: `../schema/api/${schema}.graphql`,
  documents,
  preset: 'client' as const,
  presetConfig: { fragmentMasking: false },
  config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTimeISO: 'string' }, defaultScalarType: 'unknown' },
});

const config: CodegenConfig = {
  overwrite: true,
  ignoreNoDocuments: false,
  generates: {
    'src/gql/customer/': endpoint('customer', ['src/customer/**/*.{ts,tsx}', 'src/share/**/*.{ts,tsx}', 'src/story/**/*.{ts,tsx}']),
    'src/gql/partner/': endpoint('partner', ['src/partner/**/*.{ts,tsx}']),
    'src/gql/supplier/': endpoint('supplier', ['src/supplier/**/*.{ts,tsx}']),
    'src/gql/hub/': endpoint('hub', [
      'src/studio/**/*.{ts,tsx}',
      'src/signin/**/*.{ts,tsx}',
      'src/workstation/**/*.{ts,tsx}',
      'src/join/**/*.{ts,tsx}',
      'src/register/**/*.{ts,tsx}',
      'src/admin/**/*.{ts,tsx}',
    ]),
  },
};

export default config;
